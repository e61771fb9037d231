/**
 * Daemon operations that look into a container or change it without its lifecycle: exec
 * bookkeeping (moby daemon/exec.go), `top`, `stats`, `diff`, `commit` and `update`. Each takes
 * the engine and answers with API-shaped values or a `DaemonError`.
 */
import { err, ok, type Result } from '../../core/errors'
import {
  familiarString,
  parseNormalizedNamed,
  tagNameOnly,
  type ReferenceError,
} from '../images/reference'
import { sha256Digest } from '../images/sha256'
import type { ContainerConfig, RestartPolicy } from './api-types'
import { containerChanges, layerSize, type FilesystemChange } from './container-fs'
import type { ContainerRecord } from './container-record'
import { validateRestartPolicy } from './create-validation'
import type { DockerEngine } from './engine'
import { DaemonError, daemonErrors } from './errors'
import type { LocalImage } from './image-store'
import { rfc3339Nano } from './time'

function findRecord(engine: DockerEngine, ref: string): Result<ContainerRecord, DaemonError> {
  const found = engine.findContainer(ref)
  return found ? ok(found) : err(daemonErrors.noSuchContainer(ref))
}

const attrs = (c: ContainerRecord, extra: Record<string, string> = {}): Record<string, string> => ({
  ...extra,
  image: c.imageRef,
  name: c.name,
})

// ------------------------------------------------------------------------------------ exec

export interface ExecSession {
  readonly id: string
  readonly container: ContainerRecord
  readonly argv: readonly string[]
}

/**
 * POST /containers/{id}/exec and /exec/{id}/start: the container must be running (not paused,
 * not restarting); the daemon logs `exec_create` and `exec_start` with the command line.
 */
export function execStart(
  engine: DockerEngine,
  ref: string,
  argv: readonly string[],
): Result<ExecSession, DaemonError> {
  const found = findRecord(engine, ref)
  if (!found.ok) return found
  const c = found.value
  if (c.state.status === 'paused')
    return err(
      new DaemonError(409, `Container ${ref} is paused, unpause the container before exec`),
    )
  if (c.state.status === 'restarting')
    return err(
      new DaemonError(409, `Container ${c.id} is restarting, wait until the container is running`),
    )
  if (c.state.status !== 'running') return err(daemonErrors.execNotRunning(c.id))
  const id = engine.services.random.hex(64)
  const line = argv.join(' ')
  engine.events.emit('container', `exec_create: ${line}`, c.id, attrs(c, { execID: id }))
  engine.events.emit('container', `exec_start: ${line}`, c.id, attrs(c, { execID: id }))
  return ok({ id, container: c, argv })
}

/** The exec's process ended: the daemon logs `exec_die` with its exit code. */
export function execDied(engine: DockerEngine, exec: ExecSession, exitCode: number): void {
  engine.events.emit(
    'container',
    'exec_die',
    exec.container.id,
    attrs(exec.container, { execID: exec.id, exitCode: String(exitCode) }),
  )
  engine.services.changed()
}

// ------------------------------------------------------------------------------------- top

/** GET /containers/{id}/top: `ps` of the container's processes, as the daemon returns it. */
export interface ContainerTop {
  Titles: string[]
  Processes: string[][]
}

/** Servers whose master process forks workers (one per CPU), as their start-up logs show. */
function workerCommand(c: ContainerRecord): { cmd: string; user: string } | undefined {
  const repo = c.image.catalog?.repository ?? ''
  if (repo === 'nginx') return { cmd: 'nginx: worker process', user: '101' }
  if (repo === 'httpd') return { cmd: 'httpd -DFOREGROUND', user: 'daemon' }
  return undefined
}

/** What `ps` shows for the main process: entrypoint scripts `exec` the command they are given. */
function mainCommand(c: ContainerRecord): string {
  let argv = [c.path, ...c.args].filter((a) => a !== '')
  if (/(^|\/)[\w-]*entrypoint[\w.-]*$/.test(c.path) && c.args.length > 0) argv = [...c.args]
  const line = argv.join(' ')
  if (c.image.catalog?.repository === 'nginx' && argv[0] === 'nginx')
    return `nginx: master process ${line}`
  return line
}

const hhmm = (ms: number): string => new Date(ms).toISOString().slice(11, 16)

/**
 * The container's processes as the host's `ps` shows them (host PIDs, host user names: users
 * the host does not know show as numbers). `psArgs` `-ef` (the default) or `aux`.
 */
