import { describe, expect, test } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'
import { FakeTty } from '../../shell/editors/harness'
import {
  NGINX_STARTUP_DIFF,
  diffOutput,
  realHelp,
  run,
  withAlpine,
  withNginx,
} from './observe-fixtures'

const help = async (command: string): Promise<void> => {
  const session = await Session.create()
  expect(await run(session, `docker ${command} --help`)).toEqual({
    stdout: realHelp(command),
    stderr: '',
    exitCode: 0,
  })
  expect((await run(session, `docker container ${command} --help`)).stdout).toBe(
    realHelp(`container-${command}`),
  )
}

describe('docker cp', () => {
  test('--help is docker 28.2.2’s', () => help('cp'))

  test('copies a file out of a container into a directory; quiet without a terminal', async () => {
    const { session } = await withNginx()
    expect(await run(session, 'docker cp web:/etc/nginx/nginx.conf .')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
    expect((await run(session, 'head -2 nginx.conf')).stdout).toBe('\nuser  nginx;\n')
  })

  test('on a terminal it reports the size of the tar stream it moved', async () => {
    const { session } = await withNginx()
    const tty = new FakeTty()
    const out = await session.run('docker cp web:/etc/nginx/nginx.conf .', { tty })
    expect(out.stderr).toBe('Successfully copied 2.56kB to /home/student/.\n')
    await session.run('echo hello > index.html')
    const into = await session.run('docker cp index.html web:/usr/share/nginx/html/', { tty })
    expect(into.stderr).toBe('Successfully copied 2.05kB to web:/usr/share/nginx/html/\n')
    expect((await session.run('docker cp -q index.html web:/tmp', { tty })).stderr).toBe('')
  })

  test('a file copied in replaces the image’s and shows as changed', async () => {
    const { session } = await withNginx()
    await session.run('echo "<h1>mine</h1>" > index.html')
    expect((await run(session, 'docker cp index.html web:/usr/share/nginx/html/')).exitCode).toBe(0)
    expect(
      (await run(session, 'docker exec web cat /usr/share/nginx/html/index.html')).stdout,
    ).toBe('<h1>mine</h1>\n')
    expect((await run(session, 'docker diff web')).stdout).toBe(
      diffOutput(NGINX_STARTUP_DIFF, [
        'C /usr',
        'C /usr/share',
        'C /usr/share/nginx',
        'C /usr/share/nginx/html',
        'C /usr/share/nginx/html/index.html',
      ]),
    )
  })

  test('directories: onto a new name, into an existing directory, or their contents with /.', async () => {
    const { session } = await withNginx()
    await run(session, 'docker cp web:/usr/share/nginx/html site')
    expect((await run(session, 'ls site')).stdout).toBe('50x.html\nindex.html\n')
    await run(session, 'mkdir into && docker cp web:/usr/share/nginx/html into')
    expect((await run(session, 'ls into/html')).stdout).toBe('50x.html\nindex.html\n')
    await run(session, 'mkdir flat && docker cp web:/usr/share/nginx/html/. flat')
    expect((await run(session, 'ls flat')).stdout).toBe('50x.html\nindex.html\n')
    await run(session, 'mkdir -p app/conf && echo a > app/conf/x && docker cp app web:/srv/')
    expect((await run(session, 'docker exec web cat /srv/app/conf/x')).stdout).toBe('a\n')
  })

  test('works on a stopped container', async () => {
    const { session } = await withAlpine()
    await session.run('docker stop box')
    await session.run('echo hi > note.txt')
    expect((await run(session, 'docker cp note.txt box:/tmp/')).exitCode).toBe(0)
    expect((await run(session, 'docker diff box')).stdout).toBe('C /tmp\nA /tmp/note.txt\n')
  })

  test('errors: missing files on either side, no container named, two containers', async () => {
    const { session } = await withNginx()
    expect(await run(session, 'docker cp web:/nope .')).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: Could not find the file /nope in container web\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker cp nope.txt web:/tmp')).toEqual({
      stdout: '',
      stderr: 'lstat /home/student/nope.txt: no such file or directory\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker cp a b')).toEqual({
      stdout: '',
      stderr: 'must specify at least one container source\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker cp web:/a other:/b')).toEqual({
      stdout: '',
      stderr: 'copying between containers is not supported\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker cp nope:/etc/hosts .')).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such container: nope\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker cp web:/etc/hosts')).toEqual({
      stdout: '',
      stderr:
        "docker: 'docker cp' requires 2 arguments\n\nUsage:  docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH\n\nRun 'docker cp --help' for more information\n",
      exitCode: 1,
    })
  })
})

