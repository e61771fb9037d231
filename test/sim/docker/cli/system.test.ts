import { describe, expect, test } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'

async function run(session: Session, line: string, stdin?: string) {
  const r = await session.run(line, stdin === undefined ? {} : { stdin })
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

describe('docker version', () => {
  test('prints the client and server sections in docker 28.2.2’s layout', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker version')).toEqual({
      stdout: `Client:
 Version:           28.2.2
 API version:       1.50
 Go version:        go1.24.3
 Git commit:        e6534b4
 Built:             Fri May 30 12:07:14 2025
 OS/Arch:           linux/amd64
 Context:           default

Server: Docker Engine - Community
 Engine:
  Version:          28.2.2
  API version:      1.50 (minimum version 1.24)
  Go version:       go1.24.3
  Git commit:       45873be
  Built:            Fri May 30 12:07:27 2025
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          1.7.27
  GitCommit:        05044ec0a9a75232cad458027ca83437aae3f4da
 runc:
  Version:          1.2.5
  GitCommit:        v1.2.5-0-g59923ef
 docker-init:
  Version:          0.19.0
  GitCommit:        de40ad0
`,
      stderr: '',
      exitCode: 0,
    })
  })

  test('--format takes Go templates over the client and server, json included', async () => {
    const session = await Session.create()
    expect((await run(session, 'docker version --format "{{.Client.Version}}"')).stdout).toBe(
      '28.2.2\n',
    )
    expect(
      (await run(session, 'docker version -f "{{.Server.APIVersion}} {{.Server.MinAPIVersion}}"'))
        .stdout,
    ).toBe('1.50 1.24\n')
    const json = (await run(session, 'docker version --format json')).stdout
    expect(
      json.startsWith(
        '{"Client":{"Version":"28.2.2","ApiVersion":"1.50","DefaultAPIVersion":"1.50","GitCommit":"e6534b4","GoVersion":"go1.24.3","Os":"linux","Arch":"amd64","BuildTime":"Fri May 30 12:07:14 2025","Context":"default"},"Server":{"Platform":{"Name":"Docker Engine - Community"},"Components":[{"Name":"Engine"',
      ),
    ).toBe(true)
    expect(await run(session, 'docker version -f "{{.Foo}"')).toEqual({
      stdout: '',
      stderr: "template parsing error: template: version:1: bad character U+007D '}'\n",
      exitCode: 64,
    })
  })
})

describe('docker info', () => {
  test('counts containers by state and images, and describes the simulated host', async () => {
    const session = await Session.create()
    await run(session, 'docker run -d --name web nginx')
    await run(session, 'docker create --name idle alpine')
    const r = await run(session, 'docker info')
    const lines = r.stdout.split('\n')
    expect(lines.slice(0, 13)).toEqual([
      'Client:',
      ' Version:    28.2.2',
      ' Context:    default',
      ' Debug Mode: false',
      '',
      'Server:',
      ' Containers: 2',
      '  Running: 1',
      '  Paused: 0',
      '  Stopped: 1',
      ' Images: 2',
      ' Server Version: 28.2.2',
      ' Storage Driver: overlay2',
    ])
    const host = session.world.docker.host
    expect(lines).toContain(` Kernel Version: ${host.kernel}`)
    expect(lines).toContain(` CPUs: ${host.cpus}`)
    expect(lines).toContain(' Total Memory: 8GiB')
    expect(lines).toContain(' Cgroup Driver: systemd')
    expect(r.stdout.endsWith(' Live Restore Enabled: false\n\n')).toBe(true)
    expect(r.exitCode).toBe(0)
    expect((await run(session, 'docker system info')).stdout).toBe(r.stdout)
  })

  test('--format reads the server fields at the top and ClientInfo', async () => {
    const session = await Session.create()
    expect(
      (
        await run(
          session,
          'docker info -f "{{.ServerVersion}} {{.Driver}} {{.ClientInfo.Context}}"',
        )
      ).stdout,
    ).toBe('28.2.2 overlay2 default\n')
  })
})

