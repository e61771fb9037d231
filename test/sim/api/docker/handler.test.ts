import { describe, expect, test } from 'vitest'
import {
  handleDockerApi,
  type DockerApiRequest,
  type DockerApiResponse,
} from '../../../../src/sim/api/docker/handler'
import { Session } from '../../../../src/sim/shell/session'

interface Answer {
  status: number
  headers: Record<string, string>
  text: string
  bytes: Uint8Array
}

async function collect(body: DockerApiResponse['body']): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  const add = (chunk: string | Uint8Array): void => {
    chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk)
  }
  if (typeof body === 'string') add(body)
  else if (Array.isArray(body)) for (const chunk of body) add(chunk)
  else for await (const chunk of body) add(chunk)
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}

async function call(
  session: Session,
  method: string,
  path: string,
  query: Record<string, string> = {},
  body = '',
): Promise<Answer> {
  const request: DockerApiRequest = { method, path, query, headers: {}, body }
  const response = await handleDockerApi(session.world.docker, request, session.clock.now())
  const bytes = await collect(response.body)
  return {
    status: response.status,
    headers: response.headers,
    text: new TextDecoder().decode(bytes),
    bytes,
  }
}

const DAEMON_HEADERS = {
  'Api-Version': '1.50',
  'Docker-Experimental': 'false',
  Ostype: 'linux',
  Server: 'Docker/28.2.2 (linux)',
}

async function withWeb(): Promise<Session> {
  const session = await Session.create()
  await session.run('docker run -d --name web -p 8080:80 nginx')
  session.clock.advance(1000)
  return session
}

describe('ping and version', () => {
  test('GET /_ping answers OK with the headers the client negotiates from', async () => {
    const session = await Session.create()
    expect(await call(session, 'GET', '/_ping')).toEqual({
      status: 200,
      headers: {
        ...DAEMON_HEADERS,
        'Cache-Control': 'no-cache, no-store, must-revalidate',
        Pragma: 'no-cache',
        'Builder-Version': '2',
        Swarm: 'inactive',
        'Content-Type': 'text/plain; charset=utf-8',
      },
      text: 'OK',
      bytes: new TextEncoder().encode('OK'),
    })
  })

  test('HEAD /_ping has the same headers, no body and a zero length', async () => {
    const session = await Session.create()
    const answer = await call(session, 'HEAD', '/_ping')
    expect(answer.status).toBe(200)
    expect(answer.text).toBe('')
    expect(answer.headers['Content-Length']).toBe('0')
    expect(answer.headers['Api-Version']).toBe('1.50')
    expect(answer.headers.Swarm).toBe('inactive')
  })

  test('GET /v1.50/version is the daemon’s version object, byte for byte', async () => {
    const session = await Session.create()
    const answer = await call(session, 'GET', '/v1.50/version')
    expect(answer.status).toBe(200)
    expect(answer.headers).toEqual({ ...DAEMON_HEADERS, 'Content-Type': 'application/json' })
    expect(answer.text).toBe(
      '{"Platform":{"Name":"Docker Engine - Community"},"Components":[{"Name":"Engine","Version":"28.2.2","Details":{"ApiVersion":"1.50","Arch":"amd64","BuildTime":"2025-05-30T12:07:27.000000000+00:00","Experimental":"false","GitCommit":"45873be","GoVersion":"go1.24.3","KernelVersion":"6.8.0-quai","MinAPIVersion":"1.24","Os":"linux"}},{"Name":"containerd","Version":"1.7.27","Details":{"GitCommit":"05044ec0a9a75232cad458027ca83437aae3f4da"}},{"Name":"runc","Version":"1.2.5","Details":{"GitCommit":"v1.2.5-0-g59923ef"}},{"Name":"docker-init","Version":"0.19.0","Details":{"GitCommit":"de40ad0"}}],"Version":"28.2.2","ApiVersion":"1.50","MinAPIVersion":"1.24","GitCommit":"45873be","GoVersion":"go1.24.3","Os":"linux","Arch":"amd64","KernelVersion":"6.8.0-quai","BuildTime":"2025-05-30T12:07:27.000000000+00:00"}\n',
    )
  })

  test('unversioned and versioned paths reach the same endpoint', async () => {
    const session = await Session.create()
    const plain = await call(session, 'GET', '/version')
    const versioned = await call(session, 'GET', '/v1.44/version')
    expect(plain.text).toBe(versioned.text)
  })

  test('a client version outside 1.24…1.50 gets the daemon’s 400', async () => {
    const session = await Session.create()
    expect(await call(session, 'GET', '/v1.51/version')).toMatchObject({
      status: 400,
      text: '{"message":"client version 1.51 is too new. Maximum supported API version is 1.50"}\n',
    })
    expect(await call(session, 'GET', '/v1.12/containers/json')).toMatchObject({
      status: 400,
      text: '{"message":"client version 1.12 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version"}\n',
    })
  })

  test('an unknown path is 404 page not found', async () => {
    const session = await Session.create()
    expect(await call(session, 'GET', '/v1.50/swarm')).toMatchObject({
      status: 404,
      headers: { ...DAEMON_HEADERS, 'Content-Type': 'application/json' },
      text: '{"message":"page not found"}\n',
    })
  })
})

