/**
 * `kubectl logs` of a pod whose container runs a student's app server: the app's start-up lines
 * at the container's start, then an access line per request that reached it — what `docker logs`
 * shows for the same app in a container.
 */
import { describe, expect, it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'

async function run(s: Session, line: string) {
  const r = await s.run(line, { history: false })
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 })

const NODE_SERVER = `require('http').createServer((req, res) => res.end('hi')).listen(3000, () => console.log('listening on 3000'))`

/** A started minikube with a curl client pod. */
async function cluster(): Promise<Session> {
  const s = await Session.create({ seed: 7 })
  expect((await run(s, 'minikube start')).exitCode).toBe(0)
  expect((await run(s, 'kubectl run client --image=curlimages/curl -- sleep 3600')).exitCode).toBe(
    0,
  )
  return s
}

async function podIp(s: Session, name: string): Promise<string> {
  return (await run(s, `kubectl get pod ${name} -o jsonpath={.status.podIP}`)).stdout
}

describe('kubectl logs of a pod running an app server', () => {
  it('shows the line a Node server logs in its listen callback, from its start', async () => {
    const s = await cluster()
    await run(s, `kubectl run api --image=node:20-alpine -- node -e "${NODE_SERVER}"`)
    s.clock.advance(30_000)
    expect(await run(s, 'kubectl logs api')).toEqual(ok('listening on 3000\n'))
    // No request has been made: reading the log did not need one.
    expect(await run(s, 'kubectl logs api --tail=1')).toEqual(ok('listening on 3000\n'))
  })

  it('adds an access line for each request that reached the app', async () => {
    const s = await cluster()
    await run(s, 'kubectl run py --image=python:3.12 -- python -m http.server 8000')
    s.clock.advance(120_000)
    expect(await run(s, 'kubectl logs py')).toEqual(ok(''))
    const ip = await podIp(s, 'py')
    expect((await run(s, `kubectl exec client -- curl -s ${ip}:8000/`)).exitCode).toBe(0)
    expect((await run(s, `kubectl exec client -- curl -s ${ip}:8000/missing`)).exitCode).toBe(0)
    expect(await run(s, 'kubectl logs py')).toEqual(
      ok(
        '::ffff:10.244.0.3 - - [05/Jan/2026 09:02:27] "GET / HTTP/1.1" 200 -\n' +
          '::ffff:10.244.0.3 - - [05/Jan/2026 09:02:27] code 404, message File not found\n' +
          '::ffff:10.244.0.3 - - [05/Jan/2026 09:02:27] "GET /missing HTTP/1.1" 404 -\n',
      ),
    )
  })

  it('writes no access line for a server that logs none (Node http)', async () => {
    const s = await cluster()
    await run(s, `kubectl run api --image=node:20-alpine -- node -e "${NODE_SERVER}"`)
    s.clock.advance(30_000)
    const ip = await podIp(s, 'api')
    expect(await run(s, `kubectl exec client -- curl -s ${ip}:3000`)).toEqual(ok('hi'))
    // Node's http module writes no access line: the log stays the start-up line.
    expect(await run(s, 'kubectl logs api')).toEqual(ok('listening on 3000\n'))
  })

  it('shows a Flask app’s start-up banner and its access lines, as docker logs does', async () => {
    const s = await Session.create({ seed: 5 })
    await s.fs.mkdir('/home/student/app', { recursive: true })
    await s.fs.writeFile(
      '/home/student/app/app.py',
      "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/')\ndef hello():\n    return 'Hello'\n\nif __name__ == '__main__':\n    app.run(host='0.0.0.0', port=5000)\n",
    )
    await s.fs.writeFile('/home/student/app/requirements.txt', 'flask\n')
    await s.fs.writeFile(
      '/home/student/app/Dockerfile',
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nEXPOSE 5000\nCMD ["python", "app.py"]\n',
    )
    expect((await run(s, 'minikube start')).exitCode).toBe(0)
    await run(s, 'cd app')
    await run(s, 'eval $(minikube docker-env)')
    expect((await run(s, 'docker build -q -t myapp:1 .')).exitCode).toBe(0)
    expect(await run(s, 'kubectl run web --image=myapp:1')).toEqual(ok('pod/web created\n'))
    s.clock.advance(10_000)
    const banner = (ip: string) =>
      " * Serving Flask app 'app'\n * Debug mode: off\n" +
      'WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.\n' +
      ` * Running on all addresses (0.0.0.0)\n * Running on http://127.0.0.1:5000\n * Running on http://${ip}:5000\nPress CTRL+C to quit\n`
    const ip = await podIp(s, 'web')
    expect(await run(s, 'kubectl logs web')).toEqual(ok(banner(ip)))
    expect(
      (await run(s, 'kubectl run client --image=curlimages/curl -- sleep 3600')).exitCode,
    ).toBe(0)
    s.clock.advance(30_000)
    expect(await run(s, `kubectl exec client -- curl -s ${ip}:5000`)).toEqual(ok('Hello'))
    const client = await podIp(s, 'client')
    const at = (await run(s, 'date -u +%H:%M:%S')).stdout.trim()
    expect(await run(s, 'kubectl logs web')).toEqual(
      ok(`${banner(ip)}${client} - - [05/Jan/2026 ${at}] "GET / HTTP/1.1" 200 -\n`),
    )
  })
})
