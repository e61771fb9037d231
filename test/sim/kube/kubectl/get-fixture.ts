/**
 * A session whose kubeconfig points at a bare cluster (no controllers), filled by hand: the
 * tables these tests pin depend only on the objects written here.
 */
import { KubeCluster } from '../../../../src/sim/kube/cluster'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { servedType } from '../../../../src/sim/kube/api/resources'
import { Session } from '../../../../src/sim/shell/session'

export const SERVER = 'https://192.168.49.2:8443'

export const KUBECONFIG = `apiVersion: v1
clusters:
- cluster:
    server: ${SERVER}
  name: minikube
contexts:
- context:
    cluster: minikube
    namespace: default
    user: minikube
  name: minikube
current-context: minikube
kind: Config
preferences: {}
users:
- name: minikube
  user:
    client-certificate: /home/student/.minikube/profiles/minikube/client.crt
    client-key: /home/student/.minikube/profiles/minikube/client.key
`

export interface Fixture {
  session: Session
  cluster: KubeCluster
  create(kind: string, object: Omit<KubeObject, 'apiVersion' | 'kind'> & Partial<KubeObject>): void
}

export async function bareClusterSession(): Promise<Fixture> {
  const session = await Session.create({ seed: 1 })
  await session.fs.mkdir('/home/student/.kube', { recursive: true })
  await session.fs.writeFile('/home/student/.kube/config', KUBECONFIG)
  const cluster = new KubeCluster({ clock: session.clock, seed: 1, freeze: true })
  session.world.kube.serve(SERVER, cluster)
  const create: Fixture['create'] = (kind, object) => {
    const t = servedType(kind)
    const apiVersion = t.group === '' ? t.version : `${t.group}/${t.version}`
    const r = cluster.api.create(t, { apiVersion, kind, ...object } as KubeObject)
    if (!r.ok) throw new Error(r.error.message)
  }
  for (const ns of ['default', 'kube-system']) {
    create('Namespace', { metadata: { name: ns } })
    // Admission wants the namespace's default service account (the controller's job, absent here).
    create('ServiceAccount', { metadata: { name: 'default', namespace: ns } })
  }
  return { session, cluster, create }
}
