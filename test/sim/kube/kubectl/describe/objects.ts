/**
 * Objects for the describe tests, shaped as a minikube cluster's API serves them. The same
 * objects were served to the real kubectl 1.32 (through a loopback fake API server) to check
 * that Quai's describe output matches it byte for byte; the expected strings in the tests are
 * that output, with times taken from Quai's virtual clock.
 */
import type { KubeObject } from '../../../../../src/sim/kube/api/object'

/** RFC 3339 (seconds) for `s` seconds before `now`. */
const ts = (now: number, s: number): string =>
  new Date(Math.floor((now - s * 1000) / 1000) * 1000).toISOString().replace('.000Z', 'Z')

type Fixture = (now: number) => KubeObject[]

export const basicObjects: Fixture = (now) => {
  const t = (s: number): string => ts(now, s)
  const podUid = '11111111-2222-3333-4444-555555555555'
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'default',
        uid: 'ns-uid',
        creationTimestamp: t(3600),
        labels: { 'kubernetes.io/metadata.name': 'default' },
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'web-7d4b9c8f5-abcde',
        namespace: 'default',
        uid: podUid,
        creationTimestamp: t(190),
        labels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: 'web-7d4b9c8f5',
            uid: 'rs-uid',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx',
            imagePullPolicy: 'Always',
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            resources: {},
            livenessProbe: {
              httpGet: { path: '/', port: 80, scheme: 'HTTP' },
              timeoutSeconds: 1,
              periodSeconds: 10,
              successThreshold: 1,
              failureThreshold: 3,
            },
            env: [
              { name: 'MODE', value: 'prod' },
              { name: 'PASS', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
              {
                name: 'NODE',
                valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } },
              },
            ],
            volumeMounts: [
              {
                name: 'kube-api-access-x7k2p',
                readOnly: true,
                mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
              },
            ],
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
          },
        ],
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 30,
        dnsPolicy: 'ClusterFirst',
        serviceAccountName: 'default',
        serviceAccount: 'default',
        nodeName: 'minikube',
        securityContext: {},
        schedulerName: 'default-scheduler',
        tolerations: [
          {
            key: 'node.kubernetes.io/not-ready',
            operator: 'Exists',
            effect: 'NoExecute',
            tolerationSeconds: 300,
          },
          {
            key: 'node.kubernetes.io/unreachable',
            operator: 'Exists',
            effect: 'NoExecute',
            tolerationSeconds: 300,
          },
        ],
        priority: 0,
        enableServiceLinks: true,
        preemptionPolicy: 'PreemptLowerPriority',
        volumes: [
          {
            name: 'kube-api-access-x7k2p',
            projected: {
              sources: [
                { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
                {
                  configMap: {
                    name: 'kube-root-ca.crt',
                    items: [{ key: 'ca.crt', path: 'ca.crt' }],
                  },
                },
                {
                  downwardAPI: {
                    items: [
                      {
                        path: 'namespace',
                        fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
                      },
                    ],
                  },
                },
              ],
              defaultMode: 420,
            },
          },
        ],
      },
      status: {
        phase: 'Running',
        hostIP: '192.168.49.2',
        hostIPs: [{ ip: '192.168.49.2' }],
        podIP: '10.244.0.5',
        podIPs: [{ ip: '10.244.0.5' }],
        startTime: t(190),
        qosClass: 'BestEffort',
        conditions: [
          { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: t(180) },
          { type: 'Initialized', status: 'True', lastTransitionTime: t(190) },
          { type: 'Ready', status: 'True', lastTransitionTime: t(180) },
          { type: 'ContainersReady', status: 'True', lastTransitionTime: t(180) },
          { type: 'PodScheduled', status: 'True', lastTransitionTime: t(190) },
        ],
        containerStatuses: [
          {
            name: 'nginx',
            state: { running: { startedAt: t(181) } },
            lastState: {},
            ready: true,
            restartCount: 0,
            image: 'docker.io/library/nginx:latest',
            imageID:
              'docker-pullable://nginx@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a',
            containerID: 'docker://8f3c2a1b',
            started: true,
          },
        ],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web-7d4b9c8f5-abcde.1', namespace: 'default', uid: 'e1' },
      involvedObject: {
        kind: 'Pod',
        namespace: 'default',
        name: 'web-7d4b9c8f5-abcde',
        uid: podUid,
        apiVersion: 'v1',
      },
      reason: 'Scheduled',
      message: 'Successfully assigned default/web-7d4b9c8f5-abcde to minikube',
      source: { component: 'default-scheduler' },
      firstTimestamp: null,
      lastTimestamp: null,
      eventTime: null,
      count: 1,
      type: 'Normal',
      reportingComponent: 'default-scheduler',
    },
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web-7d4b9c8f5-abcde.2', namespace: 'default', uid: 'e2' },
      involvedObject: {
        kind: 'Pod',
        namespace: 'default',
        name: 'web-7d4b9c8f5-abcde',
        uid: podUid,
        apiVersion: 'v1',
        fieldPath: 'spec.containers{nginx}',
      },
      reason: 'Pulling',
      message: 'Pulling image "nginx"',
      source: { component: 'kubelet', host: 'minikube' },
      firstTimestamp: t(189),
      lastTimestamp: t(60),
      count: 3,
      type: 'Normal',
    },
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web-7d4b9c8f5-abcde.3', namespace: 'default', uid: 'e3' },
      involvedObject: {
        kind: 'Pod',
        namespace: 'default',
        name: 'web-7d4b9c8f5-abcde',
        uid: podUid,
        apiVersion: 'v1',
        fieldPath: 'spec.containers{nginx}',
      },
      reason: 'Started',
      message: 'Started container nginx',
      source: { component: 'kubelet', host: 'minikube' },
      firstTimestamp: t(181),
      lastTimestamp: t(181),
      count: 1,
      type: 'Normal',
    },
  ] as unknown as KubeObject[]
}

