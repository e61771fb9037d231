import type { ContainerRecord } from '../../../docker/engine/container-record'
import type { DockerEngine } from '../../../docker/engine/engine'
import type { World } from '../../../world'
import type { ShellCommand } from '../../command'
import type { NetworkOverlay, NetworkSide } from './common'
import { runCurl } from './curl'
import { runNc } from './nc'
import { runPing } from './ping'
import { runWget } from './wget'

/**
 * curl, wget, nc and ping bound to one side of the simulated machine: the host (`from`
 * undefined), or a container, for `docker exec web curl http://api:3000`.
 */
export function networkTools(
  engine: DockerEngine,
  from?: ContainerRecord,
  overlay?: NetworkOverlay,
): ShellCommand[] {
  const side: NetworkSide = {
    engine,
    ...(from === undefined ? {} : { from }),
    ...(overlay === undefined ? {} : { overlay }),
  }
  return [
    {
      name: 'curl',
      summary: 'transfer a URL (reaches the ports Docker publishes and the containers)',
      run: (args, ctx) => runCurl(args, ctx, side),
    },
    {
      name: 'wget',
      summary: 'the non-interactive network downloader',
      run: (args, ctx) => runWget(args, ctx, side),
    },
    {
      name: 'nc',
      summary: 'arbitrary TCP connections (netcat): `nc -zv host port` tests a port',
      run: (args, ctx) => runNc(args, ctx, side),
    },
    {
      name: 'ping',
      summary: 'send ICMP ECHO_REQUEST to network hosts',
      run: (args, ctx) => runPing(args, ctx, side),
    },
  ]
}

/** The host's network tools, registered by the session next to docker. */
export function networkToolCommands(world: World): ShellCommand[] {
  return networkTools(world.docker)
}