describe('docker system df', () => {
  test('summarises images, containers, volumes and build cache', async () => {
    const session = await Session.create()
    await run(session, 'docker pull alpine:3.21')
    await run(session, 'docker run -d --name web -v data:/data nginx')
    expect(await run(session, 'docker system df')).toEqual({
      stdout:
        'TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\n' +
        'Images          2         1         199.8MB   7.83MB (3%)\n' +
        'Containers      1         1         0B        0B\n' +
        'Local Volumes   1         1         0B        0B\n' +
        'Build Cache     0         0         0B        0B\n',
      stderr: '',
      exitCode: 0,
    })
    expect(
      (await run(session, 'docker system df --format "{{.Type}}: {{.TotalCount}}"')).stdout,
    ).toBe('Images: 2\nContainers: 1\nLocal Volumes: 1\nBuild Cache: 0\n')
  })

  test('-v details every image, container and volume', async () => {
    const session = await Session.create()
    await run(session, 'docker run -d --name web -v data:/data nginx')
    const image = session.world.docker.findImage('nginx')?.id.slice(7, 19) ?? ''
    const container = session.world.docker.findContainer('web')?.id.slice(0, 12) ?? ''
    expect(await run(session, 'docker system df -v')).toEqual({
      stdout: `Images space usage:

REPOSITORY   TAG       IMAGE ID       CREATED         SIZE      SHARED SIZE   UNIQUE SIZE   CONTAINERS
nginx        latest    ${image}   11 months ago   192MB     0B            192MB         1

Containers space usage:

CONTAINER ID   IMAGE     COMMAND                  LOCAL VOLUMES   SIZE      CREATED                  STATUS                  NAMES
${container}   nginx     "/docker-entrypoint.…"   1               0B        Less than a second ago   Up Less than a second   web

Local Volumes space usage:

VOLUME NAME   LINKS     SIZE
data          1         0B

Build cache usage: 0B

CACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED
`,
      stderr: '',
      exitCode: 0,
    })
  })
})

describe('docker system prune', () => {
  test('warns with the list of what goes, by the options given', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker system prune')).toEqual({
      stdout: `WARNING! This will remove:
  - all stopped containers
  - all networks not used by at least one container
  - all dangling images
  - unused build cache

Are you sure you want to continue? [y/N] `,
      stderr: '',
      exitCode: 0,
    })
    expect((await run(session, 'docker system prune -a --volumes', 'n\n')).stdout).toBe(
      `WARNING! This will remove:
  - all stopped containers
  - all networks not used by at least one container
  - all anonymous volumes not used by at least one container
  - all images without at least one container associated to them
  - all build cache

Are you sure you want to continue? [y/N] `,
    )
  })

  test('removes stopped containers, unused networks and images, then totals the space', async () => {
    const session = await Session.create()
    await run(session, 'docker pull alpine:3.21')
    await run(session, 'docker network create spare')
    await run(session, 'docker run --name once alpine:3.21 true')
    const once = session.world.docker.findContainer('once')?.id ?? ''
    const image = session.world.docker.findImage('alpine:3.21')?.id ?? ''
    const digest = session.world.docker.images.digestsOf(image)[0] ?? ''
    const layer = session.world.docker.findImage(image)?.layerIds[0] ?? ''
    expect(await run(session, 'docker system prune -a -f')).toEqual({
      stdout:
        `Deleted Containers:\n${once}\n\n` +
        'Deleted Networks:\nspare\n\n' +
        `Deleted Images:\nuntagged: alpine:3.21\nuntagged: ${digest}\ndeleted: ${image}\ndeleted: ${layer}\n\n` +
        'Total reclaimed space: 7.83MB\n',
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'docker system prune -f')).toEqual({
      stdout: 'Total reclaimed space: 0B\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('"until" cannot go with --volumes', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker system prune -f --volumes --filter until=24h')).toEqual({
      stdout: '',
      stderr: 'ERROR: The "until" filter is not supported with "--volumes"\n',
      exitCode: 1,
    })
  })
})
