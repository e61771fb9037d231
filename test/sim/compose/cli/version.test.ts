import { describe, expect, it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'
import { compose } from './fixtures'

// cmd/compose/version.go of compose v2.36 (what Docker 28.2.2 ships).
describe('docker compose version', () => {
  it('prints the pretty line, also for --version', async () => {
    const s = await Session.create({ seed: 1 })
    const out = { stdout: 'Docker Compose version v2.36.2\n', stderr: '', exitCode: 0 }
    expect(await compose(s, undefined, 'version')).toEqual(out)
    expect(await compose(s, undefined, '--version')).toEqual(out)
  })

  it('prints the bare number with --short, without the v', async () => {
    const s = await Session.create({ seed: 1 })
    expect(await compose(s, undefined, 'version --short')).toEqual({
      stdout: '2.36.2\n',
      stderr: '',
      exitCode: 0,
    })
  })

  it('prints a one-key object with --format json', async () => {
    const s = await Session.create({ seed: 1 })
    expect(await compose(s, undefined, 'version -f json')).toEqual({
      stdout: '{"version":"v2.36.2"}\n',
      stderr: '',
      exitCode: 0,
    })
  })

  it('prints the pretty line for any other format: compose only compares it with json', async () => {
    const s = await Session.create({ seed: 1 })
    expect(await compose(s, undefined, 'version --format yaml')).toEqual({
      stdout: 'Docker Compose version v2.36.2\n',
      stderr: '',
      exitCode: 0,
    })
  })
})
