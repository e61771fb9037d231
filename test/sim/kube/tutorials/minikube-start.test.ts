/**
 * minikube's "Get Started!" page (kubernetes/minikube site/content/en/docs/start/_index.md), its
 * commands typed unchanged, in order, in one session: start, kubectl, the sample Service through
 * `minikube service` and `kubectl port-forward`, a LoadBalancer through `minikube tunnel`, then
 * pause, unpause, stop, config, addons and delete --all.
 */
import { describe, expect, it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'
import { expectOut, secondTerminal, type } from './walkthrough'

const echoed = (pod: string, host: string): string =>
  `Request served by ${pod}\n\nHTTP/1.1 GET /\n\nHost: ${host}\nAccept: */*\nUser-Agent: curl/7.88.1\n`

describe('minikube start, typed as written', () => {
  it('runs the page from minikube start to minikube delete --all', async () => {
    const s = await Session.create({ seed: 1 })
    expect((await type(s, 'minikube start')).exitCode).toBe(0)
    const pods = await type(s, 'kubectl get pods -A')
    expect(pods.stdout).toContain(
      'kube-system   storage-provisioner                1/1     Running   0          27s\n',
    )
    expect(await type(s, 'minikube kubectl -- get pods -A')).toEqual(pods)

    // Deploy applications: the Service tab.
    await expectOut(
      s,
      'kubectl create deployment hello-minikube --image=kicbase/echo-server:1.0',
      'deployment.apps/hello-minikube created\n',
    )
    await expectOut(
      s,
      'kubectl expose deployment hello-minikube --type=NodePort --port=8080',
      'service/hello-minikube exposed\n',
    )
    s.clock.advance(20_000)
    const svc = await type(s, 'kubectl get services hello-minikube')
    const nodePort = /8080:(\d+)\/TCP/.exec(svc.stdout)?.[1] ?? ''
    expect(svc.stdout).toMatch(
      /^NAME {13}TYPE {7}CLUSTER-IP {6}EXTERNAL-IP {3}PORT\(S\) {10}AGE\nhello-minikube {3}NodePort {3}10\.\d+\.\d+\.\d+ +<none> {8}8080:3\d{4}\/TCP {3}20s\n$/,
    )
    const service = await type(s, 'minikube service hello-minikube')
    expect(service.stdout).toContain(
      `| default   | hello-minikube |        8080 | http://192.168.49.2:${nodePort} |\n`,
    )
    const pod = (
      await type(
        s,
        `kubectl get pods -l app=hello-minikube -o jsonpath='{.items[0].metadata.name}'`,
      )
    ).stdout
    await expectOut(
      s,
      `curl http://192.168.49.2:${nodePort}`,
      echoed(pod, `192.168.49.2:${nodePort}`),
    )
    const forward = await secondTerminal(
      s,
      ['kubectl', 'port-forward', 'service/hello-minikube', '7080:8080'],
      '[::1]:7080 -> 8080\n',
    )
    expect(forward.screen()).toBe(
      'Forwarding from 127.0.0.1:7080 -> 8080\nForwarding from [::1]:7080 -> 8080\n',
    )
    await expectOut(s, 'curl http://localhost:7080/', echoed(pod, 'localhost:7080'))
    await forward.interrupt()
    expect((await type(s, 'curl http://localhost:7080/')).exitCode).toBe(7)

    // The LoadBalancer tab.
    await expectOut(
      s,
      'kubectl create deployment balanced --image=kicbase/echo-server:1.0',
      'deployment.apps/balanced created\n',
    )
    await expectOut(
      s,
      'kubectl expose deployment balanced --type=LoadBalancer --port=8080',
      'service/balanced exposed\n',
    )
    s.clock.advance(20_000)
    const pending = await type(s, 'kubectl get services balanced')
    expect(pending.stdout).toContain('   <pending>     8080:')
    const tunnel = await secondTerminal(s, ['minikube', 'tunnel'], 'services: [balanced]')
    const lb = await type(s, 'kubectl get services balanced')
    const external = /LoadBalancer +(\S+) +(\S+)/.exec(lb.stdout)
    expect(external?.[1]).toBe(external?.[2])
    const balanced = (
      await type(s, `kubectl get pods -l app=balanced -o jsonpath='{.items[0].metadata.name}'`)
    ).stdout
    await expectOut(
      s,
      `curl http://${external?.[2] ?? ''}:8080`,
      echoed(balanced, `${external?.[2] ?? ''}:8080`),
    )
    await tunnel.interrupt()

    // Manage your cluster.
    expect(await type(s, 'minikube pause')).toMatchObject({ exitCode: 0 })
    expect(await type(s, 'minikube unpause')).toMatchObject({ exitCode: 0 })
    expect(await type(s, 'minikube stop')).toMatchObject({ exitCode: 0 })
    expect(await type(s, 'minikube config set memory 9001')).toMatchObject({ exitCode: 0 })
    expect((await type(s, 'minikube addons list')).stdout).toContain('| dashboard ')
    expect(await type(s, 'minikube delete --all')).toMatchObject({ exitCode: 0 })
  }, 120_000)
})
