import { describe, expect, test } from 'vitest'
import { KubeCluster } from '../../../../src/sim/kube/cluster'
import { Session } from '../../../../src/sim/shell/session'

const MINIKUBE_CONFIG = `apiVersion: v1
clusters:
- cluster:
    certificate-authority: /home/student/.minikube/ca.crt
    server: https://192.168.49.2:8443
  name: minikube
contexts:
- context:
    cluster: minikube
    namespace: default
    user: minikube
  name: minikube
current-context: minikube
kind: Config
preferences: {}
users:
- name: minikube
  user:
    client-certificate: /home/student/.minikube/profiles/minikube/client.crt
    client-key: /home/student/.minikube/profiles/minikube/client.key
`

async function withKubeconfig(text = MINIKUBE_CONFIG): Promise<Session> {
  const s = await Session.create({ seed: 1 })
  await s.fs.mkdir('/home/student/.kube', { recursive: true })
  await s.fs.writeFile('/home/student/.kube/config', text)
  return s
}

async function served(): Promise<Session> {
  const s = await withKubeconfig()
  s.world.kube.serve(
    'https://192.168.49.2:8443',
    new KubeCluster({ clock: s.clock, seed: 1, freeze: true }),
  )
  return s
}

describe('kubectl connection', () => {
  test('no kubeconfig is a refused connection to localhost:8080', async () => {
    const s = await Session.create({ seed: 1 })
    const r = await s.run('kubectl version')
    expect(r.stdout).toBe('Client Version: v1.32.4-dispatcher\nKustomize Version: v5.5.0\n')
    expect(r.stderr).toBe(
      'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
    )
    expect(r.exitCode).toBe(1)
  })

  test('a server URL no cluster answers is refused by host and port', async () => {
    const s = await withKubeconfig()
    const r = await s.run('kubectl version')
    expect(r.stderr).toBe(
      'The connection to the server 192.168.49.2:8443 was refused - did you specify the right host or port?\n',
    )
    expect(r.exitCode).toBe(1)
  })

  test('a served cluster answers with its server version', async () => {
    const s = await served()
    const r = await s.run('kubectl version')
    expect(r).toMatchObject({
      stdout:
        'Client Version: v1.32.4-dispatcher\nKustomize Version: v5.5.0\nServer Version: v1.32.0\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('--context naming no context is a configuration error', async () => {
    const s = await served()
    const r = await s.run('kubectl --context x version')
    expect(r.stderr).toBe(
      'Error in configuration: context was not found for specified context: x\n',
    )
    expect(r.exitCode).toBe(1)
  })

  test('--kubeconfig naming a missing file fails only when the config is needed', async () => {
    const s = await served()
    expect((await s.run('kubectl --kubeconfig /nope version --client')).exitCode).toBe(0)
    const r = await s.run('kubectl version --kubeconfig /nope')
    expect(r.stderr).toBe('error: stat /nope: no such file or directory\n')
    expect(r.exitCode).toBe(1)
  })

  test('$KUBECONFIG naming a missing file means no configuration', async () => {
    const s = await served()
    const r = await s.run('KUBECONFIG=/nope kubectl version')
    expect(r.stderr).toBe(
      'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
    )
  })

  test('-s overrides the kubeconfig server', async () => {
    const s = await served()
    const r = await s.run('kubectl -s https://127.0.0.1:1 version')
    expect(r.stderr).toBe(
      'The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?\n',
    )
  })

  test('a malformed kubeconfig names the file', async () => {
    const s = await withKubeconfig('kind: Config\nclusters: 3\n')
    const r = await s.run('kubectl version')
    expect(r.stderr).toBe(
      'error: error loading config file "/home/student/.kube/config": json: cannot unmarshal number into Go struct field Config.clusters of type []v1.NamedCluster\n',
    )
  })
})

describe('kubectl dispatcher', () => {
  test('an unknown command suggests close ones in kubectl’s order', async () => {
    const s = await Session.create({ seed: 1 })
    const r = await s.run('kubectl ge')
    expect(r.stderr).toBe(
      'Error: unknown command "ge" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\tcp\n\n',
    )
    expect(r.exitCode).toBe(1)
    expect((await s.run('kubectl xyzzy')).stderr).toBe(
      'Error: unknown command "xyzzy" for "kubectl"\n',
    )
  })

  test('flag errors name the command', async () => {
    const s = await Session.create({ seed: 1 })
    const r = await s.run('kubectl version --short')
    expect(r.stderr).toBe("Error: unknown flag: --short\nSee 'kubectl version --help' for usage.\n")
    expect(r.exitCode).toBe(1)
    expect((await s.run('kubectl -n')).stderr).toBe(
      "Error: flag needs an argument: 'n' in -n\nSee 'kubectl --help' for usage.\n",
    )
  })

  test('global flags go anywhere before the command name', async () => {
    const s = await served()
    const r = await s.run('kubectl -n kube-system --insecure-skip-tls-verify version --client')
    expect(r.stdout).toBe('Client Version: v1.32.4-dispatcher\nKustomize Version: v5.5.0\n')
  })

  test('version -o json prints client, kustomize and server versions', async () => {
    const s = await served()
    const r = await s.run('kubectl version -o json')
    expect(r.stdout).toBe(`{
  "clientVersion": {
    "major": "1",
    "minor": "32+",
    "gitVersion": "v1.32.4-dispatcher",
    "gitCommit": "4cb5f0764b8d5f425645c6f433394fede34a8a26",
    "gitTreeState": "clean",
    "buildDate": "2025-05-15T20:09:34Z",
    "goVersion": "go1.23.8",
    "compiler": "gc",
    "platform": "linux/amd64"
  },
  "kustomizeVersion": "v5.5.0",
  "serverVersion": {
    "major": "1",
    "minor": "32",
    "gitVersion": "v1.32.0",
    "gitCommit": "70d3cc986aa8221cd1dfb1121852688902d3bf53",
    "gitTreeState": "clean",
    "buildDate": "2024-12-11T17:59:15Z",
    "goVersion": "go1.23.3",
    "compiler": "gc",
    "platform": "linux/amd64"
  }
}
`)
  })

  test('version --client -o yaml ends with a blank line, as kubectl’s Println of YAML does', async () => {
    const s = await Session.create({ seed: 1 })
    const r = await s.run('kubectl version --client -o yaml')
    expect(r.stdout).toBe(`clientVersion:
  buildDate: "2025-05-15T20:09:34Z"
  compiler: gc
  gitCommit: 4cb5f0764b8d5f425645c6f433394fede34a8a26
  gitTreeState: clean
  gitVersion: v1.32.4-dispatcher
  goVersion: go1.23.8
  major: "1"
  minor: 32+
  platform: linux/amd64
kustomizeVersion: v5.5.0

`)
    expect((await s.run('kubectl version -o foo --client')).stderr).toBe(
      "error: --output must be 'yaml' or 'json'\n",
    )
  })

  test('version --help is kubectl’s help template', async () => {
    const s = await Session.create({ seed: 1 })
    const r = await s.run('kubectl version --help')
    expect(r.stdout).toBe(`Print the client and server version information for the current context.

Examples:
  # Print the client and server versions for the current context
  kubectl version

Options:
    --client=false:
\tIf true, shows client version only (no server required).

    -o, --output='':
\tOne of 'yaml' or 'json'.

Usage:
  kubectl version [flags] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`)
    expect((await s.run('kubectl help version')).stdout).toBe(r.stdout)
  })
})