export const clusterObjects: Fixture = (now) => {
  const t = (s: number): string => ts(now, s)
  const tmpl = {
    metadata: { creationTimestamp: null, labels: { app: 'web' } },
    spec: {
      containers: [
        {
          name: 'nginx',
          image: 'nginx',
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'Always',
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      securityContext: {},
      schedulerName: 'default-scheduler',
    },
  }
  const rsTmpl = JSON.parse(JSON.stringify(tmpl)) as typeof tmpl
  ;(rsTmpl.metadata.labels as Record<string, string>)['pod-template-hash'] = '7d4b9c8f5'
  return [
    ...basicObjects(now),
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'web',
        namespace: 'default',
        uid: 'dep-uid',
        generation: 1,
        creationTimestamp: t(190),
        labels: { app: 'web' },
        annotations: { 'deployment.kubernetes.io/revision': '1' },
      },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        template: tmpl,
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
        },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
      },
      status: {
        observedGeneration: 1,
        replicas: 1,
        updatedReplicas: 1,
        readyReplicas: 1,
        availableReplicas: 1,
        conditions: [
          {
            type: 'Available',
            status: 'True',
            lastUpdateTime: t(180),
            lastTransitionTime: t(180),
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
          },
          {
            type: 'Progressing',
            status: 'True',
            lastUpdateTime: t(180),
            lastTransitionTime: t(190),
            reason: 'NewReplicaSetAvailable',
            message: 'ReplicaSet "web-7d4b9c8f5" has successfully progressed.',
          },
        ],
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'web-7d4b9c8f5',
        namespace: 'default',
        uid: 'rs-uid',
        generation: 1,
        creationTimestamp: t(190),
        labels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' },
        annotations: {
          'deployment.kubernetes.io/desired-replicas': '1',
          'deployment.kubernetes.io/max-replicas': '2',
          'deployment.kubernetes.io/revision': '1',
        },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'web',
            uid: 'dep-uid',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' } },
        template: rsTmpl,
      },
      status: {
        replicas: 1,
        fullyLabeledReplicas: 1,
        readyReplicas: 1,
        availableReplicas: 1,
        observedGeneration: 1,
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.1', namespace: 'default', uid: 'e10' },
      involvedObject: {
        kind: 'Deployment',
        namespace: 'default',
        name: 'web',
        uid: 'dep-uid',
        apiVersion: 'apps/v1',
        resourceVersion: '5',
      },
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set web-7d4b9c8f5 to 1',
      source: { component: 'deployment-controller' },
      firstTimestamp: t(190),
      lastTimestamp: t(190),
      count: 1,
      type: 'Normal',
    },
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web-7d4b9c8f5.1', namespace: 'default', uid: 'e11' },
      involvedObject: {
        kind: 'ReplicaSet',
        namespace: 'default',
        name: 'web-7d4b9c8f5',
        uid: 'rs-uid',
        apiVersion: 'apps/v1',
      },
      reason: 'SuccessfulCreate',
      message: 'Created pod: web-7d4b9c8f5-abcde',
      source: { component: 'replicaset-controller' },
      firstTimestamp: t(190),
      lastTimestamp: t(190),
      count: 1,
      type: 'Normal',
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'web',
        namespace: 'default',
        uid: 'svc-uid',
        creationTimestamp: t(100),
        labels: { app: 'web' },
      },
      spec: {
        ports: [{ protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30080 }],
        selector: { app: 'web' },
        clusterIP: '10.96.12.34',
        clusterIPs: ['10.96.12.34'],
        type: 'NodePort',
        sessionAffinity: 'None',
        externalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        internalTrafficPolicy: 'Cluster',
      },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name: 'web',
        namespace: 'default',
        uid: 'ep-uid',
        creationTimestamp: t(100),
        labels: { app: 'web' },
      },
      subsets: [
        {
          addresses: [
            {
              ip: '10.244.0.5',
              nodeName: 'minikube',
              targetRef: {
                kind: 'Pod',
                namespace: 'default',
                name: 'web-7d4b9c8f5-abcde',
                uid: '11111111-2222-3333-4444-555555555555',
              },
            },
          ],
          ports: [{ port: 80, protocol: 'TCP' }],
        },
      ],
    },
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'web-x2v8k',
        namespace: 'default',
        uid: 'eps-uid',
        creationTimestamp: t(100),
        generateName: 'web-',
        labels: {
          'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
          'kubernetes.io/service-name': 'web',
          app: 'web',
        },
        annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': t(100) },
      },
      addressType: 'IPv4',
      endpoints: [
        {
          addresses: ['10.244.0.5'],
          conditions: { ready: true, serving: true, terminating: false },
          nodeName: 'minikube',
          targetRef: {
            kind: 'Pod',
            namespace: 'default',
            name: 'web-7d4b9c8f5-abcde',
            uid: '11111111-2222-3333-4444-555555555555',
          },
        },
      ],
      ports: [{ name: '', protocol: 'TCP', port: 80 }],
    },
  ] as unknown as KubeObject[]
}

