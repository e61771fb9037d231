/**
 * Connections from the student's shell to Services of a minikube cluster (NodePort at the node's
 * address, ClusterIP through `minikube tunnel`) choose their backend as kube-proxy does for
 * in-cluster clients: turns over the ready pods, ClientIP affinity, externalTrafficPolicy Local,
 * and kube-proxy's REJECT when nothing is ready.
 */
import { describe, expect, it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'

async function run(
  s: Session,
  line: string,
): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const r = await s.run(line, { history: false })
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

/** A started minikube with `web`: 3 echo-server replicas behind a NodePort Service on 31000. */
async function echoCluster(serviceExtra = ''): Promise<Session> {
  const s = await Session.create({ seed: 3 })
  expect((await run(s, 'minikube start')).exitCode).toBe(0)
  expect(
    (await run(s, 'kubectl create deployment web --image=kicbase/echo-server:1.0 --replicas=3'))
      .exitCode,
  ).toBe(0)
  const service = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 8080
    nodePort: 31000
${serviceExtra}`
  await s.fs.writeFile('/home/student/svc.yaml', service)
  expect(await run(s, 'kubectl apply -f svc.yaml')).toEqual({
    stdout: 'service/web created\n',
    stderr: '',
    exitCode: 0,
  })
  s.clock.advance(30_000)
  return s
}

async function podNames(s: Session): Promise<string[]> {
  const out = await run(s, "kubectl get pods -l app=web -o jsonpath='{.items[*].metadata.name}'")
  return out.stdout.split(' ').sort()
}

/** Who answered each of `n` requests, from echo-server's first line. */
async function servedBy(
  s: Session,
  n: number,
  url = 'http://192.168.49.2:31000',
): Promise<string[]> {
  const seen: string[] = []
  for (let i = 0; i < n; i++) {
    const r = await run(s, `curl -s ${url}`)
    seen.push(/^Request served by (\S+)\n/.exec(r.stdout)?.[1] ?? `no answer: ${JSON.stringify(r)}`)
  }
  return seen
}

describe('host connections to a Service', () => {
  it('curl on the NodePort reaches every ready pod in turn, not always the first', async () => {
    const s = await echoCluster()
    const pods = await podNames(s)
    const seen = await servedBy(s, 6)
    expect(new Set(seen)).toEqual(new Set(pods))
    expect(seen.slice(3)).toEqual(seen.slice(0, 3))
  })

  it('a shell loop over $(minikube ip) shows several pods answering', async () => {
    const s = await echoCluster()
    const r = await run(s, 'for i in 1 2 3; do curl -s $(minikube ip):31000 | head -1; done')
    const pods = await podNames(s)
    expect(
      r.stdout
        .split('\n')
        .filter((l) => l !== '')
        .sort(),
    ).toEqual(pods.map((p) => `Request served by ${p}`))
  })

  it('sessionAffinity ClientIP keeps the host on the pod it first reached', async () => {
    const s = await echoCluster('  sessionAffinity: ClientIP\n')
    const seen = await servedBy(s, 4)
    expect(new Set(seen).size).toBe(1)
    expect(await podNames(s)).toContain(seen[0])
  })

  it('externalTrafficPolicy Local still reaches the pods of the only node', async () => {
    const s = await echoCluster('  externalTrafficPolicy: Local\n')
    expect(new Set(await servedBy(s, 3))).toEqual(new Set(await podNames(s)))
  })

  it('with no ready endpoint the NodePort refuses at once, as kube-proxy’s REJECT rule', async () => {
    const s = await echoCluster()
    expect((await run(s, 'kubectl scale deployment web --replicas=0')).exitCode).toBe(0)
    s.clock.advance(60_000)
    expect(await run(s, 'curl http://192.168.49.2:31000')).toEqual({
      stdout: '',
      stderr:
        "curl: (7) Failed to connect to 192.168.49.2 port 31000 after 0 ms: Couldn't connect to server\n",
      exitCode: 7,
    })
  })

  it('the in-cluster and host paths share the turns of one Service', async () => {
    const s = await echoCluster()
    expect((await run(s, 'kubectl run client --image=busybox -- sleep 3600')).exitCode).toBe(0)
    s.clock.advance(20_000)
    const first = await servedBy(s, 1)
    const fromPod = await run(s, 'kubectl exec client -- wget -qO- http://web:8080')
    const second = /^Request served by (\S+)/.exec(fromPod.stdout)?.[1] ?? JSON.stringify(fromPod)
    const third = await servedBy(s, 1)
    expect(new Set([...first, second, ...third])).toEqual(new Set(await podNames(s)))
  })
})