describe('errors', () => {
  test('a missing container is 404 with the daemon’s message', async () => {
    const session = await Session.create()
    expect(await call(session, 'GET', '/v1.50/containers/nosuch/json')).toMatchObject({
      status: 404,
      text: '{"message":"No such container: nosuch"}\n',
    })
  })

  test('a missing image names its default tag', async () => {
    const session = await Session.create()
    expect(await call(session, 'GET', '/v1.50/images/nosuch/json')).toMatchObject({
      status: 404,
      text: '{"message":"No such image: nosuch:latest"}\n',
    })
  })

  test('removing a running container is 409 conflict', async () => {
    const session = await withWeb()
    expect(await call(session, 'DELETE', '/v1.50/containers/web')).toMatchObject({
      status: 409,
      text: '{"message":"cannot remove container \\"/web\\": container is running: stop the container before removing or force remove"}\n',
    })
  })

  test('a filter the endpoint does not take is 400 invalid filter', async () => {
    const session = await Session.create()
    expect(
      await call(session, 'GET', '/v1.50/containers/json', { filters: '{"bogus":{"1":true}}' }),
    ).toMatchObject({ status: 400, text: `{"message":"invalid filter 'bogus'"}\n` })
    expect(
      await call(session, 'GET', '/v1.50/containers/json', { filters: '{"status":{"up":true}}' }),
    ).toMatchObject({ status: 400, text: `{"message":"invalid filter 'status=up'"}\n` })
    expect(
      await call(session, 'GET', '/v1.50/containers/json', { filters: 'not json' }),
    ).toMatchObject({ status: 400, text: '{"message":"invalid filter"}\n' })
  })

  test('a second container with a taken name is 409 and the name in use', async () => {
    const session = await withWeb()
    const id = session.world.docker.findContainer('web')?.id ?? ''
    expect(
      await call(session, 'POST', '/v1.50/containers/create', { name: 'web' }, '{"Image":"nginx"}'),
    ).toMatchObject({
      status: 409,
      text: `{"message":"Conflict. The container name \\"/web\\" is already in use by container \\"${id}\\". You have to remove (or rename) that container to be able to reuse that name."}\n`,
    })
  })
})