export const nodeObjects: Fixture = (now) => {
  const t = (s: number): string => ts(now, s)
  const sysPod = (
    name: string,
    age: number,
    req?: Record<string, string>,
    lim?: Record<string, string>,
  ): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'kube-system', uid: 'uid-' + name, creationTimestamp: t(age) },
    spec: {
      nodeName: 'minikube',
      containers: [
        {
          name: 'c',
          image: 'x',
          resources: { ...(req ? { requests: req } : {}), ...(lim ? { limits: lim } : {}) },
        },
      ],
    },
    status: { phase: 'Running' },
  })
  return [
    ...clusterObjects(now),
    {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: 'minikube',
        uid: 'node-uid',
        creationTimestamp: t(600),
        labels: {
          'beta.kubernetes.io/arch': 'amd64',
          'beta.kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/hostname': 'minikube',
          'kubernetes.io/os': 'linux',
          'minikube.k8s.io/commit': '5883c09216182566a63dff4c326a6fc9ed2982ff',
          'minikube.k8s.io/name': 'minikube',
          'minikube.k8s.io/primary': 'true',
          'minikube.k8s.io/updated_at': '2026_01_05T09_00_00_0700',
          'minikube.k8s.io/version': 'v1.35.0',
          'node-role.kubernetes.io/control-plane': '',
          'node.kubernetes.io/exclude-from-external-load-balancers': '',
        },
        annotations: {
          'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/cri-dockerd.sock',
          'node.alpha.kubernetes.io/ttl': '0',
          'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        },
      },
      spec: { podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'] },
      status: {
        capacity: {
          cpu: '2',
          'ephemeral-storage': '102107096Ki',
          'hugepages-1Gi': '0',
          'hugepages-2Mi': '0',
          memory: '3912244Ki',
          pods: '110',
        },
        allocatable: {
          cpu: '2',
          'ephemeral-storage': '102107096Ki',
          'hugepages-1Gi': '0',
          'hugepages-2Mi': '0',
          memory: '3912244Ki',
          pods: '110',
        },
        conditions: [
          {
            type: 'MemoryPressure',
            status: 'False',
            lastHeartbeatTime: t(30),
            lastTransitionTime: t(600),
            reason: 'KubeletHasSufficientMemory',
            message: 'kubelet has sufficient memory available',
          },
          {
            type: 'DiskPressure',
            status: 'False',
            lastHeartbeatTime: t(30),
            lastTransitionTime: t(600),
            reason: 'KubeletHasNoDiskPressure',
            message: 'kubelet has no disk pressure',
          },
          {
            type: 'PIDPressure',
            status: 'False',
            lastHeartbeatTime: t(30),
            lastTransitionTime: t(600),
            reason: 'KubeletHasSufficientPID',
            message: 'kubelet has sufficient PID available',
          },
          {
            type: 'Ready',
            status: 'True',
            lastHeartbeatTime: t(30),
            lastTransitionTime: t(590),
            reason: 'KubeletReady',
            message: 'kubelet is posting ready status',
          },
        ],
        addresses: [
          { type: 'InternalIP', address: '192.168.49.2' },
          { type: 'Hostname', address: 'minikube' },
        ],
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo: {
          machineID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
          systemUUID: '3f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
          bootID: '9b8a7c6d-5e4f-3a2b-1c0d-e9f8a7b6c5d4',
          kernelVersion: '6.8.0-49-generic',
          osImage: 'Ubuntu 22.04.5 LTS',
          containerRuntimeVersion: 'docker://27.4.1',
          kubeletVersion: 'v1.32.0',
          kubeProxyVersion: 'v1.32.0',
          operatingSystem: 'linux',
          architecture: 'amd64',
        },
      },
    },
    {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: 'minikube',
        namespace: 'kube-node-lease',
        uid: 'lease-uid',
        creationTimestamp: t(600),
      },
      spec: {
        holderIdentity: 'minikube',
        leaseDurationSeconds: 40,
        renewTime: '2026-11-26T00:29:00.123456Z',
      },
    },
    sysPod('coredns-668d6bf9bc-xk2j4', 590, { cpu: '100m', memory: '70Mi' }, { memory: '170Mi' }),
    sysPod('etcd-minikube', 600, { cpu: '100m', memory: '100Mi' }),
    sysPod('kube-apiserver-minikube', 600, { cpu: '250m' }),
    sysPod('kube-proxy-7x9kq', 590),
    { ...sysPod('done-pod', 500), status: { phase: 'Succeeded' } },
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'minikube.1', namespace: 'default', uid: 'e20' },
      involvedObject: { kind: 'Node', name: 'minikube', uid: 'minikube', apiVersion: '' },
      reason: 'Starting',
      message: 'Starting kubelet.',
      source: { component: 'kubelet', host: 'minikube' },
      firstTimestamp: t(610),
      lastTimestamp: t(610),
      count: 1,
      type: 'Normal',
    },
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'minikube.2', namespace: 'default', uid: 'e21' },
      involvedObject: { kind: 'Node', name: 'minikube', uid: 'node-uid', apiVersion: 'v1' },
      reason: 'RegisteredNode',
      message: 'Node minikube event: Registered Node minikube in Controller',
      source: { component: 'node-controller' },
      firstTimestamp: t(595),
      lastTimestamp: t(595),
      count: 1,
      type: 'Normal',
    },
  ] as unknown as KubeObject[]
}

