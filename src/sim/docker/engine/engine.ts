import type { VirtualClock } from '../../core/clock'
import { err, ok, type Result } from '../../core/errors'
import type { SeededRandom } from '../../core/random'
import {
  familiarString,
  parseNormalizedNamed,
  tagNameOnly,
  type ReferenceError,
} from '../images/reference'
import type {
  ContainerConfig,
  ContainerCreateRequest,
  ContainerInspect,
  ContainerSummary,
  EndpointSettings,
  HostConfig,
  ImageInspect,
  MountPoint,
  PortMap,
  PortSummary,
} from './api-types'
import { freshRunState, isUp, type ContainerRecord, type LogEntry } from './container-record'
import { DaemonError, daemonErrors } from './errors'
import { EventLog } from './events'
import { ImageStore, type LocalImage } from './image-store'
import { contains, nextFreeAddress } from './ipam'
import { generateContainerName } from './names'
import { NetworkStore, type NetworkRecord } from './network-store'
import { planProcess } from './process-model'
import type { ImageRegistry } from './registry'
import { describeStatus } from './status'
import { rfc3339Nano, ZERO_TIME } from './time'
import { VolumeStore } from './volume-store'
import { createRequestProblem } from './create-validation'
import { renderLogLines, type LogContext } from '../images/log-template'

/** Runs a non-default command in a container (`docker run alpine ls /`): the shell layer provides it. */
export interface CommandRunner {
  /**
   * Runs `argv` to its end. Output may be streamed through `io.write` as it is produced (what
   * the result then holds is appended after it); `io.signal` aborts when the process is killed.
   */
  run(
    container: ContainerRecord,
    argv: readonly string[],
    io?: { write(stream: 'stdout' | 'stderr', text: string): void; signal: AbortSignal },
  ): Promise<{ stdout: string; stderr: string; exitCode: number }>
  /**
   * Why the runtime cannot even start `argv` (the OCI "executable file not found" error), with
   * the exit code it leaves on the container; undefined when it can.
   */
  cannotStart?(
    container: ContainerRecord,
    argv: readonly string[],
  ): { message: string; exitCode: number } | undefined
  /** Resolves when every command it runs is waiting on the virtual clock (or none runs). */
  idle?(): Promise<void>
}

export interface PullProgress {
  layer: string
  status: 'Pulling fs layer' | 'Already exists' | 'Pull complete'
}

export interface PullResult {
  image: LocalImage
  familiar: string
  layers: Array<{ id: string; existed: boolean }>
  digest: string
  /** False when the image was already up to date. */
  downloaded: boolean
}

export interface EngineOptions {
  clock: VirtualClock
  random: SeededRandom
  registry: ImageRegistry
  runner?: CommandRunner
  /** The simulated host's resources, shown by `docker info` and bounding `docker stats`. */
  host?: EngineHost
}

/**
 * The machine the daemon runs on. `name` and `operatingSystem` default to the student's host
 * (system-info.ts HOST_OS); a daemon inside another machine (minikube's node) names its own.
 */
export interface EngineHost {
  cpus: number
  memoryBytes: number
  kernel: string
  name?: string
  operatingSystem?: { name: string; version: string }
}

/**
 * The state of a container whose process the daemon does not run itself but is told about (the
 * containers cri-dockerd runs for the kubelet, mirrored into minikube's node daemon).
 */
export type ExternalState =
  | { status: 'running'; startedAtMs: number }
  | { status: 'exited'; exitCode: number; startedAtMs: number; finishedAtMs: number }

const DEFAULT_HOST: EngineHost = { cpus: 4, memoryBytes: 8 * 1024 ** 3, kernel: '6.8.0-quai' }

/**
 * The simulated Docker daemon. It keeps state shaped like the Engine API and answers with API
 * objects or typed `DaemonError`s; it never formats text for a terminal.
 */
export class DockerEngine {
  readonly images = new ImageStore()
  readonly networks: NetworkStore
  readonly volumes = new VolumeStore()
  readonly events: EventLog
  readonly host: EngineHost
  private readonly containers = new Map<string, ContainerRecord>()
  private readonly clock: VirtualClock
  private readonly random: SeededRandom
  private readonly registry: ImageRegistry
  private readonly runner: CommandRunner | undefined
  private nextPid = 1000
  /** Commands the runner is executing, and how to kill each container's. */
  private readonly inFlight = new Set<Promise<void>>()
  private readonly runAborts = new Map<string, AbortController>()
  private readonly changeListeners = new Set<() => void>()

  constructor(options: EngineOptions) {
    this.clock = options.clock
    this.random = options.random
    this.registry = options.registry
    this.runner = options.runner
    this.host = options.host ?? DEFAULT_HOST
    // The daemon copies a container's labels into each of its events.
    this.events = new EventLog(options.clock, (id) => this.containers.get(id)?.config.Labels)
    this.networks = new NetworkStore(options.random, options.clock.now())
  }

