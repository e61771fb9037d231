/**
 * The control plane's static pods: kubeadm writes their manifests to /etc/kubernetes/manifests on
 * the control-plane node and its kubelet runs them, posting a "mirror pod" to the API server
 * (`etcd-minikube`, `kube-apiserver-minikube`…) owned by the Node. Shapes follow kubeadm 1.32's
 * manifests as minikube configures them (cmd/kubeadm/app/phases/controlplane/manifests.go).
 */
import type { KubeObject } from '../api/object'
import type { NodeMachine } from '../nodes'

export interface StaticPodShape {
  readonly component: string
  readonly image: string
  readonly cpu: string
  readonly memory?: string
  readonly command: readonly string[]
  readonly probePort: number
  readonly probePath: string
  readonly probeHost: string
  readonly probeScheme: 'HTTP' | 'HTTPS'
}

export function controlPlaneShapes(machine: NodeMachine, version: string): StaticPodShape[] {
  const ip = machine.ip
  return [
    {
      component: 'etcd',
      image: 'registry.k8s.io/etcd:3.5.16-0',
      cpu: '100m',
      memory: '100Mi',
      command: [
        'etcd',
        `--advertise-client-urls=https://${ip}:2379`,
        '--cert-file=/var/lib/minikube/certs/etcd/server.crt',
        '--client-cert-auth=true',
        '--data-dir=/var/lib/minikube/etcd',
        '--experimental-initial-corrupt-check=true',
        '--experimental-watch-progress-notify-interval=5s',
        `--initial-advertise-peer-urls=https://${ip}:2380`,
        `--initial-cluster=${machine.name}=https://${ip}:2380`,
        '--key-file=/var/lib/minikube/certs/etcd/server.key',
        `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
        '--listen-metrics-urls=http://127.0.0.1:2381',
        `--listen-peer-urls=https://${ip}:2380`,
        `--name=${machine.name}`,
        '--peer-cert-file=/var/lib/minikube/certs/etcd/peer.crt',
        '--peer-client-cert-auth=true',
        '--peer-key-file=/var/lib/minikube/certs/etcd/peer.key',
        '--peer-trusted-ca-file=/var/lib/minikube/certs/etcd/ca.crt',
        '--proxy-refresh-interval=70000',
        '--snapshot-count=10000',
        '--trusted-ca-file=/var/lib/minikube/certs/etcd/ca.crt',
      ],
      probePort: 2381,
      probePath: '/health?exclude=NOSPACE&serializable=true',
      probeHost: '127.0.0.1',
      probeScheme: 'HTTP',
    },
    {
      component: 'kube-apiserver',
      image: `registry.k8s.io/kube-apiserver:${version}`,
      cpu: '250m',
      command: [
        'kube-apiserver',
        `--advertise-address=${ip}`,
        '--allow-privileged=true',
        '--authorization-mode=Node,RBAC',
        '--client-ca-file=/var/lib/minikube/certs/ca.crt',
        '--enable-admission-plugins=NamespaceLifecycle,LimitRanger,ServiceAccount,DefaultStorageClass,DefaultTolerationSeconds,NodeRestriction,MutatingAdmissionWebhook,ValidatingAdmissionWebhook,ResourceQuota',
        '--enable-bootstrap-token-auth=true',
        '--etcd-cafile=/var/lib/minikube/certs/etcd/ca.crt',
        '--etcd-certfile=/var/lib/minikube/certs/apiserver-etcd-client.crt',
        '--etcd-keyfile=/var/lib/minikube/certs/apiserver-etcd-client.key',
        '--etcd-servers=https://127.0.0.1:2379',
        '--kubelet-client-certificate=/var/lib/minikube/certs/apiserver-kubelet-client.crt',
        '--kubelet-client-key=/var/lib/minikube/certs/apiserver-kubelet-client.key',
        '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
        '--proxy-client-cert-file=/var/lib/minikube/certs/front-proxy-client.crt',
        '--proxy-client-key-file=/var/lib/minikube/certs/front-proxy-client.key',
        '--requestheader-allowed-names=front-proxy-client',
        '--requestheader-client-ca-file=/var/lib/minikube/certs/front-proxy-ca.crt',
        '--requestheader-extra-headers-prefix=X-Remote-Extra-',
        '--requestheader-group-headers=X-Remote-Group',
        '--requestheader-username-headers=X-Remote-User',
        '--secure-port=8443',
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        '--service-account-key-file=/var/lib/minikube/certs/sa.pub',
        '--service-account-signing-key-file=/var/lib/minikube/certs/sa.key',
        '--service-cluster-ip-range=10.96.0.0/12',
        '--tls-cert-file=/var/lib/minikube/certs/apiserver.crt',
        '--tls-private-key-file=/var/lib/minikube/certs/apiserver.key',
      ],
      probePort: 8443,
      probePath: '/livez',
      probeHost: ip,
      probeScheme: 'HTTPS',
    },
    {
      component: 'kube-controller-manager',
      image: `registry.k8s.io/kube-controller-manager:${version}`,
      cpu: '200m',
      command: [
        'kube-controller-manager',
        '--allocate-node-cidrs=true',
        '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--bind-address=127.0.0.1',
        '--client-ca-file=/var/lib/minikube/certs/ca.crt',
        '--cluster-cidr=10.244.0.0/16',
        '--cluster-name=mk',
        '--cluster-signing-cert-file=/var/lib/minikube/certs/ca.crt',
        '--cluster-signing-key-file=/var/lib/minikube/certs/ca.key',
        '--controllers=*,bootstrapsigner,tokencleaner',
        '--kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--leader-elect=false',
        '--requestheader-client-ca-file=/var/lib/minikube/certs/front-proxy-ca.crt',
        '--root-ca-file=/var/lib/minikube/certs/ca.crt',
        '--service-account-private-key-file=/var/lib/minikube/certs/sa.key',
        '--service-cluster-ip-range=10.96.0.0/12',
        '--use-service-account-credentials=true',
      ],
      probePort: 10257,
      probePath: '/healthz',
      probeHost: '127.0.0.1',
      probeScheme: 'HTTPS',
    },
    {
      component: 'kube-scheduler',
      image: `registry.k8s.io/kube-scheduler:${version}`,
      cpu: '100m',
      command: [
        'kube-scheduler',
        '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--bind-address=127.0.0.1',
        '--kubeconfig=/etc/kubernetes/scheduler.conf',
        '--leader-elect=false',
      ],
      probePort: 10259,
      probePath: '/livez',
      probeHost: '127.0.0.1',
      probeScheme: 'HTTPS',
    },
  ]
}

