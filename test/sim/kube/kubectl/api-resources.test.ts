import { describe, expect, test } from 'vitest'
import { bareClusterSession } from './get-fixture'

describe('kubectl api-resources, api-versions, cluster-info', () => {
  test('api-resources filtered by group, and -o name', async () => {
    const { session } = await bareClusterSession()
    expect((await session.run('kubectl api-resources --api-group=apps')).stdout).toBe(
      'NAME           SHORTNAMES   APIVERSION   NAMESPACED   KIND\n' +
        'daemonsets     ds           apps/v1      true         DaemonSet\n' +
        'deployments    deploy       apps/v1      true         Deployment\n' +
        'replicasets    rs           apps/v1      true         ReplicaSet\n' +
        'statefulsets   sts          apps/v1      true         StatefulSet\n',
    )
    expect((await session.run('kubectl api-resources --namespaced=false -o name')).stdout).toBe(
      'namespaces\nnodes\npersistentvolumes\ningressclasses.networking.k8s.io\nstorageclasses.storage.k8s.io\n',
    )
    expect((await session.run('kubectl api-resources foo')).stderr).toBe(
      "error: unexpected arguments: [foo]\nSee 'kubectl api-resources -h' for help and examples\n",
    )
  })

  test('api-versions are sorted, autoscaling/v1 served beside v2', async () => {
    const { session } = await bareClusterSession()
    expect((await session.run('kubectl api-versions')).stdout).toBe(
      'apps/v1\nautoscaling/v1\nautoscaling/v2\nbatch/v1\ncoordination.k8s.io/v1\ndiscovery.k8s.io/v1\nnetworking.k8s.io/v1\nstorage.k8s.io/v1\nv1\n',
    )
  })

  test('cluster-info names the control plane and the dump hint', async () => {
    const { session } = await bareClusterSession()
    expect((await session.run('kubectl cluster-info')).stdout).toBe(
      "Kubernetes control plane is running at https://192.168.49.2:8443\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    )
  })
})