  /** Called after every state change (panels re-render from it). */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener)
    return () => this.changeListeners.delete(listener)
  }

  /**
   * The daemon's clock, id source and change signal, for operations kept in files of their own
   * (network-ops.ts, volume-ops.ts, image-ops.ts, system-ops.ts) so this class stays readable.
   */
  get services(): { clock: VirtualClock; random: SeededRandom; changed: () => void } {
    return { clock: this.clock, random: this.random, changed: () => this.changed() }
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener()
  }

  // ---------------------------------------------------------------- images

  pull(ref: string): Result<PullResult, DaemonError | ReferenceError> {
    const parsed = parseNormalizedNamed(ref)
    if (!parsed.ok) return parsed
    const named = tagNameOnly(parsed.value)
    const familiar = familiarString(named)
    const answer = this.registry.fetch(named)
    if (!answer.ok) return err(new DaemonError(404, answer.message))
    const present = this.images.get(answer.id)
    const knownLayers = new Set(this.images.all().flatMap((i) => i.layerIds))
    const layerIds = answer.layers.map((l) => l.digest)
    const layers = answer.layers.map((l) => ({ id: l.shortId, existed: knownLayers.has(l.digest) }))
    const createdMs = Date.parse(answer.image.created)
    const image: LocalImage = present ?? {
      id: answer.id,
      catalog: answer.image,
      files: new Map(Object.entries(answer.image.files)),
      createdMs: Number.isNaN(createdMs) ? 0 : createdMs,
      layerIds,
      inspect: imageInspectFrom(answer, familiar),
    }
    const alreadyTagged = this.images.byTag(familiar)?.id === answer.id
    this.images.add(image)
    this.images.tag(familiar, image.id)
    if (!alreadyTagged) this.events.emit('image', 'pull', familiar, { name: familiar })
    this.changed()
    return ok({
      image,
      familiar,
      layers,
      digest: answer.repoDigest.split('@')[1] ?? '',
      downloaded: !alreadyTagged,
    })
  }

  findImage(ref: string): LocalImage | undefined {
    const parsed = parseNormalizedNamed(ref)
    if (parsed.ok) {
      const tagged = this.images.byTag(familiarString(tagNameOnly(parsed.value)))
      if (tagged) return tagged
    }
    return this.images.find(ref)
  }

  inspectImage(ref: string): Result<ImageInspect, DaemonError> {
    const image = this.findImage(ref)
    // ErrImageDoesNotExist names the reference with its default tag: `No such image: x:latest`.
    return image
      ? ok(this.images.inspect(image))
      : err(daemonErrors.noSuchImage(withDefaultTag(ref)))
  }

  listImages(): ReturnType<ImageStore['summary']>[] {
    return this.images
      .all()
      .sort((a, b) => b.createdMs - a.createdMs)
      .map((image) => this.images.summary(image, this.containersUsing(image.id).length))
  }

  private containersUsing(imageId: string): ContainerRecord[] {
    return [...this.containers.values()].filter((c) => c.image.id === imageId)
  }

  // ------------------------------------------------------------ containers

  /** Finds a container by full id, name (with or without `/`), or unique id prefix. */
  findContainer(ref: string): ContainerRecord | undefined {
    const byId = this.containers.get(ref)
    if (byId) return byId
    const name = ref.startsWith('/') ? ref.slice(1) : ref
    for (const c of this.containers.values()) if (c.name === name) return c
    if (!/^[0-9a-f]+$/.test(ref)) return undefined
    const matches = [...this.containers.values()].filter((c) => c.id.startsWith(ref))
    return matches.length === 1 ? matches[0] : undefined
  }

  private container(ref: string): Result<ContainerRecord, DaemonError> {
    const found = this.findContainer(ref)
    return found ? ok(found) : err(daemonErrors.noSuchContainer(ref))
  }

  createContainer(
    request: ContainerCreateRequest,
    name?: string,
    options: { createdMs?: number } = {},
  ): Result<{ Id: string; Warnings: string[] }, DaemonError> {
    const refused = createRequestProblem(request)
    if (refused) return err(refused)
    const image = this.findImage(request.Image)
    if (!image) return err(daemonErrors.noSuchImage(withDefaultTag(request.Image)))
    if (name !== undefined) {
      if (!/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name))
        return err(
          daemonErrors.invalidParameter(
            `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
          ),
        )
      const taken = this.findContainer(`/${name.replace(/^\//, '')}`)
      if (taken && taken.name === name.replace(/^\//, ''))
        return err(daemonErrors.nameInUse(taken.name, taken.id))
    }
    const id = this.random.hex(64)
    const finalName =
      name?.replace(/^\//, '') ??
      generateContainerName(this.random, (n) => this.findContainer(`/${n}`) !== undefined)
    const config = mergeConfig(image.inspect.Config, request, id)
    const hostConfig = defaultHostConfig(request.HostConfig)
    const networkName = hostConfig.NetworkMode === 'default' ? 'bridge' : hostConfig.NetworkMode
    const network = this.networks.find(networkName)
    if (!network) return err(daemonErrors.noSuchNetwork(networkName))
    const mounts = this.mountsFor(config, hostConfig, request)
    if (!mounts.ok) return mounts
    const argv = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])]
    const record: ContainerRecord = {
      id,
      name: finalName,
      // A mirrored container (see setExternalState) was created when its runtime created it.
      createdMs: options.createdMs ?? this.clock.now(),
      image,
      imageRef: request.Image,
      config,
      hostConfig,
      path: argv[0] ?? '',
      args: argv.slice(1),
      state: freshRunState(),
      restartCount: 0,
      stoppedByUser: false,
      networks: new Map([[network.resource.Name, emptyEndpoint(network, request)]]),
      mounts: mounts.value,
      boundPorts: {},
      logs: [],
      timers: [],
      files: new Map(),
    }
    for (const [extra, settings] of Object.entries(
      request.NetworkingConfig?.EndpointsConfig ?? {},
    )) {
      if (extra === network.resource.Name) {
        const endpoint = record.networks.get(extra)
        if (endpoint) endpoint.Aliases = settings.Aliases ?? null
      }
    }
    this.containers.set(id, record)
    this.events.emit('container', 'create', id, { image: request.Image, name: finalName })
    this.changed()
    return ok({ Id: id, Warnings: [] })
  }

  private mountsFor(
    config: ContainerConfig,
    hostConfig: HostConfig,
    request: ContainerCreateRequest,
  ): Result<MountPoint[], DaemonError> {
    const mounts: MountPoint[] = []
    const targets = new Set<string>()
    for (const bind of hostConfig.Binds ?? []) {
      const parts = bind.split(':')
      const [source = '', target = '', mode = ''] =
        parts.length === 1 ? ['', parts[0] ?? '', ''] : parts
      if (target === '' || !target.startsWith('/'))
        return err(daemonErrors.invalidParameter(`invalid volume specification: '${bind}'`))
      const readOnly = mode.split(',').includes('ro')
      if (source === '') {
        mounts.push(this.anonymousVolume(target))
      } else if (source.startsWith('/')) {
        mounts.push({
          Type: 'bind',
          Source: source,
          Destination: target,
          Mode: mode,
          RW: !readOnly,
          Propagation: 'rprivate',
        })
      } else {
        const volume = this.volumes.create(source, this.clock.now())
        mounts.push({
          Type: 'volume',
          Name: volume.volume.Name,
          Source: volume.volume.Mountpoint,
          Destination: target,
          Driver: 'local',
          Mode: mode === '' ? 'z' : mode,
          RW: !readOnly,
          Propagation: '',
        })
      }
      targets.add(target)
    }
    for (const mount of request.HostConfig?.Mounts ?? []) {
      if (mount.Type === 'volume') {
        const volume =
          mount.Source === '' ? undefined : this.volumes.create(mount.Source, this.clock.now())
        mounts.push(
          volume
            ? {
                Type: 'volume',
                Name: volume.volume.Name,
                Source: volume.volume.Mountpoint,
                Destination: mount.Target,
                Driver: 'local',
                Mode: 'z',
                RW: !mount.ReadOnly,
                Propagation: '',
              }
            : this.anonymousVolume(mount.Target),
        )
      } else if (mount.Type === 'bind') {
        mounts.push({
          Type: 'bind',
          Source: mount.Source,
          Destination: mount.Target,
          Mode: '',
          RW: !mount.ReadOnly,
          Propagation: 'rprivate',
        })
      } else {
        mounts.push({
          Type: 'tmpfs',
          Source: '',
          Destination: mount.Target,
          Mode: '',
          RW: !mount.ReadOnly,
          Propagation: '',
        })
      }
      targets.add(mount.Target)
    }
    // VOLUME paths of the image that nothing else covers get an anonymous volume each.
    for (const path of Object.keys(config.Volumes ?? {}))
      if (!targets.has(path)) mounts.push(this.anonymousVolume(path))
    return ok(mounts)
  }

  private anonymousVolume(target: string): MountPoint {
    const volume = this.volumes.create(this.random.hex(64), this.clock.now(), { anonymous: true })
    return {
      Type: 'volume',
      Name: volume.volume.Name,
      Source: volume.volume.Mountpoint,
      Destination: target,
      Driver: 'local',
      Mode: '',
      RW: true,
      Propagation: '',
    }
  }

  startContainer(ref: string): Result<ContainerRecord, DaemonError> {
    const found = this.container(ref)
    if (!found.ok) return found
    const c = found.value
    if (c.state.status === 'paused')
      return err(
        daemonErrors.invalidParameter('cannot start a paused container, try unpause instead'),
      )
    if (c.state.status === 'running' || c.state.status === 'restarting') return ok(c)
    const ports = this.bindPorts(c)
    if (!ports.ok) return ports
    const refusal = this.startRefusal(c)
    if (refusal) return err(refusal)
    c.boundPorts = ports.value
    this.attachNetworks(c)
    c.stoppedByUser = false
    this.launch(c, c.state.startedAtMs === undefined)
    this.events.emit('container', 'start', c.id, { image: c.imageRef, name: c.name })
    this.changed()
    return ok(c)
  }

  /**
   * Sets the state of a container whose process runs elsewhere, as reported by what runs it: no
   * process is planned from its image and no restart policy applies. Events follow the changes
   * (start when it comes up, die when it ends), as the daemon would emit them.
   */
  setExternalState(ref: string, next: ExternalState): Result<ContainerRecord, DaemonError> {
    const found = this.container(ref)
    if (!found.ok) return found
    const c = found.value
    const wasRunning = c.state.status === 'running'
    this.cancelTimers(c)
    if (next.status === 'running') {
      c.state = {
        ...freshRunState(),
        status: 'running',
        pid: wasRunning ? c.state.pid : this.nextPid++,
        startedAtMs: next.startedAtMs,
      }
      c.processKind = 'service'
      if (!wasRunning)
        this.events.emit('container', 'start', c.id, { image: c.imageRef, name: c.name })
    } else {
      c.state = {
        ...freshRunState(),
        status: 'exited',
        exitCode: next.exitCode,
        startedAtMs: next.startedAtMs,
        finishedAtMs: next.finishedAtMs,
      }
      if (wasRunning)
        this.events.emit('container', 'die', c.id, {
          exitCode: String(next.exitCode),
          image: c.imageRef,
          name: c.name,
        })
    }
    this.changed()
    return ok(c)
  }

  private bindPorts(c: ContainerRecord): Result<PortMap, DaemonError> {
    const inUse = new Set<string>()
    for (const other of this.containers.values()) {
      if (other.id === c.id || !isUp(other)) continue
      // A host port is taken per protocol: 5000/tcp and 5000/udp can both be published.
      for (const [key, bindings] of Object.entries(other.boundPorts))
        for (const b of bindings ?? []) inUse.add(`${b.HostPort}/${key.split('/')[1] ?? 'tcp'}`)
    }
    const bound: PortMap = {}
    const requested: PortMap = { ...c.hostConfig.PortBindings }
    if (c.hostConfig.PublishAllPorts)
      for (const port of Object.keys(c.config.ExposedPorts ?? {}))
        if (!(port in requested)) requested[port] = [{ HostIp: '', HostPort: '' }]
    let ephemeral = 32768
    for (const [port, bindings] of Object.entries(requested)) {
      const proto = port.split('/')[1] ?? 'tcp'
      const taken = (hostPort: string): boolean => inUse.has(`${hostPort}/${proto}`)
      const list = []
      for (const binding of bindings ?? []) {
        let hostPort = binding.HostPort
        // `-p 8080-8090:80`: the first port of the range that is free.
        const range = /^(\d+)-(\d+)$/.exec(hostPort)
        if (range) {
          const last = Number(range[2])
          let port = Number(range[1])
          while (port < last && taken(String(port))) port++
          hostPort = String(port)
        }
        if (hostPort === '' || hostPort === '0') {
          while (taken(String(ephemeral))) ephemeral++
          hostPort = String(ephemeral)
        } else if (taken(hostPort)) {
          const endpoint = this.random.hex(64)
          return err(
            daemonErrors.portAllocated(
              c.name,
              endpoint,
              binding.HostIp === '' ? '0.0.0.0' : binding.HostIp,
              hostPort,
            ),
          )
        }
        inUse.add(`${hostPort}/${proto}`)
        if (binding.HostIp === '') {
          list.push({ HostIp: '0.0.0.0', HostPort: hostPort }, { HostIp: '::', HostPort: hostPort })
        } else list.push({ HostIp: binding.HostIp, HostPort: hostPort })
      }
      bound[port] = list
    }
    for (const port of Object.keys(c.config.ExposedPorts ?? {}))
      if (!(port in bound)) bound[port] = null
    return ok(bound)
  }

  private attachNetworks(c: ContainerRecord): void {
    for (const [name, endpoint] of c.networks) {
      const network = this.networks.find(name)
      if (!network || !network.subnet) continue
      const taken = new Set(
        Object.values(network.resource.Containers).map((n) => n.IPv4Address.split('/')[0] ?? ''),
      )
      const wanted = endpoint.IPAMConfig?.IPv4Address
      const ip =
        wanted !== undefined && contains(network.subnet, wanted)
          ? wanted
          : nextFreeAddress(network.subnet, taken)
      if (ip === undefined) continue
      endpoint.NetworkID = network.resource.Id
      endpoint.EndpointID = this.random.hex(64)
      endpoint.Gateway = network.resource.IPAM.Config[0]?.Gateway ?? ''
      endpoint.IPAddress = ip
      endpoint.IPPrefixLen = network.subnet.prefix
      endpoint.MacAddress = macAddress(this.random)
      endpoint.DNSNames =
        name === 'bridge' ? null : [c.name, c.id.slice(0, 12), ...(endpoint.Aliases ?? [])]
      network.resource.Containers[c.id] = {
        Name: c.name,
        EndpointID: endpoint.EndpointID,
        MacAddress: endpoint.MacAddress,
        IPv4Address: `${ip}/${network.subnet.prefix}`,
        IPv6Address: '',
      }
    }
  }

  private detachNetworks(c: ContainerRecord): void {
    for (const [name, endpoint] of c.networks) {
      const network = this.networks.find(name)
      if (network) delete network.resource.Containers[c.id]
      endpoint.EndpointID = ''
      endpoint.Gateway = ''
      endpoint.IPAddress = ''
      endpoint.IPPrefixLen = 0
      endpoint.MacAddress = ''
      endpoint.DNSNames = null
    }
  }

  /** Starts the main process and plays its plan on the clock. */
  private launch(c: ContainerRecord, firstStart: boolean): void {
    const now = this.clock.now()
    c.state = {
      ...c.state,
      status: 'running',
      pid: this.nextPid++,
      exitCode: 0,
      error: '',
      oomKilled: false,
      startedAtMs: now,
      health:
        c.config.Healthcheck?.Test?.[0] === 'NONE' || !c.config.Healthcheck?.Test
          ? undefined
          : { status: 'starting', failingStreak: 0, log: [] },
    }
    const plan = planProcess({
      profile: c.image.catalog?.profile,
      // The behaviour profile belongs to the catalog image: a built image that changed CMD or
      // ENTRYPOINT runs its own command (the command runner), one that kept them behaves as its base.
      imageCmd: c.image.catalog ? (c.image.catalog.config.Cmd ?? null) : c.image.inspect.Config.Cmd,
      imageEntrypoint: c.image.catalog
        ? (c.image.catalog.config.Entrypoint ?? null)
        : c.image.inspect.Config.Entrypoint,
      cmd: c.config.Cmd,
      entrypoint: c.config.Entrypoint,
      env: c.config.Env,
      interactive: c.config.OpenStdin || c.config.Tty,
      firstStart,
    })
    c.processKind = plan.kind
    const context = this.logContext(c)
    if (plan.kind === 'service' || plan.kind === 'exits') {
      let at = 0
      for (const line of plan.logs) {
        at += line.delayMs ?? 0
        // Each line carries the time it is written at, not the time the container started.
        for (const rendered of renderLogLines([line], { ...context, now: now + at }))
          this.schedule(c, at, () => this.appendLog(c, rendered.stream, rendered.text))
      }
      if (plan.kind === 'exits')
        this.schedule(c, Math.max(at, plan.afterMs), () => this.processExited(c, plan.code))
    } else if (plan.kind === 'command') {
      this.runCommand(c, plan.argv)
    }
    if (c.state.health) this.scheduleHealthcheck(c)
    const needs = (c.image.catalog?.profile.memoryMiB.idle ?? 0) * 1024 * 1024
    const limit = c.hostConfig.Memory ?? 0
    // The kernel's OOM killer ends a service whose working set does not fit its cgroup limit,
    // once it has allocated it (shortly after start).
    if ((plan.kind === 'service' || plan.kind === 'exits') && limit > 0 && needs > limit)
      this.schedule(c, OOM_AFTER_MS, () => this.outOfMemory(c))
  }

  private outOfMemory(c: ContainerRecord): void {
    this.events.emit('container', 'oom', c.id, { image: c.imageRef, name: c.name })
    this.processExited(c, 137)
    c.state = { ...c.state, oomKilled: true }
    this.changed()
  }

  private runCommand(c: ContainerRecord, argv: readonly string[]): void {
    const pid = c.state.pid
    const sleep = argv[0] === 'sleep' ? Number(argv[1]) : Number.NaN
    if (argv[0] === 'sleep' && Number.isFinite(sleep)) {
      this.schedule(c, sleep * 1000, () => this.processExited(c, 0))
      return
    }
    if (argv.join(' ') === 'tail -f /dev/null' || argv[0] === 'sleep') return
    if (!this.runner) {
      this.schedule(c, 0, () => this.processExited(c, 0))
      return
    }
    const alive = (): boolean => c.state.pid === pid && c.state.status === 'running'
    const abort = new AbortController()
    this.runAborts.set(c.id, abort)
    const write = (stream: LogEntry['stream'], text: string): void => {
      if (alive()) for (const line of splitLines(text)) this.appendLog(c, stream, line)
    }
    const run = this.runner.run(c, argv, { write, signal: abort.signal }).then((result) => {
      if (this.runAborts.get(c.id) === abort) this.runAborts.delete(c.id)
      if (!alive()) return
      write('stdout', result.stdout)
      write('stderr', result.stderr)
      this.processExited(c, result.exitCode)
    })
    this.inFlight.add(run)
    void run.finally(() => this.inFlight.delete(run))
  }

  /** Resolves once every command the runner is executing has settled (or is waiting on the clock). */
  async settle(): Promise<void> {
    for (let round = 0; round < 100 && this.inFlight.size > 0; round++) {
      const pending = [...this.inFlight]
      const waiting = await Promise.race([
        Promise.all(pending).then(() => false),
        this.runnerIdle().then(() => true),
      ])
      if (waiting) return
    }
  }

  /** The runner reports when all its commands wait on the clock; without one, never idle. */
  private runnerIdle(): Promise<void> {
    return this.runner?.idle?.() ?? new Promise<void>(() => undefined)
  }

  /**
   * The main process ended by itself with `code`, when something outside the engine runs it (an
   * interactive shell driven through the student's terminal): the restart policy then applies.
   */
  mainProcessExited(ref: string, code: number): Result<ContainerRecord, DaemonError> {
    const found = this.container(ref)
    if (!found.ok) return found
    if (found.value.state.status === 'running' || found.value.state.status === 'paused')
      this.processExited(found.value, code)
    return found
  }

  /** The OCI runtime's refusal to exec the command; the container stays Created with its code. */
  private startRefusal(c: ContainerRecord): DaemonError | undefined {
    const argv = [...(c.config.Entrypoint ?? []), ...(c.config.Cmd ?? [])]
    const refused = this.runner?.cannotStart?.(c, argv)
    if (!refused) return undefined
    c.state = { ...c.state, exitCode: refused.exitCode, error: refused.message }
    if (c.hostConfig.AutoRemove) this.destroy(c, false)
    this.changed()
    return new DaemonError(400, refused.message)
  }

  /**
   * The daemon's health monitor (moby daemon/health.go): the test runs in the container every
   * interval (start_interval during the start period); exit 0 makes it healthy, `retries`
   * failures in a row unhealthy, and failures inside the start period do not count while it is
   * still starting. Each probe is an exec (exec_create / exec_start / exec_die events); the last
   * five results are kept with their output.
   */
  private scheduleHealthcheck(c: ContainerRecord): void {
    const hc = c.config.Healthcheck
    const test = hc?.Test ?? []
    const argv =
      test[0] === 'CMD'
        ? test.slice(1)
        : test[0] === 'CMD-SHELL'
          ? ['/bin/sh', '-c', test.slice(1).join(' ')]
          : []
    if (argv.length === 0) return
    const intervalMs = nsToMs(hc?.Interval) || 30_000
    const startPeriodMs = nsToMs(hc?.StartPeriod) || 0
    const startIntervalMs = nsToMs(hc?.StartInterval) || 0
    const retries = hc?.Retries || 3
    const pid = c.state.pid
    const alive = (): boolean =>
      c.state.pid === pid && c.state.status === 'running' && c.state.health !== undefined
    const inStartPeriod = (): boolean =>
      this.clock.now() - (c.state.startedAtMs ?? 0) < startPeriodMs
    const nextDelay = (): number =>
      startIntervalMs > 0 && inStartPeriod() && c.state.health?.status === 'starting'
        ? startIntervalMs
        : intervalMs
    const attributes = { image: c.imageRef, name: c.name }
    const execAttributes = { ...attributes, execID: '' }
    const finish = (start: number, exitCode: number, output: string): void => {
      if (!alive() || !c.state.health) return
      const health = c.state.health
      health.log = [
        ...health.log.slice(-4),
        {
          Start: rfc3339Nano(start),
          End: rfc3339Nano(this.clock.now() + 20),
          ExitCode: exitCode,
          Output: output.slice(0, 4096),
        },
      ]
      this.events.emit('container', 'exec_die', c.id, {
        ...execAttributes,
        exitCode: String(exitCode),
      })
      let next: 'healthy' | 'unhealthy' | undefined
      if (exitCode === 0) {
        health.failingStreak = 0
        next = 'healthy'
      } else if (!(inStartPeriod() && health.status === 'starting')) {
        health.failingStreak++
        if (health.failingStreak >= retries) next = 'unhealthy'
      }
      if (next !== undefined && health.status !== next) {
        health.status = next
        this.events.emit('container', `health_status: ${next}`, c.id, attributes)
      }
      this.changed()
      this.schedule(c, nextDelay(), probe)
    }
    const probe = (): void => {
      if (!alive()) return
      const start = this.clock.now()
      execAttributes.execID = this.random.hex(64)
      const detail = { ...execAttributes }
      this.events.emit('container', `exec_create: ${argv.join(' ')}`, c.id, detail)
      this.events.emit('container', `exec_start: ${argv.join(' ')}`, c.id, detail)
      if (this.runner === undefined) {
        finish(start, 0, '')
        return
      }
      const refused = this.runner.cannotStart?.(c, argv)
      if (refused !== undefined) {
        finish(start, -1, refused.message)
        return
      }
      const run = this.runner
        .run(c, argv)
        .then((r) => finish(start, r.exitCode, r.stdout + r.stderr))
      // settle() waits for the probe, so a lesson's `sleep` sees its result in time.
      this.inFlight.add(run)
      void run.finally(() => this.inFlight.delete(run))
    }
    this.schedule(c, nextDelay(), probe)
  }

  private schedule(c: ContainerRecord, delayMs: number, action: () => void): void {
    const timer = this.clock.setTimer(delayMs, () => {
      c.timers = c.timers.filter((t) => t.id !== timer.id)
      action()
    })
    c.timers.push(timer)
  }

  private cancelTimers(c: ContainerRecord): void {
    for (const timer of c.timers) this.clock.clearTimer(timer)
    c.timers = []
  }

  private appendLog(c: ContainerRecord, stream: LogEntry['stream'], text: string): void {
    c.logs.push({ timeMs: this.clock.now(), stream, text })
    this.changed()
  }

  private logContext(c: ContainerRecord): LogContext {
    const firstIp = [...c.networks.values()].map((e) => e.IPAddress).find((ip) => ip !== '') ?? ''
    const env = Object.fromEntries(
      c.config.Env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]),
    )
    return {
      now: this.clock.now(),
      env,
      hostname: c.config.Hostname,
      ip: firstIp,
      kernel: this.host.kernel,
      ncpu: this.host.cpus,
    }
  }

  /** The main process ended by itself with `code`: apply the restart policy. */
  private processExited(c: ContainerRecord, code: number): void {
    this.stopProcess(c, code)
    this.events.emit('container', 'die', c.id, {
      exitCode: String(code),
      image: c.imageRef,
      name: c.name,
    })
    const policy = c.hostConfig.RestartPolicy
    const restart =
      !c.stoppedByUser &&
      (policy.Name === 'always' ||
        policy.Name === 'unless-stopped' ||
        (policy.Name === 'on-failure' &&
          code !== 0 &&
          (policy.MaximumRetryCount === 0 || c.restartCount < policy.MaximumRetryCount)))
    if (restart) {
      c.state.status = 'restarting'
      // Docker's back-off: 100 ms doubling per consecutive restart.
      const delay = 100 * 2 ** Math.min(c.restartCount, 10)
      this.schedule(c, delay, () => {
        c.restartCount++
        this.attachNetworks(c)
        this.launch(c, false)
        this.events.emit('container', 'restart', c.id, { image: c.imageRef, name: c.name })
        this.changed()
      })
    } else if (c.hostConfig.AutoRemove) {
      this.destroy(c, false)
    }
    this.changed()
  }

  private stopProcess(c: ContainerRecord, code: number): void {
    this.cancelTimers(c)
    this.runAborts.get(c.id)?.abort()
    this.runAborts.delete(c.id)
    c.state = {
      ...c.state,
      status: 'exited',
      pid: 0,
      exitCode: code,
      finishedAtMs: this.clock.now(),
      health: c.state.health ? { ...c.state.health, status: 'unhealthy' } : undefined,
    }
    if (c.state.health) c.state.health = undefined
    this.detachNetworks(c)
  }

  stopContainer(
    ref: string,
    options: { signal?: string } = {},
  ): Result<ContainerRecord, DaemonError> {
    const found = this.container(ref)
    if (!found.ok) return found
    const c = found.value
    c.stoppedByUser = true
    if (c.state.status === 'restarting') {
      this.cancelTimers(c)
      c.state.status = 'exited'
      this.changed()
      return ok(c)
    }
    if (c.state.status !== 'running' && c.state.status !== 'paused') return ok(c)
    const signal = options.signal ?? c.config.StopSignal ?? 'SIGTERM'
    const ignored = this.ignoresSignal(c, signal)
    const shutdown = ignored ? undefined : c.image.catalog?.profile.shutdown
    if (shutdown)
      for (const line of renderLogLines(shutdown.logs, this.logContext(c)))
        this.appendLog(c, line.stream, line.text)
    // A process that ignores the signal is killed when the stop timeout runs out.
    // An image that names its own STOPSIGNAL (httpd's SIGWINCH, nginx's SIGQUIT) shuts down
    // gracefully on it and exits 0.
    const ownSignal =
      c.processKind === 'service' &&
      c.image.inspect.Config.StopSignal !== undefined &&
      signalNumber(c.image.inspect.Config.StopSignal) === signalNumber(signal)
    const code = ignored ? 137 : (shutdown?.code ?? (ownSignal ? 0 : 128 + signalNumber(signal)))
    this.events.emit('container', 'kill', c.id, {
      image: c.imageRef,
      name: c.name,
      signal: String(signalNumber(signal)),
    })
    if (ignored)
      this.events.emit('container', 'kill', c.id, { image: c.imageRef, name: c.name, signal: '9' })
    this.stopProcess(c, code)
    this.events.emit('container', 'die', c.id, {
      exitCode: String(code),
      image: c.imageRef,
      name: c.name,
    })
    this.events.emit('container', 'stop', c.id, { image: c.imageRef, name: c.name })
    if (c.hostConfig.AutoRemove) this.destroy(c, false)
    this.changed()
    return ok(c)
  }

  /**
   * Whether `docker stop` will have to wait out its timeout: the main process ignores the stop
   * signal (see ContainerRecord.processKind). The CLI then waits on the clock before the kill.
   */
  stopWaitsForTimeout(ref: string, signal?: string): boolean {
    const c = this.findContainer(ref)
    if (c === undefined || (c.state.status !== 'running' && c.state.status !== 'paused'))
      return false
    return this.ignoresSignal(c, signal ?? c.config.StopSignal ?? 'SIGTERM')
  }

  /** Records that the stop signal was sent (the `kill` event) before a stop that waits. */
  announceStopSignal(ref: string, signal?: string): void {
    const c = this.findContainer(ref)
    if (c === undefined) return
    const sent = signal ?? c.config.StopSignal ?? 'SIGTERM'
    this.events.emit('container', 'kill', c.id, {
      image: c.imageRef,
      name: c.name,
      signal: String(signalNumber(sent)),
    })
  }

  private ignoresSignal(c: ContainerRecord, signal: string): boolean {
    if (signalNumber(signal) === 9) return false
    // With an init as PID 1 the command is an ordinary process: the default action kills it.
    if (c.hostConfig.Init === true) return false
    return c.processKind === 'command' || c.processKind === 'waits-for-input'
  }

  killContainer(ref: string, signal = 'SIGKILL'): Result<ContainerRecord, DaemonError> {
    const found = this.container(ref)
    if (!found.ok) return found
    const c = found.value
    if (c.state.status !== 'running' && c.state.status !== 'paused')
      return err(daemonErrors.killNotRunning(ref, c.id))
    c.stoppedByUser = true
    const code = 128 + signalNumber(signal)
    this.events.emit('container', 'kill', c.id, {
      image: c.imageRef,
      name: c.name,
      signal: String(signalNumber(signal)),
    })
    this.stopProcess(c, code)
    this.events.emit('container', 'die', c.id, {
      exitCode: String(code),
      image: c.imageRef,
      name: c.name,
    })
    if (c.hostConfig.AutoRemove) this.destroy(c, false)
    this.changed()
    return ok(c)
  }

  restartContainer(ref: string): Result<ContainerRecord, DaemonError> {
    const stopped = this.stopContainer(ref)
    if (!stopped.ok) return stopped
    if (!this.containers.has(stopped.value.id)) return err(daemonErrors.noSuchContainer(ref))
    const started = this.startContainer(stopped.value.id)
    if (started.ok)
      this.events.emit('container', 'restart', started.value.id, {
        image: started.value.imageRef,
        name: started.value.name,
      })
    return started
  }

  pauseContainer(ref: string): Result<ContainerRecord, DaemonError> {
    const found = this.container(ref)
    if (!found.ok) return found
    const c = found.value
    if (c.state.status === 'paused') return err(daemonErrors.alreadyPaused(c.id))
    if (c.state.status !== 'running') return err(daemonErrors.notRunning(c.id))
    c.state.status = 'paused'
    this.events.emit('container', 'pause', c.id, { image: c.imageRef, name: c.name })
    this.changed()
    return ok(c)
  }

  unpauseContainer(ref: string): Result<ContainerRecord, DaemonError> {
    const found = this.container(ref)
    if (!found.ok) return found
    const c = found.value
    if (c.state.status !== 'paused') return err(daemonErrors.notPaused(c.id))
    c.state.status = 'running'
    this.events.emit('container', 'unpause', c.id, { image: c.imageRef, name: c.name })
    this.changed()
    return ok(c)
  }

  removeContainer(
    ref: string,
    options: { force?: boolean; volumes?: boolean } = {},
  ): Result<ContainerRecord, DaemonError> {
    const found = this.container(ref)
    if (!found.ok) return found
    const c = found.value
    if (c.state.status === 'paused' && !options.force) return err(daemonErrors.removePaused(c.name))
    if (isUp(c) && !options.force) return err(daemonErrors.removeRunning(c.name))
    if (isUp(c)) this.killContainer(c.id)
    if (this.containers.has(c.id)) this.destroy(c, options.volumes ?? false)
    return ok(c)
  }

  private destroy(c: ContainerRecord, removeVolumes: boolean): void {
    this.cancelTimers(c)
    this.detachNetworks(c)
    this.containers.delete(c.id)
    if (removeVolumes || c.hostConfig.AutoRemove)
      for (const mount of c.mounts) {
        const volume = mount.Name === undefined ? undefined : this.volumes.get(mount.Name)
        if (volume?.anonymous) this.volumes.remove(volume.volume.Name)
      }
    this.events.emit('container', 'destroy', c.id, { image: c.imageRef, name: c.name })
    this.changed()
  }

  renameContainer(ref: string, newName: string): Result<ContainerRecord, DaemonError> {
    const found = this.container(ref)
    if (!found.ok) return found
    const taken = this.findContainer(`/${newName}`)
    if (taken && taken.name === newName) return err(daemonErrors.nameInUse(newName, taken.id))
    const old = found.value.name
    found.value.name = newName
    this.events.emit('container', 'rename', found.value.id, {
      image: found.value.imageRef,
      name: newName,
      oldName: `/${old}`,
    })
    this.changed()
    return ok(found.value)
  }

  logs(ref: string): Result<readonly LogEntry[], DaemonError> {
    const found = this.container(ref)
    return found.ok ? ok(found.value.logs) : found
  }

  /** A line the main process writes in answer to outside activity (an access log, reach.ts). */
  writeLog(
    ref: string,
    stream: LogEntry['stream'],
    text: string,
  ): Result<ContainerRecord, DaemonError> {
    const found = this.container(ref)
    if (found.ok) this.appendLog(found.value, stream, text)
    return found
  }

  allContainers(): ContainerRecord[] {
    // Newest first; containers created in the same virtual millisecond keep creation order.
    return [...this.containers.values()].reverse().sort((a, b) => b.createdMs - a.createdMs)
  }

  listContainers(options: { all?: boolean } = {}): ContainerSummary[] {
    return this.allContainers()
      .filter(
        (c) =>
          options.all ||
          c.state.status === 'running' ||
          c.state.status === 'paused' ||
          c.state.status === 'restarting',
      )
      .map((c) => this.summary(c))
  }

  summary(c: ContainerRecord): ContainerSummary {
    const ports: PortSummary[] = []
    for (const [key, bindings] of Object.entries(isUp(c) ? c.boundPorts : exposedOnly(c.config))) {
      const [port = '0', proto = 'tcp'] = key.split('/')
      if (!bindings || bindings.length === 0)
        ports.push({ PrivatePort: Number(port), Type: proto as PortSummary['Type'] })
      else
        for (const b of bindings)
          ports.push({
            IP: b.HostIp,
            PrivatePort: Number(port),
            PublicPort: Number(b.HostPort),
            Type: proto as PortSummary['Type'],
          })
    }
    return {
      Id: c.id,
      Names: [`/${c.name}`],
      Image: c.imageRef,
      ImageID: c.image.id,
      Command: [c.path, ...c.args].map(quoteIfNeeded).join(' '),
      Created: Math.floor(c.createdMs / 1000),
      Ports: ports,
      Labels: c.config.Labels,
      State: c.state.status,
      Status: describeStatus(c.state, this.clock.now()),
      HostConfig: { NetworkMode: c.hostConfig.NetworkMode },
      NetworkSettings: { Networks: Object.fromEntries(c.networks) },
      Mounts: c.mounts,
    }
  }

  inspectContainer(ref: string): Result<ContainerInspect, DaemonError> {
    const found = this.container(ref)
    if (!found.ok) return found
    const c = found.value
    const s = c.state
    return ok({
      Id: c.id,
      Created: rfc3339Nano(c.createdMs),
      Path: c.path,
      Args: c.args,
      State: {
        Status: s.status,
        Running: s.status === 'running' || s.status === 'paused',
        Paused: s.status === 'paused',
        Restarting: s.status === 'restarting',
        OOMKilled: s.oomKilled,
        Dead: s.status === 'dead',
        Pid: s.pid,
        ExitCode: s.exitCode,
        Error: s.error,
        StartedAt: s.startedAtMs === undefined ? ZERO_TIME : rfc3339Nano(s.startedAtMs),
        FinishedAt: s.finishedAtMs === undefined ? ZERO_TIME : rfc3339Nano(s.finishedAtMs),
        ...(s.health
          ? {
              Health: {
                Status: s.health.status,
                FailingStreak: s.health.failingStreak,
                Log: s.health.log,
              },
            }
          : {}),
      },
      Image: c.image.id,
      ResolvConfPath: `/var/lib/docker/containers/${c.id}/resolv.conf`,
      HostnamePath: `/var/lib/docker/containers/${c.id}/hostname`,
      HostsPath: `/var/lib/docker/containers/${c.id}/hosts`,
      LogPath: `/var/lib/docker/containers/${c.id}/${c.id}-json.log`,
      Name: `/${c.name}`,
      RestartCount: c.restartCount,
      Driver: 'overlay2',
      Platform: 'linux',
      MountLabel: '',
      ProcessLabel: '',
      AppArmorProfile: '',
      ExecIDs: null,
      HostConfig: c.hostConfig,
      Mounts: c.mounts,
      Config: c.config,
      NetworkSettings: {
        Bridge: '',
        SandboxID: isUp(c) ? c.id.slice(0, 64) : '',
        SandboxKey: isUp(c) ? `/var/run/docker/netns/${c.id.slice(0, 12)}` : '',
        Ports: isUp(c) ? c.boundPorts : {},
        ...defaultNetworkSettings(c.networks.get('bridge')),
        Networks: Object.fromEntries(c.networks),
      },
    })
  }
}

