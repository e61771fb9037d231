import { describe, expect, it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'

const started = async () => {
  const s = await Session.create({ seed: 1 })
  await s.run('minikube start')
  await s.run('eval $(minikube docker-env)')
  return s
}

describe("minikube's node Docker daemon", () => {
  it('docker images after docker-env lists the node system images, not the host', async () => {
    const s = await started()
    const r = await s.run('docker images --format "{{.Repository}}:{{.Tag}}"')
    expect(r).toMatchObject({
      stdout:
        'registry.k8s.io/pause:3.10\nregistry.k8s.io/kube-proxy:v1.32.0\nregistry.k8s.io/kube-scheduler:v1.32.0\nregistry.k8s.io/coredns/coredns:v1.11.3\nregistry.k8s.io/etcd:3.5.16-0\nregistry.k8s.io/kube-controller-manager:v1.32.0\nregistry.k8s.io/kube-apiserver:v1.32.0\n',
      exitCode: 0,
    })
  })

  it('docker ps on the node shows a pod container and its pause sandbox, named as cri-dockerd does', async () => {
    const s = await started()
    await s.run('kubectl create deployment web --image=nginx')
    s.clock.advance(60_000)
    const pod = (await s.run("kubectl get pods -o jsonpath='{.items[0].metadata.name}'")).stdout
    const uid = (await s.run("kubectl get pods -o jsonpath='{.items[0].metadata.uid}'")).stdout
    const r = await s.run(
      `docker ps --filter label=io.kubernetes.pod.name=${pod} --format "{{.Names}} {{.Image}}"`,
    )
    expect(r).toMatchObject({
      stdout: `k8s_nginx_${pod}_default_${uid}_0 nginx\nk8s_POD_${pod}_default_${uid}_0 registry.k8s.io/pause:3.10\n`,
      exitCode: 0,
    })
  })

  it('a deleted pod leaves the node daemon at the next command', async () => {
    const s = await started()
    await s.run('kubectl run one --image=nginx')
    s.clock.advance(30_000)
    expect((await s.run('docker ps -q --filter label=io.kubernetes.pod.name=one')).stdout).not.toBe(
      '',
    )
    await s.run('kubectl delete pod one --wait=false')
    s.clock.advance(60_000)
    expect(await s.run('docker ps -aq --filter label=io.kubernetes.pod.name=one')).toMatchObject({
      stdout: '',
      exitCode: 0,
    })
  })

  it('an image built with docker-env is on the node daemon, not the host', async () => {
    const s = await started()
    await s.run('mkdir app && echo "FROM nginx" > app/Dockerfile')
    expect((await s.run('docker build -q -t myapp:1 app')).exitCode).toBe(0)
    expect((await s.run('docker images --format "{{.Repository}}:{{.Tag}}" myapp')).stdout).toBe(
      'myapp:1\n',
    )
    await s.run('eval $(minikube docker-env --unset)')
    expect((await s.run('docker images -q myapp:1')).stdout).toBe('')
  })

  it('minikube stop takes the node daemon down: Cannot connect', async () => {
    const s = await started()
    await s.run('minikube stop')
    expect(await s.run('docker ps')).toMatchObject({
      stdout: '',
      stderr:
        'Cannot connect to the Docker daemon at tcp://127.0.0.1:32769. Is the docker daemon running?\n',
      exitCode: 1,
    })
  })

  it('minikube start writes the certificates DOCKER_CERT_PATH names', async () => {
    const s = await started()
    expect((await s.run('ls /home/student/.minikube/certs')).stdout).toBe(
      'ca.pem\ncert.pem\nkey.pem\n',
    )
  })
})
