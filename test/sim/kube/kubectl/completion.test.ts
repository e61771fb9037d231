import { describe, expect, test } from 'vitest'
import type { Session } from '../../../../src/sim/shell/session'
import { bareClusterSession } from './get-fixture'

async function complete(session: Session, line: string): Promise<string[] | undefined> {
  const words = line.split(' ')
  const kubectl = session.commands.get('kubectl')
  const result = await kubectl?.complete?.({ words, cwd: session.cwd, fs: session.fs })
  const typed = words[words.length - 1] ?? ''
  return result?.filter((c) => c.startsWith(typed))
}

describe('kubectl Tab completion', () => {
  test('commands, subcommands and flags', async () => {
    const { session } = await bareClusterSession()
    expect(await complete(session, 'kubectl ge')).toEqual(['get'])
    expect(await complete(session, 'kubectl config use')).toEqual(['use-context'])
    expect(await complete(session, 'kubectl get --show-')).toEqual([
      '--show-kind',
      '--show-labels',
      '--show-managed-fields',
    ])
  })

  test('resource types, then object names in the namespace, namespaces after -n', async () => {
    const f = await bareClusterSession()
    f.create('ConfigMap', { metadata: { name: 'settings', namespace: 'default' } })
    f.create('ConfigMap', { metadata: { name: 'other', namespace: 'kube-system' } })
    expect(await complete(f.session, 'kubectl get deploy')).toEqual(['deployments.apps'])
    expect(await complete(f.session, 'kubectl get configmaps ')).toEqual(['settings'])
    expect(await complete(f.session, 'kubectl get -n kube-system cm ')).toEqual(['other'])
    expect(await complete(f.session, 'kubectl get pods -n ')).toEqual(['default', 'kube-system'])
  })

  test('context names for config use-context', async () => {
    const { session } = await bareClusterSession()
    expect(await complete(session, 'kubectl config use-context ')).toEqual(['minikube'])
  })
})

