import { describe, expect, test } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'
import { FakeTty } from '../../shell/editors/harness'

async function run(session: Session, line: string, stdin?: string) {
  const r = await session.run(line, stdin === undefined ? {} : { stdin })
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

function imageId(session: Session, ref: string): string {
  const image = session.world.docker.findImage(ref)
  if (!image) throw new Error(`no image ${ref}`)
  return image.id
}

const short = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12)

describe('docker pull', () => {
  test('prints the non-TTY progress, the digest, the status and the full reference', async () => {
    const session = await Session.create()
    const r = await run(session, 'docker pull alpine:3.21')
    const layer = session.world.docker.findImage('alpine:3.21')?.layerIds[0]?.slice(7, 19) ?? ''
    const digest = session.world.docker.images.digestsOf(imageId(session, 'alpine:3.21'))[0]
    expect(r).toEqual({
      stdout:
        '3.21: Pulling from library/alpine\n' +
        `${layer}: Pulling fs layer\n` +
        `${layer}: Verifying Checksum\n` +
        `${layer}: Download complete\n` +
        `${layer}: Pull complete\n` +
        `Digest: ${digest?.split('@')[1] ?? ''}\n` +
        'Status: Downloaded newer image for alpine:3.21\n' +
        'docker.io/library/alpine:3.21\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('says which tag it uses, and that an image already here is up to date', async () => {
    const session = await Session.create()
    await run(session, 'docker pull nginx')
    const again = await run(session, 'docker pull nginx')
    const digest = session.world.docker.images.digestsOf(imageId(session, 'nginx'))[0] ?? ''
    expect(again).toEqual({
      stdout:
        'Using default tag: latest\n' +
        'latest: Pulling from library/nginx\n' +
        `Digest: ${digest.split('@')[1] ?? ''}\n` +
        'Status: Image is up to date for nginx:latest\n' +
        'docker.io/library/nginx:latest\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('layers another image brought are "Already exists"', async () => {
    const session = await Session.create()
    await run(session, 'docker pull nginx')
    const r = await run(session, 'docker pull redis:7')
    const shared = session.world.docker.findImage('nginx')?.layerIds[0]?.slice(7, 19) ?? ''
    expect(r.stdout.split('\n')[1]).toBe(`${shared}: Already exists`)
    expect(r.stdout).not.toContain(`${shared}: Pulling fs layer`)
    // Beyond three downloads at a time, layers wait.
    expect(r.stdout).toMatch(/: Waiting\n/)
  })

  test('on a terminal, each layer ends on one line', async () => {
    const session = await Session.create()
    const tty = new FakeTty()
    const r = await session.run('docker pull alpine:3.21', { tty })
    const layer = session.world.docker.findImage('alpine:3.21')?.layerIds[0]?.slice(7, 19) ?? ''
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      '3.21: Pulling from library/alpine',
      `${layer}: Pull complete`,
    ])
  })

  test('-q prints only the reference', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker pull -q nginx')).toEqual({
      stdout: 'docker.io/library/nginx:latest\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('registry errors come from the daemon, reference errors from the client', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker pull ngnix')).toEqual({
      stdout: 'Using default tag: latest\n',
      stderr:
        "Error response from daemon: pull access denied for ngnix, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
      exitCode: 1,
    })
    expect(await run(session, 'docker pull nginx:9.9')).toEqual({
      stdout: '',
      stderr:
        'Error response from daemon: manifest for nginx:9.9 not found: manifest unknown: manifest unknown\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker pull NGINX')).toEqual({
      stdout: '',
      stderr: 'invalid reference format: repository name (library/NGINX) must be lowercase\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker pull nginx:lat@st')).toEqual({
      stdout: '',
      stderr: 'invalid reference format\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker pull -a nginx:1')).toEqual({
      stdout: '',
      stderr: "tag can't be used with --all-tags/-a\n",
      exitCode: 1,
    })
  })
})

