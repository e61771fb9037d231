/**
 * The help of attach, cp, diff, exec and run is the real kubectl's, byte for byte (the real binary
 * prints --help without a cluster).
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'

const REAL = '/usr/bin/kubectl'
const present = existsSync(REAL)
if (!present) console.warn(`${REAL} is absent: the help comparison is skipped`)

describe.skipIf(!present)('kubectl verb help matches the real kubectl', () => {
  it.each(['attach', 'cp', 'diff', 'exec', 'run'])('kubectl %s --help', async (verb) => {
    const real = execFileSync(REAL, [verb, '--help'], {
      encoding: 'utf8',
      env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent', COLUMNS: '80' },
    })
    const session = await Session.create({ seed: 1 })
    const ours = await session.run(`kubectl ${verb} --help`)
    expect(ours.stdout).toBe(real)
    expect(ours.exitCode).toBe(0)
  })
})
