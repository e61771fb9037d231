/**
 * Images minikube adds to a node beside Kubernetes' own: the storage-provisioner addon
 * (gcr.io/k8s-minikube/storage-provisioner:v5, the tag minikube v1.35 still deploys). It is a
 * single static Go binary in a scratch image (minikube's deploy/storage-provisioner Dockerfile:
 * the binary copied to `/`, run as the CMD), 31.5MB as `docker images` lists it on the node.
 */
import type { CatalogImage } from '../catalog-types'
import { DEFAULT_PATH, image, mb, out, serverProfile } from './define'

const storageProvisioner = image({
  repository: 'gcr.io/k8s-minikube/storage-provisioner',
  tag: 'v5',
  created: '2021-03-02T23:06:41Z',
  sizeBytes: mb(31.5),
  layerCount: 1,
  config: {
    Cmd: ['/storage-provisioner'],
    Env: [DEFAULT_PATH],
    WorkingDir: '/',
    User: '',
  },
  base: 'scratch',
  profile: serverProfile({
    // klog's header: severity and date, time, thread id, file:line.
    startup: [
      out(
        'I{{now:klog}}       1 storage_provisioner.go:116] Initializing the minikube storage provisioner...',
        30,
      ),
    ],
    memoryMiB: { idle: 9 },
    cpuPercent: { idle: 0 },
    shell: null,
  }),
  official: false,
})

export const minikubeSystemImages: CatalogImage[] = [storageProvisioner]
