import { describe, expect, test } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'
import { KUBECONFIG } from './get-fixture'

const TWO_CONTEXTS = KUBECONFIG.replace(
  'current-context: minikube',
  '- context:\n    cluster: minikube\n    user: minikube\n  name: other\ncurrent-context: minikube',
)

async function session(text = TWO_CONTEXTS): Promise<Session> {
  const s = await Session.create({ seed: 1 })
  await s.fs.mkdir('/home/student/.kube', { recursive: true })
  await s.fs.writeFile('/home/student/.kube/config', text)
  return s
}

describe('kubectl config', () => {
  test('get-contexts marks the current one', async () => {
    const s = await session()
    expect((await s.run('kubectl config get-contexts')).stdout).toBe(
      'CURRENT   NAME       CLUSTER    AUTHINFO   NAMESPACE\n' +
        '*         minikube   minikube   minikube   default\n' +
        '          other      minikube   minikube   \n',
    )
    expect((await s.run('kubectl config current-context')).stdout).toBe('minikube\n')
  })

  test('use-context switches and writes the file; a missing one is refused', async () => {
    const s = await session()
    expect((await s.run('kubectl config use-context other')).stdout).toBe(
      'Switched to context "other".\n',
    )
    expect(await s.fs.readFile('/home/student/.kube/config')).toContain('current-context: other\n')
    const r = await s.run('kubectl config use-context nope')
    expect(r.stderr).toBe('error: no context exists with the name: "nope"\n')
    expect(r.exitCode).toBe(1)
  })

  test('set-context --current --namespace changes the namespace kubectl works in', async () => {
    const s = await session()
    expect((await s.run('kubectl config set-context --current --namespace=dev')).stdout).toBe(
      'Context "minikube" modified.\n',
    )
    expect((await s.run('kubectl config view --minify -o jsonpath={..namespace}')).stdout).toBe(
      'dev',
    )
  })

  test('view redacts secrets and, with --minify, keeps only the current context', async () => {
    const s = await session(
      KUBECONFIG.replace(
        'client-key: /home/student/.minikube/profiles/minikube/client.key',
        'token: abc',
      ),
    )
    expect((await s.run('kubectl config view --minify')).stdout).toBe(`apiVersion: v1
clusters:
- cluster:
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
    token: REDACTED
`)
  })

  test('no configuration: current-context is not set, view is the empty config', async () => {
    const s = await Session.create({ seed: 1 })
    const r = await s.run('kubectl config current-context')
    expect(r.stderr).toBe('error: current-context is not set\n')
    expect(r.exitCode).toBe(1)
    expect((await s.run('kubectl config view')).stdout).toBe(
      'apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n',
    )
  })

  test('unknown subcommand and bare config', async () => {
    const s = await session()
    expect((await s.run('kubectl config foo')).stderr).toBe(
      'error: unknown command "foo"\nSee \'kubectl config -h\' for help and examples\n',
    )
    const bare = await s.run('kubectl config')
    expect(bare.exitCode).toBe(1)
    // kubectl (cmdutil.DefaultSubCommandRun) prints this help on stderr.
    expect(bare.stderr).toMatch(/^Modify kubeconfig files using subcommands/)
  })
})
