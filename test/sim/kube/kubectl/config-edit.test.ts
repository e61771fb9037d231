import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, test } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'

const CONFIG = '/home/student/.kube/config'

async function session(): Promise<Session> {
  const s = await Session.create({ seed: 1 })
  await s.fs.mkdir('/home/student/.kube', { recursive: true })
  await s.fs.writeFile(CONFIG, '')
  return s
}

describe('kubectl config edits', () => {
  test('set-cluster, set-credentials and set-context build a config view -o json prints in client-go order', async () => {
    const s = await session()
    expect(
      (
        await s.run(
          'kubectl config set-cluster dev --server=https://10.0.0.1:6443 --tls-server-name=dev.local',
        )
      ).stdout,
    ).toBe('Cluster "dev" set.\n')
    expect((await s.run('kubectl config set-credentials alice --token=secret')).stdout).toBe(
      'User "alice" set.\n',
    )
    expect((await s.run('kubectl config set-context dev --cluster=dev --user=alice')).stdout).toBe(
      'Context "dev" created.\n',
    )
    expect((await s.run('kubectl config set current-context dev')).stdout).toBe(
      'Property "current-context" set.\n',
    )
    const view = await s.run('kubectl config view -o json')
    expect(view.stdout).toBe(`{
    "kind": "Config",
    "apiVersion": "v1",
    "preferences": {},
    "clusters": [
        {
            "name": "dev",
            "cluster": {
                "server": "https://10.0.0.1:6443",
                "tls-server-name": "dev.local"
            }
        }
    ],
    "users": [
        {
            "name": "alice",
            "user": {
                "token": "REDACTED"
            }
        }
    ],
    "contexts": [
        {
            "name": "dev",
            "context": {
                "cluster": "dev",
                "user": "alice"
            }
        }
    ],
    "current-context": "dev"
}
`)
  })

  test('set and unset follow property paths; unknown roots and bad values are refused', async () => {
    const s = await session()
    expect((await s.run('kubectl config set contexts.dev.namespace web')).stdout).toBe(
      'Property "contexts.dev.namespace" set.\n',
    )
    expect((await s.run('kubectl config unset contexts.dev.namespace')).stdout).toBe(
      'Property "contexts.dev.namespace" unset.\n',
    )
    expect(await s.run('kubectl config set foo bar')).toMatchObject({
      stderr: 'error: unable to parse foo after [] at api.Config\n',
      exitCode: 1,
    })
    expect(
      await s.run('kubectl config set clusters.c.insecure-skip-tls-verify maybe'),
    ).toMatchObject({
      stderr: 'error: strconv.ParseBool: parsing "maybe": invalid syntax\n',
      exitCode: 1,
    })
    expect(
      await s.run('kubectl config set clusters.c.certificate-authority-data notb64'),
    ).toMatchObject({
      stderr: 'error: error decoding input value: illegal base64 data at input byte 4\n',
      exitCode: 1,
    })
    expect(await s.fs.readFile(CONFIG)).toBe(`apiVersion: v1
clusters: null
contexts:
- context:
    cluster: ""
    user: ""
  name: dev
current-context: ""
kind: Config
preferences: {}
users: null
`)
  })

  test('delete-cluster and delete-user name the file, and refuse names not in it', async () => {
    const s = await session()
    await s.run('kubectl config set-cluster c1 --server=https://1.2.3.4')
    await s.run('kubectl config set-credentials u1 --username=a --password=b')
    expect((await s.run('kubectl config delete-cluster c1')).stdout).toBe(
      `deleted cluster c1 from ${CONFIG}\n`,
    )
    expect((await s.run('kubectl config delete-user u1')).stdout).toBe(
      `deleted user u1 from ${CONFIG}\n`,
    )
    expect(await s.run('kubectl config delete-cluster c1')).toMatchObject({
      stderr: `error: cannot delete cluster c1, not in ${CONFIG}\n`,
      exitCode: 1,
    })
    expect(await s.run('kubectl config delete-user')).toMatchObject({
      stderr:
        "error: user to delete is required\nSee 'kubectl config delete-user -h' for help and examples\n",
      exitCode: 1,
    })
  })

  test('set-credentials refuses two authentication methods; set-cluster --embed-certs needs a CA', async () => {
    const s = await session()
    expect(await s.run('kubectl config set-credentials u --token=t --username=a')).toMatchObject({
      stderr:
        'error: you cannot specify more than one authentication method at the same time: --token, --username/--password\n',
      exitCode: 1,
    })
    expect(await s.run('kubectl config set-cluster c --embed-certs')).toMatchObject({
      stderr: 'error: you must specify a --certificate-authority to embed\n',
      exitCode: 1,
    })
  })

  test('kubectl config alone lists every subcommand, on stderr, and fails', async () => {
    const s = await session()
    const r = await s.run('kubectl config')
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(`Available Commands:
  current-context   Display the current-context
  delete-cluster    Delete the specified cluster from the kubeconfig
  delete-context    Delete the specified context from the kubeconfig
  delete-user       Delete the specified user from the kubeconfig
  get-clusters      Display clusters defined in the kubeconfig
  get-contexts      Describe one or many contexts
  get-users         Display users defined in the kubeconfig
  rename-context    Rename a context from the kubeconfig file
  set               Set an individual value in a kubeconfig file
  set-cluster       Set a cluster entry in kubeconfig
  set-context       Set a context entry in kubeconfig
  set-credentials   Set a user entry in kubeconfig
  unset             Unset an individual value in a kubeconfig file
  use-context       Set the current-context in a kubeconfig file
  view              Display merged kubeconfig settings or a specified kubeconfig file
`)
  })
})

