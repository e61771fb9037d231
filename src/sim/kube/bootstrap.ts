/**
 * A cluster as `minikube start` leaves it (minikube v1.35.0, Kubernetes v1.32.0, docker driver):
 * the four namespaces, the Nodes with minikube's labels, the control plane's mirror pods, the
 * addons kubeadm and minikube install (CoreDNS, kube-proxy, kindnet on multi-node clusters,
 * storage-provisioner, the `standard` StorageClass) and the `kubernetes` Service. Objects go in
 * through the API server, so defaulting and admission shape them as they shape the student's own;
 * pods are then scheduled, pulled and started by the simulated control plane itself.
 */
import type { VirtualClock } from '../core/clock'
import { KubeCluster, type Controller } from './cluster'
import type { KubeObject, OwnerReference } from './api/object'
import { servedType, type ResourceType } from './api/resources'
import {
  attachRuntime,
  clusterRuntime,
  newMachine,
  nodeObject,
  NODES,
  type ClusterRuntime,
  type NodeMachine,
} from './nodes'
import { controlPlaneShapes, mirrorPod } from './kubelet/static-pods'
import { microTime } from './kubelet/time'
import { kubeletManager, recordKubeletStarting } from './kubelet/kubelet'
import { scheduler } from './scheduler/scheduler'
import { nodeLifecycleController } from './controllers/node-lifecycle'
import { controllerManager } from './controllers'

export interface CreateClusterOptions {
  clock: VirtualClock
  seed: number
  /** The minikube profile: names the first node and labels them all. */
  profile?: string
  nodes?: number
  cpus?: number
  /** minikube's default for the docker driver on a machine with 8 GiB or less. */
  memoryMiB?: number
  kubernetesVersion?: string
  driver?: string
  /** The profile's docker network, `192.168.58` for a second profile (default 192.168.49). */
  network?: string
  /** Deep-freeze stored objects (tests). */
  freeze?: boolean
  /** Extra controllers, registered after the built-in ones (tests). */
  controllers?: readonly Controller[]
}

const NAMESPACES = servedType('Namespace')
const SERVICE_ACCOUNTS = servedType('ServiceAccount')
const CONFIG_MAPS = servedType('ConfigMap')
const SERVICES = servedType('Service')
const ENDPOINTS = servedType('Endpoints')
const ENDPOINT_SLICES = servedType('EndpointSlice')
const STORAGE_CLASSES = servedType('StorageClass')
const LEASES = servedType('Lease')
const DEPLOYMENTS = servedType('Deployment')
const REPLICA_SETS = servedType('ReplicaSet')
const DAEMON_SETS = servedType('DaemonSet')
const PODS = servedType('Pod')

/** The pod-template-hash real kubeadm CoreDNS gets for v1.32's manifest. */
const COREDNS_TEMPLATE_HASH = '668d6bf9bc'
const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.3'
const KINDNET_IMAGE = 'docker.io/kindest/kindnetd:v20241108-5c6d2daf'
const STORAGE_PROVISIONER_IMAGE = 'gcr.io/k8s-minikube/storage-provisioner:v5'

/**
 * Runs writes as one step of the settle loop, so controllers see them all at once: the
 * Deployment controller finds CoreDNS's ReplicaSet already there instead of making its own, the
 * DaemonSet controller finds each node's pod.
 */
interface BatchRunner {
  readonly controller: Controller
  run(cluster: KubeCluster, writes: () => void): void
}

function batchRunner(): BatchRunner {
  const pending: (() => void)[] = []
  let enqueue: ((key: string) => void) | undefined
  return {
    controller: {
      name: 'bootstrap',
      start(ctx) {
        enqueue = ctx.enqueue
      },
      reconcile() {
        for (let writes = pending.shift(); writes !== undefined; writes = pending.shift()) writes()
      },
    },
    run(cluster, writes) {
      pending.push(writes)
      enqueue?.('batch')
      cluster.settle()
    },
  }
}

const batchers = new WeakMap<KubeCluster, BatchRunner>()

function batch(cluster: KubeCluster, writes: () => void): void {
  const runner = batchers.get(cluster)
  if (runner === undefined) writes()
  else runner.run(cluster, writes)
}

/** A write the bootstrap makes must succeed: a failure is a bug in these manifests. */
function must(cluster: KubeCluster, t: ResourceType, object: KubeObject): KubeObject {
  const result = cluster.api.create(t, object)
  if (!result.ok)
    throw new Error(`bootstrap: ${t.resource} ${object.metadata.name}: ${result.error.message}`)
  return result.value
}