describe('containers', () => {
  test('the list holds running containers; all=1, limit and status filters as the daemon', async () => {
    const session = await withWeb()
    await session.run('docker create --name idle alpine')
    const names = async (query: Record<string, string>): Promise<string[]> => {
      const answer = await call(session, 'GET', '/v1.50/containers/json', query)
      return (JSON.parse(answer.text) as { Names: string[] }[]).map((c) => c.Names[0] ?? '')
    }
    expect(await names({})).toEqual(['/web'])
    expect(await names({ all: '1' })).toEqual(['/idle', '/web'])
    expect(await names({ limit: '1' })).toEqual(['/idle'])
    // A status filter shows stopped containers without all=1 (daemon/list.go foldFilter).
    expect(await names({ filters: '{"status":{"created":true}}' })).toEqual(['/idle'])
    expect(await names({ all: '1', filters: '{"name":["web"]}' })).toEqual(['/web'])
  })

  test('size=1 adds SizeRw and SizeRootFs', async () => {
    const session = await withWeb()
    const [summary] = JSON.parse(
      (await call(session, 'GET', '/v1.50/containers/json', { size: '1' })).text,
    ) as { SizeRw: number; SizeRootFs: number }[]
    expect(typeof summary?.SizeRw).toBe('number')
    expect(summary?.SizeRootFs).toBeGreaterThan(100_000_000)
  })

  test('create answers 201 with the id; start is 204, then 304 when already running', async () => {
    const session = await Session.create()
    await session.run('docker pull alpine')
    const created = await call(
      session,
      'POST',
      '/v1.50/containers/create',
      { name: 'box' },
      '{"Image":"alpine","Cmd":["sleep","300"],"Volumes":{},"Labels":{}}',
    )
    expect(created.status).toBe(201)
    const { Id } = JSON.parse(created.text) as { Id: string }
    expect(created.text).toBe(`{"Id":"${Id}","Warnings":[]}\n`)
    expect((await call(session, 'POST', `/v1.50/containers/${Id}/start`)).status).toBe(204)
    expect((await call(session, 'POST', '/v1.50/containers/box/start')).status).toBe(304)
    expect((await call(session, 'POST', '/v1.50/containers/box/stop')).status).toBe(204)
    expect((await call(session, 'POST', '/v1.50/containers/box/stop')).status).toBe(304)
    expect((await call(session, 'DELETE', '/v1.50/containers/box')).status).toBe(204)
    expect((await call(session, 'GET', '/v1.50/containers/box/json')).status).toBe(404)
  })

  test('logs of a container without a TTY are framed with the 8-byte stdcopy header', async () => {
    const session = await Session.create()
    await session.run('docker run --name hi alpine echo hello')
    const answer = await call(session, 'GET', '/v1.50/containers/hi/logs', {
      stdout: '1',
      stderr: '1',
    })
    expect(answer.headers['Content-Type']).toBe('application/vnd.docker.multiplexed-stream')
    expect([...answer.bytes]).toEqual([
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      6,
      ...new TextEncoder().encode('hello\n'),
    ])
  })

  test('logs take tail and timestamps in RFC 3339 with nine fraction digits', async () => {
    const session = await withWeb()
    const all = await call(session, 'GET', '/v1.50/containers/web/logs', { stdout: '1' })
    const tail = await call(session, 'GET', '/v1.50/containers/web/logs', {
      stdout: '1',
      stderr: '1',
      tail: '1',
      timestamps: '1',
    })
    expect(all.text.split('\n').length).toBeGreaterThan(5)
    const payload = new TextDecoder().decode(tail.bytes.slice(8))
    expect(payload).toMatch(
      /^2026-01-05T09:00:00\.000000000Z 2026\/01\/05 09:00:00 \[notice\] 1#1: start worker process \d+\n$/,
    )
    expect(tail.bytes[0]).toBe(2)
    expect(await call(session, 'GET', '/v1.50/containers/web/logs', {})).toMatchObject({
      status: 400,
      text: '{"message":"Bad parameters: you must choose at least one stream"}\n',
    })
  })

  test('logs of a TTY container come raw, lines ending in CR LF', async () => {
    const session = await Session.create()
    await session.run('docker run -t --name tty alpine echo hi')
    const answer = await call(session, 'GET', '/v1.50/containers/tty/logs', { stdout: '1' })
    expect(answer.headers['Content-Type']).toBe('application/vnd.docker.raw-stream')
    expect(answer.text).toBe('hi\r\n')
  })

  test('wait answers at once for a stopped container, and when a running one stops', async () => {
    const session = await withWeb()
    await session.run('docker run --name fails alpine sh -c "exit 3"')
    expect((await call(session, 'POST', '/v1.50/containers/fails/wait')).text).toBe(
      '{"StatusCode":3}\n',
    )
    const pending = call(session, 'POST', '/v1.50/containers/web/wait', {
      condition: 'not-running',
    })
    await session.run('docker stop web')
    expect((await pending).text).toBe('{"StatusCode":0}\n')
  })

  test('top lists the processes as ps -ef', async () => {
    const session = await withWeb()
    const answer = await call(session, 'GET', '/v1.50/containers/web/top')
    const top = JSON.parse(answer.text) as { Titles: string[]; Processes: string[][] }
    expect(top.Titles).toEqual(['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'])
    expect(top.Processes[0]?.[7]).toBe('nginx: master process nginx -g daemon off;')
  })

  test('prune removes stopped containers and reports their ids', async () => {
    const session = await withWeb()
    await session.run('docker create --name idle alpine')
    const id = session.world.docker.findContainer('idle')?.id ?? ''
    expect((await call(session, 'POST', '/v1.50/containers/prune')).text).toBe(
      `{"ContainersDeleted":["${id}"],"SpaceReclaimed":0}\n`,
    )
  })
})

