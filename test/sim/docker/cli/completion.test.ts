import { describe, expect, test } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'

/** What `docker …<Tab>` offers: the docker command's own completer, before prefix filtering. */
async function complete(session: Session, line: string): Promise<string[] | undefined> {
  const words = line.split(' ')
  const docker = session.commands.get('docker')
  const result = await docker?.complete?.({ words, cwd: session.cwd, fs: session.fs })
  const typed = words[words.length - 1] ?? ''
  return result?.filter((c) => c.startsWith(typed))
}

async function withObjects(): Promise<Session> {
  const session = await Session.create()
  await session.run('docker run -d --name web nginx')
  await session.run('docker run -d --name cache redis:7')
  await session.run('docker pause cache')
  await session.run('docker create --name idle alpine')
  await session.run('docker network create backend')
  await session.run('docker volume create data')
  return session
}

describe('docker Tab completion', () => {
  test('completes commands and management commands', async () => {
    const session = await Session.create()
    expect(await complete(session, 'docker im')).toEqual(['image', 'images'])
    expect(await complete(session, 'docker netw')).toEqual(['network'])
    expect(await complete(session, 'docker --ver')).toEqual(['--version'])
  })

  test('completes a group’s subcommands by their own names, not their aliases', async () => {
    const session = await Session.create()
    expect(await complete(session, 'docker network ')).toEqual([
      'connect',
      'create',
      'disconnect',
      'inspect',
      'ls',
      'prune',
      'rm',
    ])
    expect(await complete(session, 'docker volume ')).toEqual([
      'create',
      'inspect',
      'ls',
      'prune',
      'rm',
    ])
  })

  test('completes the current command’s flags', async () => {
    const session = await Session.create()
    expect(await complete(session, 'docker images --')).toEqual([
      '--all',
      '--digests',
      '--filter',
      '--format',
      '--help',
      '--no-trunc',
      '--quiet',
      '--tree',
    ])
    expect(await complete(session, 'docker network create --i')).toEqual([
      '--ingress',
      '--internal',
      '--ip-range',
      '--ipam-driver',
      '--ipam-opt',
      '--ipv4',
      '--ipv6',
    ])
  })

  test('offers the containers a command can act on', async () => {
    const session = await withObjects()
    expect(await complete(session, 'docker stop ')).toEqual(['web'])
    expect(await complete(session, 'docker unpause ')).toEqual(['cache'])
    expect(await complete(session, 'docker start ')).toEqual(['idle'])
    expect(await complete(session, 'docker rm ')).toEqual(['cache', 'idle', 'web'])
    expect(await complete(session, 'docker container rm -f ')).toEqual(['cache', 'idle', 'web'])
  })

  test('offers image tags where an image is expected, then falls back to files', async () => {
    const session = await withObjects()
    expect(await complete(session, 'docker rmi ')).toEqual([
      'alpine:latest',
      'nginx:latest',
      'redis:7',
    ])
    expect(await complete(session, 'docker run -d --name x ng')).toEqual(['nginx:latest'])
    expect(await complete(session, 'docker history r')).toEqual(['redis:7'])
    expect(await complete(session, 'docker run nginx ')).toBeUndefined()
  })

  test('offers networks and volumes, and networks as a flag value', async () => {
    const session = await withObjects()
    expect(await complete(session, 'docker network connect ')).toEqual([
      'backend',
      'bridge',
      'host',
      'none',
    ])
    expect(await complete(session, 'docker network connect backend ')).toEqual([
      'cache',
      'idle',
      'web',
    ])
    expect(await complete(session, 'docker run --network b')).toEqual(['backend', 'bridge'])
    // redis declares VOLUME /data: its container got an anonymous volume too.
    const anonymous = session.world.docker.findContainer('cache')?.mounts[0]?.Name ?? ''
    expect(await complete(session, 'docker volume rm ')).toEqual([anonymous, 'data'].sort())
  })

  test('commands without arguments offer nothing, not file names', async () => {
    const session = await Session.create()
    expect(await complete(session, 'docker system df ')).toEqual([])
    expect(await complete(session, 'docker version ')).toEqual([])
  })
})
