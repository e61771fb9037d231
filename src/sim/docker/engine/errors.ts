import { QuaiError } from '../../core/errors'

/**
 * An error the daemon answers with: an HTTP status and the daemon's message. The docker CLI
 * prints it as `Error response from daemon: <message>`; the Engine API facade sends it as
 * `{"message": …}` with the status, so the real client prints the same line.
 */
export class DaemonError extends QuaiError<'daemon', { status: number }> {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super('daemon', message, { status })
    this.name = 'DaemonError'
  }
}

const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12)

export const daemonErrors = {
  noSuchContainer: (ref: string) => new DaemonError(404, `No such container: ${ref}`),
  noSuchImage: (ref: string) => new DaemonError(404, `No such image: ${ref}`),
  noSuchNetwork: (ref: string) => new DaemonError(404, `network ${ref} not found`),
  noSuchVolume: (ref: string) => new DaemonError(404, `get ${ref}: no such volume`),
  nameInUse: (name: string, id: string) =>
    new DaemonError(
      409,
      `Conflict. The container name "/${name}" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`,
    ),
  removeRunning: (name: string) =>
    new DaemonError(
      409,
      `cannot remove container "/${name}": container is running: stop the container before removing or force remove`,
    ),
  removePaused: (name: string) =>
    new DaemonError(
      409,
      `cannot remove container "/${name}": container is paused and must be unpaused first`,
    ),
  notRunning: (id: string) => new DaemonError(409, `Container ${id} is not running`),
  notPaused: (id: string) => new DaemonError(409, `Container ${id} is not paused`),
  alreadyPaused: (id: string) => new DaemonError(409, `Container ${id} is already paused`),
  killNotRunning: (ref: string, id: string) =>
    new DaemonError(409, `Cannot kill container: ${ref}: Container ${id} is not running`),
  execNotRunning: (id: string) => new DaemonError(409, `container ${id} is not running`),
  pullAccessDenied: (repo: string) =>
    new DaemonError(
      404,
      `pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
    ),
  manifestUnknown: (familiar: string) =>
    new DaemonError(404, `manifest for ${familiar} not found: manifest unknown: manifest unknown`),
  portAllocated: (endpoint: string, endpointId: string, hostIp: string, hostPort: string) =>
    new DaemonError(
      500,
      `driver failed programming external connectivity on endpoint ${endpoint} (${endpointId}): Bind for ${hostIp}:${hostPort} failed: port is already allocated`,
    ),
  /** moby daemon/images/image_delete.go: untagging would leave an image in use dangling. */
  imageReferenceInUse: (ref: string, containerId: string, imageId: string) =>
    new DaemonError(
      409,
      `conflict: unable to remove repository reference ${JSON.stringify(ref)} (must force) - container ${shortId(containerId)} is using its referenced image ${shortId(imageId)}`,
    ),
  /** imageDeleteConflict.Error(): hard conflicts (running container, child image) cannot be forced. */
  imageDeleteConflict: (imageId: string, hard: boolean, reason: string) =>
    new DaemonError(
      409,
      `conflict: unable to delete ${shortId(imageId)} (${hard ? 'cannot be forced' : 'must be forced'}) - ${reason}`,
    ),
  networkExists: (name: string) => new DaemonError(409, `network with name ${name} already exists`),
  /** libnetwork ActiveEndpointsError as docker 28.1+ words it, wrapped by daemon deleteNetwork. */
  networkInUse: (name: string, endpoints: ReadonlyArray<{ name: string; id: string }>) =>
    new DaemonError(
      403,
      `error while removing network: network ${name} has active endpoints (${endpoints
        .map((e) => `name:${JSON.stringify(e.name)} id:${JSON.stringify(shortId(e.id))}`)
        .join(', ')})`,
    ),
  volumeInUse: (name: string, containerIds: string[]) =>
    new DaemonError(409, `remove ${name}: volume is in use - [${containerIds.join(', ')}]`),
  invalidParameter: (message: string) => new DaemonError(400, message),
}