export const moreObjects: Fixture = (now) => {
  const t = (s: number): string => ts(now, s)
  const podSpecTmpl = {
    containers: [
      {
        name: 'app',
        image: 'busybox:1.36',
        command: ['sh', '-c'],
        args: ['echo hi\nsleep 10'],
        resources: {
          limits: { cpu: '500m', memory: '128Mi' },
          requests: { cpu: '250m', memory: '64Mi' },
        },
        ports: [
          { containerPort: 8080, protocol: 'TCP', name: 'http' },
          { containerPort: 9090, protocol: 'UDP', hostPort: 9090 },
        ],
        env: [
          { name: 'MULTI', value: 'a\nb' },
          {
            name: 'CM',
            valueFrom: { configMapKeyRef: { name: 'cfg', key: 'mode', optional: true } },
          },
          {
            name: 'POD',
            valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } },
          },
          {
            name: 'LIM',
            valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } },
          },
        ],
        envFrom: [
          { configMapRef: { name: 'cfg' } },
          { secretRef: { name: 'db', optional: false }, prefix: 'DB_' },
        ],
        readinessProbe: {
          exec: { command: ['cat', '/tmp/ready'] },
          initialDelaySeconds: 5,
          timeoutSeconds: 1,
          periodSeconds: 5,
          successThreshold: 1,
          failureThreshold: 3,
        },
        livenessProbe: {
          tcpSocket: { port: 8080 },
          timeoutSeconds: 2,
          periodSeconds: 10,
          successThreshold: 1,
          failureThreshold: 3,
        },
        volumeMounts: [
          { name: 'data', mountPath: '/data' },
          { name: 'cfg', mountPath: '/etc/cfg', readOnly: true, subPath: 'x.conf' },
        ],
      },
    ],
    volumes: [
      { name: 'data', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } },
      { name: 'sec', secret: { secretName: 'db', defaultMode: 420 } },
      { name: 'claim', persistentVolumeClaim: { claimName: 'data-pvc' } },
      { name: 'host', hostPath: { path: '/var/log', type: '' } },
      { name: 'mem', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
    ],
    nodeSelector: { disktype: 'ssd' },
    restartPolicy: 'Always',
    dnsPolicy: 'ClusterFirst',
    serviceAccountName: 'builder',
  }
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'dev',
        uid: 'ns-dev',
        creationTimestamp: t(5000),
        labels: { 'kubernetes.io/metadata.name': 'dev' },
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    },
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'compute', namespace: 'dev', uid: 'rq' },
      spec: { hard: { 'requests.cpu': '2', 'requests.memory': '2Gi', pods: '10' } },
      status: {
        hard: { 'requests.cpu': '2', 'requests.memory': '2Gi', pods: '10' },
        used: { 'requests.cpu': '250m', 'requests.memory': '64Mi', pods: '1' },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'limits', namespace: 'dev', uid: 'lr' },
      spec: {
        limits: [
          {
            type: 'Container',
            default: { cpu: '500m', memory: '256Mi' },
            defaultRequest: { cpu: '100m', memory: '128Mi' },
            max: { cpu: '1' },
          },
        ],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'worker',
        namespace: 'dev',
        uid: 'pod-w',
        creationTimestamp: t(400),
        deletionTimestamp: t(-20),
        deletionGracePeriodSeconds: 30,
        labels: { app: 'worker' },
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': '{"x":1}\n',
          note: 'line one\nline two',
          long: 'x'.repeat(150),
        },
      },
      spec: {
        ...podSpecTmpl,
        nodeName: 'minikube',
        priority: 0,
        initContainers: [{ name: 'init', image: 'busybox', command: ['true'], resources: {} }],
      },
      status: {
        phase: 'Running',
        hostIP: '192.168.49.2',
        podIP: '10.244.0.9',
        podIPs: [{ ip: '10.244.0.9' }],
        startTime: t(399),
        qosClass: 'Burstable',
        conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: t(100) }],
        initContainerStatuses: [
          {
            name: 'init',
            state: {
              terminated: {
                exitCode: 0,
                reason: 'Completed',
                startedAt: t(398),
                finishedAt: t(397),
                containerID: 'docker://init1',
              },
            },
            lastState: {},
            ready: true,
            restartCount: 0,
            image: 'busybox:latest',
            imageID: 'docker-pullable://busybox@sha256:abc',
            containerID: 'docker://init1',
          },
        ],
        containerStatuses: [
          {
            name: 'app',
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off' } },
            lastState: {
              terminated: {
                exitCode: 137,
                reason: 'OOMKilled',
                startedAt: t(120),
                finishedAt: t(110),
                containerID: 'docker://app1',
              },
            },
            ready: false,
            restartCount: 4,
            image: 'busybox:1.36',
            imageID: 'docker-pullable://busybox@sha256:def',
            containerID: 'docker://app1',
          },
        ],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'pending', namespace: 'dev', uid: 'pod-p', creationTimestamp: t(50) },
      spec: {
        containers: [
          {
            name: 'c',
            image: 'nginx',
            resources: {
              limits: { cpu: '1', memory: '1Gi' },
              requests: { cpu: '1', memory: '1Gi' },
            },
          },
        ],
      },
      status: {
        phase: 'Pending',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message: '0/1 nodes are available',
          },
        ],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'pending.1', namespace: 'dev', uid: 'e-p' },
      involvedObject: {
        kind: 'Pod',
        namespace: 'dev',
        name: 'pending',
        uid: 'pod-p',
        apiVersion: 'v1',
      },
      reason: 'FailedScheduling',
      message:
        '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
      source: {},
      reportingComponent: 'default-scheduler',
      firstTimestamp: null,
      lastTimestamp: null,
      eventTime: t(45).replace('Z', '.123456Z'),
      type: 'Warning',
      count: 0,
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg', namespace: 'dev', uid: 'cm', labels: { app: 'worker' } },
      data: { mode: 'fast', 'app.properties': 'a=1\nb=2\n' },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', namespace: 'dev', uid: 'sec' },
      type: 'Opaque',
      data: { password: 'czNjcjN0IQ==', user: 'YWRtaW4=' },
    },
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'builder', namespace: 'dev', uid: 'sa' },
      secrets: [{ name: 'gone' }],
      imagePullSecrets: [{ name: 'db' }, { name: 'regcred' }],
    },
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: 'pi',
        namespace: 'dev',
        uid: 'job',
        creationTimestamp: t(300),
        labels: {
          'batch.kubernetes.io/controller-uid': 'job',
          'batch.kubernetes.io/job-name': 'pi',
          'controller-uid': 'job',
          'job-name': 'pi',
        },
      },
      spec: {
        parallelism: 1,
        completions: 1,
        backoffLimit: 6,
        completionMode: 'NonIndexed',
        suspend: false,
        manualSelector: false,
        podReplacementPolicy: 'TerminatingOrFailed',
        selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'job' } },
        template: {
          metadata: {
            labels: {
              'batch.kubernetes.io/controller-uid': 'job',
              'batch.kubernetes.io/job-name': 'pi',
              'controller-uid': 'job',
              'job-name': 'pi',
            },
          },
          spec: {
            containers: [
              {
                name: 'pi',
                image: 'perl:5.34.0',
                command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'],
              },
            ],
            restartPolicy: 'Never',
          },
        },
      },
      status: {
        startTime: t(300),
        completionTime: t(250),
        succeeded: 1,
        ready: 0,
        terminating: 0,
        uncountedTerminatedPods: {},
      },
    },
    {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'hello', namespace: 'dev', uid: 'cj' },
      spec: {
        schedule: '*/1 * * * *',
        concurrencyPolicy: 'Allow',
        suspend: false,
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        jobTemplate: {
          metadata: { creationTimestamp: null },
          spec: {
            template: {
              spec: {
                containers: [
                  { name: 'hello', image: 'busybox:1.28', args: ['/bin/sh', '-c', 'date'] },
                ],
                restartPolicy: 'OnFailure',
              },
            },
          },
        },
      },
      status: {
        lastScheduleTime: t(30),
        active: [{ kind: 'Job', name: 'hello-29000000', namespace: 'dev' }],
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: {
        name: 'fluentd',
        namespace: 'dev',
        uid: 'ds',
        generation: 1,
        annotations: { 'deprecated.daemonset.template.generation': '1' },
      },
      spec: {
        selector: { matchLabels: { name: 'fluentd' } },
        template: {
          metadata: { labels: { name: 'fluentd' } },
          spec: {
            containers: [
              {
                name: 'fluentd',
                image: 'fluentd:v1',
                resources: {
                  limits: { memory: '200Mi' },
                  requests: { cpu: '100m', memory: '200Mi' },
                },
              },
            ],
            tolerations: [
              {
                key: 'node-role.kubernetes.io/control-plane',
                operator: 'Exists',
                effect: 'NoSchedule',
              },
              { operator: 'Exists' },
            ],
          },
        },
        updateStrategy: { type: 'RollingUpdate' },
      },
      status: {
        currentNumberScheduled: 1,
        numberMisscheduled: 0,
        desiredNumberScheduled: 1,
        numberReady: 1,
        updatedNumberScheduled: 1,
        numberAvailable: 1,
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'dev', uid: 'sts', creationTimestamp: t(1000) },
      spec: {
        replicas: 2,
        selector: {
          matchLabels: { app: 'db' },
          matchExpressions: [{ key: 'tier', operator: 'In', values: ['z', 'a'] }],
        },
        serviceName: 'db',
        template: {
          metadata: { labels: { app: 'db', tier: 'a' } },
          spec: {
            containers: [
              {
                name: 'pg',
                image: 'postgres:16',
                ports: [{ containerPort: 5432, protocol: 'TCP' }],
                volumeMounts: [{ name: 'pgdata', mountPath: '/var/lib/postgresql/data' }],
              },
            ],
          },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: 'pgdata' },
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          },
        ],
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      },
      status: { replicas: 2 },
    },
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: 'data-pvc',
        namespace: 'dev',
        uid: 'pvc',
        finalizers: ['kubernetes.io/pvc-protection'],
        annotations: { 'pv.kubernetes.io/bind-completed': 'yes' },
      },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '1Gi' } },
        storageClassName: 'standard',
        volumeName: 'pvc-123',
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
    },
    {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name: 'pvc-123',
        uid: 'pv',
        finalizers: ['kubernetes.io/pv-protection'],
        annotations: {
          hostPathProvisionerIdentity: 'abc',
          'pv.kubernetes.io/provisioned-by': 'k8s.io/minikube-hostpath',
        },
      },
      spec: {
        capacity: { storage: '1Gi' },
        hostPath: { path: '/tmp/hostpath-provisioner/dev/data-pvc', type: '' },
        accessModes: ['ReadWriteOnce'],
        claimRef: { kind: 'PersistentVolumeClaim', namespace: 'dev', name: 'data-pvc' },
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'standard',
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Bound' },
    },
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: 'standard',
        uid: 'sc',
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
        labels: { 'addonmanager.kubernetes.io/mode': 'EnsureExists' },
      },
      provisioner: 'k8s.io/minikube-hostpath',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', namespace: 'dev', uid: 'ing' },
      spec: {
        ingressClassName: 'nginx',
        rules: [
          {
            host: 'hello.local',
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: 'web', port: { number: 80 } } },
                },
                {
                  path: '/api',
                  pathType: 'Prefix',
                  backend: { service: { name: 'api', port: { number: 8080 } } },
                },
              ],
            },
          },
        ],
      },
      status: { loadBalancer: { ingress: [{ ip: '192.168.49.2' }] } },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'dev', uid: 'svcw' },
      spec: {
        ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
        selector: {},
        clusterIP: 'None',
        clusterIPs: ['None'],
        type: 'ClusterIP',
        sessionAffinity: 'None',
      },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'web-abc',
        namespace: 'dev',
        uid: 'es',
        labels: { 'kubernetes.io/service-name': 'web' },
      },
      addressType: 'IPv4',
      endpoints: [1, 2, 3, 4, 5].map((i) => ({
        addresses: ['10.244.0.' + i],
        conditions: { ready: i !== 2 },
      })),
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', namespace: 'dev', uid: 'hpa', creationTimestamp: t(100) },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 1,
        maxReplicas: 5,
        metrics: [
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
          },
        ],
      },
      status: {
        currentReplicas: 1,
        desiredReplicas: 1,
        currentMetrics: [
          {
            type: 'Resource',
            resource: { name: 'cpu', current: { averageValue: '1m', averageUtilization: 1 } },
          },
        ],
        conditions: [
          {
            type: 'AbleToScale',
            status: 'True',
            lastTransitionTime: t(90),
            reason: 'ReadyForNewScale',
            message: 'recommended size matches current size',
          },
        ],
      },
    },
    {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: 'minikube',
        namespace: 'kube-node-lease',
        uid: 'lease-uid',
        resourceVersion: '42',
        creationTimestamp: t(600),
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'minikube', uid: 'node-uid' }],
      },
      spec: {
        holderIdentity: 'minikube',
        leaseDurationSeconds: 40,
        renewTime: '2026-01-05T09:00:00.123456Z',
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: 'pi.1',
        namespace: 'dev',
        uid: 'e-pi',
        creationTimestamp: t(300),
        resourceVersion: '7',
      },
      involvedObject: {
        kind: 'Job',
        namespace: 'dev',
        name: 'pi',
        uid: 'job',
        apiVersion: 'batch/v1',
        resourceVersion: '3',
      },
      reason: 'SuccessfulCreate',
      message: 'Created pod: pi-abcde',
      source: { component: 'job-controller' },
      firstTimestamp: t(300),
      lastTimestamp: t(300),
      count: 1,
      type: 'Normal',
      eventTime: null,
      reportingComponent: 'job-controller',
      reportingInstance: '',
    },
  ] as unknown as KubeObject[]
}

