import { describe, expect, test } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'

async function run(session: Session, line: string, stdin?: string) {
  const r = await session.run(line, stdin === undefined ? {} : { stdin })
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

function networkId(session: Session, name: string): string {
  return session.world.docker.networks.find(name)?.resource.Id ?? ''
}

describe('docker network ls', () => {
  test('lists the three predefined networks, sorted by name', async () => {
    const session = await Session.create()
    const id = (n: string) => networkId(session, n).slice(0, 12)
    expect(await run(session, 'docker network ls')).toEqual({
      stdout:
        'NETWORK ID     NAME      DRIVER    SCOPE\n' +
        `${id('bridge')}   bridge    bridge    local\n` +
        `${id('host')}   host      host      local\n` +
        `${id('none')}   none      null      local\n`,
      stderr: '',
      exitCode: 0,
    })
  })

  test('-q, --no-trunc, -f and --format', async () => {
    const session = await Session.create()
    await run(session, 'docker network create --label team=a backend')
    const backend = networkId(session, 'backend')
    expect((await run(session, 'docker network ls -q -f name=back')).stdout).toBe(
      `${backend.slice(0, 12)}\n`,
    )
    expect((await run(session, 'docker network ls -q --no-trunc -f label=team=a')).stdout).toBe(
      `${backend}\n`,
    )
    expect(
      (await run(session, 'docker network ls -f type=custom --format "{{.Name}}"')).stdout,
    ).toBe('backend\n')
    expect(
      (await run(session, 'docker network ls -f driver=bridge --format "{{.Name}} {{.Labels}}"'))
        .stdout,
    ).toBe('backend team=a\nbridge \n')
    expect((await run(session, 'docker network ls -f foo=1')).stderr).toBe(
      "Error response from daemon: invalid filter 'foo'\n",
    )
  })
})

describe('docker network create', () => {
  test('prints the id and takes the next free /16', async () => {
    const session = await Session.create()
    const r = await run(session, 'docker network create mynet')
    expect(r).toEqual({ stdout: `${networkId(session, 'mynet')}\n`, stderr: '', exitCode: 0 })
    expect(
      (await run(session, 'docker network inspect -f "{{(index .IPAM.Config 0).Subnet}}" mynet'))
        .stdout,
    ).toBe('172.18.0.0/16\n')
  })

  test('refuses a duplicate name, a foreign driver and a bad IPAM configuration', async () => {
    const session = await Session.create()
    await run(session, 'docker network create mynet')
    expect(await run(session, 'docker network create mynet')).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: network with name mynet already exists\n',
      exitCode: 1,
    })
    expect((await run(session, 'docker network create -d host h2')).stderr).toBe(
      'Error response from daemon: only one instance of "host" network is allowed\n',
    )
    expect(await run(session, 'docker network create --gateway 1.2.3.4 x')).toEqual({
      stdout: '',
      stderr: 'every ip-range or gateway must have a corresponding subnet\n',
      exitCode: 1,
    })
    expect(
      (await run(session, 'docker network create --subnet 10.0.0.0/24 --gateway 10.1.0.1 x'))
        .stderr,
    ).toBe('no matching subnet for gateway 10.1.0.1\n')
    expect(
      (await run(session, 'docker network create --subnet 10.0.0.0/24 --subnet 10.0.0.0/16 x'))
        .stderr,
    ).toBe('multiple overlapping subnet configuration is not supported\n')
    expect((await run(session, 'docker network create --subnet 172.18.5.0/24 x')).stderr).toBe(
      'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n',
    )
  })
})

describe('docker network inspect', () => {
  test('prints the network as the daemon sends it, containers included', async () => {
    const session = await Session.create()
    await run(session, 'docker network create --subnet 10.5.0.0/16 --internal backend')
    await run(session, 'docker run -d --name web --network backend nginx')
    const web = session.world.docker.findContainer('web')
    const endpoint =
      session.world.docker.networks.find('backend')?.resource.Containers[web?.id ?? '']
    expect(await run(session, 'docker network inspect backend')).toEqual({
      stdout: `[
    {
        "Name": "backend",
        "Id": "${networkId(session, 'backend')}",
        "Created": "2026-01-05T09:00:00Z",
        "Scope": "local",
        "Driver": "bridge",
        "EnableIPv4": true,
        "EnableIPv6": false,
        "IPAM": {
            "Driver": "default",
            "Options": {},
            "Config": [
                {
                    "Subnet": "10.5.0.0/16",
                    "Gateway": "10.5.0.1"
                }
            ]
        },
        "Internal": true,
        "Attachable": false,
        "Ingress": false,
        "ConfigFrom": {
            "Network": ""
        },
        "ConfigOnly": false,
        "Containers": {
            "${web?.id ?? ''}": {
                "Name": "web",
                "EndpointID": "${endpoint?.EndpointID ?? ''}",
                "MacAddress": "${endpoint?.MacAddress ?? ''}",
                "IPv4Address": "10.5.0.2/16",
                "IPv6Address": ""
            }
        },
        "Options": {},
        "Labels": {}
    }
]
`,
      stderr: '',
      exitCode: 0,
    })
  })

  test('-f runs a template per network; unknown ones print [] then the error', async () => {
    const session = await Session.create()
    expect(
      await run(session, 'docker network inspect -f "{{.Name}} {{.Driver}}" bridge host'),
    ).toEqual({
      stdout: 'bridge bridge\nhost host\n',
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'docker network inspect nosuch')).toEqual({
      stdout: '[]\n',
      stderr: 'Error response from daemon: network nosuch not found\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker network inspect -f "{{" bridge')).toEqual({
      stdout: '',
      stderr: 'template parsing error: template: :1: unclosed action\n',
      exitCode: 64,
    })
  })
})