export function createCluster(options: CreateClusterOptions): KubeCluster {
  const cluster = new KubeCluster({
    clock: options.clock,
    seed: options.seed,
    ...(options.freeze === undefined ? {} : { freeze: options.freeze }),
  })
  const runtime = attachRuntime(
    cluster,
    {
      profile: options.profile ?? 'minikube',
      cpus: options.cpus ?? 2,
      memoryMiB: options.memoryMiB ?? 2200,
      kubernetesVersion: options.kubernetesVersion ?? 'v1.32.0',
      driver: options.driver ?? 'docker',
      ...(options.network === undefined ? {} : { network: options.network }),
    },
    options.seed,
  )
  runtime.join = () => registerNode(cluster, runtime)
  runtime.onKubeletStart = (machine) => recordKubeletStarting(cluster, machine)
  const batches = batchRunner()
  batchers.set(cluster, batches)
  cluster.addController(batches.controller)
  cluster.addController(scheduler())
  cluster.addController(kubeletManager(cluster, runtime))
  cluster.addController(nodeLifecycleController(runtime))
  for (const c of controllerManager()) cluster.addController(c)
  for (const c of options.controllers ?? []) cluster.addController(c)

  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system'])
    must(cluster, NAMESPACES, namespace(name))
  ensureDefaultServiceAccounts(cluster)

  // As minikube does it: the control plane comes up and gets its addons, then workers join.
  const count = Math.max(1, options.nodes ?? 1)
  const first = registerNode(cluster, runtime)
  createStaticPods(cluster, runtime, first)
  createApiServerService(cluster, first)
  createClusterConfig(cluster, runtime)
  if (count > 1) createDaemonSet(cluster, kindnetDaemonSet())
  createDaemonSet(cluster, kubeProxyDaemonSet(runtime.shape.kubernetesVersion))
  batch(cluster, () => createCoreDns(cluster))
  createStorageProvisioner(cluster)
  for (let i = 1; i < count; i++) joinNode(cluster, runtime)
  cluster.settle()
  return cluster
}

/** `minikube node add`: a worker registers; the DaemonSet controller gives it its daemon pods. */
export function joinNode(cluster: KubeCluster, runtime: ClusterRuntime): NodeMachine {
  return registerNode(cluster, runtime)
}

/**
 * A new machine joins: its Node and Lease are registered and its kubelet starts (`minikube node
 * add`; every node of a new cluster comes this way).
 */
export function registerNode(cluster: KubeCluster, runtime: ClusterRuntime): NodeMachine {
  const machine = newMachine(runtime)
  const now = cluster.clock.now()
  const node = must(cluster, NODES, nodeObject(runtime, machine, now))
  must(cluster, LEASES, {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name: machine.name,
      namespace: 'kube-node-lease',
      ownerReferences: [
        { apiVersion: 'v1', kind: 'Node', name: machine.name, uid: node.metadata.uid ?? '' },
      ],
    },
    spec: {
      holderIdentity: machine.name,
      leaseDurationSeconds: 40,
      renewTime: microTime(now),
    },
  })
  recordKubeletStarting(cluster, machine)
  for (const listener of runtime.listeners) listener(machine)
  return machine
}

function namespace(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }
}

/**
 * The ServiceAccount controller creates `default` everywhere; bootstrap fills in any it has not
 * (a cluster built without the controller manager) so pods pass admission.
 */
function ensureDefaultServiceAccounts(cluster: KubeCluster): void {
  cluster.settle()
  for (const ns of cluster.store.list(NAMESPACES))
    if (cluster.store.get(SERVICE_ACCOUNTS, ns.metadata.name, 'default') === undefined)
      must(cluster, SERVICE_ACCOUNTS, serviceAccount('default', ns.metadata.name))
}

function serviceAccount(name: string, namespace: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } }
}

function createStaticPods(
  cluster: KubeCluster,
  runtime: ClusterRuntime,
  machine: NodeMachine,
): void {
  const node = cluster.store.get(NODES, '', machine.name)
  const seen = new Date(cluster.clock.now()).toISOString().replace('Z', '000000Z')
  for (const shape of controlPlaneShapes(machine, runtime.shape.kubernetesVersion))
    must(
      cluster,
      PODS,
      mirrorPod(shape, machine, node?.metadata.uid ?? '', runtime.random.hex(32), seen),
    )
}