describe('images, networks, volumes', () => {
  test('a pull streams JSON progress messages', async () => {
    const session = await Session.create()
    const answer = await call(session, 'POST', '/v1.50/images/create', {
      fromImage: 'docker.io/library/alpine',
      tag: 'latest',
    })
    const messages = answer.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { status: string; id?: string })
    expect(messages[0]).toEqual({ status: 'Pulling from library/alpine', id: 'latest' })
    expect(messages.map((m) => m.status).slice(1)).toEqual([
      'Pulling fs layer',
      'Downloading',
      'Verifying Checksum',
      'Download complete',
      'Extracting',
      'Pull complete',
      expect.stringMatching(/^Digest: sha256:[0-9a-f]{64}$/),
      'Status: Downloaded newer image for alpine:latest',
    ])
  })

  test('a pull of an unknown repository is the daemon’s 404 before any progress', async () => {
    const session = await Session.create()
    expect(
      await call(session, 'POST', '/v1.50/images/create', { fromImage: 'ngnix', tag: 'latest' }),
    ).toMatchObject({
      status: 404,
      text: `{"message":"pull access denied for ngnix, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"}\n`,
    })
  })

  test('image names with slashes and tags reach inspect, tag and delete', async () => {
    const session = await Session.create()
    await session.run('docker pull alpine')
    const tagged = await call(session, 'POST', '/v1.50/images/alpine/tag', {
      repo: 'registry.example.com/team/tool',
      tag: '2',
    })
    expect(tagged.status).toBe(201)
    const inspected = await call(
      session,
      'GET',
      '/v1.50/images/registry.example.com/team/tool:2/json',
    )
    expect((JSON.parse(inspected.text) as { RepoTags: string[] }).RepoTags).toEqual([
      'alpine:latest',
      'registry.example.com/team/tool:2',
    ])
    expect(
      (await call(session, 'DELETE', '/v1.50/images/registry.example.com/team/tool:2')).text,
    ).toBe('[{"Untagged":"registry.example.com/team/tool:2"}]\n')
  })

  test('networks: create answers the id, inspect shows the attached container', async () => {
    const session = await withWeb()
    const created = await call(
      session,
      'POST',
      '/v1.50/networks/create',
      {},
      '{"Name":"app","Driver":"bridge","Labels":{"env":"test"}}',
    )
    expect(created.status).toBe(201)
    const { Id } = JSON.parse(created.text) as { Id: string }
    expect(created.text).toBe(`{"Id":"${Id}","Warning":""}\n`)
    expect(
      (await call(session, 'POST', '/v1.50/networks/app/connect', {}, '{"Container":"web"}'))
        .status,
    ).toBe(200)
    const network = JSON.parse((await call(session, 'GET', `/v1.50/networks/${Id}`)).text) as {
      Name: string
      Containers: Record<string, { Name: string }>
    }
    expect(network.Name).toBe('app')
    expect(Object.values(network.Containers).map((c) => c.Name)).toEqual(['web'])
    expect((await call(session, 'GET', '/v1.50/networks/nosuch')).text).toBe(
      '{"message":"network nosuch not found"}\n',
    )
  })

  test('volumes: list wraps them with Warnings null; delete of a missing one is 404', async () => {
    const session = await Session.create()
    expect(
      (await call(session, 'POST', '/v1.50/volumes/create', {}, '{"Name":"data"}')).status,
    ).toBe(201)
    const list = JSON.parse((await call(session, 'GET', '/v1.50/volumes')).text) as {
      Volumes: { Name: string }[]
      Warnings: null
    }
    expect(list.Volumes.map((v) => v.Name)).toEqual(['data'])
    expect(list.Warnings).toBeNull()
    expect(await call(session, 'DELETE', '/v1.50/volumes/nosuch')).toMatchObject({
      status: 404,
      text: '{"message":"get nosuch: no such volume"}\n',
    })
  })
})

