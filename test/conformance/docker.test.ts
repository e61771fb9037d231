/**
 * Conformance: for a state built with Quai's own docker CLI, the real docker CLI (28.2.2) talking
 * to the Engine API facade prints exactly what Quai's docker prints — stdout, stderr and exit
 * code. Where they differ, the real client's bytes are the spec.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  bringTo,
  findDockerBinary,
  preparedSession,
  serveSession,
  setupStart,
  type Outcome,
  type Twin,
} from './docker-harness'

const DOCKER = findDockerBinary()
if (DOCKER === undefined)
  console.log(
    'docker conformance suite skipped: no docker CLI at /usr/local/bin/docker or on PATH (the real client is the oracle)',
  )

interface Scenario {
  name: string
  /** Lines run through Quai's docker, starting two hours ago (`sleep` moves the clock). */
  setup: readonly string[]
  /** Read-only command lines, each run both ways on the same state. */
  compare: readonly string[]
}

const START = setupStart()
const secs = (offsetMs: number): string => String((START + offsetMs) / 1000)

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'no containers yet',
    setup: [],
    compare: [
      'docker version',
      'docker ps',
      'docker ps -a',
      'docker ps -q',
      'docker images',
      'docker network ls',
      'docker volume ls',
      "docker version --format '{{.Server.Version}}'",
      "docker version --format '{{.Server.APIVersion}} {{.Server.Os}}/{{.Server.Arch}}'",
      // Not the whole of `docker info`: it lists the runtimes in Go map order, which varies.
      "docker info --format '{{.ServerVersion}} {{.Containers}} {{.Images}} {{.NCPU}}'",
      "docker info --format '{{.Driver}} {{.OperatingSystem}} {{.KernelVersion}}'",
      'docker system df',
    ],
  },
  {
    name: 'one web server',
    setup: ['docker pull nginx', 'docker run -d --name web -p 8080:80 nginx'],
    compare: [
      'docker ps',
      'docker ps -a',
      'docker ps -q',
      'docker ps --no-trunc',
      'docker ps -s',
      'docker ps -l',
      'docker ps -n 1',
      "docker ps --format '{{.Names}}\\t{{.Ports}}'",
      "docker ps --format 'table {{.ID}}\\t{{.Image}}\\t{{.Status}}'",
      'docker ps --format json',
      'docker ps --format \'{{.Label "maintainer"}}\'',
      "docker ps --format '{{.Command}} {{.RunningFor}} {{.State}}'",
      'docker images',
      'docker images -q',
      'docker images --digests',
      'docker images --no-trunc',
      "docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}'",
      'docker inspect web',
      "docker inspect -f '{{.State.Status}} {{.Name}}' web",
      "docker inspect -f '{{json .NetworkSettings.Ports}}' web",
      'docker image inspect nginx',
      "docker image inspect -f '{{.Id}} {{.Os}}/{{.Architecture}}' nginx",
      'docker logs web',
      'docker logs --tail 3 web',
      'docker logs -t --tail 2 web',
      'docker port web',
      'docker port web 80',
      'docker top web',
      'docker history nginx',
      'docker system df',
    ],
  },
  {
    name: 'containers in every state',
    setup: [
      'docker pull nginx',
      'docker pull redis',
      'docker pull alpine',
      'docker run -d --name web -p 8080:80 --label app=web --label tier=front nginx',
      'sleep 3600',
      'docker run -d --name cache redis',
      'docker run --name oneshot alpine echo hello',
      'docker create --name idle alpine',
      'docker run -d --name paused redis',
      'docker pause paused',
      'sleep 600',
      'docker stop cache',
    ],
    compare: [
      'docker ps',
      'docker ps -a',
      'docker ps -aq',
      'docker ps -a --no-trunc',
      'docker ps -a -s',
      'docker ps -n 2',
      'docker ps -l -q',
      'docker ps -a -f status=exited',
      'docker ps -f status=exited',
      'docker ps -a -f status=created',
      'docker ps -a -f status=paused',
      'docker ps -a -f name=web',
      'docker ps -a -f name=c',
      'docker ps -a -f label=app=web',
      'docker ps -a -f label=tier',
      'docker ps -a -f ancestor=redis',
      'docker ps -a -f exited=0',
      'docker ps -a -f before=cache',
      'docker ps -a -f since=web',
      'docker ps -a -f volume=/data',
      'docker ps -a -f network=bridge -q',
      "docker ps -a --format '{{.Names}} {{.Status}}'",
      "docker ps -a --format 'table {{.Names}}\\t{{.Labels}}'",
      'docker ps -a --format \'{{.Names}}: {{.Label "app"}}\'',
      'docker ps -a --format json',
      "docker ps -a --format '{{json .Names}}'",
      'docker ps -a -f status=bogus',
      'docker ps -a -f nosuch=1',
      'docker inspect oneshot',
      "docker inspect -f '{{.State.ExitCode}} {{.State.Status}}' oneshot cache idle",
      'docker logs oneshot',
      'docker images',
      'docker images -a',
      "docker images --format 'table {{.Repository}}\\t{{.Tag}}'",
      'docker images redis',
      'docker system df',
    ],
  },
  {
    name: 'networks and volumes',
    setup: [
      'docker pull nginx',
      'docker network create app',
      'docker network create --label env=test backend',
      'docker volume create data',
      'docker volume create --label keep=yes cache',
      'docker run -d --name api --network app -v data:/data nginx',
    ],
    compare: [
      'docker network ls',
      'docker network ls -q',
      'docker network ls --no-trunc',
      'docker network ls -f name=app',
      'docker network ls -f label=env=test',
      'docker network ls -f type=custom',
      "docker network ls --format '{{.Name}} {{.Driver}} {{.Scope}}'",
      'docker network inspect app',
      'docker network inspect bridge',
      "docker network inspect -f '{{.Name}} {{.Driver}} {{range .IPAM.Config}}{{.Subnet}}{{end}}' app",
      'docker volume ls',
      'docker volume ls -q',
      'docker volume ls -f dangling=true',
      'docker volume ls -f label=keep',
      "docker volume ls --format '{{.Name}} {{.Driver}}'",
      'docker volume inspect data',
      "docker volume inspect -f '{{.Mountpoint}}' data cache",
      'docker inspect data',
      'docker inspect app',
      "docker inspect -f '{{.Name}}' app api",
      'docker ps --format "{{.Names}} {{.Networks}} {{.Mounts}}"',
      'docker system df',
    ],
  },
  {
    name: 'events in a window',
    setup: [
      'docker pull alpine',
      'docker run --name first alpine true',
      'sleep 60',
      'docker network create events-net',
      'docker volume create events-vol',
      'sleep 60',
      'docker rm first',
    ],
    compare: [
      `docker events --since ${secs(0)} --until ${secs(3600_000)}`,
      `docker events --since ${secs(30_000)} --until ${secs(90_000)}`,
      `docker events --since ${secs(0)} --until ${secs(3600_000)} -f type=network`,
      `docker events --since ${secs(0)} --until ${secs(3600_000)} -f event=destroy`,
      `docker events --since ${secs(0)} --until ${secs(3600_000)} --format '{{.Type}} {{.Action}}'`,
      `docker events --since ${secs(0)} --until ${secs(3600_000)} --format '{{json .}}'`,
    ],
  },
  {
    name: 'tags, history and image formats',
    setup: [
      'docker pull nginx',
      'docker pull alpine',
      'docker pull redis',
      // One repository per image: docker lists an image's repositories in Go map order (random).
      'docker tag nginx nginx:mainline',
      'docker tag alpine registry.example.com/team/tool:2',
      'docker rmi alpine',
      'docker run -d --name cache redis',
    ],
    compare: [
      'docker images',
      'docker image ls -a',
      'docker images --digests --no-trunc',
      'docker images registry.example.com/team/tool',
      "docker images -f reference='ngi*'",
      'docker images -f dangling=true',
      'docker images -f dangling=false -q',
      'docker images -f before=redis',
      'docker images -f since=registry.example.com/team/tool:2',
      "docker images --format '{{.ID}} {{.Repository}} {{.Tag}} {{.Digest}}'",
      "docker images --format 'table {{.Repository}}\t{{.CreatedSince}}\t{{.Size}}'",
      'docker images --format json',
      'docker history nginx',
      'docker history --no-trunc registry.example.com/team/tool:2',
      'docker history -q redis',
      'docker history -H=false redis',
      "docker history --format '{{.CreatedBy}} {{.Size}}' redis",
      'docker history --format json redis',
      'docker image inspect nginx:mainline',
      "docker inspect -f '{{.RepoTags}} {{.Size}}' nginx",
      "docker inspect -f '{{json .Config.Env}}' redis",
      "docker inspect --type image -f '{{.Config.Cmd}}' nginx",
      "docker inspect --type container -f '{{.Config.Image}}' cache",
      'docker inspect --type volume cache',
      'docker ps --filter ancestor=redis --format "{{.Names}} {{.Image}}"',
      'docker system df -v',
    ],
  },
  {
    name: 'templates and flags the client checks',
    setup: [
      'docker pull nginx',
      'docker run -d --name web -p 8080:80 -p 8443:443 --restart always -e MODE=prod nginx',
    ],
    compare: [
      "docker ps --format '{{.Nope}}'",
      "docker ps --format '{{.ID'",
      "docker inspect -f '{{.Nope}}' web",
      "docker inspect -f '{{.HostConfig.RestartPolicy.Name}} {{.RestartCount}}' web",
      "docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' web",
      `docker inspect -f '{{index .Config.Labels "maintainer"}}' web`,
      "docker inspect -f '{{len .NetworkSettings.Networks}}' web",
      "docker inspect --format '{{.NetworkSettings.IPAddress}}' web",
      "docker inspect -f '{{range $p, $b := .NetworkSettings.Ports}}{{$p}} {{end}}' web",
      'docker inspect -s -f "{{.SizeRw}}" web',
      'docker port web',
      'docker port web 443/tcp',
      'docker ps -f publish=80',
      'docker ps -f publish=8080',
      'docker ps -f publish=8000-8100/tcp',
      'docker ps -f expose=443/tcp',
      'docker ps -f expose=80',
      'docker container ls --format "{{.Names}} {{.Ports}}"',
      'docker ps --last 5',
      'docker ps -n 0',
      'docker top web',
      'docker logs --since 0 web',
      'docker logs --until 1 web',
      'docker logs -n 1 -t web',
      'docker logs --tail 0 web',
      'docker version --format "{{.Client.Version}} {{.Server.Version}}"',
      "docker version --format '{{json .Server.Components}}'",
      "docker info --format '{{.Name}} {{.ID}}'",
      "docker info --format '{{json .Plugins}}'",
      "docker info --format '{{.Swarm.LocalNodeState}} {{.LoggingDriver}} {{.CgroupDriver}}'",
    ],
  },
  {
    name: 'output streams',
    setup: [
      'docker pull alpine',
      `docker run --name both alpine sh -c 'echo out; echo err >&2; echo more'`,
      'docker run -t --name ttyecho alpine echo hi',
      'docker run --name unicode alpine echo "héllo <wörld> & ✓"',
    ],
    compare: [
      'docker logs both',
      'docker logs both 2>/dev/null',
      'docker logs both 2>&1 >/dev/null',
      'docker logs -t both',
      'docker logs --tail 1 both',
      'docker logs ttyecho',
      'docker logs unicode',
      "docker inspect -f '{{.State.ExitCode}} {{.Path}} {{json .Args}}' both unicode",
      'docker ps -a --no-trunc --format "{{.Command}}"',
    ],
  },
  {
    name: 'a terminal container',
    setup: ['docker pull alpine', 'docker run -dit --name shell alpine'],
    compare: [
      'docker ps',
      'docker logs shell',
      "docker inspect -f '{{.Config.Tty}} {{.Config.OpenStdin}}' shell",
      'docker top shell',
    ],
  },
  {
    name: 'errors',
    setup: ['docker pull nginx', 'docker run -d --name web nginx'],
    compare: [
      'docker inspect nosuch',
      'docker container inspect nosuch',
      'docker image inspect nosuch',
      'docker network inspect nosuch',
      'docker volume inspect nosuch',
      'docker logs nosuch',
      'docker port nosuch',
      'docker top nosuch',
      'docker history nosuch',
      'docker rm web',
      'docker rmi nginx',
      'docker network rm bridge',
      'docker ps -f bogus=1',
      'docker images -f bogus=1',
      'docker network ls -f bogus=1',
      'docker volume ls -f bogus=1',
      'docker port web 443',
      'docker stop nosuch',
      'docker start nosuch',
      'docker pause nosuch',
      'docker create --name web nginx',
      'docker run -d --name web nginx',
      'docker unpause web',
      'docker rm nosuch',
      'docker rm -f nosuch',
      'docker rmi nosuch',
      'docker volume rm nosuch',
      'docker network rm nosuch',
      'docker network inspect bridge nosuch',
      'docker volume inspect nosuch other',
      'docker inspect web nosuch',
      'docker logs',
      'docker ps -f status',
      'docker kill nosuch',
      'docker restart nosuch',
      'docker rename nosuch other',
      'docker wait nosuch',
      'docker events --since 10 --until 5',
      "docker events --since 0 --until 1 --format '{{.ID'",
      "docker images --format '{{.Nope}}'",
      "docker network ls --format '{{.ID'",
    ],
  },
]