/**
 * The real kubectl on a throwaway kubeconfig runs the same sequence: every output, exit code and
 * the file written must match (the file path in messages aside).
 */
const REAL = '/usr/bin/kubectl'
const present = existsSync(REAL)
describe.skipIf(!present)('kubectl config edits match the real kubectl', () => {
  if (!present) console.warn(`${REAL} is absent: the oracle comparison is skipped`)
  const SEQUENCE = [
    'config set-cluster c1 --server=https://1.2.3.4 --tls-server-name=x',
    'config set-cluster c1 --proxy-url=http://proxy:3128',
    'config set-cluster c1 --insecure-skip-tls-verify=true --server=https://5.6.7.8',
    'config set-cluster c1 --certificate-authority=/ca.crt',
    'config set-credentials u1 --token=abc',
    'config set-credentials u1 --client-key=/k.key --client-certificate=/c.crt',
    'config set-credentials u2 --username=a --password=p',
    'config set-credentials u2 --token=t --password=x',
    'config set-context ctx --cluster=c1 --user=u1 --namespace=web',
    'config set current-context ctx',
    'config set clusters.c2.server https://9.9.9.9',
    'config set clusters.c2.insecure-skip-tls-verify true',
    'config set clusters.c2.certificate-authority-data aGVsbG8=',
    'config set users.u2.client-key-data raw --set-raw-bytes',
    'config set contexts.other.cluster c2',
    'config set preferences.colors true',
    'config set foo bar',
    'config set a',
    'config unset contexts.ctx.namespace',
    'config unset clusters.c2.server',
    'config unset nope.x',
    'config unset current-context',
    'config view -o json --raw',
    'config view -o json',
    'config view',
    'config delete-cluster c2',
    'config delete-cluster nope',
    'config delete-user u2',
    'config delete-user nope',
    'config unset users',
    'config view --raw',
  ]
  it('runs the same sequence with the same results', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quai-config-'))
    const file = join(dir, 'config')
    writeFileSync(file, '')
    const s = await session()
    try {
      for (const command of SEQUENCE) {
        let real: { stdout: string; stderr: string; exitCode: number }
        try {
          const stdout = execFileSync(REAL, ['--kubeconfig', file, ...command.split(' ')], {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
            env: { HOME: dir, PATH: '/usr/bin:/bin' },
          })
          real = { stdout, stderr: '', exitCode: 0 }
        } catch (e) {
          const x = e as { stdout: string; stderr: string; status: number }
          real = { stdout: x.stdout, stderr: x.stderr, exitCode: x.status }
        }
        const ours = await s.run(`kubectl ${command}`)
        const norm = (t: string): string => t.replaceAll(file, CONFIG)
        expect({
          command,
          stdout: ours.stdout,
          stderr: ours.stderr,
          exitCode: ours.exitCode,
        }).toEqual({
          command,
          stdout: norm(real.stdout),
          stderr: norm(real.stderr),
          exitCode: real.exitCode,
        })
        expect({ command, file: await s.fs.readFile(CONFIG) }).toEqual({
          command,
          file: readFileSync(file, 'utf8'),
        })
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
