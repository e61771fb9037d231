/**
 * Tab completion of `docker compose` words from the project in the working directory, and
 * `docker compose run` on a terminal giving the service's shell (as `docker run -it`).
 */
import { describe, expect, it } from 'vitest'
import { runComposeWith } from '../../../../src/sim/compose/cli/docker-compose'
import { Session } from '../../../../src/sim/shell/session'
import { FakeTty, settle } from '../../shell/editors/harness'
import { project, service } from './fixtures'

const COMPOSE_FILE = `services:
  web:
    image: nginx
  db:
    image: postgres
  debug:
    image: busybox
    profiles: [tools, debugging]
`

async function withProject(): Promise<Session> {
  const s = await Session.create({ seed: 1 })
  await s.fs.mkdir('/home/student/app', { recursive: true })
  await s.fs.writeFile('/home/student/app/compose.yaml', COMPOSE_FILE)
  await s.run('cd /home/student/app')
  return s
}

async function complete(s: Session, words: string[]): Promise<string[] | undefined> {
  const docker = s.commands.get('docker')
  return docker?.complete?.({ words, cwd: '/home/student/app', fs: s.fs })
}

describe('docker compose completion', () => {
  it('completes service names, those a profile disables included', async () => {
    const s = await withProject()
    expect(await complete(s, ['docker', 'compose', 'up', '-d', ''])).toEqual(['db', 'web', 'debug'])
    expect(await complete(s, ['docker', 'compose', 'logs', 'd'])).toEqual(['db', 'debug'])
  })

  it('completes --profile values from the services', async () => {
    const s = await withProject()
    expect(await complete(s, ['docker', 'compose', '--profile', ''])).toEqual([
      'debugging',
      'tools',
    ])
  })

  it('completes subcommands, and offers nothing for a project it cannot load', async () => {
    const s = await withProject()
    expect(await complete(s, ['docker', 'compose', 'st'])).toEqual(['start', 'stop'])
    await s.fs.writeFile('/home/student/app/compose.yaml', 'services: [\n')
    expect(await complete(s, ['docker', 'compose', 'stop', ''])).toBeUndefined()
  })
})

describe('docker compose run on a terminal', () => {
  it('gives the service container shell, which ends the container when it exits', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q ubuntu')
    const p = project([service('shell', { image: 'ubuntu' })])
    const tty = new FakeTty()
    const ctx = { ...s.commandContext(), tty }
    const running = runComposeWith(['run', '--rm', 'shell', 'bash'], s.world, ctx, () =>
      Promise.resolve({ ok: true as const, value: p }),
    )
    for (let i = 0; i < 50 && !tty.listening; i++) await settle()
    await tty.type('echo inside-$((6*7))\r')
    await tty.type('exit 3\r')
    const r = await running
    expect(tty.output).toContain('inside-42')
    expect(r.exitCode).toBe(3)
    expect((await s.run('docker ps -aq')).stdout).toBe('')
  })
})
