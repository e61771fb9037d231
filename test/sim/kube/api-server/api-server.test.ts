import { describe, expect, it } from 'vitest'
import type { ApiWatchEvent } from '../../../../src/sim/kube/api-server'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { toYaml } from '../../../../src/sim/kube/api/yaml-output'
import { bareCluster, DEPLOYMENTS, JOBS, NAMESPACES, pod, PODS, SERVICES } from './fixture'

type R = { ok: true; value: unknown } | { ok: false; error: { message: string } }
const yamlOf = (r: R): string => (r.ok ? toYaml(r.value) : `ERROR ${r.error.message}`)
const messageOf = (r: R): string => (r.ok ? 'ok' : r.error.message)

const deployment = (name: string, spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels: { app: name } },
  spec: {
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: {
        containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }],
      },
    },
    ...spec,
  },
})

describe('ApiServer defaulting', () => {
  it('stores a Deployment with the server defaults kubectl get -o yaml shows', () => {
    const c = bareCluster()
    expect(yamlOf(c.api.create(DEPLOYMENTS, deployment('web')))).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: "2026-01-05T09:00:00Z"
  generation: 1
  labels:
    app: web
  name: web
  namespace: default
  resourceVersion: "6"
  uid: f8b9262d-27fb-4d04-bdbb-2b5a3ab97acc
spec:
  progressDeadlineSeconds: 600
  replicas: 1
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app: web
  strategy:
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 25%
    type: RollingUpdate
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx:1.27
        imagePullPolicy: IfNotPresent
        name: nginx
        ports:
        - containerPort: 80
          protocol: TCP
        resources: {}
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
      dnsPolicy: ClusterFirst
      restartPolicy: Always
      schedulerName: default-scheduler
      securityContext: {}
      terminationGracePeriodSeconds: 30
status: {}
`)
  })

  it('admits a Pod with its service-account token volume, priority and default tolerations', () => {
    const c = bareCluster()
    expect(yamlOf(c.api.create(PODS, pod('web')))).toBe(`apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: "2026-01-05T09:00:00Z"
  name: web
  namespace: default
  resourceVersion: "6"
  uid: f8b9262d-27fb-4d04-bdbb-2b5a3ab97acc
spec:
  containers:
  - image: nginx
    imagePullPolicy: Always
    name: web
    resources: {}
    terminationMessagePath: /dev/termination-log
    terminationMessagePolicy: File
    volumeMounts:
    - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
      name: kube-api-access-fb76f
      readOnly: true
  dnsPolicy: ClusterFirst
  enableServiceLinks: true
  preemptionPolicy: PreemptLowerPriority
  priority: 0
  restartPolicy: Always
  schedulerName: default-scheduler
  securityContext: {}
  serviceAccount: default
  serviceAccountName: default
  terminationGracePeriodSeconds: 30
  tolerations:
  - effect: NoExecute
    key: node.kubernetes.io/not-ready
    operator: Exists
    tolerationSeconds: 300
  - effect: NoExecute
    key: node.kubernetes.io/unreachable
    operator: Exists
    tolerationSeconds: 300
  volumes:
  - name: kube-api-access-fb76f
    projected:
      defaultMode: 420
      sources:
      - serviceAccountToken:
          expirationSeconds: 3607
          path: token
      - configMap:
          items:
          - key: ca.crt
            path: ca.crt
          name: kube-root-ca.crt
      - downwardAPI:
          items:
          - fieldRef:
              apiVersion: v1
              fieldPath: metadata.namespace
            path: namespace
status:
  phase: Pending
  qosClass: BestEffort
`)
  })

  it('allocates a ClusterIP and a NodePort for a NodePort Service, or the one asked for', () => {
    const c = bareCluster()
    const web = c.api.create(SERVICES, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] },
    })
    expect(yamlOf(web).split('status:')[0]).toContain(`spec:
  clusterIP: 10.98.60.20
  clusterIPs:
  - 10.98.60.20
  externalTrafficPolicy: Cluster
  internalTrafficPolicy: Cluster
  ipFamilies:
  - IPv4
  ipFamilyPolicy: SingleStack
  ports:
  - nodePort: 30046
    port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: web
  sessionAffinity: None
  type: NodePort
`)
    const dns = c.api.create(SERVICES, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kube-dns', namespace: 'kube-system' },
      spec: { clusterIP: '10.96.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] },
    })
    expect(dns.ok && (dns.value['spec'] as { clusterIPs: string[] }).clusterIPs).toEqual([
      '10.96.0.10',
    ])
    const again = c.api.create(SERVICES, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'dup' },
      spec: { clusterIP: '10.96.0.10', ports: [{ port: 53 }] },
    })
    expect(messageOf(again)).toBe(
      'Service "dup" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    )
  })

  it('generates a Job selector and labels from its uid', () => {
    const c = bareCluster()
    const job = c.api.create(JOBS, {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi' },
      spec: {
        template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } },
      },
    })
    const uid = job.ok ? (job.value.metadata.uid ?? '') : ''
    const y = yamlOf(job).replaceAll(uid, 'UID')
    expect(y).toContain(`  labels:
    batch.kubernetes.io/controller-uid: UID
    batch.kubernetes.io/job-name: pi
    controller-uid: UID
    job-name: pi
  name: pi
`)
    expect(y).toContain(`spec:
  backoffLimit: 6
  completionMode: NonIndexed
  completions: 1
  parallelism: 1
  podReplacementPolicy: TerminatingOrFailed
  selector:
    matchLabels:
      batch.kubernetes.io/controller-uid: UID
  suspend: false
`)
  })

  it('gives a Namespace its finalizer, phase and name label', () => {
    const c = bareCluster()
    const ns = c.api.create(NAMESPACES, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-a' },
    })
    expect(yamlOf(ns)).toBe(`apiVersion: v1
kind: Namespace
metadata:
  creationTimestamp: "2026-01-05T09:00:00Z"
  labels:
    kubernetes.io/metadata.name: team-a
  name: team-a
  resourceVersion: "6"
  uid: f8b9262d-27fb-4d04-bdbb-2b5a3ab97acc
spec:
  finalizers:
  - kubernetes
status:
  phase: Active
`)
  })
})

describe('ApiServer validation', () => {
  it('lists every invalid field of a Deployment in one Invalid status', () => {
    const c = bareCluster()
    const r = c.api.create(DEPLOYMENTS, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'Web_1' },
      spec: {
        replicas: -1,
        template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'a' }] } },
      },
    })
    expect(messageOf(r)).toBe(
      `Deployment.apps "Web_1" is invalid: [metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'), spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: \`selector\` does not match template \`labels\`, spec.template.spec.containers[0].image: Required value]`,
    )
    expect(r.ok ? undefined : r.error.status.code).toBe(422)
  })

  it('rejects unknown fields under strict field validation and drops them otherwise', () => {
    const c = bareCluster()
    const body = {
      ...deployment('web'),
      spec: { ...(deployment('web')['spec'] as object), replica: 2 },
    } as KubeObject
    expect(messageOf(c.api.create(DEPLOYMENTS, body, { fieldValidation: 'Strict' }))).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"',
    )
    const lenient = c.api.create(DEPLOYMENTS, body)
    expect(lenient.ok && 'replica' in (lenient.value['spec'] as object)).toBe(false)
  })

  it('reports a value of the wrong type as Go’s decoder does', () => {
    const c = bareCluster()
    const body = {
      ...deployment('web'),
      spec: { ...(deployment('web')['spec'] as object), replicas: 'two' },
    } as KubeObject
    expect(messageOf(c.api.create(DEPLOYMENTS, body))).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    )
  })

  it('names a Service with the DNS-1035 rule', () => {
    const c = bareCluster()
    const r = c.api.create(SERVICES, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: '1web' },
      spec: { ports: [{ port: 80 }] },
    })
    expect(messageOf(r)).toBe(
      `Service "1web" is invalid: metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    )
  })

  it('refuses to change a Deployment selector', () => {
    const c = bareCluster()
    c.api.create(DEPLOYMENTS, deployment('web'))
    const r = c.api.patch(DEPLOYMENTS, 'default', 'web', 'merge', {
      spec: {
        selector: { matchLabels: { app: 'other' } },
        template: { metadata: { labels: { app: 'other' } } },
      },
    })
    expect(messageOf(r)).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"other"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    )
  })
})

describe('ApiServer admission', () => {
  it('needs the namespace to exist and not be terminating', () => {
    const c = bareCluster()
    expect(
      messageOf(c.api.create(PODS, { ...pod('p'), metadata: { name: 'p', namespace: 'nope' } })),
    ).toBe('namespaces "nope" not found')
    c.api.create(NAMESPACES, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'gone' } })
    c.api.delete(NAMESPACES, '', 'gone')
    expect(
      messageOf(c.api.create(PODS, { ...pod('p'), metadata: { name: 'p', namespace: 'gone' } })),
    ).toBe(
      'pods "p" is forbidden: unable to create new content in namespace gone because it is being terminated',
    )
  })

  it('needs the pod’s service account', () => {
    const c = bareCluster()
    c.api.create(NAMESPACES, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'fresh' } })
    expect(
      messageOf(c.api.create(PODS, { ...pod('p'), metadata: { name: 'p', namespace: 'fresh' } })),
    ).toBe(
      'pods "p" is forbidden: error looking up service account fresh/default: serviceaccount "default" not found',
    )
  })

  it('names generateName objects with five suffix characters', () => {
    const c = bareCluster()
    const r = c.api.create(PODS, { ...pod(''), metadata: { name: '', generateName: 'web-' } })
    expect(r.ok && r.value.metadata.name).toBe('web-fb76f')
  })
})

describe('ApiServer selectors and watch', () => {
  it('filters lists by label and field selectors and reports parse errors', () => {
    const c = bareCluster()
    c.api.create(PODS, { ...pod('a'), metadata: { name: 'a', labels: { app: 'web', tier: 'fe' } } })
    c.api.create(PODS, { ...pod('b'), metadata: { name: 'b', labels: { app: 'db' } } })
    c.api.create(PODS, { ...pod('c'), metadata: { name: 'c' } })
    const names = (labelSelector?: string, fieldSelector?: string): string => {
      const r = c.api.list(PODS, {
        namespace: 'default',
        ...(labelSelector ? { labelSelector } : {}),
        ...(fieldSelector ? { fieldSelector } : {}),
      })
      return r.ok ? r.value.items.map((o) => o.metadata.name).join(',') : `ERROR ${r.error.message}`
    }
    expect(names('app=web')).toBe('a')
    expect(names('app!=web')).toBe('b,c')
    expect(names('app in (web,db),!tier')).toBe('b')
    expect(names('app')).toBe('a,b')
    expect(names(undefined, 'metadata.name!=a')).toBe('b,c')
    expect(names('a b')).toBe(
      "ERROR unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt",
    )
    expect(names('app in web')).toBe("ERROR unable to parse requirement: found 'web' expected: '('")
    expect(names(undefined, 'foo=bar')).toBe('ERROR field label not supported: foo')
    expect(names(undefined, 'foo')).toBe("ERROR invalid selector: 'foo'; can't understand 'foo'")
  })

  it('streams changes that match the selector, turning label changes into ADDED/DELETED', () => {
    const c = bareCluster()
    const seen: string[] = []
    const w = c.api.watch(
      PODS,
      { namespace: 'default', labelSelector: 'app=web' },
      (e: ApiWatchEvent) => seen.push(`${e.type} ${e.object.metadata.name}`),
    )
    c.api.create(PODS, { ...pod('a'), metadata: { name: 'a', labels: { app: 'web' } } })
    c.api.create(PODS, { ...pod('b'), metadata: { name: 'b' } })
    c.api.patch(PODS, 'default', 'a', 'merge', { metadata: { labels: { app: 'db' } } })
    c.api.patch(PODS, 'default', 'b', 'merge', { metadata: { labels: { app: 'web' } } })
    c.api.delete(PODS, 'default', 'b')
    if (w.ok) w.value()
    c.api.create(PODS, { ...pod('d'), metadata: { name: 'd', labels: { app: 'web' } } })
    expect(seen).toEqual(['ADDED a', 'DELETED a', 'ADDED b', 'DELETED b'])
  })
})

describe('ApiServer deletion', () => {
  it('keeps a bound pod terminating for its grace period until deleted with grace 0', () => {
    const c = bareCluster()
    c.api.create(PODS, pod('web'))
    c.api.bind('default', 'web', 'minikube')
    const r = c.api.delete(PODS, 'default', 'web')
    expect(
      r.ok && [r.value.metadata.deletionTimestamp, r.value.metadata.deletionGracePeriodSeconds],
    ).toEqual(['2026-01-05T09:00:30Z', 30])
    expect(c.api.get(PODS, 'default', 'web').ok).toBe(true)
    c.api.delete(PODS, 'default', 'web', { gracePeriodSeconds: 0 })
    expect(messageOf(c.api.get(PODS, 'default', 'web'))).toBe('pods "web" not found')
  })

  it('deletes an unbound pod at once', () => {
    const c = bareCluster()
    c.api.create(PODS, pod('web'))
    c.api.delete(PODS, 'default', 'web')
    expect(messageOf(c.api.get(PODS, 'default', 'web'))).toBe('pods "web" not found')
  })

  it('waits for finalizers, and for foregroundDeletion when asked', () => {
    const c = bareCluster()
    c.api.create(DEPLOYMENTS, deployment('web'))
    const r = c.api.delete(DEPLOYMENTS, 'default', 'web', { propagationPolicy: 'Foreground' })
    expect(r.ok && r.value.metadata.finalizers).toEqual(['foregroundDeletion'])
    const current = c.api.get(DEPLOYMENTS, 'default', 'web')
    if (!current.ok) throw current.error
    c.api.update(DEPLOYMENTS, {
      ...current.value,
      metadata: { ...current.value.metadata, finalizers: [] },
    })
    expect(messageOf(c.api.get(DEPLOYMENTS, 'default', 'web'))).toBe(
      'deployments.apps "web" not found',
    )
  })

  it('terminates a namespace until its finalizer is cleared, and protects the system ones', () => {
    const c = bareCluster()
    c.api.create(NAMESPACES, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } })
    const r = c.api.delete(NAMESPACES, '', 'team')
    expect(r.ok && (r.value['status'] as { phase: string }).phase).toBe('Terminating')
    const ns = c.api.get(NAMESPACES, '', 'team')
    if (!ns.ok) throw ns.error
    c.api.update(NAMESPACES, { ...ns.value, spec: { finalizers: [] } })
    expect(messageOf(c.api.get(NAMESPACES, '', 'team'))).toBe('namespaces "team" not found')
    expect(messageOf(c.api.delete(NAMESPACES, '', 'kube-system'))).toBe(
      'namespaces "kube-system" is forbidden: this namespace may not be deleted',
    )
  })

  it('changes nothing on a dry run', () => {
    const c = bareCluster()
    c.api.create(PODS, pod('web'))
    expect(c.api.delete(PODS, 'default', 'web', { dryRun: true }).ok).toBe(true)
    expect(c.api.get(PODS, 'default', 'web').ok).toBe(true)
    expect(c.api.create(PODS, pod('other'), { dryRun: true }).ok).toBe(true)
    expect(messageOf(c.api.get(PODS, 'default', 'other'))).toBe('pods "other" not found')
  })
})

describe('ApiServer patch', () => {
  it('merges containers by name in a strategic merge patch', () => {
    const c = bareCluster()
    c.api.create(DEPLOYMENTS, deployment('web'))
    const r = c.api.patch(DEPLOYMENTS, 'default', 'web', 'strategic', {
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'nginx', image: 'nginx:1.28' },
              { name: 'side', image: 'busybox' },
            ],
          },
        },
      },
    })
    const containers = r.ok
      ? (
          r.value['spec'] as {
            template: { spec: { containers: { name: string; image: string; ports?: unknown }[] } }
          }
        ).template.spec.containers
      : []
    expect(containers.map((x) => `${x.name}=${x.image}${x.ports ? '+ports' : ''}`)).toEqual([
      'nginx=nginx:1.28+ports',
      'side=busybox',
    ])
    expect(r.ok && r.value.metadata.generation).toBe(2)
  })

  it('applies a JSON patch and reports a missing path', () => {
    const c = bareCluster()
    c.api.create(DEPLOYMENTS, deployment('web'))
    const r = c.api.patch(DEPLOYMENTS, 'default', 'web', 'json', [
      { op: 'replace', path: '/spec/replicas', value: 3 },
    ])
    expect(r.ok && (r.value['spec'] as { replicas: number }).replicas).toBe(3)
    const bad = c.api.patch(DEPLOYMENTS, 'default', 'web', 'json', [
      { op: 'remove', path: '/spec/nope' },
    ])
    expect(
      bad.ok ? '' : [bad.error.message, bad.error.status.details?.causes?.[0]?.message],
    ).toEqual([
      'the server rejected our request due to an error in our request',
      'Unable to remove nonexistent key: nope: missing value',
    ])
  })

  it('creates on server-side apply when the object is missing', () => {
    const c = bareCluster()
    const r = c.api.patch(DEPLOYMENTS, 'default', 'web', 'apply', deployment('web'))
    expect(r.ok && r.value.metadata.generation).toBe(1)
  })
})