/** The mirror pod the control-plane kubelet posts for one static pod manifest. */
export function mirrorPod(
  shape: StaticPodShape,
  machine: NodeMachine,
  nodeUid: string,
  configHash: string,
  seenAt: string,
): KubeObject {
  const probe = (path: string, failureThreshold: number): Record<string, unknown> => ({
    failureThreshold,
    httpGet: {
      host: shape.probeHost,
      path,
      port: shape.probePort,
      scheme: shape.probeScheme,
    },
    initialDelaySeconds: 10,
    periodSeconds: 10,
    successThreshold: 1,
    timeoutSeconds: 15,
  })
  const annotations: Record<string, string> = {
    ...(shape.component === 'etcd'
      ? { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${machine.ip}:2379` }
      : {}),
    ...(shape.component === 'kube-apiserver'
      ? {
          'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${machine.ip}:8443`,
        }
      : {}),
    'kubernetes.io/config.hash': configHash,
    'kubernetes.io/config.mirror': configHash,
    'kubernetes.io/config.seen': seenAt,
    'kubernetes.io/config.source': 'file',
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${shape.component}-${machine.name}`,
      namespace: 'kube-system',
      annotations,
      labels: { component: shape.component, tier: 'control-plane' },
      ownerReferences: [
        { apiVersion: 'v1', controller: true, kind: 'Node', name: machine.name, uid: nodeUid },
      ],
    },
    spec: {
      containers: [
        {
          command: [...shape.command],
          image: shape.image,
          imagePullPolicy: 'IfNotPresent',
          livenessProbe: probe(
            shape.component === 'kube-apiserver' ? '/livez' : shape.probePath,
            8,
          ),
          name: shape.component,
          resources: {
            requests: { cpu: shape.cpu, ...(shape.memory ? { memory: shape.memory } : {}) },
          },
          startupProbe: probe(
            shape.component === 'kube-apiserver' ? '/livez' : shape.probePath,
            24,
          ),
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      hostNetwork: true,
      nodeName: machine.name,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      terminationGracePeriodSeconds: 30,
      tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
    },
  }
}
