import { describe, expect, test } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'

async function run(session: Session, line: string, stdin?: string) {
  const r = await session.run(line, stdin === undefined ? {} : { stdin })
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

describe('docker volume create / ls', () => {
  test('creates a named volume (again is fine) or a 64-hex one, listed by name', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker volume create data')).toEqual({
      stdout: 'data\n',
      stderr: '',
      exitCode: 0,
    })
    expect((await run(session, 'docker volume create data')).stdout).toBe('data\n')
    const anonymous = (await run(session, 'docker volume create')).stdout
    expect(anonymous).toMatch(/^[0-9a-f]{64}\n$/)
    expect(await run(session, 'docker volume ls')).toEqual({
      stdout: `DRIVER    VOLUME NAME\nlocal     ${anonymous.trim()}\nlocal     data\n`,
      stderr: '',
      exitCode: 0,
    })
    expect((await run(session, 'docker volume ls -q -f name=da')).stdout).toBe('data\n')
  })

  test('refuses names the local driver cannot take, and unknown drivers', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker volume create a')).toEqual({
      stdout: '',
      stderr:
        'Error response from daemon: create a: volume name is too short, names should be at least two alphanumeric characters\n',
      exitCode: 1,
    })
    expect((await run(session, 'docker volume create my/data')).stderr).toBe(
      'Error response from daemon: create my/data: "my/data" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path\n',
    )
    expect((await run(session, 'docker volume create -d nfs shared')).stderr).toBe(
      'Error response from daemon: create shared: error looking up volume plugin nfs: plugin "nfs" not found\n',
    )
    expect((await run(session, 'docker volume create --name a b')).stderr).toBe(
      'conflicting options: cannot specify a volume-name through both --name and as a positional arg\n',
    )
  })

  test('-f dangling=true lists the volumes no container mounts; --format templates', async () => {
    const session = await Session.create()
    await run(session, 'docker volume create --label env=dev spare')
    await run(session, 'docker run -d --name db -v pgdata:/var/lib/postgresql/data nginx')
    expect((await run(session, 'docker volume ls -f dangling=true')).stdout).toBe(
      'DRIVER    VOLUME NAME\nlocal     spare\n',
    )
    expect(
      (
        await run(
          session,
          'docker volume ls -f label=env --format "{{.Name}} {{.Labels}} {{.Mountpoint}}"',
        )
      ).stdout,
    ).toBe('spare env=dev /var/lib/docker/volumes/spare/_data\n')
  })
})

describe('docker volume inspect', () => {
  test('prints the volume as the daemon keeps it', async () => {
    const session = await Session.create()
    await run(session, 'docker volume create data')
    expect(await run(session, 'docker volume inspect data')).toEqual({
      stdout: `[
    {
        "CreatedAt": "2026-01-05T09:00:00Z",
        "Driver": "local",
        "Labels": {},
        "Mountpoint": "/var/lib/docker/volumes/data/_data",
        "Name": "data",
        "Options": {},
        "Scope": "local"
    }
]
`,
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'docker volume inspect -f "{{.Mountpoint}}" data nosuch')).toEqual({
      stdout: '/var/lib/docker/volumes/data/_data\n',
      stderr: 'Error response from daemon: get nosuch: no such volume\n',
      exitCode: 1,
    })
  })
})

describe('docker volume rm / prune', () => {
  test('removes unused volumes, refuses one a container uses', async () => {
    const session = await Session.create()
    await run(session, 'docker volume create spare')
    await run(session, 'docker run -d --name db -v pgdata:/data nginx')
    const id = session.world.docker.findContainer('db')?.id ?? ''
    expect(await run(session, 'docker volume rm spare pgdata nosuch')).toEqual({
      stdout: 'spare\n',
      stderr:
        `Error response from daemon: remove pgdata: volume is in use - [${id}]\n` +
        'Error response from daemon: get nosuch: no such volume\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker volume rm -f nosuch')).toEqual({
      stdout: 'nosuch\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('prune takes only unused anonymous volumes unless -a', async () => {
    const session = await Session.create()
    await run(session, 'docker volume create named')
    await run(session, 'docker create --name box -v /scratch alpine')
    const anonymous = session.world.docker.findContainer('box')?.mounts[0]?.Name ?? ''
    await run(session, 'docker rm box')
    const warning =
      'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] '
    expect(await run(session, 'docker volume prune', 'y\n')).toEqual({
      stdout: `${warning}Deleted Volumes:\n${anonymous}\n\nTotal reclaimed space: 0B\n`,
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'docker volume prune -a', 'n\n')).toEqual({
      stdout:
        'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ',
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'docker volume prune -a -f')).toEqual({
      stdout: 'Deleted Volumes:\nnamed\n\nTotal reclaimed space: 0B\n',
      stderr: '',
      exitCode: 0,
    })
  })
})
