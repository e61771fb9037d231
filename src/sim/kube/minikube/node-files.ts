/**
 * What `minikube ssh` finds on a node (kicbase v0.0.46, Ubuntu 22.04): its os-release, the
 * kubelet's configuration under /var/lib/kubelet, kubeadm's files under /etc/kubernetes and, on
 * the control plane, the static pod manifests the kubelet runs (written from the same shapes as
 * the mirror pods the cluster shows).
 */
import { controlPlaneShapes, type StaticPodShape } from '../kubelet/static-pods'
import type { NodeMachine } from '../nodes'
import type { MinikubeProfile } from './profiles'

function osRelease(pretty: string): string {
  return `PRETTY_NAME="${pretty}"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.5 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=jammy
`
}

/** A static pod manifest as kubeadm writes it (the fields that matter to a reader). */
function manifest(shape: StaticPodShape): string {
  const command = shape.command.map((c) => `    - ${c}\n`).join('')
  const memory = shape.memory === undefined ? '' : `        memory: ${shape.memory}\n`
  return `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    component: ${shape.component}
    tier: control-plane
  name: ${shape.component}
  namespace: kube-system
spec:
  containers:
  - command:
${command}    image: ${shape.image}
    imagePullPolicy: IfNotPresent
    livenessProbe:
      failureThreshold: 8
      httpGet:
        host: ${shape.probeHost}
        path: ${shape.probePath}
        port: ${shape.probePort}
        scheme: ${shape.probeScheme}
      initialDelaySeconds: 10
      periodSeconds: 10
      timeoutSeconds: 15
    name: ${shape.component}
    resources:
      requests:
        cpu: ${shape.cpu}
${memory}  hostNetwork: true
  priority: 2000001000
  priorityClassName: system-node-critical
status: {}
`
}

function kubeletConfig(): string {
  return `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: /var/lib/minikube/certs/ca.crt
cgroupDriver: cgroupfs
clusterDNS:
- 10.96.0.10
clusterDomain: cluster.local
containerRuntimeEndpoint: unix:///var/run/cri-dockerd.sock
evictionHard:
  imagefs.available: 0%
  nodefs.available: 0%
  nodefs.inodesFree: 0%
failSwapOn: false
hairpinMode: hairpin-veth
kind: KubeletConfiguration
staticPodPath: /etc/kubernetes/manifests
`
}

function kubeconfigFor(user: string, server: string): string {
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority: /var/lib/minikube/certs/ca.crt
    server: ${server}
  name: mk
contexts:
- context:
    cluster: mk
    user: ${user}
  name: ${user}@mk
current-context: ${user}@mk
kind: Config
users:
- name: ${user}
  user:
    client-certificate: /var/lib/minikube/certs/${user}.crt
    client-key: /var/lib/minikube/certs/${user}.key
`
}

/** The node's files, by absolute path. */
export function nodeFiles(
  profile: MinikubeProfile,
  machine: NodeMachine,
  osImage: string,
): Map<string, string> {
  const files = new Map<string, string>()
  const server = 'https://control-plane.minikube.internal:8443'
  files.set('/etc/os-release', osRelease(osImage))
  files.set('/var/lib/kubelet/config.yaml', kubeletConfig())
  files.set(
    '/var/lib/kubelet/kubeadm-flags.env',
    `KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/cri-dockerd.sock --hostname-override=${machine.name} --node-ip=${machine.ip}"\n`,
  )
  files.set('/etc/kubernetes/kubelet.conf', kubeconfigFor('system:node', server))
  files.set('/home/docker/.bashrc', '')
  files.set('/var/lib/minikube/certs/ca.crt', '-----BEGIN CERTIFICATE-----\n')
  if (machine.ordinal === 0) {
    for (const shape of controlPlaneShapes(machine, profile.kubernetesVersion))
      files.set(`/etc/kubernetes/manifests/${shape.component}.yaml`, manifest(shape))
    files.set('/etc/kubernetes/admin.conf', kubeconfigFor('kubernetes-admin', server))
    files.set(
      '/etc/kubernetes/controller-manager.conf',
      kubeconfigFor('system:kube-controller-manager', server),
    )
    files.set('/etc/kubernetes/scheduler.conf', kubeconfigFor('system:kube-scheduler', server))
    files.set('/var/lib/minikube/etcd/member/snap/db', '')
  } else {
    files.set('/etc/kubernetes/manifests/.keep', '')
  }
  return files
}