/** The deprecated top-level copy of the default bridge endpoint (daemon getDefaultNetworkSettings). */
function defaultNetworkSettings(
  bridge: EndpointSettings | undefined,
): Omit<
  ContainerInspect['NetworkSettings'],
  'Bridge' | 'SandboxID' | 'SandboxKey' | 'Ports' | 'Networks'
> {
  return {
    EndpointID: bridge?.EndpointID ?? '',
    Gateway: bridge?.Gateway ?? '',
    GlobalIPv6Address: bridge?.GlobalIPv6Address ?? '',
    GlobalIPv6PrefixLen: bridge?.GlobalIPv6PrefixLen ?? 0,
    IPAddress: bridge?.IPAddress ?? '',
    IPPrefixLen: bridge?.IPPrefixLen ?? 0,
    IPv6Gateway: bridge?.IPv6Gateway ?? '',
    MacAddress: bridge?.MacAddress ?? '',
  }
}

function imageInspectFrom(
  answer: Extract<ReturnType<ImageRegistry['fetch']>, { ok: true }>,
  familiar: string,
): ImageInspect {
  const cfg = answer.image.config
  return {
    Id: answer.id,
    RepoTags: [familiar],
    RepoDigests: [answer.repoDigest],
    Parent: '',
    Comment: 'buildkit.dockerfile.v0',
    Created: answer.image.created,
    DockerVersion: '',
    Author: '',
    Config: {
      Hostname: '',
      Domainname: '',
      User: cfg.User,
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
      ...(cfg.ExposedPorts ? { ExposedPorts: cfg.ExposedPorts } : {}),
      Tty: false,
      OpenStdin: false,
      StdinOnce: false,
      Env: cfg.Env,
      Cmd: cfg.Cmd ?? null,
      ...(cfg.Healthcheck ? { Healthcheck: cfg.Healthcheck } : {}),
      Image: '',
      Volumes: cfg.Volumes ?? null,
      WorkingDir: cfg.WorkingDir,
      Entrypoint: cfg.Entrypoint ?? null,
      OnBuild: null,
      Labels: cfg.Labels ?? {},
      ...(cfg.StopSignal ? { StopSignal: cfg.StopSignal } : {}),
    },
    Architecture: answer.image.architecture,
    Os: answer.image.os,
    Size: answer.image.sizeBytes,
    RootFS: { Type: 'layers', Layers: answer.layers.map((l) => l.digest) },
    Metadata: { LastTagTime: ZERO_TIME },
  }
}