describe('kubectl Tab completion, argument by argument (issue #4 item 7)', () => {
  /** A bare cluster with two deployments' pods, a node and a second namespace. */
  async function workloads(): Promise<Awaited<ReturnType<typeof bareClusterSession>>> {
    const f = await bareClusterSession()
    f.create('Namespace', { metadata: { name: 'dev' } })
    f.create('Node', { metadata: { name: 'minikube' } })
    const template = (app: string): Record<string, unknown> => ({
      replicas: 1,
      selector: { matchLabels: { app } },
      template: {
        metadata: { labels: { app } },
        spec: { containers: [{ name: app, image: 'nginx' }] },
      },
    })
    f.create('Deployment', {
      metadata: { name: 'web', namespace: 'default' },
      spec: template('web'),
    })
    f.create('Deployment', {
      metadata: { name: 'api', namespace: 'default' },
      spec: template('api'),
    })
    for (const name of ['web-1', 'web-2'])
      f.create('Pod', {
        metadata: { name, namespace: 'default' },
        spec: {
          containers: [
            { name: 'web', image: 'nginx' },
            { name: 'sidecar', image: 'busybox' },
          ],
        },
      })
    return f
  }

  test('kubectl g<Tab> completes the command get', async () => {
    const { session } = await workloads()
    expect(await complete(session, 'kubectl g')).toEqual(['get'])
  })

  test('kubectl get po<Tab> completes the type pods', async () => {
    const { session } = await workloads()
    expect(await complete(session, 'kubectl get po')).toEqual(['pods'])
  })

  test('kubectl get <Tab> lists every served type as api-resources -o name does', async () => {
    const { session } = await workloads()
    expect(await complete(session, 'kubectl get ')).toEqual([
      'configmaps',
      'cronjobs.batch',
      'daemonsets.apps',
      'deployments.apps',
      'endpoints',
      'endpointslices.discovery.k8s.io',
      'events',
      'horizontalpodautoscalers.autoscaling',
      'ingressclasses.networking.k8s.io',
      'ingresses.networking.k8s.io',
      'jobs.batch',
      'leases.coordination.k8s.io',
      'limitranges',
      'namespaces',
      'nodes',
      'persistentvolumeclaims',
      'persistentvolumes',
      'pods',
      'replicasets.apps',
      'replicationcontrollers',
      'resourcequotas',
      'secrets',
      'serviceaccounts',
      'services',
      'statefulsets.apps',
      'storageclasses.storage.k8s.io',
    ])
  })

  test('kubectl get pods <Tab> lists the pods, then those not yet typed', async () => {
    const { session } = await workloads()
    expect(await complete(session, 'kubectl get pods ')).toEqual(['web-1', 'web-2'])
    expect(await complete(session, 'kubectl get pods web-1 ')).toEqual(['web-2'])
  })

  test('kubectl -n <Tab> and --namespace=<Tab> list namespaces', async () => {
    const { session } = await workloads()
    expect(await complete(session, 'kubectl -n ')).toEqual(['default', 'dev', 'kube-system'])
    expect(await complete(session, 'kubectl --namespace=d')).toEqual([
      '--namespace=default',
      '--namespace=dev',
    ])
  })

  test('kubectl describe deploy/<Tab> completes TYPE/NAME', async () => {
    const { session } = await workloads()
    expect(await complete(session, 'kubectl describe deploy/')).toEqual([
      'deploy/api',
      'deploy/web',
    ])
    expect(await complete(session, 'kubectl describe deploy/w')).toEqual(['deploy/web'])
  })

  test('kubectl logs <Tab> offers pods and TYPE/ prefixes, then the pod’s containers', async () => {
    const { session } = await workloads()
    expect(await complete(session, 'kubectl logs ')).toEqual([
      'web-1',
      'web-2',
      'daemonsets/',
      'deployments/',
      'pods/',
      'jobs/',
      'replicasets/',
      'replicationcontrollers/',
      'services/',
      'statefulsets/',
    ])
    expect(await complete(session, 'kubectl logs deployments/')).toEqual([
      'deployments/api',
      'deployments/web',
    ])
    expect(await complete(session, 'kubectl logs web-1 ')).toEqual(['web', 'sidecar'])
  })

  test('kubectl scale <Tab> offers the scalable types and --replicas, then their names', async () => {
    const { session } = await workloads()
    expect(await complete(session, 'kubectl scale ')).toEqual([
      '--replicas',
      'deployment',
      'replicaset',
      'replicationcontroller',
      'statefulset',
    ])
    expect(await complete(session, 'kubectl scale deployment ')).toEqual([
      '--replicas',
      'api',
      'web',
    ])
    expect(await complete(session, 'kubectl scale --replicas=2 deployment web ')).toEqual(['api'])
  })

  test('kubectl rollout status takes one name; cordon and top node complete node names', async () => {
    const { session } = await workloads()
    expect(await complete(session, 'kubectl rollout status ')).toEqual([
      'deployment',
      'daemonset',
      'statefulset',
    ])
    expect(await complete(session, 'kubectl rollout status deploy web ')).toEqual([])
    expect(await complete(session, 'kubectl cordon ')).toEqual(['minikube'])
    expect(await complete(session, 'kubectl top node ')).toEqual(['minikube'])
  })

  test('kubectl get pods --<Tab> lists get’s flags and the global ones', async () => {
    const { session } = await workloads()
    const flags = (await complete(session, 'kubectl get pods --')) ?? []
    expect(flags).toContain('--all-namespaces')
    expect(flags).toContain('--namespace')
    expect(flags).toContain('--output')
    expect(flags).toEqual([...new Set(flags)].sort())
  })

  test('kubectl apply and wait leave the arguments to file names', async () => {
    const { session } = await workloads()
    expect(await complete(session, 'kubectl apply -f ')).toBeUndefined()
    expect(await complete(session, 'kubectl wait ')).toBeUndefined()
  })

  test('kubectl attach <Tab> offers pods and TYPE/ prefixes, then nothing', async () => {
    const { session } = await workloads()
    expect(await complete(session, 'kubectl attach ')).toEqual([
      'web-1',
      'web-2',
      'daemonsets/',
      'deployments/',
      'pods/',
      'jobs/',
      'replicasets/',
      'replicationcontrollers/',
      'services/',
      'statefulsets/',
    ])
    expect(await complete(session, 'kubectl attach deployments/')).toEqual([
      'deployments/api',
      'deployments/web',
    ])
    expect(await complete(session, 'kubectl attach web-1 ')).toEqual([])
  })

  test('kubectl cp <Tab> offers NAMESPACE/, POD: and the path hints', async () => {
    const { session } = await workloads()
    expect(await complete(session, 'kubectl cp ')).toEqual([
      'default/',
      'dev/',
      'kube-system/',
      'web-1:',
      'web-2:',
      './',
      '/',
    ])
    expect(await complete(session, 'kubectl cp -n dev ')).toEqual([
      'default/',
      'dev/',
      'kube-system/',
      './',
      '/',
    ])
  })

  test('kubectl cp w<Tab> adds the local files that match, directories with a slash', async () => {
    const { session } = await workloads()
    await session.fs.mkdir('/home/student/web-files', { recursive: true })
    await session.fs.writeFile('/home/student/web.txt', 'x')
    expect(await complete(session, 'kubectl cp w')).toEqual([
      'web-1:',
      'web-2:',
      'web-files/',
      'web.txt',
    ])
    // No pod or namespace matches: the shell completes file names itself.
    expect(await complete(session, 'kubectl cp notes')).toBeUndefined()
  })

  test('kubectl cp NS/<Tab> offers that namespace’s pods as NS/POD:', async () => {
    const { session } = await workloads()
    expect(await complete(session, 'kubectl cp default/web-')).toEqual([
      'default/web-1:',
      'default/web-2:',
    ])
  })

  test('kubectl cp leaves paths, POD:path and the destination to file names', async () => {
    const { session } = await workloads()
    expect(await complete(session, 'kubectl cp ./')).toBeUndefined()
    expect(await complete(session, 'kubectl cp /tmp')).toBeUndefined()
    expect(await complete(session, 'kubectl cp web-1:/etc')).toBeUndefined()
    expect(await complete(session, 'kubectl cp web-1:/etc/hosts ')).toBeUndefined()
  })

  test('kubectl diff -f <Tab> leaves the value to file names', async () => {
    const { session } = await workloads()
    expect(await complete(session, 'kubectl diff -f ')).toBeUndefined()
    expect(await complete(session, 'kubectl diff --filename ')).toBeUndefined()
  })

  test('kubectl attach, cp and diff --<Tab> list their own flags, the global ones and --help', async () => {
    const { session } = await workloads()
    // kubectl 1.32's `__complete VERB --` answers, sorted.
    const GLOBAL =
      '--as --as-group --as-uid --cache-dir --certificate-authority --client-certificate --client-key --cluster --context --disable-compression --insecure-skip-tls-verify --kubeconfig --log-flush-frequency --match-server-version --namespace --password --profile --profile-output --request-timeout --server --tls-server-name --token --user --username --v --vmodule --warnings-as-errors --help'
    const expected = (own: string): string[] => `${GLOBAL} ${own}`.split(' ').sort()
    expect(await complete(session, 'kubectl attach --')).toEqual(
      expected('--container --pod-running-timeout --quiet --stdin --tty'),
    )
    expect(await complete(session, 'kubectl cp --')).toEqual(
      expected('--container --no-preserve --retries'),
    )
    expect(await complete(session, 'kubectl diff --')).toEqual(
      expected(
        '--concurrency --field-manager --filename --force-conflicts --kustomize --prune --prune-allowlist --recursive --selector --server-side --show-managed-fields',
      ),
    )
  })
})
