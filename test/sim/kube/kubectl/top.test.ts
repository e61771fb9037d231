import { describe, expect, test } from 'vitest'
import { podUsage } from '../../../../src/sim/kube/controllers/hpa/pod-usage'
import { installAddon } from '../../../../src/sim/kube/minikube/addon-workloads'
import { clusterSessionWithCluster } from '../fixtures'
import { failed, ok, run } from './node-session'

async function withWeb(metrics: boolean) {
  const { session, cluster } = await clusterSessionWithCluster()
  if (metrics) installAddon(cluster, 'metrics-server')
  await run(session, 'kubectl create deployment web --image=nginx:1.27 --replicas=2')
  await run(session, 'sleep 60')
  return { session, cluster }
}

describe('kubectl top', () => {
  test('without metrics-server the Metrics API is not available', async () => {
    const { session } = await withWeb(false)
    expect(await run(session, 'kubectl top pods')).toEqual(
      failed('error: Metrics API not available\n'),
    )
    expect(await run(session, 'kubectl top nodes')).toEqual(
      failed('error: Metrics API not available\n'),
    )
  })

  test('idle pods show their image’s idle figures; a load set by a scenario shows instead', async () => {
    const { session, cluster } = await withWeb(true)
    const idle = await run(session, 'kubectl top pods')
    expect(idle.exitCode).toBe(0)
    const lines = idle.stdout.split('\n')
    expect(lines[0]).toBe('NAME                   CPU(cores)   MEMORY(bytes)   ')
    expect(lines).toHaveLength(4)
    const name = (await run(session, "kubectl get pods -o jsonpath='{.items[0].metadata.name}'"))
      .stdout
    podUsage(cluster.store).set('default', name, { cpu: 250, memory: 64 * 1024 * 1024 })
    const loaded = await run(session, `kubectl top pod ${name} --no-headers`)
    // Without headers the columns are only as wide as the figures.
    expect(loaded).toEqual(ok(`${name}   250m   64Mi   \n`))
  })

  test('nodes show use against allocatable; a missing pod is the metrics API’s NotFound', async () => {
    const { session } = await withWeb(true)
    const nodes = await run(session, 'kubectl top nodes')
    expect(nodes.stdout.split('\n')[0]).toBe(
      'NAME       CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   ',
    )
    expect(nodes.stdout).toMatch(/^minikube {3}\d+m {2,}\d+% {2,}\d+Mi {2,}\d+% {2,}$/m)
    expect(await run(session, 'kubectl top pod nope')).toEqual(
      failed('Error from server (NotFound): podmetrics.metrics.k8s.io "default/nope" not found\n'),
    )
  })
})
