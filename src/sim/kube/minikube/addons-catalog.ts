/**
 * minikube v1.35.0's addons (pkg/minikube/assets/addons.go): name and maintainer as
 * `minikube addons list` shows them, the images `addons enable` announces, and which are on by
 * default. Only ingress, metrics-server and dashboard install workloads in Quai; the others are
 * listed and can be toggled, but deploy nothing.
 */
export interface AddonInfo {
  readonly name: string
  readonly maintainer: string
  readonly images: readonly string[]
}

const A = (name: string, maintainer: string, images: string[] = []): AddonInfo => ({
  name,
  maintainer,
  images,
})

export const INGRESS_CONTROLLER_IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.11.3'
export const CERTGEN_IMAGE = 'registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.4'
export const METRICS_SERVER_IMAGE = 'registry.k8s.io/metrics-server/metrics-server:v0.7.2'
export const DASHBOARD_IMAGE = 'docker.io/kubernetesui/dashboard:v2.7.0'
export const SCRAPER_IMAGE = 'docker.io/kubernetesui/metrics-scraper:v1.0.8'

export const ADDONS: readonly AddonInfo[] = [
  A('ambassador', '3rd party (Ambassador)'),
  A('amd-gpu-device-plugin', '3rd party (AMD)'),
  A('auto-pause', 'minikube'),
  A('cloud-spanner', 'Google'),
  A('csi-hostpath-driver', 'Kubernetes'),
  A('dashboard', 'Kubernetes', [DASHBOARD_IMAGE, SCRAPER_IMAGE]),
  A('default-storageclass', 'Kubernetes'),
  A('efk', '3rd party (Elastic)'),
  A('freshpod', 'Google'),
  A('gcp-auth', 'Google'),
  A('gvisor', 'minikube'),
  A('headlamp', '3rd party (kinvolk.io)'),
  A('inaccel', '3rd party (InAccel [info@inaccel.com])'),
  A('ingress', 'Kubernetes', [INGRESS_CONTROLLER_IMAGE, CERTGEN_IMAGE, CERTGEN_IMAGE]),
  A('ingress-dns', 'minikube'),
  A('inspektor-gadget', '3rd party (inspektor-gadget.io)'),
  A('istio', '3rd party (Istio)'),
  A('istio-provisioner', '3rd party (Istio)'),
  A('kong', '3rd party (Kong HQ)'),
  A('kubeflow', '3rd party'),
  A('kubevirt', '3rd party (KubeVirt)'),
  A('logviewer', '3rd party (unknown)'),
  A('metallb', '3rd party (MetalLB)'),
  A('metrics-server', 'Kubernetes', [METRICS_SERVER_IMAGE]),
  A('nvidia-device-plugin', '3rd party (NVIDIA)'),
  A('nvidia-driver-installer', '3rd party (NVIDIA)'),
  A('nvidia-gpu-device-plugin', '3rd party (NVIDIA)'),
  A('olm', '3rd party (Operator Framework)'),
  A('pod-security-policy', '3rd party (unknown)'),
  A('portainer', '3rd party (Portainer.io)'),
  A('registry', 'minikube'),
  A('registry-aliases', '3rd party (unknown)'),
  A('registry-creds', '3rd party (UPMC Enterprises)'),
  A('storage-provisioner', 'minikube', ['gcr.io/k8s-minikube/storage-provisioner:v5']),
  A('storage-provisioner-gluster', '3rd party (Gluster)'),
  A('storage-provisioner-rancher', '3rd party (Rancher)'),
  A('volcano', 'third-party (volcano)'),
  A('volumesnapshots', 'Kubernetes'),
  A('yakd', '3rd party (marcnuri.com)'),
]

export const DEFAULT_ADDONS = ['storage-provisioner', 'default-storageclass'] as const

export const addonInfo = (name: string): AddonInfo | undefined =>
  ADDONS.find((a) => a.name === name)
