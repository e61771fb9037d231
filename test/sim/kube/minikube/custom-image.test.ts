/**
 * The course flow for a student's own image: built with the node's Docker (`eval $(minikube
 * docker-env)`) or copied there (`minikube image load`), a Deployment runs it and its app answers
 * on a NodePort; built on the host only, the node cannot pull it.
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

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 })

const FLASK_APP = `from flask import Flask
app = Flask(__name__)

@app.route('/')
def hello():
    return 'Hello from Flask in Kubernetes!'

@app.route('/health')
def health():
    return 'ok'

if __name__ == '__main__':
    app.run(host='0.0.0.0', port=5000)
`

const DOCKERFILE = `FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
EXPOSE 5000
CMD ["python", "app.py"]
`

/** A started minikube, in ~/app with the Flask project. */
async function project(): Promise<Session> {
  const s = await Session.create({ seed: 5 })
  await s.fs.mkdir('/home/student/app', { recursive: true })
  await s.fs.writeFile('/home/student/app/app.py', FLASK_APP)
  await s.fs.writeFile('/home/student/app/requirements.txt', 'flask\n')
  await s.fs.writeFile('/home/student/app/Dockerfile', DOCKERFILE)
  expect((await run(s, 'minikube start')).exitCode).toBe(0)
  await run(s, 'cd app')
  return s
}

const waitingReason = '{.items[0].status.containerStatuses[0].state.waiting.reason}'

describe('a student image on minikube', () => {
  it('built with the host Docker only, fails to pull: pull access denied', async () => {
    const s = await project()
    expect((await run(s, 'docker build -q -t myapp:1 .')).exitCode).toBe(0)
    expect(await run(s, 'kubectl create deployment myapp --image=myapp:1')).toEqual(
      ok('deployment.apps/myapp created\n'),
    )
    s.clock.advance(5_000)
    expect(await run(s, `kubectl get pods -o jsonpath='${waitingReason}'`)).toEqual(
      ok('ImagePullBackOff'),
    )
    expect((await run(s, 'kubectl describe pods')).stdout).toContain(
      `Failed to pull image "myapp:1": Error response from daemon: pull access denied for myapp, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n`,
    )
    expect((await run(s, 'minikube image ls')).stdout).not.toContain('myapp')
  })

  it('minikube image load copies a host image to the node: image ls lists it', async () => {
    const s = await project()
    expect((await run(s, 'docker build -q -t myapp:1 .')).exitCode).toBe(0)
    expect(await run(s, 'minikube image load myapp:1')).toEqual(ok(''))
    expect((await run(s, 'minikube image ls')).stdout.split('\n').slice(-3)).toEqual([
      'docker.io/library/myapp:1',
      'docker.io/kindest/kindnetd:v20241108-5c6d2daf',
      '',
    ])
  })

  it('minikube image load without an image, or with one nowhere to be found, fails', async () => {
    const s = await project()
    expect(await run(s, 'minikube image load')).toEqual({
      stdout: '\n\n',
      stderr:
        'X Exiting due to MK_USAGE: Please provide an image in your local daemon to load into minikube via <minikube image load IMAGE_NAME>\n',
      exitCode: 14,
    })
    expect(await run(s, 'minikube image load nope:1')).toEqual({
      stdout: '\n\n',
      stderr:
        'X Exiting due to GUEST_IMAGE_LOAD: Failed to load image: save to dir: caching images: caching image "/home/student/.minikube/cache/images/amd64/nope_1": write: unable to calculate manifest: GET https://index.docker.io/v2/library/nope/manifests/1: UNAUTHORIZED: authentication required; [map[Action:pull Class: Name:library/nope Type:repository]]\n',
      exitCode: 80,
    })
  })

  it('built after eval $(minikube docker-env), is on the node', async () => {
    const s = await project()
    expect((await run(s, 'eval $(minikube docker-env)')).exitCode).toBe(0)
    expect((await run(s, 'docker build -q -t myapp:1 .')).exitCode).toBe(0)
    expect((await run(s, 'minikube image ls')).stdout.split('\n')).toContain(
      'docker.io/library/myapp:1',
    )
  })

  it('built with docker-env, runs in a Deployment and answers on its NodePort', async () => {
    const s = await project()
    await run(s, 'eval $(minikube docker-env)')
    expect((await run(s, 'docker build -q -t myapp:1 .')).exitCode).toBe(0)
    await run(s, 'kubectl create deployment myapp --image=myapp:1')
    expect(
      await run(s, 'kubectl expose deployment myapp --type=NodePort --port=80 --target-port=5000'),
    ).toEqual(ok('service/myapp exposed\n'))
    s.clock.advance(10_000)
    expect(await run(s, "kubectl get pods -o jsonpath='{.items[0].status.phase}'")).toEqual(
      ok('Running'),
    )
    const port = (await run(s, "kubectl get svc myapp -o jsonpath='{.spec.ports[0].nodePort}'"))
      .stdout
    expect(await run(s, `curl -s $(minikube ip):${port}`)).toEqual(
      ok('Hello from Flask in Kubernetes!'),
    )
    expect(await run(s, 'curl -s $(minikube service myapp --url)/health')).toEqual(ok('ok'))
  })

  it('kubectl exec into a pod of the built image sees the files the build copied', async () => {
    const s = await project()
    await run(s, 'eval $(minikube docker-env)')
    expect((await run(s, 'docker build -q -t myapp:1 .')).exitCode).toBe(0)
    await run(s, 'kubectl run mine --image=myapp:1')
    s.clock.advance(10_000)
    expect(await run(s, 'kubectl exec mine -- cat /app/requirements.txt')).toEqual(ok('flask\n'))
  })

  it('a readiness probe on a route the app lacks keeps the pod unready (404)', async () => {
    const s = await project()
    await run(s, 'eval $(minikube docker-env)')
    await run(s, 'docker build -q -t myapp:1 .')
    await s.fs.writeFile(
      '/home/student/app/deploy.yaml',
      `apiVersion: apps/v1
kind: Deployment
metadata:
  name: myapp
spec:
  selector:
    matchLabels:
      app: myapp
  template:
    metadata:
      labels:
        app: myapp
    spec:
      containers:
      - name: myapp
        image: myapp:1
        readinessProbe:
          httpGet:
            path: /ready
            port: 5000
          periodSeconds: 5
`,
    )
    await run(s, 'kubectl apply -f deploy.yaml')
    s.clock.advance(30_000)
    expect(
      await run(s, "kubectl get pods -o jsonpath='{.items[0].status.containerStatuses[0].ready}'"),
    ).toEqual(ok('false'))
    expect((await run(s, 'kubectl describe pods')).stdout).toContain(
      'Readiness probe failed: HTTP probe failed with statuscode: 404',
    )
    await run(
      s,
      'kubectl patch deployment myapp --type=json -p \'[{"op":"replace","path":"/spec/template/spec/containers/0/readinessProbe/httpGet/path","value":"/health"}]\'',
    )
    s.clock.advance(60_000)
    expect(
      await run(s, "kubectl get pods -o jsonpath='{.items[*].status.containerStatuses[0].ready}'"),
    ).toEqual(ok('true'))
  })
})