export function containerTop(
  engine: DockerEngine,
  ref: string,
  psArgs = '-ef',
): Result<ContainerTop, DaemonError> {
  const found = findRecord(engine, ref)
  if (!found.ok) return found
  const c = found.value
  if (c.state.status === 'restarting')
    return err(
      new DaemonError(409, `Container ${c.id} is restarting, wait until the container is running`),
    )
  if (c.state.status !== 'running' && c.state.status !== 'paused')
    return err(daemonErrors.execNotRunning(c.id))
  const pid = c.state.pid
  const stime = hhmm(c.state.startedAtMs ?? engine.services.clock.now())
  const tty = c.config.Tty ? 'pts/0' : '?'
  const user = c.config.User === '' ? 'root' : c.config.User
  const procs = [{ user, pid, ppid: pid - 21, tty, cmd: mainCommand(c) }]
  const worker = workerCommand(c)
  if (worker)
    for (let i = 0; i < engine.host.cpus; i++)
      procs.push({ user: worker.user, pid: pid + 41 + i, ppid: pid, tty: '?', cmd: worker.cmd })
  if (/^[a-z]*u/.test(psArgs)) {
    const rssKiB = Math.round((c.image.catalog?.profile.memoryMiB.idle ?? 8) * 1024)
    return ok({
      Titles: [
        'USER',
        'PID',
        '%CPU',
        '%MEM',
        'VSZ',
        'RSS',
        'TTY',
        'STAT',
        'START',
        'TIME',
        'COMMAND',
      ],
      Processes: procs.map((p, i) => [
        p.user,
        String(p.pid),
        '0.0',
        '0.0',
        String(rssKiB * 4 + 1024),
        String(i === 0 ? rssKiB : Math.round(rssKiB / 3)),
        p.tty,
        i === 0 ? 'Ss' : 'S',
        stime,
        '0:00',
        p.cmd,
      ]),
    })
  }
  return ok({
    Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
    Processes: procs.map((p) => [
      p.user,
      String(p.pid),
      String(p.ppid),
      '0',
      stime,
      p.tty,
      '00:00:00',
      p.cmd,
    ]),
  })
}

// ------------------------------------------------------------------------------------ stats

/** One sample of GET /containers/{id}/stats, reduced the way the CLI reduces it. */
export interface StatsSample {
  id: string
  /** With the leading slash, as the API gives it. */
  name: string
  cpuPercent: number
  memoryBytes: number
  memoryLimitBytes: number
  memoryPercent: number
  networkRx: number
  networkTx: number
  blockRead: number
  blockWrite: number
  pids: number
}

/** A number in [0, 1) fixed by the container and the second: stats wobble, replayably. */
function wobble(id: string, second: number, salt: number): number {
  let h = (parseInt(id.slice(0, 8), 16) ^ Math.imul(second + 1, 0x9e3779b1) ^ salt) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0
  return ((h ^ (h >>> 16)) >>> 0) / 0x100000000
}

const MIB = 1024 * 1024

/**
 * Resource use from the image's behaviour profile (idle memory and CPU) with a small
 * per-second wobble, bounded by the container's --memory and --cpus and the host's resources.
 */
export function containerStats(
  engine: DockerEngine,
  ref: string,
): Result<StatsSample, DaemonError> {
  const found = findRecord(engine, ref)
  if (!found.ok) return found
  const c = found.value
  const now = engine.services.clock.now()
  const limit = c.hostConfig.Memory > 0 ? c.hostConfig.Memory : engine.host.memoryBytes
  const zero = {
    id: c.id,
    name: `/${c.name}`,
    memoryLimitBytes: 0,
    cpuPercent: 0,
    memoryBytes: 0,
    memoryPercent: 0,
    networkRx: 0,
    networkTx: 0,
    blockRead: 0,
    blockWrite: 0,
    pids: 0,
  }
  if (c.state.status !== 'running' && c.state.status !== 'paused') return ok(zero)
  const profile = c.image.catalog?.profile
  const second = Math.floor(now / 1000)
  const uptime = Math.max(0, Math.floor((now - (c.state.startedAtMs ?? now)) / 1000))
  const idleMemory = (profile?.memoryMiB.idle ?? 8) * MIB
  const memory = Math.min(limit, Math.round(idleMemory * (0.98 + 0.04 * wobble(c.id, second, 1))))
  const cpuLimit =
    c.hostConfig.NanoCpus > 0 ? (c.hostConfig.NanoCpus / 1e9) * 100 : engine.host.cpus * 100
  const idleCpu = profile?.cpuPercent.idle ?? 0.1
  const paused = c.state.status === 'paused'
  const cpu =
    idleCpu === 0 || paused ? 0 : Math.min(cpuLimit, idleCpu * (0.5 + wobble(c.id, second, 2)))
  const onNetwork = [...c.networks.values()].some((e) => e.IPAddress !== '')
  const top = containerTop(engine, c.id)
  return ok({
    ...zero,
    memoryLimitBytes: limit,
    cpuPercent: cpu,
    memoryBytes: memory,
    memoryPercent: (memory / limit) * 100,
    // A bridge endpoint hears the network's chatter from the moment it is up.
    networkRx: onNetwork ? 796 + uptime * 13 : 0,
    networkTx: onNetwork ? Math.min(uptime, 3) * 42 : 0,
    blockWrite: layerSize(c),
    pids: top.ok ? top.value.Processes.length : 1,
  })
}

