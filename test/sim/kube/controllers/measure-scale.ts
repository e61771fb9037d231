/**
 * Not a test: measures the controllers' CPU for scaling a Deployment 0 → N on a bare cluster
 * (API server + controller manager, no scheduler/kubelet). Run:
 *   npx esbuild test/sim/kube/controllers/measure-scale.ts --bundle --platform=node --format=esm --outfile=/tmp/measure-scale.mjs && node /tmp/measure-scale.mjs 30000
 */
import { performance } from 'node:perf_hooks'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { VirtualClock } from '../../../../src/sim/core/clock'
import { KubeCluster } from '../../../../src/sim/kube/cluster'
import { controllerManager } from '../../../../src/sim/kube/controllers'
import { DEPLOYMENTS, deployment, must, NAMESPACES, PODS, REPLICA_SETS } from './harness'

const n = Number(process.argv[2] ?? 30000)
// As the app runs it: no deep-freezing of stored objects (that is a test-only guard).
const clock = new VirtualClock()
const h = { clock, cluster: new KubeCluster({ clock, seed: 1 }) }
for (const c of controllerManager()) h.cluster.addController(c)
must(
  h.cluster.api.create(NAMESPACES, {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'default' },
  }),
)
must(h.cluster.api.create(DEPLOYMENTS, deployment('web', 0)))
const d = h.cluster.store.get(DEPLOYMENTS, 'default', 'web') as KubeObject
const cpu0 = process.cpuUsage()
const t0 = performance.now()
must(
  h.cluster.api.update(DEPLOYMENTS, {
    ...d,
    spec: { ...(d['spec'] as object), replicas: n },
  } as KubeObject),
)
const t1 = performance.now()
const cpu = process.cpuUsage(cpu0)
const rs = h.cluster.store.list(REPLICA_SETS, 'default')[0]
console.log(
  `${n} replicas: ${h.cluster.store.count(PODS)} pods, rs status ${JSON.stringify(rs?.['status'])}; ` +
    `wall ${(t1 - t0).toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`,
)