describe('docker images', () => {
  test('lists repository, tag, short id, age against the virtual clock and size', async () => {
    const session = await Session.create()
    await run(session, 'docker pull nginx')
    await run(session, 'docker pull alpine:3.21')
    expect(await run(session, 'docker images')).toEqual({
      stdout:
        'REPOSITORY   TAG       IMAGE ID       CREATED         SIZE\n' +
        `alpine       3.21      ${short(imageId(session, 'alpine:3.21'))}   10 months ago   7.83MB\n` +
        `nginx        latest    ${short(imageId(session, 'nginx'))}   11 months ago   192MB\n`,
      stderr: '',
      exitCode: 0,
    })
    session.clock.advance(400 * 86_400_000)
    expect((await run(session, 'docker image ls nginx')).stdout).toBe(
      'REPOSITORY   TAG       IMAGE ID       CREATED       SIZE\n' +
        `nginx        latest    ${short(imageId(session, 'nginx'))}   2 years ago   192MB\n`,
    )
  })

  test('-q, --no-trunc, --digests and --format', async () => {
    const session = await Session.create()
    await run(session, 'docker pull nginx')
    const id = imageId(session, 'nginx')
    const digest = session.world.docker.images.digestsOf(id)[0]?.split('@')[1] ?? ''
    expect((await run(session, 'docker images -q')).stdout).toBe(`${short(id)}\n`)
    expect((await run(session, 'docker images -q --no-trunc')).stdout).toBe(`${id}\n`)
    expect((await run(session, 'docker images --digests')).stdout).toBe(
      'REPOSITORY   TAG       DIGEST                                                                    IMAGE ID       CREATED         SIZE\n' +
        `nginx        latest    ${digest}   ${short(id)}   11 months ago   192MB\n`,
    )
    expect(
      (await run(session, 'docker images --format "{{.Repository}}:{{.Tag}} {{.Size}}"')).stdout,
    ).toBe('nginx:latest 192MB\n')
    expect((await run(session, 'docker images --format json')).stdout).toBe(
      `{"Containers":"N/A","CreatedAt":"2025-02-05 21:27:16 +0000 UTC","CreatedSince":"11 months ago","Digest":"\\u003cnone\\u003e","ID":"${short(id)}","Repository":"nginx","SharedSize":"N/A","Size":"192MB","Tag":"latest","UniqueSize":"N/A","VirtualSize":"192MB"}\n`,
    )
  })

  test('filters by reference pattern, dangling and label; refuses unknown filters', async () => {
    const session = await Session.create()
    await run(session, 'docker pull nginx')
    await run(session, 'docker pull redis:7')
    expect((await run(session, 'docker images "r*" --format "{{.Repository}}"')).stdout).toBe(
      'redis\n',
    )
    expect((await run(session, 'docker images -f reference=nginx:* -q')).stdout).toBe(
      `${short(imageId(session, 'nginx'))}\n`,
    )
    expect((await run(session, 'docker images -f dangling=true')).stdout).toBe(
      'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n',
    )
    expect(
      (await run(session, 'docker images -f label=maintainer --format "{{.Repository}}"')).stdout,
    ).toBe('nginx\n')
    expect(await run(session, 'docker images -f foo=bar')).toEqual({
      stdout: '',
      stderr: "Error response from daemon: invalid filter 'foo'\n",
      exitCode: 1,
    })
    expect((await run(session, 'docker images -f dangling=maybe')).stderr).toBe(
      "Error response from daemon: invalid filter 'dangling=maybe'\n",
    )
    expect((await run(session, 'docker images -f before=nosuch')).stderr).toBe(
      'Error response from daemon: No such image: nosuch:latest\n',
    )
  })

  test('an image a running container keeps, its tag forced away, shows as <none> <none>', async () => {
    const session = await Session.create()
    await run(session, 'docker pull nginx')
    await run(session, 'docker run -d --name web nginx')
    const id = short(imageId(session, 'nginx'))
    await run(session, 'docker rmi -f nginx')
    expect((await run(session, 'docker images')).stdout).toBe(
      'REPOSITORY   TAG       IMAGE ID       CREATED         SIZE\n' +
        `<none>       <none>    ${id}   11 months ago   192MB\n`,
    )
  })
})

