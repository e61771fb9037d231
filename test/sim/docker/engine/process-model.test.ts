/**
 * A command that still runs the image's server (its entrypoint script given only options, or the
 * server program with options of its own) keeps the server's behaviour instead of ending at once;
 * `--version` and the like still run as a one-shot command.
 */
import { describe, expect, it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'

async function statusAfter(lines: string[]): Promise<string> {
  const s = await Session.create({ seed: 1 })
  for (const line of lines) await s.run(line)
  await s.run('sleep 5')
  return (await s.run("docker ps -a --format '{{.Names}} {{.Status}}'")).stdout
}

describe('a server image run with options', () => {
  it('keeps serving: redis-server with flags, postgres -c, options to the entrypoint', async () => {
    expect(
      await statusAfter([
        'docker run -d --name cache redis redis-server --appendonly yes',
        'docker run -d --name db -e POSTGRES_PASSWORD=x postgres postgres -c max_connections=200',
        'docker run -d --name maria -e MARIADB_ROOT_PASSWORD=x mariadb --character-set-server=utf8mb4',
      ]),
    ).toBe('maria Up 5 seconds\ndb Up 5 seconds\ncache Up 5 seconds\n')
  })

  it('takes redpanda start as one word (rpk behind the entrypoint script)', async () => {
    expect(
      await statusAfter([
        'docker run -d --name panda docker.redpanda.com/vectorized/redpanda:v22.2.2 "redpanda start" "--smp 1"',
      ]),
    ).toBe('panda Up 5 seconds\n')
  })

  it('still ends at once for --version', async () => {
    const s = await Session.create({ seed: 1 })
    const r = await s.run('docker run --rm redis redis-server --version')
    expect(r.exitCode).toBe(0)
    expect((await s.run('docker ps -aq')).stdout).toBe('')
  })

  it('finds the image service account for user: postgres', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker run -d --name db -u postgres -e POSTGRES_PASSWORD=x postgres')
    const r = await s.run('docker exec db whoami')
    expect(r).toMatchObject({ stdout: 'postgres\n', exitCode: 0 })
    expect((await s.run('docker exec db grep postgres /etc/passwd')).stdout).toBe(
      'postgres:x:999:999::/var/lib/postgresql:/bin/bash\n',
    )
  })
})