// ------------------------------------------------------------------------------------- diff

export function containerDiff(
  engine: DockerEngine,
  ref: string,
): Result<FilesystemChange[], DaemonError> {
  const found = findRecord(engine, ref)
  return found.ok ? ok(containerChanges(found.value)) : found
}

// ----------------------------------------------------------------------------------- commit

export interface CommitOptions {
  /** `repo[:tag]`, or '' for a dangling image. */
  reference: string
  author: string
  comment: string
  /** The container's config with the --change instructions applied. */
  config?: ContainerConfig
}

/** POST /commit: a new image from the container's writable layer. */
export function commitContainer(
  engine: DockerEngine,
  ref: string,
  options: CommitOptions,
): Result<LocalImage, DaemonError | ReferenceError> {
  // The client parses the reference before it asks the daemon anything.
  let familiar: string | undefined
  if (options.reference !== '') {
    const parsed = parseNormalizedNamed(options.reference)
    if (!parsed.ok) return parsed
    familiar = familiarString(tagNameOnly(parsed.value))
  }
  const found = findRecord(engine, ref)
  if (!found.ok) return found
  const c = found.value
  const now = engine.services.clock.now()
  const files = new Map(c.image.files)
  for (const [path, content] of c.files) files.set(path, content)
  const config: ContainerConfig = options.config ?? {
    ...c.config,
    Hostname: '',
    Domainname: '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Image: '',
  }
  const layerDigest = sha256Digest(
    JSON.stringify([c.id, now, [...c.files].sort((a, b) => (a[0] < b[0] ? -1 : 1))]),
  )
  const layers = [...c.image.inspect.RootFS.Layers, layerDigest]
  const created = rfc3339Nano(now)
  const id = sha256Digest(JSON.stringify({ config, created, layers, parent: c.image.id }))
  const image: LocalImage = {
    id,
    catalog: c.image.catalog,
    files,
    createdMs: now,
    layerIds: [...c.image.layerIds, layerDigest],
    inspect: {
      Id: id,
      RepoTags: [],
      RepoDigests: [],
      Parent: c.image.id,
      Comment: options.comment,
      Created: created,
      DockerVersion: '28.2.2',
      Author: options.author,
      Config: config,
      Architecture: c.image.inspect.Architecture,
      Os: c.image.inspect.Os,
      Size: c.image.inspect.Size + layerSize(c),
      RootFS: { Type: 'layers', Layers: layers },
      Metadata: { LastTagTime: familiar === undefined ? '0001-01-01T00:00:00Z' : created },
    },
  }
  engine.images.add(image)
  if (familiar !== undefined) engine.images.tag(familiar, id)
  engine.events.emit(
    'container',
    'commit',
    c.id,
    attrs(c, { comment: options.comment, imageID: id, imageRef: familiar ?? '' }),
  )
  if (familiar !== undefined) engine.events.emit('image', 'tag', id, { name: familiar })
  engine.services.changed()
  return ok(image)
}

// ----------------------------------------------------------------------------------- update

export interface UpdateRequest {
  Memory?: number
  NanoCpus?: number
  RestartPolicy?: RestartPolicy
}

/** POST /containers/{id}/update: resources and restart policy, changed in place. */
export function updateContainer(
  engine: DockerEngine,
  ref: string,
  request: UpdateRequest,
): Result<{ Warnings: string[] }, DaemonError> {
  const found = findRecord(engine, ref)
  if (!found.ok) return found
  const c = found.value
  const host = c.hostConfig
  if (request.Memory !== undefined && request.Memory !== 0 && request.Memory < 6 * MIB)
    return err(
      new DaemonError(400, `Cannot update container ${c.id}: Minimum memory limit allowed is 6MB`),
    )
  const cpus = engine.host.cpus
  if (request.NanoCpus !== undefined && request.NanoCpus > cpus * 1e9)
    return err(
      new DaemonError(
        400,
        `Cannot update container ${c.id}: range of CPUs is from 0.01 to ${cpus}.00, as there are only ${cpus} CPUs available`,
      ),
    )
  const policy = request.RestartPolicy
  if (policy !== undefined && policy.Name !== '') {
    const problem = validateRestartPolicy(policy)
    if (problem) return err(problem)
    if (host.AutoRemove && policy.Name !== 'no')
      return err(
        new DaemonError(
          400,
          'Restart policy cannot be updated because AutoRemove is enabled for the container',
        ),
      )
    host.RestartPolicy = { ...policy }
  }
  if (request.Memory !== undefined && request.Memory !== 0) host.Memory = request.Memory
  if (request.NanoCpus !== undefined && request.NanoCpus !== 0) host.NanoCpus = request.NanoCpus
  engine.events.emit('container', 'update', c.id, attrs(c))
  engine.services.changed()
  return ok({ Warnings: [] })
}
