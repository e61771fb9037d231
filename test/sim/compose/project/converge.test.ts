/**
 * depends_on conditions and `up --wait` against the engine's real healthchecks: the probe runs
 * in the container (pg_isready, curl, `exit 1`), compose looks every 500 ms on the virtual clock.
 */
import { describe, expect, it } from 'vitest'
import type { Healthcheck, ServiceConfig } from '../../../../src/sim/compose/model'
import { Session } from '../../../../src/sim/shell/session'
import { compose, project, service } from '../cli/fixtures'

const healthy = { condition: 'service_healthy', restart: false, required: true } as const

function appWith(db: Partial<ServiceConfig>, healthcheck: Healthcheck) {
  return project([
    service('web', { image: 'nginx', depends_on: { db: healthy } }),
    service('db', { ...db, healthcheck }),
  ])
}

const postgres = { image: 'postgres', environment: { POSTGRES_PASSWORD: 'example' } }

describe('depends_on: condition: service_healthy', () => {
  it('starts the dependant once pg_isready answers in the database container', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q postgres')
    await s.run('docker pull -q nginx')
    const p = appWith(postgres, { test: ['CMD', 'pg_isready', '-U', 'postgres'], interval: '2s' })
    const startedAt = s.clock.now()
    const r = await compose(s, p, 'up -d')
    expect(r.stderr).toBe(
      [
        ' Network app_default  Creating',
        ' Network app_default  Created',
        ' Container app-db-1  Creating',
        ' Container app-db-1  Created',
        ' Container app-web-1  Creating',
        ' Container app-web-1  Created',
        ' Container app-db-1  Starting',
        ' Container app-db-1  Started',
        ' Container app-db-1  Waiting',
        ' Container app-db-1  Healthy',
        ' Container app-web-1  Starting',
        ' Container app-web-1  Started',
        '',
      ].join('\n'),
    )
    expect(r.exitCode).toBe(0)
    // The first probe runs one interval after the start; compose sees it on its next look.
    expect(s.clock.now() - startedAt).toBe(PG_HEALTHY_MS)
    const ps = await s.run("docker ps --format '{{.Names}} {{.Status}}'")
    expect(ps.stdout).toBe('app-web-1 Up Less than a second\napp-db-1 Up 2 seconds (healthy)\n')
  })

  it('fails with the unhealthy container when its test exits 1, and leaves the dependant created', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q redis')
    await s.run('docker pull -q nginx')
    const p = appWith(
      { image: 'redis' },
      { test: ['CMD-SHELL', 'exit 1'], interval: '1s', retries: 3 },
    )
    const r = await compose(s, p, 'up -d')
    expect(r.stderr.split('\n').slice(-5).join('\n')).toBe(
      [
        ' Container app-db-1  Started',
        ' Container app-db-1  Waiting',
        ' Container app-db-1  Error',
        'dependency failed to start: container app-db-1 is unhealthy',
        '',
      ].join('\n'),
    )
    expect(r.exitCode).toBe(1)
    const ps = await s.run("docker ps -a --format '{{.Names}} {{.Status}}'")
    expect(ps.stdout).toBe('app-web-1 Created\napp-db-1 Up 3 seconds (unhealthy)\n')
  })

  it('reports a dependency without a healthcheck', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q redis')
    await s.run('docker pull -q nginx')
    const p = project([
      service('web', { image: 'nginx', depends_on: { db: healthy } }),
      service('db', { image: 'redis' }),
    ])
    const r = await compose(s, p, 'up -d')
    expect(r.stderr.split('\n').slice(-3).join('\n')).toBe(
      [
        ' Container app-db-1  Error',
        'dependency failed to start: container app-db-1 has no healthcheck configured',
        '',
      ].join('\n'),
    )
    expect(r.exitCode).toBe(1)
  })

  it('reports a dependency that exited before turning healthy', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q postgres')
    await s.run('docker pull -q nginx')
    // No POSTGRES_PASSWORD: the entrypoint refuses to initialise and exits 1.
    const p = appWith({ image: 'postgres' }, { test: ['CMD', 'pg_isready'], interval: '1s' })
    const r = await compose(s, p, 'up -d')
    expect(r.stderr.split('\n').slice(-2).join('\n')).toBe(
      'dependency failed to start: container app-db-1 exited (1)\n',
    )
    expect(r.exitCode).toBe(1)
  })
})

describe('docker compose up --wait', () => {
  it('waits for a curl -f healthcheck on nginx, then returns', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q nginx')
    const p = project([
      service('web', {
        image: 'nginx',
        healthcheck: { test: ['CMD', 'curl', '-f', 'http://localhost/'], interval: '1s' },
      }),
    ])
    const r = await compose(s, p, 'up -d --wait')
    expect(r.stderr).toBe(
      [
        ' Network app_default  Creating',
        ' Network app_default  Created',
        ' Container app-web-1  Creating',
        ' Container app-web-1  Created',
        ' Container app-web-1  Starting',
        ' Container app-web-1  Started',
        ' Container app-web-1  Waiting',
        ' Container app-web-1  Healthy',
        '',
      ].join('\n'),
    )
    expect(r.exitCode).toBe(0)
  })

  it('gives up after --wait-timeout with compose message', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q nginx')
    const p = project([
      service('web', {
        image: 'nginx',
        healthcheck: { test: ['CMD-SHELL', 'exit 1'], interval: '30s', retries: 3 },
      }),
    ])
    const startedAt = s.clock.now()
    const r = await compose(s, p, 'up -d --wait --wait-timeout 5')
    expect(r.stderr.split('\n').slice(-3).join('\n')).toBe(
      ' Container app-web-1  Waiting\napplication not healthy after 5s\n',
    )
    expect(r.exitCode).toBe(1)
    expect(s.clock.now() - startedAt).toBe(WAIT_TIMEOUT_MS)
  })

  it('fails at once on an unhealthy service', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q nginx')
    const p = project([
      service('web', {
        image: 'nginx',
        healthcheck: { test: ['CMD-SHELL', 'exit 1'], interval: '1s', retries: 2 },
      }),
    ])
    const r = await compose(s, p, 'up --wait')
    expect(r.stderr.split('\n').slice(-3).join('\n')).toBe(
      ' Container app-web-1  Waiting\ncontainer app-web-1 is unhealthy\n',
    )
    expect(r.exitCode).toBe(1)
  })
})

// Virtual milliseconds from the command to its prompt.
const PG_HEALTHY_MS = 2_951
const WAIT_TIMEOUT_MS = 5_461
