import { describe, expect, it } from 'vitest'
import { VirtualClock } from '../../../../src/sim/core/clock'
import { SeededRandom } from '../../../../src/sim/core/random'
import type { ContainerCreateRequest } from '../../../../src/sim/docker/engine/api-types'
import { DockerEngine } from '../../../../src/sim/docker/engine/engine'
import { catalogRegistry } from '../../../../src/sim/docker/engine/registry'
import {
  dockerPanelState,
  PANEL_LIMITS,
  publishedPorts,
} from '../../../../src/sim/docker/engine/snapshot'
import { parseHostMessage } from '../../../../src/shared/ipc'
import { composePanelState } from '../../../../src/sim/compose/snapshot'
import { KubeWorld } from '../../../../src/sim/kube/kube-world'
import { clusterPanelState } from '../../../../src/sim/kube/snapshot'

function setUp() {
  const clock = new VirtualClock(Date.UTC(2026, 0, 5, 9, 0, 0))
  const engine = new DockerEngine({ clock, random: new SeededRandom(3), registry: catalogRegistry })
  const pulled = engine.pull('nginx')
  if (!pulled.ok) throw pulled.error
  const run = (name: string, request: Partial<ContainerCreateRequest> = {}) => {
    const created = engine.createContainer({ Image: 'nginx', ...request }, name)
    if (!created.ok) throw created.error
    const started = engine.startContainer(name)
    if (!started.ok) throw started.error
    return started.value
  }
  return { clock, engine, run }
}

const WEB = {
  HostConfig: {
    PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] },
    Binds: ['site:/usr/share/nginx/html:ro'],
  },
}

describe('the Docker panel snapshot', () => {
  it('starts with the three predefined networks and nothing else but the pulled image', () => {
    const { engine } = setUp()
    const state = dockerPanelState(engine)
    expect(state.containers).toEqual([])
    expect(state.volumes).toEqual([])
    expect(state.selected).toBeNull()
    expect(state.images).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{12}$/),
        tags: ['nginx:latest'],
        size: '192MB',
        containers: 0,
      },
    ])
    expect(state.networks.map((n) => [n.name, n.driver, n.subnet, n.containers])).toEqual([
      ['bridge', 'bridge', '172.17.0.0/16', []],
      ['host', 'host', null, []],
      ['none', 'null', null, []],
    ])
  })

  it('lists a running container with its state, status, ports and networks', () => {
    const { clock, engine, run } = setUp()
    const web = run('web', WEB)
    clock.advance(5_000)
    const state = dockerPanelState(engine)
    expect(state.containers).toEqual([
      {
        id: web.id,
        name: 'web',
        image: 'nginx',
        state: 'running',
        status: 'Up 5 seconds',
        health: null,
        ports: ['8080→80'],
        networks: ['bridge'],
      },
    ])
    expect(state.images[0]?.containers).toBe(1)
    expect(state.networks.find((n) => n.name === 'bridge')?.containers).toEqual(['web'])
    expect(state.volumes).toEqual([
      { name: 'site', driver: 'local', anonymous: false, mountedBy: ['web'] },
    ])
  })

  it('shows a stopped container as exited, off the network but still mounting its volume', () => {
    const { clock, engine, run } = setUp()
    run('web', WEB)
    clock.advance(1_000)
    engine.stopContainer('web')
    clock.advance(60_000)
    const [web] = dockerPanelState(engine).containers
    expect(web?.state).toBe('exited')
    expect(web?.status).toBe('Exited (0) About a minute ago')
    expect(web?.ports).toEqual([])
    const state = dockerPanelState(engine)
    expect(state.networks.find((n) => n.name === 'bridge')?.containers).toEqual([])
    expect(state.volumes[0]?.mountedBy).toEqual(['web'])
  })

  it('details the selected container: inspect summary and its last 20 log lines', () => {
    const { clock, engine, run } = setUp()
    const web = run('web', {
      ...WEB,
      HostConfig: {
        ...WEB.HostConfig,
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
      },
    })
    clock.advance(2_000)
    for (let i = 0; i < 30; i++) engine.writeLog('web', 'stdout', `request ${i}`)
    const detail = dockerPanelState(engine, web.id).selected
    expect(detail).toEqual({
      id: web.id,
      name: 'web',
      image: 'nginx',
      command: '/docker-entrypoint.sh nginx -g daemon off;',
      created: '2026-01-05T09:00:00Z',
      state: 'running',
      status: 'Up 2 seconds',
      exitCode: 0,
      restartPolicy: 'on-failure:3',
      restartCount: 0,
      networks: [{ name: 'bridge', ip: '172.17.0.2', gateway: '172.17.0.1', aliases: [] }],
      mounts: [
        {
          type: 'volume',
          source: 'site',
          destination: '/usr/share/nginx/html',
          readOnly: true,
        },
      ],
      ports: ['8080→80'],
      logs: Array.from({ length: 20 }, (_, i) => ({ stream: 'stdout', text: `request ${i + 10}` })),
    })
    expect(dockerPanelState(engine, 'f'.repeat(64)).selected).toBeNull()
  })

  it('passes the IPC contract, as the hosts send it', () => {
    const { clock, engine, run } = setUp()
    const web = run('web', WEB)
    run('paused', { HostConfig: { NetworkMode: 'none' } })
    engine.pauseContainer('paused')
    clock.advance(3_000)
    const docker = dockerPanelState(engine, web.id)
    const rest = {
      clockRate: 1,
      compose: composePanelState(engine),
      cluster: clusterPanelState(new KubeWorld(clock, 1)),
    }
    const parsed = parseHostMessage('session:state', {
      clockMs: clock.now(),
      cwd: '/',
      docker,
      ...rest,
    })
    expect(parsed.ok).toBe(true)
    expect(
      parseHostMessage('session:state', {
        clockMs: 0,
        cwd: '/',
        docker: { ...docker, containers: [{ ...docker.containers[0], state: 'sleeping' }] },
        ...rest,
      }).ok,
    ).toBe(false)
  })

  it('clips long texts and long lists to the contract bounds', () => {
    const { engine, run } = setUp()
    const web = run('web')
    engine.writeLog('web', 'stderr', 'x'.repeat(5000))
    const detail = dockerPanelState(engine, web.id).selected
    const last = detail?.logs[detail.logs.length - 1]
    expect(last?.text.length).toBe(PANEL_LIMITS.text)
    expect(last?.text.endsWith('…')).toBe(true)
  })
})

describe('published ports as the panel writes them', () => {
  it('merges the IPv4 and IPv6 bindings of one port and keeps the others apart', () => {
    expect(
      publishedPorts([
        { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { IP: '127.0.0.1', PrivatePort: 443, PublicPort: 8443, Type: 'tcp' },
        { IP: '0.0.0.0', PrivatePort: 53, PublicPort: 5353, Type: 'udp' },
        { PrivatePort: 9000, Type: 'tcp' },
      ]),
    ).toEqual(['5353→53/udp', '8080→80', '127.0.0.1:8443→443'])
  })
})
