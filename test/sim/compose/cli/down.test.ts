/**
 * `docker compose down SERVICE…` (compose v2.20+, pkg/compose/down.go): the services named and
 * every service depending on them are stopped and removed, dependents first; the project's
 * networks are then tried, and kept with compose's warning while other containers use them.
 */
import { describe, expect, it } from 'vitest'
import type { ComposeProject } from '../../../../src/sim/compose/model'
import { Session } from '../../../../src/sim/shell/session'
import { compose, project, service } from './fixtures'

const started = { condition: 'service_started', restart: false, required: true } as const

const app = (): ComposeProject =>
  project([
    service('db', { image: 'redis' }),
    service('web', { image: 'nginx', depends_on: { db: started } }),
    service('cache', { image: 'redis' }),
  ])

async function upApp(): Promise<Session> {
  const s = await Session.create({ seed: 1 })
  await s.run('docker pull -q redis')
  await s.run('docker pull -q nginx')
  expect((await compose(s, app(), 'up -d')).exitCode).toBe(0)
  return s
}

const names = async (s: Session): Promise<string> =>
  (await s.run("docker ps -a --format '{{.Names}}'")).stdout

const NETWORK_IN_USE = [
  ' Network app_default  Removing',
  ' Network app_default  Resource is still in use',
]

describe('docker compose down SERVICE', () => {
  it('takes the service’s dependents down with it, dependents first, and keeps the rest', async () => {
    const s = await upApp()
    expect(await compose(s, app(), 'down db')).toEqual({
      stdout: '',
      stderr: [
        ' Container app-web-1  Stopping',
        ' Container app-web-1  Stopped',
        ' Container app-web-1  Removing',
        ' Container app-web-1  Removed',
        ' Container app-db-1  Stopping',
        ' Container app-db-1  Stopped',
        ' Container app-db-1  Removing',
        ' Container app-db-1  Removed',
        ...NETWORK_IN_USE,
        '',
      ].join('\n'),
      exitCode: 0,
    })
    expect(await names(s)).toBe('app-cache-1\n')
  })

  it('leaves a service’s dependencies running', async () => {
    const s = await upApp()
    expect(await compose(s, app(), 'down web')).toEqual({
      stdout: '',
      stderr: [
        ' Container app-web-1  Stopping',
        ' Container app-web-1  Stopped',
        ' Container app-web-1  Removing',
        ' Container app-web-1  Removed',
        ...NETWORK_IN_USE,
        '',
      ].join('\n'),
      exitCode: 0,
    })
    expect(await names(s)).toBe('app-db-1\napp-cache-1\n')
  })

  it('removes the network once its last service goes', async () => {
    const s = await upApp()
    await compose(s, app(), 'down db')
    expect((await compose(s, app(), 'down cache')).stderr).toBe(
      [
        ' Container app-cache-1  Stopping',
        ' Container app-cache-1  Stopped',
        ' Container app-cache-1  Removing',
        ' Container app-cache-1  Removed',
        ' Network app_default  Removing',
        ' Network app_default  Removed',
        '',
      ].join('\n'),
    )
  })

  it('refuses a service the compose file does not define', async () => {
    const s = await upApp()
    expect(await compose(s, app(), 'down nope')).toEqual({
      stdout: '',
      stderr: 'no such service: nope\n',
      exitCode: 1,
    })
    expect(await names(s)).toBe('app-web-1\napp-db-1\napp-cache-1\n')
  })

  it('by project name alone, skips an unknown service and so takes the whole project', async () => {
    const s = await upApp()
    const r = await compose(s, undefined, '-p app down nope')
    expect(r.exitCode).toBe(0)
    expect(r.stderr.split('\n').slice(-3)).toEqual([
      ' Network app_default  Removing',
      ' Network app_default  Removed',
      '',
    ])
    expect(await names(s)).toBe('')
  })
})