describe('events and the wire format', () => {
  test('events between since and until, with the legacy status/id/from of container events', async () => {
    const session = await Session.create()
    const start = session.clock.now() / 1000
    await session.run('docker network create app')
    await session.run('docker create --name idle alpine')
    const answer = await call(session, 'GET', '/v1.50/events', {
      since: String(start),
      until: String(start + 60),
      filters: '{"type":{"container":true}}',
    })
    const [event] = answer.text.trimEnd().split('\n')
    const id = session.world.docker.findContainer('idle')?.id ?? ''
    expect(event).toBe(
      `{"status":"create","id":"${id}","from":"alpine","Type":"container","Action":"create","Actor":{"ID":"${id}","Attributes":{"image":"alpine","name":"idle"}},"scope":"local","time":${start},"timeNano":${start * 1e9}}`,
    )
  })

  test('since after until is the daemon’s 400', async () => {
    const session = await Session.create()
    expect(await call(session, 'GET', '/v1.50/events', { since: '10', until: '5' })).toMatchObject({
      status: 400,
      text: '{"message":"`since` time (10) cannot be after `until` time (5)"}\n',
    })
  })

  test('maps go out with sorted keys and HTML characters escaped, as Go encodes them', async () => {
    const session = await Session.create()
    await session.run('docker run -d --name web --label zeta=1 --label alpha=2 nginx')
    const [summary] = (await call(session, 'GET', '/v1.50/containers/json')).text.match(
      /"Labels":\{[^}]*\}/,
    ) ?? ['']
    expect(summary).toBe(
      '"Labels":{"alpha":"2","maintainer":"NGINX Docker Maintainers \\u003cdocker-maint@nginx.com\\u003e","zeta":"1"}',
    )
  })
})

describe('list filters the daemon applies', () => {
  test('publish and expose match published and container ports; before and since anchor', async () => {
    const session = await Session.create()
    await session.run('docker run -d --name web -p 8080:80 nginx')
    session.clock.advance(1000)
    await session.run('docker run -d --name cache redis')
    const names = async (filters: string): Promise<string[]> => {
      const answer = await call(session, 'GET', '/v1.50/containers/json', { filters })
      return (JSON.parse(answer.text) as { Names: string[] }[]).map((c) => c.Names[0] ?? '')
    }
    expect(await names('{"publish":{"80":true}}')).toEqual([])
    expect(await names('{"publish":{"8000-8100/tcp":true}}')).toEqual(['/web'])
    expect(await names('{"expose":{"6379":true}}')).toEqual(['/cache'])
    expect(await names('{"before":{"cache":true}}')).toEqual(['/web'])
    expect(await names('{"since":{"web":true}}')).toEqual(['/cache'])
    expect(
      (
        await call(session, 'GET', '/v1.50/containers/json', {
          filters: '{"publish":{"1:2":true}}',
        })
      ).text,
    ).toBe(`{"message":"filter for 'publish' should not contain ':': 1:2"}\n`)
  })

  test('build prune has nothing to reclaim', async () => {
    const session = await Session.create()
    expect((await call(session, 'POST', '/v1.50/build/prune')).text).toBe(
      '{"CachesDeleted":null,"SpaceReclaimed":0}\n',
    )
  })

  test('wait with next-exit waits for a new exit of a stopped container', async () => {
    const session = await Session.create()
    await session.run('docker run --name once alpine true')
    let answered = false
    const pending = call(session, 'POST', '/v1.50/containers/once/wait', {
      condition: 'next-exit',
    }).then((answer) => {
      answered = true
      return answer
    })
    await session.run('docker create --name other alpine')
    await Promise.resolve()
    expect(answered).toBe(false)
    await session.run('docker start once')
    await session.world.docker.settle()
    expect((await pending).text).toBe('{"StatusCode":0}\n')
  })
})
