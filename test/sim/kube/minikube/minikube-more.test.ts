import { beforeAll, describe, expect, it } from 'vitest'
import { connect } from '../../../../src/sim/docker/engine/reach'
import { servedType } from '../../../../src/sim/kube/api/resources'
import { onDashboardRequested } from '../../../../src/sim/kube/minikube/dashboard'
import { minikubeRegistry } from '../../../../src/sim/kube/minikube/profiles'
import { Session } from '../../../../src/sim/shell/session'
import { FakeTty } from '../../shell/editors/harness'

/** A cluster with nginx behind a NodePort (`web`) and a LoadBalancer (`lb`), pods ready. */
async function withWeb(): Promise<Session> {
  const s = await Session.create({ seed: 1 })
  await s.run('minikube start')
  await s.run('kubectl create deployment web --image=nginx')
  await s.run('kubectl expose deployment web --port=80 --type=NodePort')
  await s.run(
    'kubectl expose deployment web --name=lb --port=8080 --target-port=80 --type=LoadBalancer',
  )
  await s.run('sleep 30')
  return s
}

/** Runs a command that waits for Ctrl-C on a terminal, pressing it after `ms` of virtual time. */
async function untilCtrlC(
  s: Session,
  line: string,
  ms: number,
  during?: () => void,
): Promise<{ output: string; exitCode: number }> {
  const tty = new FakeTty(200, 50)
  const controller = new AbortController()
  s.clock.setTimer(ms, () => {
    during?.()
    controller.abort()
  })
  const r = await s.run(line, { tty, signal: controller.signal })
  return { output: tty.output + r.stdout + r.stderr, exitCode: r.exitCode }
}

describe('the node containers (docker driver)', () => {
  it('docker ps shows the kicbase container with its published ports on the minikube network', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('minikube start')
    const ps = await s.run(
      'docker ps --format "{{.Image}} {{.Command}} {{.Ports}} {{.Names}} {{.Networks}}"',
    )
    expect(ps.stdout).toBe(
      'gcr.io/k8s-minikube/kicbase:v0.0.46 "/usr/local/bin/entr…" 127.0.0.1:32768->22/tcp, 127.0.0.1:32769->2376/tcp, 127.0.0.1:32770->5000/tcp, 127.0.0.1:32771->8443/tcp, 127.0.0.1:32772->32443/tcp minikube minikube\n',
    )
    const inspect = await s.run(
      "docker inspect -f '{{.Config.Hostname}} {{.NetworkSettings.Networks.minikube.IPAddress}}' minikube",
    )
    expect(inspect.stdout).toBe('minikube 192.168.49.2\n')
  })

  it('minikube stop stops the container and delete removes it with its network', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('minikube start')
    await s.run('minikube stop')
    expect((await s.run('docker ps -a --format "{{.Names}} {{.State}}"')).stdout).toBe(
      'minikube exited\n',
    )
    await s.run('minikube start')
    expect((await s.run('docker ps --format "{{.Names}} {{.State}}"')).stdout).toBe(
      'minikube running\n',
    )
    await s.run('minikube delete')
    expect((await s.run('docker ps -a -q')).stdout).toBe('')
    expect((await s.run('docker network ls --format "{{.Name}}"')).stdout).toBe(
      'bridge\nhost\nnone\n',
    )
  })

  it('a second node gets its own container minikube-m02 at 192.168.49.3', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('minikube start --nodes 2')
    const ps = await s.run('docker ps --format "{{.Names}} {{.Image}}"')
    expect(ps.stdout).toBe(
      'minikube-m02 gcr.io/k8s-minikube/kicbase:v0.0.46\nminikube gcr.io/k8s-minikube/kicbase:v0.0.46\n',
    )
    expect((await s.run('minikube ssh -n m02 -- hostname')).stdout).toBe('minikube-m02\n')
  })
})