function withDefaultTag(ref: string): string {
  const parsed = parseNormalizedNamed(ref)
  return parsed.ok ? familiarString(tagNameOnly(parsed.value)) : ref
}

function mergeConfig(
  image: ContainerConfig,
  request: ContainerCreateRequest,
  id: string,
): ContainerConfig {
  const env = new Map<string, string>()
  for (const entry of [...image.Env, ...(request.Env ?? [])]) {
    const eq = entry.indexOf('=')
    env.set(eq === -1 ? entry : entry.slice(0, eq), entry)
  }
  const entrypointGiven = request.Entrypoint !== undefined && request.Entrypoint !== null
  return {
    Hostname: request.Hostname || id.slice(0, 12),
    Domainname: request.Domainname ?? '',
    User: request.User || image.User,
    AttachStdin: request.AttachStdin ?? false,
    AttachStdout: request.AttachStdout ?? true,
    AttachStderr: request.AttachStderr ?? true,
    ...(image.ExposedPorts || request.ExposedPorts
      ? { ExposedPorts: { ...image.ExposedPorts, ...request.ExposedPorts } }
      : {}),
    Tty: request.Tty ?? false,
    OpenStdin: request.OpenStdin ?? false,
    StdinOnce: request.StdinOnce ?? false,
    Env: [...env.values()],
    // A new entrypoint drops the image's CMD, as the daemon does.
    Cmd: request.Cmd && request.Cmd.length > 0 ? request.Cmd : entrypointGiven ? null : image.Cmd,
    ...((request.Healthcheck ?? image.Healthcheck)
      ? { Healthcheck: request.Healthcheck ?? image.Healthcheck }
      : {}),
    Image: request.Image,
    Volumes: image.Volumes || request.Volumes ? { ...image.Volumes, ...request.Volumes } : null,
    WorkingDir: request.WorkingDir || image.WorkingDir,
    Entrypoint: entrypointGiven
      ? request.Entrypoint?.length
        ? request.Entrypoint
        : null
      : image.Entrypoint,
    OnBuild: null,
    Labels: { ...image.Labels, ...request.Labels },
    ...((request.StopSignal ?? image.StopSignal)
      ? { StopSignal: request.StopSignal ?? image.StopSignal }
      : {}),
    ...(request.StopTimeout !== undefined ? { StopTimeout: request.StopTimeout } : {}),
  }
}