interface Mutation {
  /** Run through Quai in one session and through the real CLI in a twin session. */
  command: string
  setup: readonly string[]
  /** Read through Quai in both sessions afterwards: the states must match too. */
  after?: readonly string[]
}

const BASE = [
  'docker pull nginx',
  'docker pull alpine',
  'docker run -d --name web -p 8080:80 nginx',
  'docker run --name oneshot alpine echo hi',
  'docker create --name idle alpine',
  'docker network create app',
  'docker volume create data',
]
const STATE = [
  'docker ps -a --no-trunc',
  'docker images -a',
  'docker network ls',
  'docker volume ls',
]

const MUTATIONS: readonly Mutation[] = [
  { command: 'docker rm oneshot', setup: BASE },
  { command: 'docker rm oneshot idle', setup: BASE },
  { command: 'docker rm -f web', setup: BASE },
  { command: 'docker rm web oneshot', setup: BASE },
  { command: 'docker stop web', setup: BASE },
  { command: 'docker stop web oneshot', setup: BASE },
  { command: 'docker start idle', setup: BASE },
  { command: 'docker restart web', setup: BASE },
  { command: 'docker kill web', setup: BASE },
  { command: 'docker kill oneshot', setup: BASE },
  { command: 'docker pause web', setup: BASE },
  { command: 'docker rename web site', setup: BASE },
  { command: 'docker wait oneshot', setup: BASE },
  { command: 'docker create --name extra alpine', setup: BASE },
  { command: 'docker run -d --name second -p 9090:80 nginx', setup: BASE },
  { command: 'docker run -d -p 8080:80 nginx', setup: BASE },
  { command: 'docker pull nginx', setup: BASE },
  { command: 'docker pull redis', setup: BASE },
  { command: 'docker pull nosuchimage-quai', setup: BASE },
  { command: 'docker pull nginx:9.9.9', setup: BASE },
  { command: 'docker run -d --name fresh redis', setup: BASE },
  { command: 'docker run -d nosuchimage-quai', setup: BASE },
  { command: 'docker run -d --name web nginx', setup: BASE },
  { command: 'docker start web idle', setup: BASE },
  { command: 'docker unpause web', setup: BASE },
  { command: 'docker tag nginx myweb:1.0', setup: BASE },
  { command: 'docker rmi alpine', setup: BASE },
  { command: 'docker rmi -f alpine', setup: BASE },
  { command: 'docker rmi nosuch', setup: BASE },
  { command: 'docker network create backend', setup: BASE },
  {
    command: 'docker network create --subnet 10.10.0.0/24 --label lab=1 lab',
    setup: BASE,
    after: [...STATE, 'docker network inspect lab'],
  },
  {
    command: 'docker network connect --alias api app web',
    setup: BASE,
    after: [...STATE, 'docker inspect -f "{{json .NetworkSettings.Networks}}" web'],
  },
  { command: 'docker volume create --label team=db dbdata', setup: BASE },
  { command: 'docker run -d --rm --name temp alpine sleep 100', setup: BASE },
  { command: 'docker run -d --name vol -v data:/data -e A=1 alpine sleep 100', setup: BASE },
  { command: 'docker rm -v oneshot', setup: BASE },
  { command: 'docker stop -t 0 web', setup: BASE },
  { command: 'docker kill -s HUP web', setup: BASE },
  { command: 'docker network create app', setup: BASE },
  { command: 'docker network rm app', setup: BASE },
  { command: 'docker network rm nosuch', setup: BASE },
  {
    command: 'docker network connect app web',
    setup: BASE,
    after: [...STATE, 'docker network inspect app'],
  },
  { command: 'docker network disconnect bridge web', setup: BASE },
  { command: 'docker volume create more', setup: BASE },
  { command: 'docker volume rm data', setup: BASE },
  { command: 'docker volume rm nosuch', setup: BASE },
  { command: 'docker container prune -f', setup: BASE },
  { command: 'docker image prune -f', setup: BASE },
  { command: 'docker image prune -a -f', setup: BASE },
  { command: 'docker network prune -f', setup: BASE },
  { command: 'docker volume prune -f', setup: BASE },
  { command: 'docker volume prune -a -f', setup: BASE },
  { command: 'docker system prune -f', setup: BASE },
  { command: 'docker system prune -a -f', setup: BASE },
  { command: 'docker system prune -f --volumes', setup: BASE },
]