describe('minikube ssh', () => {
  let s: Session
  beforeAll(async () => {
    s = await Session.create({ seed: 1 })
    await s.run('minikube start')
  })

  it('runs the words after -- on the node as the docker user', async () => {
    const r = await s.run("minikube ssh 'whoami; hostname; pwd'")
    expect(r).toMatchObject({ stdout: 'docker\nminikube\n/home/docker\n', stderr: '', exitCode: 0 })
  })

  it('finds an Ubuntu 22.04 node with the static pod manifests', async () => {
    const os = await s.run('minikube ssh -- grep PRETTY /etc/os-release')
    expect(os.stdout).toBe('PRETTY_NAME="Ubuntu 22.04.5 LTS"\n')
    const ls = await s.run('minikube ssh -- ls /etc/kubernetes/manifests')
    expect(ls.stdout).toBe(
      'etcd.yaml\nkube-apiserver.yaml\nkube-controller-manager.yaml\nkube-scheduler.yaml\n',
    )
    const kubelet = await s.run('minikube ssh -- grep staticPodPath /var/lib/kubelet/config.yaml')
    expect(kubelet.stdout).toBe('staticPodPath: /etc/kubernetes/manifests\n')
  })

  it('reports a failing remote command as ssh: Process exited with status N (exit 1)', async () => {
    const r = await s.run('minikube ssh -- exit 3')
    expect(r).toMatchObject({
      stdout: '',
      stderr: 'ssh: Process exited with status 3\n',
      exitCode: 1,
    })
  })

  it('names an unknown node with GUEST_NODE_RETRIEVE (exit 85)', async () => {
    const r = await s.run('minikube ssh -n m02 -- ls')
    expect(r.stdout).toBe('\n\n')
    expect(r.stderr).toBe(
      'X Exiting due to GUEST_NODE_RETRIEVE: retrieving node: Could not find node m02\n',
    )
    expect(r.exitCode).toBe(85)
  })

  it('opens a login shell with the docker@minikube prompt on a terminal', async () => {
    const tty = new FakeTty(80, 24)
    const running = s.run('minikube ssh', { tty })
    for (let i = 0; i < 50 && !tty.output.includes('$ '); i++)
      await new Promise((r) => setTimeout(r, 0))
    expect(tty.output).toContain('docker@minikube:~$ ')
    await tty.type('exit\r')
    expect((await running).exitCode).toBe(0)
  })
})

describe('minikube ssh on a stopped node', () => {
  it('says the node is not running (exit 1)', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('minikube start --nodes 2')
    await s.run('minikube node stop m02')
    const r = await s.run('minikube ssh -n m02 -- ls')
    expect(r).toMatchObject({
      stdout: '',
      stderr: 'ssh: "minikube-m02" is not running\n',
      exitCode: 1,
    })
  })

  it('asks for the control plane when the cluster is stopped (exit 89)', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('minikube start')
    await s.run('minikube stop')
    const r = await s.run('minikube ssh')
    expect(r.stdout).toBe(
      '* The control plane node must be running for this command\n  To start a cluster, run: "minikube start"\n',
    )
    expect(r.exitCode).toBe(89)
  })
})

describe('minikube service and NodePorts from the host', () => {
  let s: Session
  beforeAll(async () => {
    s = await withWeb()
  })

  it('prints the node URL with --url', async () => {
    const port = (await s.run("kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}'")).stdout
    const r = await s.run('minikube service web --url')
    expect(r).toMatchObject({ stdout: `http://192.168.49.2:${port}\n`, stderr: '', exitCode: 0 })
  })

  it('prints the table and the opening line without --url', async () => {
    const port = (await s.run("kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}'")).stdout
    const r = await s.run('minikube service web')
    expect(r.stdout).toBe(
      `|-----------|------|-------------|---------------------------|
| NAMESPACE | NAME | TARGET PORT |            URL            |
|-----------|------|-------------|---------------------------|
| default   | web  |          80 | http://192.168.49.2:${port} |
|-----------|------|-------------|---------------------------|
* Opening service default/web in default browser...
`,
    )
    expect(r.exitCode).toBe(0)
  })

  it('makes the NodePort answer curl on the host with the pod’s server', async () => {
    const r = await s.run('curl -s -o /dev/null -w "%{http_code}" $(minikube service web --url)')
    expect(r.stdout).toBe('200')
    const head = await s.run('curl -sI $(minikube service web --url) | head -2')
    expect(head.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/[\d.]+\r\n$/)
  })

  it('refuses a port no Service holds', async () => {
    const r = await s.run('curl -sS 192.168.49.2:31999')
    expect(r.stderr).toBe(
      "curl: (7) Failed to connect to 192.168.49.2 port 31999 after 0 ms: Couldn't connect to server\n",
    )
    expect(r.exitCode).toBe(7)
  })

  it('refuses when the Service has no ready backend (kube-proxy rejects)', async () => {
    await s.run('kubectl scale deployment web --replicas=0')
    await s.run('sleep 40')
    const r = await s.run('curl -s $(minikube service web --url)')
    expect(r.exitCode).toBe(7)
    await s.run('kubectl scale deployment web --replicas=1')
    await s.run('sleep 40')
  })
})