describe('docker tag', () => {
  test('adds a name for the same image', async () => {
    const session = await Session.create()
    await run(session, 'docker pull nginx')
    expect(await run(session, 'docker tag nginx myweb:1.0')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
    const id = short(imageId(session, 'nginx'))
    expect((await run(session, 'docker image ls')).stdout).toBe(
      'REPOSITORY   TAG       IMAGE ID       CREATED         SIZE\n' +
        `myweb        1.0       ${id}   11 months ago   192MB\n` +
        `nginx        latest    ${id}   11 months ago   192MB\n`,
    )
  })

  test('parses both references client-side, and the source must exist', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker tag nginx BAD')).toEqual({
      stdout: '',
      stderr:
        'Error parsing reference: "BAD" is not a valid repository/tag: invalid reference format: repository name (library/BAD) must be lowercase\n',
      exitCode: 1,
    })
    expect((await run(session, 'docker tag NG nginx')).stderr).toBe(
      'Error parsing reference: "NG" is not a valid repository/tag: invalid reference format: repository name (library/NG) must be lowercase\n',
    )
    expect((await run(session, 'docker tag nginx a:b:c')).stderr).toBe(
      'Error parsing reference: "a:b:c" is not a valid repository/tag: invalid reference format\n',
    )
    expect(await run(session, 'docker tag nginx web:1')).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such image: nginx:latest\n',
      exitCode: 1,
    })
  })
})

describe('docker rmi', () => {
  test('untags, then deletes the image and the layers no other image shares', async () => {
    const session = await Session.create()
    await run(session, 'docker pull alpine:3.21')
    const id = imageId(session, 'alpine:3.21')
    const digest = session.world.docker.images.digestsOf(id)[0] ?? ''
    const layer = session.world.docker.findImage(id)?.layerIds[0] ?? ''
    expect(await run(session, 'docker rmi alpine:3.21')).toEqual({
      stdout: `Untagged: alpine:3.21\nUntagged: ${digest}\nDeleted: ${id}\nDeleted: ${layer}\n`,
      stderr: '',
      exitCode: 0,
    })
    expect((await run(session, 'docker images -q')).stdout).toBe('')
  })

  test('a second tag only untags', async () => {
    const session = await Session.create()
    await run(session, 'docker pull nginx')
    await run(session, 'docker tag nginx myweb')
    expect(await run(session, 'docker image rm myweb')).toEqual({
      stdout: 'Untagged: myweb:latest\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('-f deletes an image only stopped containers use', async () => {
    const session = await Session.create()
    await run(session, 'docker pull alpine:3.21')
    await run(session, 'docker create --name box alpine:3.21')
    const id = imageId(session, 'alpine:3.21')
    const r = await run(session, 'docker rmi -f alpine:3.21')
    expect(r.stdout).toContain(`Deleted: ${id}\n`)
    expect((await run(session, 'docker images -q')).stdout).toBe('')
  })

  test('refuses while a container uses the image, in the daemon’s words', async () => {
    const session = await Session.create()
    await run(session, 'docker pull nginx')
    await run(session, 'docker run -d --name web nginx')
    const id = imageId(session, 'nginx')
    const container = session.world.docker.findContainer('web')?.id.slice(0, 12) ?? ''
    expect(await run(session, 'docker rmi nginx')).toEqual({
      stdout: '',
      stderr: `Error response from daemon: conflict: unable to remove repository reference "nginx" (must force) - container ${container} is using its referenced image ${short(id)}\n`,
      exitCode: 1,
    })
    expect(await run(session, `docker rmi -f ${short(id)}`)).toEqual({
      stdout: '',
      stderr: `Error response from daemon: conflict: unable to delete ${short(id)} (cannot be forced) - image is being used by running container ${container}\n`,
      exitCode: 1,
    })
    await run(session, 'docker stop web')
    expect((await run(session, `docker rmi ${short(id)}`)).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${short(id)} (must be forced) - image is being used by stopped container ${container}\n`,
    )
  })

  test('an id with several tags must be forced', async () => {
    const session = await Session.create()
    await run(session, 'docker pull nginx')
    await run(session, 'docker tag nginx myweb')
    const id = short(imageId(session, 'nginx'))
    expect((await run(session, `docker rmi ${id}`)).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${id} (must be forced) - image is referenced in multiple repositories\n`,
    )
    const full = imageId(session, 'nginx')
    const digest = session.world.docker.images.digestsOf(full)[0] ?? ''
    const layers = session.world.docker.findImage(full)?.layerIds.length ?? 0
    const forced = await run(session, `docker rmi -f ${id}`)
    const lines = forced.stdout.trimEnd().split('\n')
    expect(lines.slice(0, 4)).toEqual([
      'Untagged: myweb:latest',
      'Untagged: nginx:latest',
      `Untagged: ${digest}`,
      `Deleted: ${full}`,
    ])
    // One "Deleted:" per layer chain, top first, once no other image shares it.
    expect(lines.slice(4)).toHaveLength(layers)
    expect(forced.exitCode).toBe(0)
  })

  test('missing images: every error is listed, -f alone does not fail on them', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker rmi nosuch other')).toEqual({
      stdout: '',
      stderr:
        'Error response from daemon: No such image: nosuch:latest\nError response from daemon: No such image: other:latest\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker rmi -f nosuch')).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such image: nosuch:latest\n',
      exitCode: 0,
    })
  })
})

