/**
 * Compose creates and starts services concurrently, each waiting only for its own dependencies
 * (pkg/compose/dependencies.go InDependencyOrder, convergence.go startService): two
 * independent services whose healthchecks take 10 s and a third waiting for both to be healthy
 * come up in about 10 s of virtual time, not 20. `--parallel N` (or COMPOSE_PARALLEL_LIMIT)
 * caps how many services run at once.
 */
import { describe, expect, it } from 'vitest'
import type { ComposeProject } from '../../../../src/sim/compose/model'
import { Session } from '../../../../src/sim/shell/session'
import { compose, project, service } from '../cli/fixtures'

const healthy = { condition: 'service_healthy', restart: false, required: true } as const

const slowHealth = (name: string) =>
  service(name, {
    image: 'alpine',
    command: ['sleep', 'infinity'],
    healthcheck: { test: ['CMD', 'true'], interval: '10s' },
  })

const gated = (): ComposeProject =>
  project([
    slowHealth('a'),
    slowHealth('b'),
    service('c', {
      image: 'alpine',
      command: ['sleep', 'infinity'],
      depends_on: { a: healthy, b: healthy },
    }),
  ])

async function session(env: Record<string, string> = {}): Promise<Session> {
  const s = await Session.create({ seed: 1 })
  await s.run('docker pull -q alpine')
  for (const [k, v] of Object.entries(env)) await s.run(`export ${k}=${v}`)
  return s
}

// Chains side by side: a and c created, then b (a is done) and d, each as its dependency ends.
const SIDE_BY_SIDE = [
  ' Network app_default  Creating',
  ' Network app_default  Created',
  ' Container app-a-1  Creating',
  ' Container app-c-1  Creating',
  ' Container app-a-1  Created',
  ' Container app-b-1  Creating',
  ' Container app-c-1  Created',
  ' Container app-d-1  Creating',
  ' Container app-b-1  Created',
  ' Container app-d-1  Created',
  ' Container app-a-1  Starting',
  ' Container app-c-1  Starting',
  ' Container app-a-1  Started',
  ' Container app-a-1  Waiting',
  ' Container app-c-1  Started',
  ' Container app-c-1  Waiting',
  ' Container app-a-1  Healthy',
  ' Container app-b-1  Starting',
  ' Container app-c-1  Healthy',
  ' Container app-d-1  Starting',
  ' Container app-b-1  Started',
  ' Container app-d-1  Started',
  '',
].join('\n')

// One service at a time: b, unblocked by a, goes before c.
const ONE_AT_A_TIME = [
  ' Network app_default  Creating',
  ' Network app_default  Created',
  ' Container app-a-1  Creating',
  ' Container app-a-1  Created',
  ' Container app-b-1  Creating',
  ' Container app-b-1  Created',
  ' Container app-c-1  Creating',
  ' Container app-c-1  Created',
  ' Container app-d-1  Creating',
  ' Container app-d-1  Created',
  ' Container app-a-1  Starting',
  ' Container app-a-1  Started',
  ' Container app-a-1  Waiting',
  ' Container app-a-1  Healthy',
  ' Container app-b-1  Starting',
  ' Container app-b-1  Started',
  ' Container app-c-1  Starting',
  ' Container app-c-1  Started',
  ' Container app-c-1  Waiting',
  ' Container app-c-1  Healthy',
  ' Container app-d-1  Starting',
  ' Container app-d-1  Started',
  '',
].join('\n')

/** a and c take 10 s to be healthy; b waits for a, d for c. */
const twoChains = (): ComposeProject =>
  project([
    slowHealth('a'),
    service('b', { image: 'alpine', command: ['sleep', 'infinity'], depends_on: { a: healthy } }),
    slowHealth('c'),
    service('d', { image: 'alpine', command: ['sleep', 'infinity'], depends_on: { c: healthy } }),
  ])

async function timed(s: Session, p: ComposeProject, args: string) {
  const before = s.clock.now()
  const r = await compose(s, p, args)
  return { ...r, ms: s.clock.now() - before }
}

describe('parallel up', () => {
  it('starts independent services together; the one gated on both waits once', async () => {
    const s = await session()
    const r = await timed(s, gated(), 'up -d')
    expect(r).toEqual({
      stdout: '',
      stderr: [
        ' Network app_default  Creating',
        ' Network app_default  Created',
        ' Container app-a-1  Creating',
        ' Container app-b-1  Creating',
        ' Container app-a-1  Created',
        ' Container app-b-1  Created',
        ' Container app-c-1  Creating',
        ' Container app-c-1  Created',
        ' Container app-a-1  Starting',
        ' Container app-b-1  Starting',
        ' Container app-a-1  Started',
        ' Container app-b-1  Started',
        ' Container app-a-1  Waiting',
        ' Container app-b-1  Waiting',
        ' Container app-a-1  Healthy',
        ' Container app-b-1  Healthy',
        ' Container app-c-1  Starting',
        ' Container app-c-1  Started',
        '',
      ].join('\n'),
      exitCode: 0,
      // The first health check 10 s after the start, then the daemon's steps: one wait, not two.
      ms: 10_791,
    })
  })

  it('runs two dependency chains side by side: 10 s, where one after the other took 20', async () => {
    const s = await session()
    const r = await timed(s, twoChains(), 'up -d')
    expect(r.stderr).toBe(SIDE_BY_SIDE)
    expect(r.ms).toBe(10_829)
  })

  it('--parallel 1 runs one service at a time: the chains go one after the other', async () => {
    const s = await session()
    const r = await timed(s, twoChains(), '--parallel 1 up -d')
    expect(r.stderr).toBe(ONE_AT_A_TIME)
    expect(r.ms).toBe(21_469)
  })

  it('takes the cap from COMPOSE_PARALLEL_LIMIT unless --parallel is given', async () => {
    const limited = await session({ COMPOSE_PARALLEL_LIMIT: '1' })
    expect(await timed(limited, twoChains(), 'up -d')).toEqual({
      stdout: '',
      stderr: ONE_AT_A_TIME,
      exitCode: 0,
      ms: 21_469,
    })
    const overridden = await session({ COMPOSE_PARALLEL_LIMIT: '1' })
    expect(await timed(overridden, twoChains(), '--parallel -1 up -d')).toEqual({
      stdout: '',
      stderr: SIDE_BY_SIDE,
      exitCode: 0,
      ms: 10_829,
    })
  })

  it('refuses a COMPOSE_PARALLEL_LIMIT that is not an integer', async () => {
    const s = await session({ COMPOSE_PARALLEL_LIMIT: 'many' })
    expect(await compose(s, twoChains(), 'up -d')).toEqual({
      stdout: '',
      stderr: 'COMPOSE_PARALLEL_LIMIT must be an integer (found: "many")\n',
      exitCode: 1,
    })
  })
})