describe('minikube tunnel', () => {
  it('prints its status, gives the LoadBalancer its ClusterIP as ingress while it runs, and removes it on Ctrl-C', async () => {
    const s = await withWeb()
    const clusterIP = (await s.run("kubectl get svc lb -o jsonpath='{.spec.clusterIP}'")).stdout
    const profile = minikubeRegistry(s.world.kube).profiles.get('minikube')
    const svcType = servedType('Service')
    let during: unknown
    let reached = ''
    const r = await untilCtrlC(s, 'minikube tunnel', 7_000, () => {
      during = profile?.cluster.store.get(svcType, 'default', 'lb')?.['status']
      reached = connect(s.world.docker, clusterIP, 8080, s.clock.now()).kind
    })
    const block = (services: string): string =>
      `Status:\t\r\n\tmachine: minikube\r\n\tpid: ${/pid: (\d+)/.exec(r.output)?.[1] ?? ''}\r\n\troute: 10.96.0.0/12 -> 192.168.49.2\r\n\tminikube: Running\r\n\tservices: [${services}]\r\n    errors: \r\n\t\tminikube: no errors\r\n\t\trouter: no errors\r\n\t\tloadbalancer emulator: no errors\r\n`
    expect(r.output).toBe(block('lb') + block('lb'))
    expect(r.exitCode).toBe(130)
    expect(during).toEqual({ loadBalancer: { ingress: [{ ip: clusterIP }] } })
    expect(reached).toBe('open')
    const after = await s.run('kubectl get svc lb')
    expect(after.stdout).toContain(`<pending>`)
    expect(connect(s.world.docker, clusterIP, 8080, s.clock.now()).kind).toBe('net-unreachable')
  })
})

describe('minikube dashboard', () => {
  it('enables the addon, waits for it, prints the proxy URL and tells the panels', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('minikube start')
    const heard: string[] = []
    onDashboardRequested(s.world.kube, (req) => heard.push(`${req.profile} ${req.url}`))
    let answered = ''
    const r = await untilCtrlC(s, 'minikube dashboard', 120_000, () => {
      const url = /http:\/\/127\.0\.0\.1:(\d+)/.exec(heard[0] ?? '')
      answered = connect(s.world.docker, '127.0.0.1', Number(url?.[1]), s.clock.now()).kind
    })
    const url = heard[0]?.split(' ')[1] ?? ''
    expect(url).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/namespaces\/kubernetes-dashboard\/services\/http:kubernetes-dashboard:\/proxy\/$/,
    )
    expect(r.output).toBe(
      [
        '🔌  Enabling dashboard ...',
        '💡  dashboard is an addon maintained by Kubernetes. For any concerns contact minikube on GitHub.',
        'You can view the list of minikube maintainers at: https://github.com/kubernetes/minikube/blob/master/OWNERS',
        '    ▪ Using image docker.io/kubernetesui/dashboard:v2.7.0',
        '    ▪ Using image docker.io/kubernetesui/metrics-scraper:v1.0.8',
        '💡  Some dashboard features require the metrics-server addon. To enable all features please run:',
        '',
        '\tminikube addons enable metrics-server',
        '',
        '🤔  Verifying dashboard health ...',
        '🚀  Launching proxy ...',
        '🤔  Verifying proxy health ...',
        `🎉  Opening ${url} in your default browser...`,
        '',
      ].join('\r\n'),
    )
    expect(r.exitCode).toBe(130)
    expect(answered).toBe('open')
    expect((await s.run('kubectl get deploy -n kubernetes-dashboard -o name')).stdout).toBe(
      'deployment.apps/dashboard-metrics-scraper\ndeployment.apps/kubernetes-dashboard\n',
    )
  })

  it('prints only the URL on stdout with --url', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('minikube start')
    const r = await untilCtrlC(s, 'minikube dashboard --url', 120_000)
    expect(r.output).toMatch(
      /🤔 {2}Verifying proxy health \.\.\.\r\nhttp:\/\/127\.0\.0\.1:\d+\/api\/v1\/namespaces\/kubernetes-dashboard\/services\/http:kubernetes-dashboard:\/proxy\/\r\n$/,
    )
  })
})