describe('docker history', () => {
  test('shows the layers newest first, with <missing> below the image itself', async () => {
    const session = await Session.create()
    await run(session, 'docker pull alpine:3.21')
    const id = short(imageId(session, 'alpine:3.21'))
    expect(await run(session, 'docker history alpine:3.21')).toEqual({
      stdout:
        'IMAGE          CREATED         CREATED BY                                      SIZE      COMMENT\n' +
        `${id}   10 months ago   CMD ["/bin/sh"]                                 0B        buildkit.dockerfile.v0\n` +
        '<missing>      10 months ago   ADD alpine-minirootfs-3.21.3-x86_64.tar.gz /…   7.83MB    buildkit.dockerfile.v0\n',
      stderr: '',
      exitCode: 0,
    })
    expect((await run(session, 'docker history -q alpine:3.21')).stdout).toBe(`${id}\n<missing>\n`)
    expect(
      (
        await run(
          session,
          'docker image history --no-trunc -H=false --format "{{.CreatedBy}}|{{.Size}}|{{.CreatedSince}}" alpine:3.21',
        )
      ).stdout,
    ).toBe(
      'CMD ["/bin/sh"]|0|2025-02-14T03:28:36Z\nADD alpine-minirootfs-3.21.3-x86_64.tar.gz / # buildkit|7830000|2025-02-14T03:28:36Z\n',
    )
  })

  test('an unknown image is the daemon’s "No such image"', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker history nginx')).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such image: nginx:latest\n',
      exitCode: 1,
    })
  })
})

describe('docker image prune', () => {
  test('asks first; only y or Y goes ahead, anything else cancels quietly', async () => {
    const session = await Session.create()
    const warning =
      'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] '
    expect(await run(session, 'docker image prune')).toEqual({
      stdout: warning,
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'docker image prune', 'yes\n')).toEqual({
      stdout: warning,
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'docker image prune', ' Y \n')).toEqual({
      stdout: `${warning}Total reclaimed space: 0B\n`,
      stderr: '',
      exitCode: 0,
    })
  })

  test('-a removes every image no container uses and reports the space', async () => {
    const session = await Session.create()
    await run(session, 'docker pull alpine:3.21')
    await run(session, 'docker pull nginx')
    await run(session, 'docker create --name web nginx')
    const id = imageId(session, 'alpine:3.21')
    const digest = session.world.docker.images.digestsOf(id)[0] ?? ''
    const layer = session.world.docker.findImage(id)?.layerIds[0] ?? ''
    expect(await run(session, 'docker image prune -a -f')).toEqual({
      stdout:
        'Deleted Images:\n' +
        `untagged: alpine:3.21\nuntagged: ${digest}\ndeleted: ${id}\ndeleted: ${layer}\n\n` +
        'Total reclaimed space: 7.83MB\n',
      stderr: '',
      exitCode: 0,
    })
    expect((await run(session, 'docker images --format "{{.Repository}}"')).stdout).toBe('nginx\n')
  })

  test('the prompt is typed on the terminal when nothing is piped in', async () => {
    const session = await Session.create()
    const tty = new FakeTty()
    const running = session.run('docker image prune -a', { tty })
    for (let i = 0; i < 50 && !tty.listening; i++) await new Promise((r) => setTimeout(r, 0))
    expect(tty.output).toBe(
      'WARNING! This will remove all images without at least one container associated to them.\r\nAre you sure you want to continue? [y/N] ',
    )
    await tty.type('y', '\r')
    expect(await running).toMatchObject({ stdout: 'Total reclaimed space: 0B\n', exitCode: 0 })
    expect(tty.output.endsWith('[y/N] y\r\n')).toBe(true)
  })
})
