/**
 * A student's app server running in a pod (`node -e "…listen(3000)"`, `python -m http.server`,
 * `flask run`) listens on the ports its command, code and environment say, and answers with its
 * own routes: from another pod (pod IP, Service ClusterIP and DNS name), from the host (NodePort,
 * `minikube service --url`), through `kubectl port-forward` and `kubectl proxy`.
 */
import { describe, expect, it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'
import { secondTerminal } from '../tutorials/walkthrough'

async function run(
  s: Session,
  line: string,
): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const r = await s.run(line, { history: false })
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 })

const NODE_SERVER = `require('http').createServer((req, res) => res.end('hello from node')).listen(3000)`

/** A started minikube with a curl client pod, and `files` written in the student's home. */
async function cluster(files: Record<string, string> = {}): Promise<Session> {
  const s = await Session.create({ seed: 7 })
  for (const [path, text] of Object.entries(files))
    await s.fs.writeFile(`/home/student/${path}`, text)
  expect((await run(s, 'minikube start')).exitCode).toBe(0)
  expect(await run(s, 'kubectl run client --image=curlimages/curl -- sleep 3600')).toEqual(
    ok('pod/client created\n'),
  )
  return s
}

async function podIp(s: Session, name: string): Promise<string> {
  return (await run(s, `kubectl get pod ${name} -o jsonpath={.status.podIP}`)).stdout
}

describe('an app server in a pod', () => {
  it('answers on its pod IP from another pod', async () => {
    const s = await cluster()
    await run(s, `kubectl run api --image=node:20-alpine -- node -e "${NODE_SERVER}"`)
    s.clock.advance(30_000)
    const ip = await podIp(s, 'api')
    expect(await run(s, `kubectl exec client -- curl -s ${ip}:3000`)).toEqual(ok('hello from node'))
    // Nothing listens on the image's other ports.
    expect((await run(s, `kubectl exec client -- curl -s ${ip}:8080`)).exitCode).toBe(7)
  })

  it('answers through its Service ClusterIP and DNS name from a pod', async () => {
    const s = await cluster()
    await run(s, `kubectl run api --image=node:20-alpine -- node -e "${NODE_SERVER}"`)
    expect(await run(s, 'kubectl expose pod api --port=80 --target-port=3000')).toEqual(
      ok('service/api exposed\n'),
    )
    s.clock.advance(30_000)
    const clusterIp = (await run(s, 'kubectl get svc api -o jsonpath={.spec.clusterIP}')).stdout
    expect(await run(s, `kubectl exec client -- curl -s ${clusterIp}`)).toEqual(
      ok('hello from node'),
    )
    expect(await run(s, 'kubectl exec client -- curl -s api.default.svc.cluster.local')).toEqual(
      ok('hello from node'),
    )
  })

  it('serves the routes of an app read from a ConfigMap-set PORT, on a NodePort from the host', async () => {
    const s = await cluster()
    await s.fs.writeFile(
      '/home/student/app.yaml',
      `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  PORT: "8080"
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: web
    image: python:3.12-slim
    command: ["python", "-m", "http.server"]
    args: ["$(PORT)"]
    envFrom:
    - configMapRef:
        name: web-config
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080
    nodePort: 30080
`,
    )
    expect(await run(s, 'kubectl apply -f app.yaml')).toEqual(
      ok('configmap/web-config created\npod/web created\nservice/web created\n'),
    )
    s.clock.advance(30_000)
    const head = await run(s, 'curl -sI $(minikube ip):30080/')
    expect(head).toEqual(
      ok(
        'HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 Python/3.12.9\r\nDate: Mon, 05 Jan 2026 09:00:57 GMT\r\nContent-type: text/html; charset=utf-8\r\nContent-Length: 795\r\n\r\n',
      ),
    )
    expect(await run(s, 'minikube service web --url')).toEqual(ok('http://192.168.49.2:30080\n'))
    expect(
      await run(s, 'curl -s -o /dev/null -w "%{http_code}" $(minikube service web --url)/nope'),
    ).toEqual(ok('404'))
  })

  it('listens on the port a Secret key gives its environment', async () => {
    const s = await cluster()
    await s.fs.writeFile(
      '/home/student/api.yaml',
      `apiVersion: v1
kind: Secret
metadata:
  name: api-secret
stringData:
  port: "4000"
---
apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
  - name: api
    image: node:20-alpine
    command: ["node", "-e", "require('http').createServer((req, res) => res.end('from secret port')).listen(process.env.PORT || 3000)"]
    env:
    - name: PORT
      valueFrom:
        secretKeyRef:
          name: api-secret
          key: port
`,
    )
    expect(await run(s, 'kubectl apply -f api.yaml')).toEqual(
      ok('secret/api-secret created\npod/api created\n'),
    )
    s.clock.advance(30_000)
    const ip = await podIp(s, 'api')
    expect(await run(s, `kubectl exec client -- curl -s ${ip}:4000`)).toEqual(
      ok('from secret port'),
    )
    expect((await run(s, `kubectl exec client -- curl -s ${ip}:3000`)).exitCode).toBe(7)
  })

  it('listening on 127.0.0.1 only, is reached from its own pod and refused from others', async () => {
    const s = await cluster()
    const local = `require('http').createServer((req, res) => res.end('local only')).listen(3000, '127.0.0.1')`
    await run(s, `kubectl run api --image=node:20-alpine -- node -e "${local}"`)
    s.clock.advance(30_000)
    const ip = await podIp(s, 'api')
    expect(await run(s, 'kubectl exec api -- wget -qO- localhost:3000')).toEqual(ok('local only'))
    expect(await run(s, `kubectl exec client -- curl -sS ${ip}:3000`)).toEqual({
      stdout: '',
      stderr: `curl: (7) Failed to connect to ${ip} port 3000 after 0 ms: Couldn't connect to server\ncommand terminated with exit code 7\n`,
      exitCode: 7,
    })
  })

  it('a command that starts no server listens on nothing', async () => {
    const s = await cluster()
    await run(s, 'kubectl run idle --image=node:20-alpine -- sleep 3600')
    s.clock.advance(30_000)
    const ip = await podIp(s, 'idle')
    expect((await run(s, `kubectl exec client -- curl -s ${ip}:3000`)).exitCode).toBe(7)
  })

  it('is reached through kubectl port-forward and the API server proxy', async () => {
    const s = await cluster()
    await run(s, `kubectl run api --image=node:20-alpine --port=3000 -- node -e "${NODE_SERVER}"`)
    await run(s, 'kubectl expose pod api --port=80 --target-port=3000')
    s.clock.advance(30_000)
    const forward = await secondTerminal(
      s,
      ['kubectl', 'port-forward', 'pod/api', '7000:3000'],
      '[::1]:7000',
    )
    expect(await run(s, 'curl -s localhost:7000/anything')).toEqual(ok('hello from node'))
    expect(await forward.interrupt()).toBe(0)
    const proxy = await secondTerminal(s, ['kubectl', 'proxy'], '8001')
    expect(
      await run(s, 'curl -s localhost:8001/api/v1/namespaces/default/services/api/proxy/'),
    ).toEqual(ok('hello from node'))
    expect(
      await run(s, 'curl -s localhost:8001/api/v1/namespaces/default/pods/api:3000/proxy/'),
    ).toEqual(ok('hello from node'))
    // kubectl proxy ends on SIGINT's default: 128 + 2.
    expect(await proxy.interrupt()).toBe(130)
  })
})