describe('docker network connect / disconnect', () => {
  test('connects a running container with an alias and a chosen address', async () => {
    const session = await Session.create()
    await run(session, 'docker network create --subnet 10.5.0.0/16 backend')
    await run(session, 'docker run -d --name web nginx')
    expect(
      await run(session, 'docker network connect --alias api --ip 10.5.0.9 backend web'),
    ).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
    expect(
      (
        await run(
          session,
          'docker inspect -f "{{.NetworkSettings.Networks.backend.IPAddress}} {{.NetworkSettings.Networks.backend.Aliases}}" web',
        )
      ).stdout,
    ).toBe('10.5.0.9 [api]\n')
    expect(await run(session, 'docker network connect backend web')).toEqual({
      stdout: '',
      stderr:
        'Error response from daemon: endpoint with name web already exists in network backend\n',
      exitCode: 1,
    })
  })

  test('refuses --ip without a user subnet, and unknown networks or containers', async () => {
    const session = await Session.create()
    await run(session, 'docker network create auto')
    await run(session, 'docker run -d --name web nginx')
    expect((await run(session, 'docker network connect --ip 172.18.0.9 auto web')).stderr).toBe(
      'Error response from daemon: user specified IP address is supported only when connecting to networks with user configured subnets\n',
    )
    expect((await run(session, 'docker network connect --ip 172.17.0.9 bridge web')).stderr).toBe(
      'Error response from daemon: user specified IP address is supported on user defined networks only\n',
    )
    expect((await run(session, 'docker network connect nosuch web')).stderr).toBe(
      'Error response from daemon: network nosuch not found\n',
    )
    expect((await run(session, 'docker network connect auto nosuch')).stderr).toBe(
      'Error response from daemon: No such container: nosuch\n',
    )
    expect((await run(session, 'docker network connect host web')).stderr).toBe(
      'Error response from daemon: container cannot be disconnected from host network or connected to host network\n',
    )
  })

  test('disconnects, and says when the container is not connected', async () => {
    const session = await Session.create()
    await run(session, 'docker network create backend')
    await run(session, 'docker run -d --name web --network backend nginx')
    await run(session, 'docker create --name idle nginx')
    const web = session.world.docker.findContainer('web')?.id ?? ''
    const idle = session.world.docker.findContainer('idle')?.id ?? ''
    expect(await run(session, 'docker network disconnect backend web')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
    expect((await run(session, 'docker network disconnect backend web')).stderr).toBe(
      `Error response from daemon: container ${web} is not connected to network backend\n`,
    )
    expect((await run(session, 'docker network disconnect backend idle')).stderr).toBe(
      `Error response from daemon: container ${idle} is not connected to the network backend\n`,
    )
  })
})

describe('docker network rm and prune', () => {
  test('removes by name, refuses predefined and busy networks, lists every error', async () => {
    const session = await Session.create()
    await run(session, 'docker network create spare')
    await run(session, 'docker network create busy')
    await run(session, 'docker run -d --name web --network busy nginx')
    const endpoint = Object.values(
      session.world.docker.networks.find('busy')?.resource.Containers ?? {},
    )[0]?.EndpointID.slice(0, 12)
    expect(await run(session, 'docker network rm spare bridge nosuch busy')).toEqual({
      stdout: 'spare\n',
      stderr:
        'Error response from daemon: bridge is a pre-defined network and cannot be removed\n' +
        'Error response from daemon: network nosuch not found\n' +
        `Error response from daemon: error while removing network: network busy has active endpoints (name:"web" id:"${endpoint}")\n` +
        'exit status 1\n',
      exitCode: 1,
    })
    expect(await run(session, 'docker network rm -f nosuch')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
  })

  test('a network only a stopped container names can go', async () => {
    const session = await Session.create()
    await run(session, 'docker network create quiet')
    await run(session, 'docker create --name idle --network quiet nginx')
    expect((await run(session, 'docker network rm quiet')).stdout).toBe('quiet\n')
  })

  test('prune asks, then removes the custom networks without endpoints', async () => {
    const session = await Session.create()
    await run(session, 'docker network create spare')
    await run(session, 'docker network create busy')
    await run(session, 'docker run -d --name web --network busy nginx')
    const warning =
      'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] '
    expect(await run(session, 'docker network prune', 'n\n')).toEqual({
      stdout: warning,
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'docker network prune', 'y\n')).toEqual({
      stdout: `${warning}Deleted Networks:\nspare\n\n`,
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, 'docker network prune -f')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
  })
})
