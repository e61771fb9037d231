/**
 * What the daemon checks in a create request before it looks at the image: the host config
 * (moby daemon/container.go verifyContainerSettings, api/types/container ValidateRestartPolicy)
 * and the mounts (moby volume/mounts/linux_parser.go ParseMountRaw, validateMountConfigImpl).
 * Each failure is a 400 with the daemon's own words.
 */
import type { ContainerCreateRequest, MountSpec, RestartPolicy } from './api-types'
import { DaemonError } from './errors'

const invalid = (message: string): DaemonError => new DaemonError(400, message)

export function validateRestartPolicy(policy: RestartPolicy): DaemonError | undefined {
  const count = policy.MaximumRetryCount
  switch (policy.Name) {
    case '':
      return undefined
    case 'no':
    case 'always':
    case 'unless-stopped':
      if (count === 0) return undefined
      return invalid(
        `invalid restart policy: maximum retry count can only be used with 'on-failure'${count < 0 ? ' and cannot be negative' : ''}`,
      )
    case 'on-failure':
      return count < 0
        ? invalid('invalid restart policy: maximum retry count cannot be negative')
        : undefined
    default:
      return invalid(
        `invalid restart policy: unknown policy '${String(policy.Name)}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`,
      )
  }
}

const RW_MODES = new Set(['rw', 'ro'])
const LABEL_MODES = new Set(['z', 'Z'])
const PROPAGATION_MODES = new Set(['private', 'rprivate', 'slave', 'rslave', 'shared', 'rshared'])
const COPY_MODES = new Set(['nocopy'])
const CONSISTENCY_MODES = new Set(['consistent', 'cached', 'delegated'])

/** linuxValidMountMode: a comma list with at most one word of each kind. */
export function validMountMode(mode: string): boolean {
  if (mode === '') return true
  const counts = [0, 0, 0, 0, 0]
  for (const word of mode.split(',')) {
    const kind = [
      RW_MODES,
      LABEL_MODES,
      PROPAGATION_MODES,
      COPY_MODES,
      CONSISTENCY_MODES,
    ].findIndex((set) => set.has(word))
    if (kind === -1) return false
    counts[kind] = (counts[kind] ?? 0) + 1
  }
  return counts.every((n) => n <= 1)
}

function targetProblem(target: string): string | undefined {
  if (target === '') return 'field Target must not be empty'
  if (target.replace(/\/+$/, '') === '' || /^\/+(\.\/*)*$/.test(target))
    return "invalid specification: destination can't be '/'"
  if (!target.startsWith('/')) return `invalid mount path: '${target}' mount path must be absolute`
  return undefined
}

/** The mount config check (validateMountConfigImpl), minus the host-side existence of binds. */
export function mountConfigProblem(mount: MountSpec): string | undefined {
  const problem = ((): string | undefined => {
    const target = targetProblem(mount.Target)
    if (target !== undefined) return target
    if (mount.Type === 'bind') {
      if (mount.Source === '') return 'field Source must not be empty'
      if (!mount.Source.startsWith('/'))
        return `invalid mount path: '${mount.Source}' mount path must be absolute`
    } else if (mount.Type === 'volume') {
      if (mount.ReadOnly && mount.Source === '')
        return 'must not set ReadOnly mode when using anonymous volumes'
    } else if (mount.Type === 'tmpfs') {
      if (mount.Source !== '') return 'field Source must not be specified'
    } else return 'mount type unknown'
    return undefined
  })()
  return problem === undefined
    ? undefined
    : `invalid mount config for type "${mount.Type}": ${problem}`
}

/** A volume name the local driver accepts (moby volume/local: validateName). */
const LOCAL_VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/

/** One `-v` bind string as the daemon parses it (ParseMountRaw). */
export function bindProblem(raw: string): string | undefined {
  const parts = splitN(raw, ':', 4)
  const spec = `invalid volume specification: '${raw}'`
  if ((parts[0] ?? '') === '') return spec
  let source = ''
  let target = ''
  let mode = ''
  if (parts.length === 1) target = parts[0] ?? ''
  else if (parts.length === 2) {
    if (validMountMode(parts[1] ?? '')) return spec
    source = parts[0] ?? ''
    target = parts[1] ?? ''
  } else if (parts.length === 3) {
    source = parts[0] ?? ''
    target = parts[1] ?? ''
    mode = parts[2] ?? ''
  } else return spec
  if (!validMountMode(mode)) return `invalid mode: ${mode}`
  const type = source.startsWith('/') ? 'bind' : 'volume'
  const config = mountConfigProblem({ Type: type, Source: source, Target: target })
  if (config !== undefined) return `${spec}: ${config}`
  if (type === 'volume' && source !== '' && !LOCAL_VOLUME_NAME.test(source))
    return `create ${source}: "${source}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`
  return undefined
}

function splitN(text: string, sep: string, n: number): string[] {
  const parts = text.split(sep)
  if (parts.length <= n) return parts
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)]
}

/**
 * Everything the daemon refuses in a create request before it resolves the image, in the order
 * moby's verifyContainerSettings checks: the config, the host config, the platform limits; the
 * `-v` binds are parsed last, when the mounts are registered.
 */
export function createRequestProblem(request: ContainerCreateRequest): DaemonError | undefined {
  const host = request.HostConfig
  const workdir = request.WorkingDir ?? ''
  if (workdir !== '' && !workdir.startsWith('/'))
    return invalid(`the working directory '${workdir}' is invalid, it needs to be an absolute path`)
  for (const mount of host?.Mounts ?? []) {
    const problem = mountConfigProblem(mount)
    if (problem !== undefined) return invalid(problem)
  }
  const policy = host?.RestartPolicy
  if (policy) {
    const bad = validateRestartPolicy(policy)
    if (bad) return bad
    if (host.AutoRemove && policy.Name !== '' && policy.Name !== 'no')
      return invalid("can't create 'AutoRemove' container with restart policy")
  }
  const memory = host?.Memory ?? 0
  if (memory > 0 && memory < 6 * 1024 * 1024) return invalid('Minimum memory limit allowed is 6MB')
  for (const bind of host?.Binds ?? []) {
    const problem = bindProblem(bind)
    if (problem !== undefined) return invalid(problem)
  }
  return undefined
}