export const twoObjects: Fixture = (now) => {
  const objs = clusterObjects(now)
  const cm = (name: string, data: Record<string, string> | undefined, extra = {}): KubeObject =>
    ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name,
        namespace: 'default',
        uid: 'cm-' + name,
        creationTimestamp: '2026-01-01T00:00:00Z',
      },
      data,
      ...extra,
    }) as unknown as KubeObject
  return [
    ...objs,
    cm('app-a', { 'b.txt': 'line1\nline2\n', a: 'x' }),
    cm('app-b', {}),
    cm('other', undefined, { binaryData: { bin: 'AAEC' } }),
  ]
}

/** A Deployment mid-history: an old ReplicaSet with another image, and one it does not control. */
export const rolloutObjects: Fixture = (now) => {
  const objects = clusterObjects(now)
  const rs = objects.find((o) => o.kind === 'ReplicaSet')
  if (rs === undefined) throw new Error('fixture has no ReplicaSet')
  const old = JSON.parse(JSON.stringify(rs)) as KubeObject & {
    spec: {
      replicas: number
      selector: { matchLabels: Record<string, string> }
      template: {
        metadata: { labels: Record<string, string> }
        spec: { containers: { image: string }[] }
      }
    }
  }
  old.metadata = {
    ...old.metadata,
    name: 'web-5f6d8b7c9',
    uid: 'rs-old',
    creationTimestamp: '2026-01-01T00:00:00Z',
    labels: { app: 'web', 'pod-template-hash': '5f6d8b7c9' },
  }
  const container = old.spec.template.spec.containers[0]
  if (container !== undefined) container.image = 'nginx:1.25'
  old.spec.template.metadata.labels['pod-template-hash'] = '5f6d8b7c9'
  old.spec.selector.matchLabels['pod-template-hash'] = '5f6d8b7c9'
  old.spec.replicas = 0
  old['status'] = { replicas: 0 }
  const orphan = JSON.parse(JSON.stringify(rs)) as KubeObject
  orphan.metadata = { ...orphan.metadata, name: 'web-orphan', uid: 'rs-orphan' }
  delete orphan.metadata.ownerReferences
  return [...objects, old, orphan]
}