function defaultHostConfig(given: Partial<HostConfig> | undefined): HostConfig {
  return {
    Binds: given?.Binds ?? null,
    NetworkMode: given?.NetworkMode || 'bridge',
    PortBindings: given?.PortBindings ?? {},
    RestartPolicy: given?.RestartPolicy ?? { Name: 'no', MaximumRetryCount: 0 },
    AutoRemove: given?.AutoRemove ?? false,
    ...(given?.Mounts ? { Mounts: given.Mounts } : {}),
    PublishAllPorts: given?.PublishAllPorts ?? false,
    Memory: given?.Memory ?? 0,
    NanoCpus: given?.NanoCpus ?? 0,
    Privileged: given?.Privileged ?? false,
    ReadonlyRootfs: given?.ReadonlyRootfs ?? false,
    ExtraHosts: given?.ExtraHosts ?? null,
    Links: given?.Links ?? null,
    ...(given?.Init ? { Init: true } : {}),
  }
}

function emptyEndpoint(network: NetworkRecord, request: ContainerCreateRequest): EndpointSettings {
  const given = request.NetworkingConfig?.EndpointsConfig?.[network.resource.Name]
  return {
    IPAMConfig: given?.IPAMConfig ?? null,
    Links: null,
    Aliases: given?.Aliases ?? null,
    MacAddress: '',
    DriverOpts: null,
    NetworkID: '',
    EndpointID: '',
    Gateway: '',
    IPAddress: '',
    IPPrefixLen: 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: null,
  }
}

function exposedOnly(config: ContainerConfig): PortMap {
  return Object.fromEntries(Object.keys(config.ExposedPorts ?? {}).map((p) => [p, null]))
}

function macAddress(random: SeededRandom): string {
  const bytes = [0x02, ...Array.from({ length: 5 }, () => random.nextInt(256))]
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':')
}

const SIGNALS: Record<string, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGTERM: 15,
  SIGWINCH: 28,
}

/** How long after start a service that cannot fit its memory limit is OOM-killed. */
const OOM_AFTER_MS = 300

export function signalNumber(signal: string): number {
  if (/^\d+$/.test(signal)) return Number(signal)
  const upper = signal.toUpperCase()
  return SIGNALS[upper.startsWith('SIG') ? upper : `SIG${upper}`] ?? 15
}

function nsToMs(ns: number | undefined): number {
  return ns === undefined ? 0 : Math.floor(ns / 1_000_000)
}

function splitLines(text: string): string[] {
  if (text === '') return []
  return text.replace(/\n$/, '').split('\n')
}

function quoteIfNeeded(word: string): string {
  return word
}

export { DaemonError }