describe('docker commit', () => {
  test('--help is docker 28.2.2’s', () => help('commit'))

  test('makes an image of the container’s changes and prints its id', async () => {
    const { session } = await withNginx()
    await session.run(`docker exec web sh -c 'echo custom > /usr/share/nginx/html/index.html'`)
    const r = await run(session, 'docker commit -m "new page" -a me web mysite:v1')
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/)
    expect(
      (await run(session, `docker inspect -f '{{.Comment}} {{.Author}} {{.RepoTags}}' mysite:v1`))
        .stdout,
    ).toBe('new page me [mysite:v1]\n')
    await session.run('docker run -d --name copy mysite:v1')
    expect(
      (await run(session, 'docker exec copy cat /usr/share/nginx/html/index.html')).stdout,
    ).toBe('custom\n')
  })

  test('--change applies Dockerfile instructions; others are refused', async () => {
    const { session } = await withNginx()
    await run(
      session,
      `docker commit -c 'ENV MODE=prod' -c 'EXPOSE 8080' -c 'CMD ["nginx", "-T"]' web tuned`,
    )
    expect(
      (
        await run(
          session,
          `docker inspect -f '{{index .Config.Env 6}} {{json .Config.ExposedPorts}} {{.Config.Cmd}}' tuned`,
        )
      ).stdout,
    ).toBe('MODE=prod {"80/tcp":{},"8080/tcp":{}} [nginx -T]\n')
    expect(await run(session, `docker commit -c 'RUN true' web`)).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: run is not a valid change command\n',
      exitCode: 1,
    })
  })

  test('a bad reference is refused by the client; an unknown container by the daemon', async () => {
    const { session } = await withNginx()
    expect(await run(session, 'docker commit web Repo:Tag')).toEqual({
      stdout: '',
      stderr: 'invalid reference format: repository name (library/Repo) must be lowercase\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker commit nope')).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such container: nope\n',
      exitCode: 1,
    })
    expect((await run(session, 'docker commit a b c')).stderr).toBe(
      "docker: 'docker commit' requires at least 1 and at most 2 arguments\n\nUsage:  docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]\n\nRun 'docker commit --help' for more information\n",
    )
  })
})

describe('docker update', () => {
  test('--help is docker 28.2.2’s', () => help('update'))

  test('changes memory, CPUs and the restart policy, printing each name', async () => {
    const { session } = await withNginx()
    expect(
      await run(session, 'docker update -m 256m --cpus 1.5 --restart unless-stopped web'),
    ).toEqual({
      stdout: 'web\n',
      stderr: '',
      exitCode: 0,
    })
    expect(
      (
        await run(
          session,
          `docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.RestartPolicy.Name}}' web`,
        )
      ).stdout,
    ).toBe('268435456 1500000000 unless-stopped\n')
  })

  test('needs a flag; checks the policy; reports every container that failed', async () => {
    const { session } = await withNginx()
    expect(await run(session, 'docker update web')).toEqual({
      stdout: '',
      stderr: 'you must provide one or more flags when using this command\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker update --restart on-failure:x web')).toEqual({
      stdout: '',
      stderr: 'invalid restart policy format: maximum retry count must be an integer\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker update --restart sometimes web')).toEqual({
      stdout: '',
      stderr:
        "Error response from daemon: invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'\n",
      exitCode: 1,
    })
    expect(await run(session, 'docker update -m 64m nope web other')).toEqual({
      stdout: 'web\n',
      stderr:
        'Error response from daemon: No such container: nope\nError response from daemon: No such container: other\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker update --cpus abc web')).toEqual({
      stdout: '',
      stderr:
        'invalid argument "abc" for "--cpus" flag: failed to parse abc as a rational number\n\nUsage:  docker update [OPTIONS] CONTAINER [CONTAINER...]\n\nRun \'docker update --help\' for more information\n',
      exitCode: 125,
    })
  })
})

describe('docker attach', () => {
  test('--help is docker 28.2.2’s', () => help('attach'))

  test('a stopped container cannot be attached to', async () => {
    const { session } = await withNginx()
    await session.run('docker stop web')
    expect(await run(session, 'docker attach web')).toEqual({
      stdout: '',
      stderr: 'You cannot attach to a stopped container, start it first\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker attach nope')).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such container: nope\n',
      exitCode: 1,
    })
  })

  test('follows the output from now on until the container exits, with its code', async () => {
    const session = await Session.create()
    await session.run(
      `docker run -d --name job alpine sh -c 'echo early; sleep 5; echo late; exit 3'`,
    )
    expect(await run(session, 'docker attach job')).toEqual({
      stdout: 'late\n',
      stderr: '',
      exitCode: 3,
    })
  })
})
