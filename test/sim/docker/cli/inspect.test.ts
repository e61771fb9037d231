import { describe, expect, test } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'
import { realHelp, run, withAlpine, withNginx } from './observe-fixtures'

describe('docker inspect', () => {
  test('--help is docker 28.2.2’s for docker inspect and docker container inspect', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker inspect --help')).toEqual({
      stdout: realHelp('inspect'),
      stderr: '',
      exitCode: 0,
    })
    expect((await run(session, 'docker container inspect --help')).stdout).toBe(
      realHelp('container-inspect'),
    )
  })

  test('prints a JSON array indented with four spaces, struct fields in order', async () => {
    const { session, id } = await withNginx()
    const r = await run(session, 'docker inspect web')
    expect(r.exitCode).toBe(0)
    expect(
      r.stdout.startsWith(
        `[\n    {\n        "Id": "${id}",\n        "Created": "2026-01-05T09:00:00Z",\n        "Path": "/docker-entrypoint.sh",\n        "Args": [\n            "nginx",\n            "-g",\n            "daemon off;"\n        ],\n        "State": {\n            "Status": "running",`,
      ),
    ).toBe(true)
    expect(r.stdout.endsWith('\n        }\n    }\n]\n')).toBe(true)
    // Go's encoder escapes <, > and & even inside strings.
    expect(r.stdout).toContain(
      '"maintainer": "NGINX Docker Maintainers \\u003cdocker-maint@nginx.com\\u003e"',
    )
    expect((await run(session, 'docker container inspect web')).stdout).toBe(r.stdout)
    expect(JSON.parse(r.stdout)).toHaveLength(1)
  })

  test('-f runs a Go template on each object', async () => {
    const { session } = await withNginx()
    expect(await run(session, `docker inspect -f '{{.State.Status}}' web`)).toEqual({
      stdout: 'running\n',
      stderr: '',
      exitCode: 0,
    })
    expect(
      (await run(session, `docker inspect -f '{{.NetworkSettings.IPAddress}}' web`)).stdout,
    ).toBe('172.17.0.2\n')
    expect(
      (
        await run(
          session,
          `docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' web`,
        )
      ).stdout,
    ).toBe('172.17.0.2\n')
    expect(
      (await run(session, `docker inspect --format '{{.Name}} {{.Config.Image}}' web web`)).stdout,
    ).toBe('/web nginx\n/web nginx\n')
    expect((await run(session, `docker inspect -f '{{.Config.Env}}' web`)).stdout).toBe(
      '[PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin NGINX_VERSION=1.27.4 NJS_VERSION=0.8.9 NJS_RELEASE=1~bookworm PKG_RELEASE=1~bookworm DYNPKG_RELEASE=1~bookworm]\n',
    )
    expect((await run(session, `docker inspect -f '{{.State}}' web`)).stdout).toBe(
      '{running true false false false false 1000 0  2026-01-05T09:00:00Z 0001-01-01T00:00:00Z <nil>}\n',
    )
  })

  test('{{json}} writes compact JSON without HTML escaping; -f json the whole array', async () => {
    const { session } = await withNginx()
    const r = await run(session, `docker inspect -f '{{json .Config.Labels}}' web`)
    expect(r.stdout).toBe('{"maintainer":"NGINX Docker Maintainers <docker-maint@nginx.com>"}\n')
    const json = await run(session, 'docker inspect -f json web')
    expect(json.stdout.startsWith('[{"Id":"')).toBe(true)
    expect(json.stdout.endsWith('}}]\n')).toBe(true)
  })

  test('a field that does not exist fails on the raw map, missingkey=error', async () => {
    const { session } = await withNginx()
    expect(await run(session, `docker inspect -f '{{.state}}' web`)).toEqual({
      stdout: '\n',
      stderr:
        'template parsing error: template: :1:2: executing "" at <.state>: map has no entry for key "state"\n',
      exitCode: 1,
    })
  })

  test('a template that does not parse exits 64', async () => {
    const { session } = await withNginx()
    expect(await run(session, `docker inspect -f '{{.State' web`)).toEqual({
      stdout: '',
      stderr: 'template parsing error: template: :1: unclosed action\n',
      exitCode: 64,
    })
  })

  test('docker inspect tries containers, images, networks and volumes in turn', async () => {
    const { session } = await withNginx()
    expect((await run(session, `docker inspect -f '{{.Id}}' nginx`)).stdout).toMatch(
      /^sha256:[0-9a-f]{64}\n$/,
    )
    expect((await run(session, `docker inspect -f '{{.Name}} {{.Driver}}' bridge`)).stdout).toBe(
      'bridge bridge\n',
    )
    expect(await run(session, `docker inspect --type image -f '{{.Os}}' nginx`)).toEqual({
      stdout: 'linux\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('objects that do not exist: docker inspect and docker container inspect word it apart', async () => {
    const { session } = await withNginx()
    expect(await run(session, 'docker inspect nope')).toEqual({
      stdout: '[]\n',
      stderr: 'Error: No such object: nope\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker container inspect nope')).toEqual({
      stdout: '[]\n',
      stderr: 'Error response from daemon: No such container: nope\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker inspect --type container nope')).toEqual({
      stdout: '[]\n',
      stderr: 'Error response from daemon: No such container: nope\n',
      exitCode: 1,
    })
    const both = await run(session, `docker inspect -f '{{.Name}}' web nope`)
    expect(both).toEqual({
      stdout: '/web\n',
      stderr: 'Error: No such object: nope\n',
      exitCode: 1,
    })
  })

  test('--type is checked by the client', async () => {
    const session = await Session.create()
    expect(await run(session, 'docker inspect --type foo x')).toEqual({
      stdout: '',
      stderr:
        'unknown type: "foo": must be one of "config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker inspect')).toEqual({
      stdout: '',
      stderr:
        "docker: 'docker inspect' requires at least 1 argument\n\nUsage:  docker inspect [OPTIONS] NAME|ID [NAME|ID...]\n\nSee 'docker inspect --help' for more information\n",
      exitCode: 1,
    })
  })

  test('-s adds SizeRw and SizeRootFs after HostConfig', async () => {
    const { session } = await withAlpine()
    await session.run(`docker exec box sh -c 'echo hello > /tmp/hello'`)
    expect((await run(session, `docker inspect -s -f '{{.SizeRw}}' box`)).stdout).toBe('6\n')
    const r = await run(session, 'docker container inspect -s box')
    expect(r.stdout).toMatch(
      /\n        },\n        "SizeRw": 6,\n        "SizeRootFs": \d+,\n        "Mounts": \[\],/,
    )
  })
})
