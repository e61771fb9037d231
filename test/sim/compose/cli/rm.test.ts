/**
 * `docker compose rm`: compose's confirmation (pkg/compose/remove.go, pkg/prompt): without a
 * terminal the bare question on stdout and the answer read from stdin; `-f` prints the list
 * and removes.
 */
import { describe, expect, it } from 'vitest'
import { runComposeWith } from '../../../../src/sim/compose/cli/docker-compose'
import { Session } from '../../../../src/sim/shell/session'
import { compose, project, service } from './fixtures'

const app = () => project([service('web', { image: 'nginx' })])

async function stopped(): Promise<Session> {
  const s = await Session.create({ seed: 1 })
  await s.run('docker pull -q nginx')
  await compose(s, app(), 'up -d')
  await compose(s, app(), 'stop')
  return s
}

const withStdin = (s: Session, stdin: string, args: string[]) =>
  runComposeWith(args, s.world, { ...s.commandContext(), stdin }, () =>
    Promise.resolve({ ok: true as const, value: app() }),
  )

describe('docker compose rm', () => {
  it('asks, and keeps the containers when nothing answers yes', async () => {
    const s = await stopped()
    const r = await compose(s, app(), 'rm')
    expect(r).toMatchObject({ stdout: 'Going to remove app-web-1', stderr: '', exitCode: 0 })
    expect((await s.run("docker ps -a --format '{{.Names}}'")).stdout).toBe('app-web-1\n')
  })

  it('removes on a piped yes', async () => {
    const s = await stopped()
    const r = await withStdin(s, 'y\n', ['rm'])
    expect(r).toMatchObject({
      stdout: 'Going to remove app-web-1',
      stderr: ' Container app-web-1  Removing\n Container app-web-1  Removed\n',
      exitCode: 0,
    })
    expect((await s.run('docker ps -aq')).stdout).toBe('')
  })

  it('prints the list and removes with -f', async () => {
    const s = await stopped()
    const r = await compose(s, app(), 'rm -f')
    expect(r).toMatchObject({
      stdout: 'Going to remove app-web-1\n',
      stderr: ' Container app-web-1  Removing\n Container app-web-1  Removed\n',
      exitCode: 0,
    })
  })

  it('says so when no container is stopped', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q nginx')
    await compose(s, app(), 'up -d')
    const r = await compose(s, app(), 'rm -f')
    expect(r).toMatchObject({ stdout: '', stderr: 'No stopped containers\n', exitCode: 0 })
  })
})
