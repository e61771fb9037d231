import type { ContainerCreateRequest } from '../../../../src/sim/docker/engine/api-types'
import { Session } from '../../../../src/sim/shell/session'

/** A session whose daemon runs nginx as `web`, published on 8080, its start-up finished. */
export async function sessionWithWeb(
  request: Partial<ContainerCreateRequest> = {},
): Promise<Session> {
  const session = await Session.create()
  const docker = session.world.docker
  const pulled = docker.pull('nginx')
  if (!pulled.ok) throw pulled.error
  const created = docker.createContainer(
    {
      Image: 'nginx',
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } },
      ...request,
    },
    'web',
  )
  if (!created.ok) throw created.error
  const started = docker.startContainer('web')
  if (!started.ok) throw started.error
  session.clock.advance(2000)
  return session
}

export async function run(session: Session, line: string) {
  const { stdout, stderr, exitCode } = await session.run(line)
  return { stdout, stderr, exitCode }
}
