import { describe, expect, it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'
import { compose, project, service } from './fixtures'

// cmd/compose/images.go of compose v2.36: no PLATFORM or CREATED column yet (v2.37 added them).
const app = () =>
  project([service('web', { image: 'nginx' }), service('cache', { image: 'redis:7' })])

async function upApp(): Promise<Session> {
  const s = await Session.create({ seed: 3 })
  await compose(s, app(), 'up -d')
  return s
}

const NGINX = 'sha256:0e72d069680a90650beb081715d88af026cb03b8b7bf06ab1c3e1a2a9b55040c'
const REDIS = 'sha256:a4baba8a37a71408c7f45b51b98eadfdaf8a3d0976aa1ab526aa5f9d6aeb349a'

describe('docker compose images', () => {
  it('lists each container’s image in v2.36’s columns, sorted by container', async () => {
    const s = await upApp()
    expect(await compose(s, app(), 'images')).toEqual({
      stdout: [
        'CONTAINER           REPOSITORY          TAG                 IMAGE ID            SIZE',
        'app-cache-1         redis               7                   a4baba8a37a7        117MB',
        'app-web-1           nginx               latest              0e72d069680a        192MB',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    })
  })

  it('keeps the services named', async () => {
    const s = await upApp()
    expect((await compose(s, app(), 'images web')).stdout).toBe(
      [
        'CONTAINER           REPOSITORY          TAG                 IMAGE ID            SIZE',
        'app-web-1           nginx               latest              0e72d069680a        192MB',
        '',
      ].join('\n'),
    )
  })

  it('prints each full image id once with -q, without sha256:, newest container first', async () => {
    const s = await upApp()
    expect((await compose(s, app(), 'images -q')).stdout).toBe(
      `${NGINX.slice(7)}\n${REDIS.slice(7)}\n`,
    )
  })

  it('prints the image summaries as one JSON array with --format json', async () => {
    const s = await upApp()
    expect((await compose(s, app(), 'images --format json')).stdout).toBe(
      `[{"ID":"${REDIS}","ContainerName":"app-cache-1","Repository":"redis","Tag":"7","Size":117000000,"LastTagTime":"0001-01-01T00:00:00Z"},` +
        `{"ID":"${NGINX}","ContainerName":"app-web-1","Repository":"nginx","Tag":"latest","Size":192000000,"LastTagTime":"0001-01-01T00:00:00Z"}]\n`,
    )
  })

  it('works from the project name alone', async () => {
    const s = await upApp()
    expect((await compose(s, undefined, '-p app images -q')).stdout).toBe(
      `${NGINX.slice(7)}\n${REDIS.slice(7)}\n`,
    )
  })

  it('rejects an unknown format as formatter.Print does', async () => {
    const s = await upApp()
    expect(await compose(s, app(), 'images --format yaml')).toEqual({
      stdout: '',
      stderr: 'format value "yaml" could not be parsed: parsing failed\n',
      exitCode: 1,
    })
  })
})