function describeMutation(docker: string, mutation: Mutation): void {
  test(`${mutation.command} (changes state)`, async () => {
    const target = Date.now()
    const mine = await preparedSession(START, mutation.setup)
    const theirs = await preparedSession(START, mutation.setup)
    bringTo(mine, target)
    bringTo(theirs, target)
    const quaiTwin = await serveSession(docker, mine)
    const realTwin = await serveSession(docker, theirs)
    try {
      const quai = await quaiTwin.quai(mutation.command)
      const real = await realTwin.real(mutation.command)
      expect(quai).toEqual(real)
      await mine.world.docker.settle()
      await theirs.world.docker.settle()
      for (const line of mutation.after ?? STATE)
        expect({ line, ...(await quaiTwin.quai(line)) }).toEqual({
          line,
          ...(await realTwin.quai(line)),
        })
    } finally {
      await quaiTwin.close()
      await realTwin.close()
    }
  })
}

function describeScenario(docker: string, scenario: Scenario): void {
  describe(scenario.name, () => {
    let twin: Twin | undefined
    beforeAll(async () => {
      const session = await preparedSession(START, scenario.setup)
      bringTo(session, Date.now())
      twin = await serveSession(docker, session)
    })
    afterAll(async () => {
      await twin?.close()
    })
    test.each(scenario.compare)('%s', async (line) => {
      if (!twin) throw new Error('scenario did not start')
      const quai: Outcome = await twin.quai(line)
      const real: Outcome = await twin.real(line)
      expect(quai).toEqual(real)
    })
  })
}

describe.skipIf(DOCKER === undefined)('docker CLI against the Engine API facade', () => {
  for (const scenario of SCENARIOS) describeScenario(DOCKER ?? 'docker', scenario)
  describe('commands that change state, in twin sessions', () => {
    for (const mutation of MUTATIONS) describeMutation(DOCKER ?? 'docker', mutation)
  })
})
