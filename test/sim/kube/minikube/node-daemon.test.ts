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
        'registry.k8s.io/pause:3.10\nregistry.k8s.io/kube-proxy:v1.32.0\nregistry.k8s.io/kube-scheduler:v1.32.0\nregistry.k8s.io/coredns/coredns:v1.11.3\nregistry.k8s.io/etcd:3.5.16-0\nregistry.k8s.io/kube-controller-manager:v1.32.0\nregistry.k8s.io/kube-apiserver:v1.32.0\ngcr.io/k8s-minikube/storage-provisioner:v5\n',
      exitCode: 0,
    })
  })

  it('the storage-provisioner image is 31.5MB, as minikube lists it', async () => {
    const s = await started()
    const r = await s.run(
      'docker images --format "{{.Repository}} {{.Tag}} {{.Size}}" gcr.io/k8s-minikube/storage-provisioner',
    )
    expect(r).toMatchObject({
      stdout: 'gcr.io/k8s-minikube/storage-provisioner v5 31.5MB\n',
      exitCode: 0,
    })
  })

  it("the system pods' containers are Up since their pods started, each beside its pause container", async () => {
    const s = await started()
    s.clock.advance(120_000)
    const r = await s.run(
      'docker ps --filter label=io.kubernetes.pod.namespace=kube-system --format "{{.Label \\"io.kubernetes.container.name\\"}} {{.RunningFor}} {{.Status}}"',
    )
    const pair = (name: string) =>
      `${name} 2 minutes ago Up 2 minutes\nPOD 2 minutes ago Up 2 minutes\n`
    expect(r).toMatchObject({
      stdout: [
        'storage-provisioner',
        'kube-scheduler',
        'kube-proxy',
        'kube-controller-manager',
        'kube-apiserver',
        'etcd',
        'coredns',
      ]
        .map(pair)
        .join(''),
      exitCode: 0,
    })
  })

  it('the pause containers run "/pause" alone: the image has no CMD', async () => {
    const s = await started()
    const r = await s.run(
      'docker ps --no-trunc --filter label=io.kubernetes.container.name=POD --format "{{.Command}}"',
    )
    expect(r).toMatchObject({ stdout: '"/pause"\n'.repeat(7), exitCode: 0 })
  })

  it('a crashing container: the last ended attempt stays Exited with its code, named _<restarts-1>', async () => {
    const s = await started()
    await s.run('kubectl run crash --image=busybox -- sh -c "exit 3"')
    s.clock.advance(60_000)
    expect((await s.run('kubectl get pod crash')).stdout).toBe(
      'NAME    READY   STATUS             RESTARTS      AGE\ncrash   0/1     CrashLoopBackOff   3 (29s ago)   60s\n',
    )
    const uid = (await s.run("kubectl get pod crash -o jsonpath='{.metadata.uid}'")).stdout
    const r = await s.run(
      'docker ps -a --filter label=io.kubernetes.pod.name=crash --format "{{.Names}}|{{.Command}}|{{.RunningFor}}|{{.Status}}"',
    )
    expect(r).toMatchObject({
      stdout:
        `k8s_crash_crash_default_${uid}_2|"sh -c exit 3"|29 seconds ago|Exited (3) 29 seconds ago\n` +
        `k8s_POD_crash_default_${uid}_0|"/pause"|About a minute ago|Up About a minute\n`,
      exitCode: 0,
    })
  })

  it('a completed pod: its container and its sandbox are Exited (0)', async () => {
    const s = await started()
    await s.run('kubectl run done --image=busybox --restart=Never -- true')
    s.clock.advance(180_000)
    const r = await s.run(
      'docker ps -a --filter label=io.kubernetes.pod.name=done --format "{{.Label \\"io.kubernetes.container.name\\"}}|{{.Command}}|{{.Status}}"',
    )
    expect(r).toMatchObject({
      stdout: 'done|"true"|Exited (0) 3 minutes ago\nPOD|"/pause"|Exited (0) 3 minutes ago\n',
      exitCode: 0,
    })
  })

  it('docker info on the node names the node and its Ubuntu 22.04, with the host kernel', async () => {
    const s = await started()
    const r = await s.run(
      'docker info --format "{{.Name}}|{{.OperatingSystem}}|{{.OSVersion}}|{{.KernelVersion}}"',
    )
    expect(r).toMatchObject({
      stdout: 'minikube|Ubuntu 22.04.5 LTS (containerized)|22.04|6.8.0-quai\n',
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
