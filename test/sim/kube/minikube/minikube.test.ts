import { describe, expect, it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'

async function styled(): Promise<Session> {
  const s = await Session.create({ seed: 1 })
  await s.run('export MINIKUBE_IN_STYLE=true')
  return s
}

const SINGLE_NODE_START = `😄  minikube v1.35.0 on Debian 12.9
✨  Automatically selected the docker driver. Other choices: none, ssh
📌  Using Docker driver with root privileges
👍  Starting "minikube" primary control-plane node in "minikube" cluster
🚜  Pulling base image v0.0.46 ...
🔥  Creating docker container (CPUs=2, Memory=2200MB) ...
🐳  Preparing Kubernetes v1.32.0 on Docker 27.4.1 ...
    ▪ Generating certificates and keys ...
    ▪ Booting up control plane ...
    ▪ Configuring RBAC rules ...
🔗  Configuring bridge CNI (Container Networking Interface) ...
🔎  Verifying Kubernetes components...
    ▪ Using image gcr.io/k8s-minikube/storage-provisioner:v5
🌟  Enabled addons: storage-provisioner, default-storageclass
🏄  Done! kubectl is now configured to use "minikube" cluster and "default" namespace by default
`

describe('before any cluster', () => {
  it('kubectl is refused at localhost:8080', async () => {
    const s = await Session.create({ seed: 1 })
    const r = await s.run('kubectl get pods')
    expect(r).toMatchObject({
      stdout: '',
      stderr:
        'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
      exitCode: 1,
    })
  })

  it('minikube status names the missing profile with the low-fi prefixes off a terminal (exit 85)', async () => {
    const s = await Session.create({ seed: 1 })
    const r = await s.run('minikube status')
    expect(r.stdout).toBe(
      '* Profile "minikube" not found. Run "minikube profile list" to view all profiles.\n  To start a cluster, run: "minikube start"\n',
    )
    expect(r.exitCode).toBe(85)
  })

  it('minikube status -p dev points at the profile in its tip', async () => {
    const s = await styled()
    const r = await s.run('minikube status -p dev')
    expect(r.stdout).toBe(
      '🤷  Profile "dev" not found. Run "minikube profile list" to view all profiles.\n👉  To start a cluster, run: "minikube start -p dev"\n',
    )
    expect(r.exitCode).toBe(85)
  })
})

describe('minikube start', () => {
  it('prints minikube v1.35.0 steps and points kubectl at the new cluster', async () => {
    const s = await styled()
    const r = await s.run('minikube start')
    expect(r).toMatchObject({ stdout: SINGLE_NODE_START, stderr: '', exitCode: 0 })
    const nodes = await s.run('kubectl get nodes')
    expect(nodes.stdout).toBe(
      'NAME       STATUS   ROLES           AGE   VERSION\nminikube   Ready    control-plane   27s   v1.32.0\n',
    )
    expect((await s.run('minikube ip')).stdout).toBe('192.168.49.2\n')
  })

  it('updates a running profile instead of creating it again', async () => {
    const s = await styled()
    await s.run('minikube start')
    const r = await s.run('minikube start')
    expect(r.stdout).toBe(`😄  minikube v1.35.0 on Debian 12.9
✨  Using the docker driver based on existing profile
👍  Starting "minikube" primary control-plane node in "minikube" cluster
🚜  Pulling base image v0.0.46 ...
🏃  Updating the running docker container "minikube" ...
🐳  Preparing Kubernetes v1.32.0 on Docker 27.4.1 ...
🔎  Verifying Kubernetes components...
    ▪ Using image gcr.io/k8s-minikube/storage-provisioner:v5
🌟  Enabled addons: storage-provisioner, default-storageclass
🏄  Done! kubectl is now configured to use "minikube" cluster and "default" namespace by default
`)
  })

  it('refuses less memory than the usable minimum (exit 23)', async () => {
    const s = await styled()
    const r = await s.run('minikube start --memory=1000mb')
    expect(r.stdout).toBe('😄  minikube v1.35.0 on Debian 12.9\n\n\n')
    expect(r.stderr).toBe(
      '⛔  Exiting due to RSRC_INSUFFICIENT_REQ_MEMORY: Requested memory allocation 1000MiB is less than the usable minimum of 1800MB\n',
    )
    expect(r.exitCode).toBe(23)
  })

  it('accepts --memory 4g and --cpus 4 and shows them on the container line', async () => {
    const s = await styled()
    const r = await s.run('minikube start --memory 4g --cpus 4 --driver=docker')
    expect(r.stdout).toContain('✨  Using the docker driver based on user configuration\n')
    expect(r.stdout).toContain('🔥  Creating docker container (CPUs=4, Memory=4096MB) ...\n')
  })

  it('refuses a Kubernetes version older than v1.20.0 (exit 106)', async () => {
    const s = await styled()
    const r = await s.run('minikube start --kubernetes-version=v1.16.0')
    expect(r.stderr).toBe(
      '❌  Exiting due to K8S_OLD_UNSUPPORTED: Kubernetes v1.16.0 is not supported by this release of minikube\n',
    )
    expect(r.exitCode).toBe(106)
  })

  it('gives a second profile the next docker network', async () => {
    const s = await styled()
    await s.run('minikube start')
    const r = await s.run('minikube start -p dev')
    expect(r.stdout.split('\n')[0]).toBe('😄  [dev] minikube v1.35.0 on Debian 12.9')
    expect((await s.run('minikube ip -p dev')).stdout).toBe('192.168.58.2\n')
    expect((await s.run('minikube profile list')).stdout).toBe(
      `|----------|-----------|---------|--------------|------|---------|--------|-------|----------------|--------------------|
| Profile  | VM Driver | Runtime |      IP      | Port | Version | Status | Nodes | Active Profile | Active Kubecontext |
|----------|-----------|---------|--------------|------|---------|--------|-------|----------------|--------------------|
| dev      | docker    | docker  | 192.168.58.2 | 8443 | v1.32.0 | OK     |     1 |                | *                  |
| minikube | docker    | docker  | 192.168.49.2 | 8443 | v1.32.0 | OK     |     1 | *              |                    |
|----------|-----------|---------|--------------|------|---------|--------|-------|----------------|--------------------|
`,
    )
  })
})

describe('a three-node cluster end to end', () => {
  it('spreads a deployment over three nodes and replaces the pod of a stopped node', async () => {
    const s = await styled()
    const start = await s.run('minikube start --nodes 3')
    expect(start.stdout).toContain(`🌟  Enabled addons: storage-provisioner, default-storageclass

👍  Starting "minikube-m02" worker node in "minikube" cluster
🚜  Pulling base image v0.0.46 ...
🔥  Creating docker container (CPUs=2, Memory=2200MB) ...
🌐  Found network options:
    ▪ NO_PROXY=192.168.49.2
🐳  Preparing Kubernetes v1.32.0 on Docker 27.4.1 ...
    ▪ env NO_PROXY=192.168.49.2
🔎  Verifying Kubernetes components...

👍  Starting "minikube-m03" worker node in "minikube" cluster
`)
    expect(start.stdout).toContain('🔗  Configuring CNI (Container Networking Interface) ...\n')
    expect((await s.run('kubectl get nodes')).stdout).toBe(
      `NAME           STATUS   ROLES           AGE   VERSION
minikube       Ready    control-plane   55s   v1.32.0
minikube-m02   Ready    <none>          55s   v1.32.0
minikube-m03   Ready    <none>          55s   v1.32.0
`,
    )
    await s.run('kubectl create deployment web --image=nginx --replicas=3')
    s.clock.advance(60_000)
    const nodesOf = async (): Promise<string[]> =>
      (
        await s.run(
          'kubectl get pods -o jsonpath=\'{range .items[*]}{.spec.nodeName} {.status.phase}{"\\n"}{end}\'',
        )
      ).stdout
        .trim()
        .split('\n')
        .sort()
    expect(await nodesOf()).toEqual([
      'minikube Running',
      'minikube-m02 Running',
      'minikube-m03 Running',
    ])
    const stop = await s.run('minikube node stop minikube-m02')
    expect(stop.stdout).toBe(
      '✋  Stopping node "minikube-m02"  ...\n🛑  Powering off "minikube-m02" via SSH ...\n🛑  Successfully stopped node minikube-m02\n',
    )
    await s.run('sleep 400')
    const after = (await s.run('kubectl get pods -o wide --no-headers')).stdout
    const running = after.split('\n').filter((l) => l.includes(' Running '))
    expect(running).toHaveLength(3)
    expect(running.every((l) => !l.includes('minikube-m02'))).toBe(true)
    const status = await s.run('minikube status')
    expect(status.stdout).toContain(
      'minikube-m02\ntype: Worker\nhost: Stopped\nkubelet: Stopped\n\n',
    )
    expect(status.exitCode).toBe(3)
  })
})

describe('stop, status, delete', () => {
  it('stops every node, unsets the context and exits 7 from status', async () => {
    const s = await styled()
    await s.run('minikube start')
    const stop = await s.run('minikube stop')
    expect(stop.stdout).toBe(
      '✋  Stopping node "minikube"  ...\n🛑  Powering off "minikube" via SSH ...\n🛑  1 node stopped.\n',
    )
    const status = await s.run('minikube status')
    expect(status.stdout).toBe(
      'minikube\ntype: Control Plane\nhost: Stopped\nkubelet: Stopped\napiserver: Stopped\nkubeconfig: Stopped\n\n',
    )
    expect(status.exitCode).toBe(7)
    expect((await s.run('kubectl get pods')).stderr).toBe(
      'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
    )
    const restart = await s.run('minikube start')
    expect(restart.stdout).toContain(
      '🔄  Restarting existing docker container for "minikube" ...\n',
    )
    expect((await s.run('kubectl get nodes')).stdout).toContain('minikube   Ready')
  })

  it('status -o json prints one object without a newline', async () => {
    const s = await styled()
    await s.run('minikube start')
    const r = await s.run('minikube status -o json')
    expect(r.stdout).toBe(
      '{"Name":"minikube","Host":"Running","Kubelet":"Running","APIServer":"Running","Kubeconfig":"Configured","Worker":false}',
    )
  })

  it('delete removes the cluster and its kubeconfig entries', async () => {
    const s = await styled()
    await s.run('minikube start')
    const r = await s.run('minikube delete')
    expect(r.stdout).toBe(`🔥  Deleting "minikube" in docker ...
🔥  Deleting container "minikube" ...
🔥  Removing /home/student/.minikube/machines/minikube ...
💀  Removed all traces of the "minikube" cluster.
`)
    expect((await s.run('cat ~/.kube/config')).stdout).toBe(
      'apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n',
    )
    expect((await s.run('minikube status')).exitCode).toBe(85)
  })
})

describe('nodes', () => {
  it('adds a worker and lists it', async () => {
    const s = await styled()
    await s.run('minikube start')
    const add = await s.run('minikube node add')
    expect(add.stdout).toBe(`😄  Adding node m02 to cluster minikube as [worker]
👍  Starting "minikube-m02" worker node in "minikube" cluster
🚜  Pulling base image v0.0.46 ...
🔥  Creating docker container (CPUs=2, Memory=2200MB) ...
🐳  Preparing Kubernetes v1.32.0 on Docker 27.4.1 ...
🔎  Verifying Kubernetes components...
🏄  Successfully added m02 to minikube!
`)
    expect(add.stderr).toBe(
      '❗  Cluster was created without any CNI, adding a node to it might cause broken networking.\n',
    )
    expect((await s.run('minikube node list')).stdout).toBe(
      'minikube\t192.168.49.2\nminikube-m02\t192.168.49.3\n',
    )
  })

  it('node stop of an unknown node is GUEST_NODE_RETRIEVE (exit 85)', async () => {
    const s = await styled()
    await s.run('minikube start')
    const r = await s.run('minikube node stop nope')
    expect(r.stderr).toBe(
      '❌  Exiting due to GUEST_NODE_RETRIEVE: retrieving node: Could not find node nope\n',
    )
    expect(r.exitCode).toBe(85)
  })
})

describe('addons', () => {
  it('enabling ingress deploys the controller and the nginx IngressClass', async () => {
    const s = await styled()
    await s.run('minikube start')
    const r = await s.run('minikube addons enable ingress')
    expect(r.stdout)
      .toBe(`💡  ingress is an addon maintained by Kubernetes. For any concerns contact minikube on GitHub.
You can view the list of minikube maintainers at: https://github.com/kubernetes/minikube/blob/master/OWNERS
    ▪ Using image registry.k8s.io/ingress-nginx/controller:v1.11.3
    ▪ Using image registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.4
    ▪ Using image registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.4
🔎  Verifying ingress addon...
🌟  The 'ingress' addon is enabled
`)
    expect((await s.run('kubectl get ingressclass')).stdout).toContain('nginx ')
    expect((await s.run('minikube addons list')).stdout).toContain(
      '| ingress                     | minikube | enabled ✅   | Kubernetes                     |\n',
    )
  })
})

describe('the command line', () => {
  it('rejects an unknown command with exit 14', async () => {
    const s = await Session.create({ seed: 1 })
    const r = await s.run('minikube frobnicate')
    expect(r.stderr).toBe(
      'Error: unknown command "frobnicate" for "minikube"\nRun \'minikube --help\' for usage.\n',
    )
    expect(r.exitCode).toBe(14)
  })

  it('rejects an unknown flag with exit 14', async () => {
    const s = await Session.create({ seed: 1 })
    const r = await s.run('minikube start --frob')
    expect(r.stderr).toBe("Error: unknown flag: --frob\nSee 'minikube start --help' for usage.\n")
    expect(r.exitCode).toBe(14)
  })

  it('prints the version', async () => {
    const s = await Session.create({ seed: 1 })
    expect((await s.run('minikube version')).stdout).toBe(
      'minikube version: v1.35.0\ncommit: dd5d320e41b5451cdf3c01891bc4e13d189586ed-dirty\n',
    )
  })

  it('minikube kubectl runs kubectl against the profile', async () => {
    const s = await styled()
    await s.run('minikube start')
    const r = await s.run('minikube kubectl -- get ns')
    expect(r.stdout).toContain('kube-system       Active')
  })
})