describe('minikube docker-env, image ls and logs', () => {
  let s: Session
  beforeAll(async () => {
    s = await withWeb()
  })

  it('docker-env exports the node daemon on its published 2376 port', async () => {
    const r = await s.run('minikube docker-env')
    expect(r.stdout).toBe(`export DOCKER_TLS_VERIFY="1"
export DOCKER_HOST="tcp://127.0.0.1:32769"
export DOCKER_CERT_PATH="/home/student/.minikube/certs"
export MINIKUBE_ACTIVE_DOCKERD="minikube"

# To point your shell to minikube's docker-daemon, run:
# eval $(minikube -p minikube docker-env)
`)
  })

  it('docker-env --unset prints the unset lines', async () => {
    expect((await s.run('minikube docker-env --unset')).stdout).toBe(
      'unset DOCKER_TLS_VERIFY;\nunset DOCKER_HOST;\nunset DOCKER_CERT_PATH;\nunset MINIKUBE_ACTIVE_DOCKERD;\n',
    )
  })

  it('image ls lists the preload and the pulled nginx, last first', async () => {
    expect((await s.run('minikube image ls')).stdout).toBe(`registry.k8s.io/pause:3.10
registry.k8s.io/kube-scheduler:v1.32.0
registry.k8s.io/kube-proxy:v1.32.0
registry.k8s.io/kube-controller-manager:v1.32.0
registry.k8s.io/kube-apiserver:v1.32.0
registry.k8s.io/etcd:3.5.16-0
registry.k8s.io/coredns/coredns:v1.11.3
gcr.io/k8s-minikube/storage-provisioner:v5
docker.io/library/nginx:latest
docker.io/kindest/kindnetd:v20241108-5c6d2daf
`)
  })

  it('logs shows the audit, last start, container status and kubelet sections', async () => {
    const r = await s.run('minikube logs -n 1')
    const sections = r.stdout.split('\n').filter((l) => l.startsWith('==> '))
    expect(sections).toEqual([
      '==> Audit <==',
      '==> Last Start <==',
      '==> container status <==',
      '==> kubelet <==',
    ])
    expect(r.stdout).toContain('| start    |      | minikube | student | v1.35.0 |')
    expect(r.stdout).toMatch(/Running +nginx +0 +[0-9a-f]{13} +web-[a-z0-9]+-[a-z0-9]{5}\n/)
    expect(r.stdout.split('==> kubelet <==\n')[1]).toMatch(
      /^[A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} minikube kubelet\[1523\]: I\d{4} [\d:.]+ +1523 event\.go:389\] "Event occurred" object="default\/web-[^"]+" kind="Pod" reason="Started" message="Started container nginx"\n\n$/,
    )
  })

  it('logs --problems finds none on a healthy cluster', async () => {
    expect((await s.run('minikube logs --problems')).stdout).toBe(
      '* No problems detected in kubelet\n',
    )
  })
})
