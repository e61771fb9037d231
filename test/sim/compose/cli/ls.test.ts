import { describe, expect, it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'
import { compose, project, service } from './fixtures'

// cmd/compose/list.go and pkg/compose/ls.go of compose v2.36.
const app = () =>
  project([service('web', { image: 'nginx' }), service('cache', { image: 'redis' })])

async function upApp(): Promise<Session> {
  const s = await Session.create({ seed: 3 })
  await compose(s, app(), 'up -d')
  return s
}

const FILE = '/home/student/app/compose.yaml'

describe('docker compose ls', () => {
  it('lists running projects with the count of running containers', async () => {
    const s = await upApp()
    expect(await compose(s, undefined, 'ls')).toEqual({
      stdout: [
        'NAME                STATUS              CONFIG FILES',
        `app                 running(2)          ${FILE}`,
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    })
  })

  it('counts only the running containers without -a, every state sorted by name with -a', async () => {
    const s = await upApp()
    await compose(s, app(), 'stop cache')
    expect((await compose(s, undefined, 'ls')).stdout).toBe(
      [
        'NAME                STATUS              CONFIG FILES',
        `app                 running(1)          ${FILE}`,
        '',
      ].join('\n'),
    )
    expect((await compose(s, undefined, 'ls -a')).stdout).toBe(
      [
        'NAME                STATUS                  CONFIG FILES',
        `app                 exited(1), running(1)   ${FILE}`,
        '',
      ].join('\n'),
    )
  })

  it('leaves out a project with nothing running unless -a', async () => {
    const s = await upApp()
    await compose(s, app(), 'stop')
    expect((await compose(s, undefined, 'ls')).stdout).toBe(
      'NAME                STATUS              CONFIG FILES\n',
    )
    expect((await compose(s, undefined, 'ls -a -q')).stdout).toBe('app\n')
  })

  it('prints the stacks as one JSON array with --format json', async () => {
    const s = await upApp()
    expect((await compose(s, undefined, 'ls --format json')).stdout).toBe(
      `[{"Name":"app","Status":"running(2)","ConfigFiles":"${FILE}"}]\n`,
    )
    await compose(s, app(), 'down')
    expect((await compose(s, undefined, 'ls --format json')).stdout).toBe('[]\n')
  })

  it('keeps the names a --filter name= expression matches', async () => {
    const s = await upApp()
    expect((await compose(s, undefined, 'ls -q --filter name=^ap')).stdout).toBe('app\n')
    expect((await compose(s, undefined, 'ls -q --filter name=^pp')).stdout).toBe('')
  })

  it('rejects other filters and values without =', async () => {
    const s = await upApp()
    expect(await compose(s, undefined, 'ls --filter status=running')).toEqual({
      stdout: '',
      stderr: "invalid filter 'status'\n",
      exitCode: 1,
    })
    expect(await compose(s, undefined, 'ls --filter app')).toEqual({
      stdout: '',
      stderr:
        'invalid argument "app" for "--filter" flag: bad format of filter (expected name=value)\n',
      exitCode: 16,
    })
  })

  it('rejects an unknown format as formatter.Print does', async () => {
    const s = await upApp()
    expect(await compose(s, undefined, 'ls --format yaml')).toEqual({
      stdout: '',
      stderr: 'format value "yaml" could not be parsed: parsing failed\n',
      exitCode: 1,
    })
  })
})