/** The `kubernetes` Service, whose endpoints the API server itself maintains. */
function createApiServerService(cluster: KubeCluster, machine: NodeMachine): void {
  must(cluster, SERVICES, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  })
  must(cluster, ENDPOINTS, {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
    },
    subsets: [
      {
        addresses: [{ ip: machine.ip }],
        ports: [{ name: 'https', port: 8443, protocol: 'TCP' }],
      },
    ],
  })
  must(cluster, ENDPOINT_SLICES, {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'kubernetes.io/service-name': 'kubernetes' },
    },
    addressType: 'IPv4',
    endpoints: [{ addresses: [machine.ip], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 8443, protocol: 'TCP' }],
  })
}

/** kube-system's ConfigMaps kubeadm writes, the addons' ServiceAccounts, the default StorageClass. */
function createClusterConfig(cluster: KubeCluster, runtime: ClusterRuntime): void {
  for (const name of ['coredns', 'kube-proxy', 'storage-provisioner', 'kindnet'])
    must(cluster, SERVICE_ACCOUNTS, serviceAccount(name, 'kube-system'))
  const configMap = (name: string, ns: string, data: Record<string, string>): KubeObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: ns },
    data,
  })
  must(cluster, CONFIG_MAPS, configMap('coredns', 'kube-system', { Corefile: COREFILE }))
  must(
    cluster,
    CONFIG_MAPS,
    configMap('kube-proxy', 'kube-system', {
      'config.conf': KUBE_PROXY_CONFIG,
      'kubeconfig.conf': KUBE_PROXY_KUBECONFIG,
    }),
  )
  must(
    cluster,
    CONFIG_MAPS,
    configMap('kubeadm-config', 'kube-system', {
      ClusterConfiguration: clusterConfiguration(runtime.shape.kubernetesVersion),
    }),
  )
  must(cluster, STORAGE_CLASSES, {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name: 'standard',
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      labels: { 'addonmanager.kubernetes.io/mode': 'EnsureExists' },
    },
    provisioner: 'k8s.io/minikube-hostpath',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
  })
  must(cluster, SERVICES, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
      labels: {
        'k8s-app': 'kube-dns',
        'kubernetes.io/cluster-service': 'true',
        'kubernetes.io/name': 'CoreDNS',
      },
    },
    spec: {
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  })
  for (const holder of ['kube-controller-manager', 'kube-scheduler'])
    must(cluster, LEASES, {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: holder, namespace: 'kube-system' },
      spec: {
        acquireTime: microTime(cluster.clock.now()),
        holderIdentity: `${runtime.shape.profile}_${runtime.random.uuid()}`,
        leaseDurationSeconds: 15,
        leaseTransitions: 0,
        renewTime: microTime(cluster.clock.now()),
      },
    })
}

/** kubeadm's CoreDNS Deployment, scaled to one replica by minikube, with its ReplicaSet. */
function createCoreDns(cluster: KubeCluster): void {
  const labels = { 'k8s-app': 'kube-dns' }
  const podSpec = {
    affinity: {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            podAffinityTerm: {
              labelSelector: {
                matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }],
              },
              topologyKey: 'kubernetes.io/hostname',
            },
            weight: 100,
          },
        ],
      },
    },
    containers: [
      {
        args: ['-conf', '/etc/coredns/Corefile'],
        image: COREDNS_IMAGE,
        imagePullPolicy: 'IfNotPresent',
        livenessProbe: {
          failureThreshold: 5,
          httpGet: { path: '/health', port: 8080, scheme: 'HTTP' },
          initialDelaySeconds: 60,
          periodSeconds: 10,
          successThreshold: 1,
          timeoutSeconds: 5,
        },
        name: 'coredns',
        ports: [
          { containerPort: 53, name: 'dns', protocol: 'UDP' },
          { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
          { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
        ],
        readinessProbe: {
          failureThreshold: 3,
          httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' },
          periodSeconds: 10,
          successThreshold: 1,
          timeoutSeconds: 1,
        },
        resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
        securityContext: {
          allowPrivilegeEscalation: false,
          capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
          readOnlyRootFilesystem: true,
        },
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        volumeMounts: [{ mountPath: '/etc/coredns', name: 'config-volume', readOnly: true }],
      },
    ],
    dnsPolicy: 'Default',
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    priorityClassName: 'system-cluster-critical',
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    serviceAccount: 'coredns',
    serviceAccountName: 'coredns',
    terminationGracePeriodSeconds: 30,
    tolerations: [
      { key: 'CriticalAddonsOnly', operator: 'Exists' },
      { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' },
    ],
    volumes: [
      {
        configMap: {
          defaultMode: 420,
          items: [{ key: 'Corefile', path: 'Corefile' }],
          name: 'coredns',
        },
        name: 'config-volume',
      },
    ],
  }
  const deployment = must(cluster, DEPLOYMENTS, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'coredns',
      namespace: 'kube-system',
      labels,
      annotations: { 'deployment.kubernetes.io/revision': '1' },
    },
    spec: {
      progressDeadlineSeconds: 600,
      replicas: 1,
      revisionHistoryLimit: 10,
      selector: { matchLabels: labels },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 }, type: 'RollingUpdate' },
      template: { metadata: { labels }, spec: podSpec },
    },
  })
  const hashed = { ...labels, 'pod-template-hash': COREDNS_TEMPLATE_HASH }
  const rsName = `coredns-${COREDNS_TEMPLATE_HASH}`
  if (cluster.store.get(REPLICA_SETS, 'kube-system', rsName) !== undefined) return
  const replicaSet = must(cluster, REPLICA_SETS, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: rsName,
      namespace: 'kube-system',
      labels: hashed,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': '1',
        'deployment.kubernetes.io/max-replicas': '2',
        'deployment.kubernetes.io/revision': '1',
      },
      ownerReferences: [ownerRef(deployment)],
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: hashed },
      template: { metadata: { labels: hashed }, spec: podSpec },
    },
  })
  createOwnedPod(cluster, replicaSet, `${rsName}-`, hashed, podSpec)
}

function ownerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    blockOwnerDeletion: true,
    controller: true,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
  }
}

/**
 * A pod as the owner's controller creates it. Bootstrap makes the first generation itself so the
 * names come from this cluster's seed whichever controllers are registered; the controllers then
 * find their pods already there.
 */
function createOwnedPod(
  cluster: KubeCluster,
  owner: KubeObject,
  prefix: string,
  labels: Record<string, string>,
  spec: Record<string, unknown>,
  annotations?: Record<string, string>,
): void {
  const runtime = clusterRuntime(cluster)
  const suffix = runtime?.random.kubeSuffix(5) ?? 'xxxxx'
  must(cluster, PODS, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${prefix}${suffix}`,
      generateName: prefix,
      namespace: owner.metadata.namespace ?? 'default',
      labels,
      ...(annotations === undefined ? {} : { annotations }),
      ownerReferences: [ownerRef(owner)],
    },
    spec,
  })
}

interface DaemonSetShape {
  name: string
  labels: Record<string, string>
  selector: Record<string, string>
  podSpec: Record<string, unknown>
}

/** An addon DaemonSet; the DaemonSet controller runs its pods. */
function createDaemonSet(cluster: KubeCluster, shape: DaemonSetShape): void {
  must(cluster, DAEMON_SETS, {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      name: shape.name,
      namespace: 'kube-system',
      labels: shape.labels,
      annotations: { 'deprecated.daemonset.template.generation': '1' },
    },
    spec: {
      revisionHistoryLimit: 10,
      selector: { matchLabels: shape.selector },
      template: { metadata: { labels: shape.selector }, spec: shape.podSpec },
      updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: 'RollingUpdate' },
    },
  })
}

function kubeProxyDaemonSet(version: string): DaemonSetShape {
  const labels = { 'k8s-app': 'kube-proxy' }
  return {
    name: 'kube-proxy',
    labels,
    selector: labels,
    podSpec: {
      containers: [
        {
          command: [
            '/usr/local/bin/kube-proxy',
            '--config=/var/lib/kube-proxy/config.conf',
            '--hostname-override=$(NODE_NAME)',
          ],
          env: [
            {
              name: 'NODE_NAME',
              valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } },
            },
          ],
          image: `registry.k8s.io/kube-proxy:${version}`,
          imagePullPolicy: 'IfNotPresent',
          name: 'kube-proxy',
          resources: {},
          securityContext: { privileged: true },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [
            { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
            { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
            { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
          ],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      hostNetwork: true,
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      priorityClassName: 'system-node-critical',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'kube-proxy',
      serviceAccountName: 'kube-proxy',
      terminationGracePeriodSeconds: 30,
      tolerations: [{ operator: 'Exists' }],
      volumes: [
        { configMap: { defaultMode: 420, name: 'kube-proxy' }, name: 'kube-proxy' },
        { hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' }, name: 'xtables-lock' },
        { hostPath: { path: '/lib/modules', type: '' }, name: 'lib-modules' },
      ],
    },
  }
}

/** minikube's kindnet CNI, deployed when a cluster has more than one node. */
function kindnetDaemonSet(): DaemonSetShape {
  return {
    name: 'kindnet',
    labels: { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' },
    selector: { app: 'kindnet' },
    podSpec: {
      containers: [
        {
          env: [
            {
              name: 'HOST_IP',
              valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.hostIP' } },
            },
            {
              name: 'POD_IP',
              valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } },
            },
            { name: 'POD_SUBNET', value: '10.244.0.0/16' },
          ],
          image: KINDNET_IMAGE,
          imagePullPolicy: 'IfNotPresent',
          name: 'kindnet-cni',
          resources: {
            limits: { cpu: '100m', memory: '50Mi' },
            requests: { cpu: '100m', memory: '50Mi' },
          },
          securityContext: {
            capabilities: { add: ['NET_RAW', 'NET_ADMIN'] },
            privileged: false,
          },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [
            { mountPath: '/etc/cni/net.d', name: 'cni-cfg' },
            { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
            { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
          ],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      hostNetwork: true,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'kindnet',
      serviceAccountName: 'kindnet',
      terminationGracePeriodSeconds: 30,
      tolerations: [{ effect: 'NoSchedule', operator: 'Exists' }],
      volumes: [
        { hostPath: { path: '/etc/cni/net.d', type: 'DirectoryOrCreate' }, name: 'cni-cfg' },
        { hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' }, name: 'xtables-lock' },
        { hostPath: { path: '/lib/modules', type: '' }, name: 'lib-modules' },
      ],
    },
  }
}

/** minikube's storage-provisioner addon: a bare pod, applied by the addon manager. */
function createStorageProvisioner(cluster: KubeCluster): void {
  must(cluster, PODS, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'storage-provisioner',
      namespace: 'kube-system',
      labels: {
        'addonmanager.kubernetes.io/mode': 'Reconcile',
        'integration-test': 'storage-provisioner',
      },
    },
    spec: {
      containers: [
        {
          command: ['/storage-provisioner'],
          image: STORAGE_PROVISIONER_IMAGE,
          imagePullPolicy: 'IfNotPresent',
          name: 'storage-provisioner',
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [{ mountPath: '/tmp', name: 'tmp' }],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      hostNetwork: true,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'storage-provisioner',
      serviceAccountName: 'storage-provisioner',
      terminationGracePeriodSeconds: 30,
      volumes: [{ hostPath: { path: '/tmp', type: 'Directory' }, name: 'tmp' }],
    },
  })
}

const COREFILE = `.:53 {
    log
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    hosts {
       192.168.49.1 host.minikube.internal
       fallthrough
    }
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`

const KUBE_PROXY_CONFIG = `apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
clientConnection:
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
clusterCIDR: 10.244.0.0/16
conntrack:
  maxPerCore: 0
  tcpCloseWaitTimeout: 0s
  tcpEstablishedTimeout: 0s
kind: KubeProxyConfiguration
metricsBindAddress: 0.0.0.0:10249
mode: ""
`

const KUBE_PROXY_KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: https://control-plane.minikube.internal:8443
  name: default
contexts:
- context:
    cluster: default
    namespace: default
    user: default
  name: default
current-context: default
users:
- name: default
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token
`

const clusterConfiguration = (version: string): string => `apiServer:
  certSANs:
  - 127.0.0.1
  - localhost
  - 192.168.49.2
  extraArgs:
  - name: enable-admission-plugins
    value: NamespaceLifecycle,LimitRanger,ServiceAccount,DefaultStorageClass,DefaultTolerationSeconds,NodeRestriction,MutatingAdmissionWebhook,ValidatingAdmissionWebhook,ResourceQuota
apiVersion: kubeadm.k8s.io/v1beta4
caCertificateValidityPeriod: 87600h0m0s
certificateValidityPeriod: 8760h0m0s
certificatesDir: /var/lib/minikube/certs
clusterName: mk
controlPlaneEndpoint: control-plane.minikube.internal:8443
dns: {}
encryptionAlgorithm: RSA-2048
etcd:
  local:
    dataDir: /var/lib/minikube/etcd
imageRepository: registry.k8s.io
kind: ClusterConfiguration
kubernetesVersion: ${version}
networking:
  dnsDomain: cluster.local
  podSubnet: 10.244.0.0/16
  serviceSubnet: 10.96.0.0/12
proxy: {}
scheduler: {}
`
