import { describe, expect, it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'
import { compose, project, service } from './fixtures'

// cmd/compose/compose.go of compose v2.36: --progress is checked before any command runs.
const app = () => project([service('web', { image: 'nginx' })])

describe('docker compose --progress', () => {
  it('rejects an unknown mode with exit 1 (a pre-run error, not a flag syntax error)', async () => {
    const s = await Session.create({ seed: 1 })
    expect(await compose(s, app(), '--progress fancy ps')).toEqual({
      stdout: '',
      stderr: 'unsupported --progress value "fancy"\n',
      exitCode: 1,
    })
  })

  it('refuses tty without ANSI and plain with forced ANSI', async () => {
    const s = await Session.create({ seed: 1 })
    expect(await compose(s, app(), '--ansi never --progress tty ps')).toEqual({
      stdout: '',
      stderr: "can't use --progress tty while ANSI support is disabled\n",
      exitCode: 1,
    })
    expect(await compose(s, app(), '--ansi always --progress plain ps')).toEqual({
      stdout: '',
      stderr: "can't use --progress plain while ANSI support is forced\n",
      exitCode: 1,
    })
  })

  it('writes one JSON object per event with json', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q nginx')
    expect(await compose(s, app(), '--progress json up -d')).toEqual({
      stdout: '',
      stderr: [
        '{"id":"Network app_default","status":"Creating"}',
        '{"id":"Network app_default","status":"Created"}',
        '{"id":"Container app-web-1","status":"Creating"}',
        '{"id":"Container app-web-1","status":"Created"}',
        '{"id":"Container app-web-1","status":"Starting"}',
        '{"id":"Container app-web-1","status":"Started"}',
        '',
      ].join('\n'),
      exitCode: 0,
    })
  })

  it('prints nothing with quiet or its alias none', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q nginx')
    expect((await compose(s, app(), '--progress quiet up -d')).stderr).toBe('')
    expect((await compose(s, app(), '--progress none stop')).stderr).toBe('')
  })

  it('makes auto plain with --ansi never', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q nginx')
    await compose(s, app(), 'up -d')
    expect((await compose(s, app(), '--ansi never stop')).stderr).toBe(
      ' Container app-web-1  Stopping\n Container app-web-1  Stopped\n',
    )
  })
})

describe('docker compose COMPOSE_PROGRESS and COMPOSE_ANSI', () => {
  it('takes the progress mode from COMPOSE_PROGRESS when --progress is not given', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q nginx')
    await s.run('export COMPOSE_PROGRESS=quiet')
    expect((await compose(s, app(), 'up -d')).stderr).toBe('')
    expect((await compose(s, app(), '--progress plain stop')).stderr).toBe(
      ' Container app-web-1  Stopping\n Container app-web-1  Stopped\n',
    )
  })

  it('checks COMPOSE_PROGRESS as it checks --progress', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('export COMPOSE_PROGRESS=fancy')
    expect(await compose(s, app(), 'ps')).toEqual({
      stdout: '',
      stderr: 'unsupported --progress value "fancy"\n',
      exitCode: 1,
    })
  })

  it('takes the ANSI mode from COMPOSE_ANSI unless --ansi is given', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('export COMPOSE_ANSI=never')
    expect(await compose(s, app(), '--progress tty ps')).toEqual({
      stdout: '',
      stderr: "can't use --progress tty while ANSI support is disabled\n",
      exitCode: 1,
    })
    expect((await compose(s, app(), '--ansi auto --progress tty ps')).exitCode).toBe(0)
  })

  it('writes the progress display on stdout with COMPOSE_STATUS_STDOUT', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker pull -q nginx')
    await s.run('export COMPOSE_STATUS_STDOUT=1')
    expect(await compose(s, app(), 'up -d')).toEqual({
      stdout: [
        ' Network app_default  Creating',
        ' Network app_default  Created',
        ' Container app-web-1  Creating',
        ' Container app-web-1  Created',
        ' Container app-web-1  Starting',
        ' Container app-web-1  Started',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    })
    await s.run('export COMPOSE_STATUS_STDOUT=no')
    expect(await compose(s, app(), 'stop')).toEqual({
      stdout: '',
      stderr: ' Container app-web-1  Stopping\n Container app-web-1  Stopped\n',
      exitCode: 0,
    })
  })
})
