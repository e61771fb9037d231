import { describe, expect, test } from 'vitest'
import { failed, ok, run, twoNodes } from './node-session'

describe('kubectl drain', () => {
  test('refuses DaemonSet-managed pods without --ignore-daemonsets, leaving the node cordoned', async () => {
    const session = await twoNodes()
    expect(await run(session, 'kubectl drain minikube-m02')).toEqual(
      failed(
        `error: unable to drain node "minikube-m02" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kindnet-55hwj, kube-system/kube-proxy-khmtj, continuing command...
There are pending nodes to be drained:
 minikube-m02
cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kindnet-55hwj, kube-system/kube-proxy-khmtj
`,
        'node/minikube-m02 cordoned\n',
      ),
    )
  })

  test('--ignore-daemonsets evicts the other pods, which the Deployment recreates elsewhere', async () => {
    const session = await twoNodes()
    expect(await run(session, 'kubectl drain minikube-m02 --ignore-daemonsets')).toEqual(
      ok(
        `node/minikube-m02 cordoned
evicting pod default/web-6dc5cd68db-g2xkf
evicting pod default/web-6dc5cd68db-v9x89
pod/web-6dc5cd68db-g2xkf evicted
pod/web-6dc5cd68db-v9x89 evicted
node/minikube-m02 drained
`,
        'Warning: ignoring DaemonSet-managed Pods: kube-system/kindnet-55hwj, kube-system/kube-proxy-khmtj\n',
      ),
    )
    const nodes = await run(session, "kubectl get pods -o jsonpath='{.items[*].spec.nodeName}'")
    expect(nodes.stdout).toBe('minikube minikube minikube')
  })

  test('a dry run lists the evictions and changes nothing', async () => {
    const session = await twoNodes()
    expect(
      await run(session, 'kubectl drain minikube-m02 --ignore-daemonsets --dry-run=client'),
    ).toEqual(
      ok(
        `node/minikube-m02 cordoned (dry run)
evicting pod default/web-6dc5cd68db-g2xkf (dry run)
evicting pod default/web-6dc5cd68db-v9x89 (dry run)
node/minikube-m02 drained (dry run)
`,
        'Warning: ignoring DaemonSet-managed Pods: kube-system/kindnet-55hwj, kube-system/kube-proxy-khmtj\n',
      ),
    )
  })

  test('a pod no controller would recreate needs --force', async () => {
    const session = await twoNodes()
    await run(session, 'kubectl run lone --image=nginx')
    await run(session, 'sleep 10')
    expect(await run(session, "kubectl get pod lone -o jsonpath='{.spec.nodeName}'")).toEqual(
      ok('minikube-m02'),
    )
    expect(await run(session, 'kubectl drain minikube-m02 --ignore-daemonsets')).toEqual(
      failed(
        `error: unable to drain node "minikube-m02" due to error: cannot delete Pods that declare no controller (use --force to override): default/lone, continuing command...
There are pending nodes to be drained:
 minikube-m02
cannot delete Pods that declare no controller (use --force to override): default/lone
`,
        'node/minikube-m02 cordoned\n',
      ),
    )
    const forced = await run(session, 'kubectl drain minikube-m02 --ignore-daemonsets --force')
    expect(forced.stderr).toBe(
      'Warning: deleting Pods that declare no controller: default/lone; ignoring DaemonSet-managed Pods: kube-system/kindnet-55hwj, kube-system/kube-proxy-khmtj\n',
    )
    expect(forced.stdout.split('\n').slice(0, 2)).toEqual([
      'node/minikube-m02 already cordoned',
      'evicting pod default/lone',
    ])
    expect(forced.stdout.endsWith('node/minikube-m02 drained\n')).toBe(true)
    expect(forced.exitCode).toBe(0)
    expect(await run(session, 'kubectl get pod lone')).toEqual(
      failed('Error from server (NotFound): pods "lone" not found\n'),
    )
  })
})
