/**
 * The flag table `docker run` and `docker create` share (docker/cli cli/command/container/opts.go
 * addFlags, docker 28.2.2), with the flag-level validators of docker/cli opts/*.go: their errors
 * are the text pflag prints after `invalid argument "x" for "--flag" flag: `. Hidden flags are
 * kept where a student may type them (`--net`, `--net-alias`, `--dns-opt`).
 */
import { readCsvRecord } from '../../cli-kit/flag-values'
import { listOpts, mapOpts, type CustomFlagSpec } from '../../cli-kit/flags'
import { parseBool, parseUint, type ParseOutcome } from '../../cli-kit/go-strconv'
import { ramInBytes } from '../../cli-kit/go-units'
import type { MountSpec } from '../engine/api-types'

const okValue = <T>(value: T): ParseOutcome<T> => ({ ok: true, value })
const failure = (error: string): ParseOutcome<never> => ({ ok: false, error })

/** opts.ValidateEnv: a name is required; a bare name is looked up later, in the CLI's env. */
function validateEnv(value: string): ParseOutcome<string> {
  const eq = value.indexOf('=')
  const key = eq === -1 ? value : value.slice(0, eq)
  return key === '' ? failure(`invalid environment variable: ${value}`) : okValue(value)
}

/** opts.ValidateLabel. */
function validateLabel(value: string): ParseOutcome<string> {
  const eq = value.indexOf('=')
  const key = (eq === -1 ? value : value.slice(0, eq)).trim()
  return key === '' ? failure(`invalid label '${value}': empty name`) : okValue(value)
}

/** validateAttach: stdin, stdout or stderr, in any case. */
function validateAttach(value: string): ParseOutcome<string> {
  const lower = value.toLowerCase()
  return ['stdin', 'stdout', 'stderr'].includes(lower)
    ? okValue(lower)
    : failure('valid streams are STDIN, STDOUT and STDERR')
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/

/** Go's net.ParseIP, for the literal forms a student types (dotted IPv4, colon-hex IPv6). */
export function isIpAddress(text: string): boolean {
  if (IPV4.test(text)) return true
  if (!text.includes(':') || !/^[0-9a-fA-F:.]+$/.test(text)) return false
  const halves = text.split('::')
  if (halves.length > 2) return false
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')))
  const last = groups[groups.length - 1] ?? ''
  const v4Tail = last.includes('.')
  if (v4Tail && !IPV4.test(last)) return false
  const count = groups.length + (v4Tail ? 1 : 0)
  if (!groups.every((g, i) => (v4Tail && i === groups.length - 1) || /^[0-9a-fA-F]{1,4}$/.test(g)))
    return false
  return halves.length === 2 ? count < 8 : count === 8
}

function validateIp(value: string): ParseOutcome<string> {
  return isIpAddress(value.trim())
    ? okValue(value.trim())
    : failure(`IP address is not correctly formatted: ${value}`)
}

/** opts.ValidateExtraHost: `host:ip` or `host=ip`. */
function validateExtraHost(value: string): ParseOutcome<string> {
  const sep = value.includes('=') ? value.indexOf('=') : value.indexOf(':')
  if (sep <= 0) return failure(`bad format for add-host: "${value}"`)
  const ip = value.slice(sep + 1).replace(/^\[(.*)\]$/, '$1')
  if (ip !== 'host-gateway' && !isIpAddress(ip))
    return failure(`invalid IP address in add-host: "${ip}"`)
  return okValue(value)
}

/** A list flag whose Value.String() is `[]` when empty (WeightdeviceOpt, ThrottledeviceOpt). */
function deviceList<const Name extends string>(
  name: Name,
  usage: string,
): CustomFlagSpec<string[]> & { name: Name } {
  return {
    name,
    usage,
    type: 'custom',
    typeName: 'list',
    default: [],
    defValue: '[]',
    parse: (raw, current) =>
      /^[^:]+:.+$/.test(raw) ? okValue([...current, raw]) : failure(`bad format: ${raw}`),
  }
}

/** opts.MountOpt.Set: a CSV of key=value fields, checked the way docker/cli checks them. */
export function parseMountFlag(value: string): ParseOutcome<MountSpec> {
  const fields = readCsvRecord(value)
  if (!fields.ok) return fields
  let type = 'volume'
  let source = ''
  let target = ''
  let readOnly = false
  const kinds = new Set<'volume' | 'bind' | 'tmpfs'>()
  for (const field of fields.value) {
    const eq = field.indexOf('=')
    const key = eq === -1 ? field : field.slice(0, eq)
    const val = eq === -1 ? '' : field.slice(eq + 1)
    if (eq === -1) {
      if (key === 'readonly' || key === 'ro') readOnly = true
      else if (key === 'volume-nocopy') kinds.add('volume')
      else if (key === 'bind-nonrecursive') kinds.add('bind')
      else return failure(`invalid field '${field}' must be a key=value pair`)
      continue
    }
    switch (key) {
      case 'type':
        type = val.toLowerCase()
        break
      case 'source':
      case 'src':
        source = val
        break
      case 'target':
      case 'dst':
      case 'destination':
        target = val
        break
      case 'readonly':
      case 'ro': {
        const parsed = parseBool(val)
        if (!parsed.ok) return failure(`invalid value for ${key}: ${val}`)
        readOnly = parsed.value
        break
      }
      case 'bind-propagation':
      case 'bind-nonrecursive':
      case 'bind-recursive':
      case 'bind-create-mountpoint':
        kinds.add('bind')
        break
      case 'volume-nocopy':
      case 'volume-label':
      case 'volume-driver':
      case 'volume-opt':
      case 'volume-subpath':
        kinds.add('volume')
        break
      case 'tmpfs-size':
        if (!ramInBytes(val).ok) return failure(`invalid value for ${key}: ${val}`)
        kinds.add('tmpfs')
        break
      case 'tmpfs-mode':
        if (!parseUint(val, 8, 32).ok) return failure(`invalid value for ${key}: ${val}`)
        kinds.add('tmpfs')
        break
      case 'consistency':
        break
      default:
        return failure(`unexpected key '${key}' in '${field}'`)
    }
  }
  if (type === '') return failure('type is required')
  if (target === '') return failure('target is required')
  for (const kind of kinds)
    if (kind !== type) return failure(`cannot mix '${kind}-*' options with mount type '${type}'`)
  if (type !== 'volume' && type !== 'bind' && type !== 'tmpfs')
    return okValue({
      Type: type as MountSpec['Type'],
      Source: source,
      Target: target,
      ReadOnly: readOnly,
    })
  return okValue({ Type: type, Source: source, Target: target, ReadOnly: readOnly })
}

/** One `--network` value: a name, or docker 25's `name=…,alias=…` form (opts.NetworkOpt). */
export interface NetworkAttachment {
  target: string
  aliases: string[]
  ipv4: string
  ipv6: string
}

export function parseNetworkFlag(value: string): ParseOutcome<NetworkAttachment> {
  const attachment: NetworkAttachment = { target: value, aliases: [], ipv4: '', ipv6: '' }
  if (!value.includes('=')) return okValue(attachment)
  const fields = readCsvRecord(value)
  if (!fields.ok) return fields
  attachment.target = ''
  for (const field of fields.value) {
    const eq = field.indexOf('=')
    const key = (eq === -1 ? field : field.slice(0, eq)).toLowerCase()
    const val = eq === -1 ? '' : field.slice(eq + 1)
    switch (key) {
      case 'name':
        attachment.target = val
        break
      case 'alias':
        attachment.aliases.push(val)
        break
      case 'ip':
        attachment.ipv4 = val
        break
      case 'ip6':
        attachment.ipv6 = val
        break
      case 'driver-opt':
      case 'link-local-ip':
      case 'mac-address':
      case 'gw-priority':
        break
      default:
        return failure(`invalid field key ${key}`)
    }
  }
  if (attachment.target === '') return failure('network name/id is not specified')
  return okValue(attachment)
}

const ULIMIT = /^[a-z]+=-?\d+(:-?\d+)?$/
const GPU_COUNT = /^(all|\d+)$/

/** The flags of cli/command/container/opts.go addFlags, in the order docker declares them. */
export const CONTAINER_FLAGS = [
  // General purpose flags
  listOpts(
    { name: 'attach', shorthand: 'a', usage: 'Attach to STDIN, STDOUT or STDERR' },
    validateAttach,
  ),
  listOpts({ name: 'device-cgroup-rule', usage: 'Add a rule to the cgroup allowed devices list' }),
  listOpts({ name: 'device', usage: 'Add a host device to the container' }),
  {
    name: 'gpus' as const,
    type: 'custom',
    typeName: 'gpu-request',
    default: '',
    defValue: '',
    usage: "GPU devices to add to the container ('all' to pass all GPUs)",
    parse: (raw: string) => {
      const count = raw.startsWith('count=') ? raw.slice(6) : raw.includes('=') ? 'all' : raw
      return GPU_COUNT.test(count)
        ? okValue(raw)
        : failure(
            `invalid count (${count}): value must be either "all" or an integer: invalid syntax`,
          )
    },
  } satisfies CustomFlagSpec<string>,
  listOpts({ name: 'env', shorthand: 'e', usage: 'Set environment variables' }, validateEnv),
  listOpts({ name: 'env-file', usage: 'Read in a file of environment variables' }),
  { name: 'entrypoint', type: 'string', usage: 'Overwrite the default ENTRYPOINT of the image' },
  listOpts({ name: 'group-add', usage: 'Add additional groups to join' }),
  { name: 'hostname', shorthand: 'h', type: 'string', usage: 'Container host name' },
  { name: 'domainname', type: 'string', usage: 'Container NIS domain name' },
  {
    name: 'interactive',
    shorthand: 'i',
    type: 'bool',
    usage: 'Keep STDIN open even if not attached',
  },
  listOpts({ name: 'label', shorthand: 'l', usage: 'Set meta data on a container' }, validateLabel),
  listOpts({ name: 'label-file', usage: 'Read in a line delimited file of labels' }),
  {
    name: 'read-only',
    type: 'bool',
    usage: "Mount the container's root filesystem as read only",
  },
  {
    name: 'restart',
    type: 'string',
    default: 'no',
    usage: 'Restart policy to apply when a container exits',
  },
  { name: 'stop-signal', type: 'string', usage: 'Signal to stop the container' },
  { name: 'stop-timeout', type: 'int', usage: 'Timeout (in seconds) to stop a container' },
  mapOpts({ name: 'sysctl', usage: 'Sysctl options' }, (raw) =>
    /^(kernel\.(msg|sem|shm)|fs\.mqueue\.|net\.)/.test(raw)
      ? okValue(raw)
      : failure(`sysctl '${raw}' is not allowed`),
  ),
  { name: 'tty', shorthand: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
  {
    name: 'ulimit' as const,
    type: 'custom',
    typeName: 'ulimit',
    default: [] as string[],
    defValue: '[]',
    usage: 'Ulimit options',
    parse: (raw: string, current: string[]) =>
      ULIMIT.test(raw) ? okValue([...current, raw]) : failure(`invalid ulimit argument: ${raw}`),
  } satisfies CustomFlagSpec<string[]>,
  {
    name: 'user',
    shorthand: 'u',
    type: 'string',
    usage: 'Username or UID (format: <name|uid>[:<group|gid>])',
  },
  {
    name: 'workdir',
    shorthand: 'w',
    type: 'string',
    usage: 'Working directory inside the container',
  },
  {
    name: 'rm',
    type: 'bool',
    usage: 'Automatically remove the container and its associated anonymous volumes when it exits',
  },
  // Security
  listOpts({ name: 'cap-add', usage: 'Add Linux capabilities' }),
  listOpts({ name: 'cap-drop', usage: 'Drop Linux capabilities' }),
  { name: 'privileged', type: 'bool', usage: 'Give extended privileges to this container' },
  listOpts({ name: 'security-opt', usage: 'Security Options' }),
  { name: 'userns', type: 'string', usage: 'User namespace to use' },
  {
    name: 'cgroupns',
    type: 'string',
    usage:
      "Cgroup namespace to use (host|private)\n'host':    Run the container in the Docker host's cgroup namespace\n'private': Run the container in its own private cgroup namespace\n'':        Use the cgroup namespace as configured by the\n           default-cgroupns-mode option on the daemon (default)",
  },
  // Network and port publishing
  listOpts(
    { name: 'add-host', usage: 'Add a custom host-to-IP mapping (host:ip)' },
    validateExtraHost,
  ),
  listOpts({ name: 'dns', usage: 'Set custom DNS servers' }, validateIp),
  listOpts({ name: 'dns-opt', usage: 'Set DNS options', hidden: true }),
  listOpts({ name: 'dns-option', usage: 'Set DNS options' }),
  listOpts({ name: 'dns-search', usage: 'Set custom DNS search domains' }),
  listOpts({ name: 'expose', usage: 'Expose a port or a range of ports' }),
  { name: 'ip', type: 'string', usage: 'IPv4 address (e.g., 172.30.100.104)' },
  { name: 'ip6', type: 'string', usage: 'IPv6 address (e.g., 2001:db8::33)' },
  listOpts({ name: 'link', usage: 'Add link to another container' }),
  listOpts({ name: 'link-local-ip', usage: 'Container IPv4/IPv6 link-local addresses' }),
  {
    name: 'mac-address',
    type: 'string',
    usage: 'Container MAC address (e.g., 92:d0:c6:0a:29:33)',
  },
  listOpts({ name: 'publish', shorthand: 'p', usage: "Publish a container's port(s) to the host" }),
  {
    name: 'publish-all',
    shorthand: 'P',
    type: 'bool',
    usage: 'Publish all exposed ports to random ports',
  },
  networkFlag('net', true),
  networkFlag('network', false),
  listOpts({
    name: 'net-alias',
    usage: 'Add network-scoped alias for the container',
    hidden: true,
  }),
  listOpts({ name: 'network-alias', usage: 'Add network-scoped alias for the container' }),
  // Logging and storage
  { name: 'log-driver', type: 'string', usage: 'Logging driver for the container' },
  { name: 'volume-driver', type: 'string', usage: 'Optional volume driver for the container' },
  listOpts({ name: 'log-opt', usage: 'Log driver options' }),
  listOpts({ name: 'storage-opt', usage: 'Storage driver options for the container' }),
  listOpts({ name: 'tmpfs', usage: 'Mount a tmpfs directory' }),
  listOpts({ name: 'volumes-from', usage: 'Mount volumes from the specified container(s)' }),
  listOpts({ name: 'volume', shorthand: 'v', usage: 'Bind mount a volume' }),
  {
    name: 'mount' as const,
    type: 'custom',
    typeName: 'mount',
    default: [] as MountSpec[],
    defValue: '',
    usage: 'Attach a filesystem mount to the container',
    parse: (raw: string, current: MountSpec[]) => {
      const mount = parseMountFlag(raw)
      return mount.ok ? okValue([...current, mount.value]) : mount
    },
  } satisfies CustomFlagSpec<MountSpec[]>,
  // Health-checking
  { name: 'health-cmd', type: 'string', usage: 'Command to run to check health' },
  {
    name: 'health-interval',
    type: 'duration',
    usage: 'Time between running the check (ms|s|m|h) (default 0s)',
  },
  {
    name: 'health-retries',
    type: 'int',
    usage: 'Consecutive failures needed to report unhealthy',
  },
  {
    name: 'health-timeout',
    type: 'duration',
    usage: 'Maximum time to allow one check to run (ms|s|m|h) (default 0s)',
  },
  {
    name: 'health-start-period',
    type: 'duration',
    usage:
      'Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)',
  },
  {
    name: 'health-start-interval',
    type: 'duration',
    usage: 'Time between running the check during the start period (ms|s|m|h) (default 0s)',
  },
  { name: 'no-healthcheck', type: 'bool', usage: 'Disable any container-specified HEALTHCHECK' },
  // Resource management
  {
    name: 'blkio-weight',
    type: 'uint16',
    usage: 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)',
  },
  deviceList('blkio-weight-device', 'Block IO weight (relative device weight)'),
  { name: 'cidfile', type: 'string', usage: 'Write the container ID to the file' },
  { name: 'cpuset-cpus', type: 'string', usage: 'CPUs in which to allow execution (0-3, 0,1)' },
  { name: 'cpuset-mems', type: 'string', usage: 'MEMs in which to allow execution (0-3, 0,1)' },
  { name: 'cpu-count', type: 'int64', usage: 'CPU count (Windows only)' },
  { name: 'cpu-percent', type: 'int64', usage: 'CPU percent (Windows only)' },
  {
    name: 'cpu-period',
    type: 'int64',
    usage: 'Limit CPU CFS (Completely Fair Scheduler) period',
  },
  { name: 'cpu-quota', type: 'int64', usage: 'Limit CPU CFS (Completely Fair Scheduler) quota' },
  {
    name: 'cpu-rt-period',
    type: 'int64',
    usage: 'Limit CPU real-time period in microseconds',
  },
  {
    name: 'cpu-rt-runtime',
    type: 'int64',
    usage: 'Limit CPU real-time runtime in microseconds',
  },
  {
    name: 'cpu-shares',
    shorthand: 'c',
    type: 'int64',
    usage: 'CPU shares (relative weight)',
  },
  { name: 'cpus', type: 'decimal', usage: 'Number of CPUs' },
  deviceList('device-read-bps', 'Limit read rate (bytes per second) from a device'),
  deviceList('device-read-iops', 'Limit read rate (IO per second) from a device'),
  deviceList('device-write-bps', 'Limit write rate (bytes per second) to a device'),
  deviceList('device-write-iops', 'Limit write rate (IO per second) to a device'),
  {
    name: 'io-maxbandwidth',
    type: 'bytes',
    usage: 'Maximum IO bandwidth limit for the system drive (Windows only)',
  },
  {
    name: 'io-maxiops',
    type: 'uint64',
    usage: 'Maximum IOps limit for the system drive (Windows only)',
  },
  { name: 'kernel-memory', type: 'bytes', usage: 'Kernel memory limit' },
  { name: 'memory', shorthand: 'm', type: 'bytes', usage: 'Memory limit' },
  { name: 'memory-reservation', type: 'bytes', usage: 'Memory soft limit' },
  {
    name: 'memory-swap' as const,
    type: 'custom',
    typeName: 'bytes',
    default: 0,
    defValue: '0',
    usage: "Swap limit equal to memory plus swap: '-1' to enable unlimited swap",
    parse: (raw: string) => (raw === '-1' ? okValue(-1) : ramInBytes(raw)),
  } satisfies CustomFlagSpec<number>,
  {
    name: 'memory-swappiness',
    type: 'int64',
    default: -1,
    usage: 'Tune container memory swappiness (0 to 100)',
  },
  { name: 'oom-kill-disable', type: 'bool', usage: 'Disable OOM Killer' },
  { name: 'oom-score-adj', type: 'int', usage: "Tune host's OOM preferences (-1000 to 1000)" },
  {
    name: 'pids-limit',
    type: 'int64',
    usage: 'Tune container pids limit (set -1 for unlimited)',
  },
  // Low-level execution (cgroups, namespaces, ...)
  { name: 'cgroup-parent', type: 'string', usage: 'Optional parent cgroup for the container' },
  { name: 'ipc', type: 'string', usage: 'IPC mode to use' },
  { name: 'isolation', type: 'string', usage: 'Container isolation technology' },
  { name: 'pid', type: 'string', usage: 'PID namespace to use' },
  { name: 'shm-size', type: 'bytes', usage: 'Size of /dev/shm' },
  { name: 'uts', type: 'string', usage: 'UTS namespace to use' },
  { name: 'runtime', type: 'string', usage: 'Runtime to use for this container' },
  {
    name: 'init',
    type: 'bool',
    usage: 'Run an init inside the container that forwards signals and reaps processes',
  },
  mapOpts({
    name: 'annotation',
    usage: 'Add an annotation to the container (passed through to the OCI runtime)',
  }),
  {
    name: 'use-api-socket',
    type: 'bool',
    usage: 'Bind mount Docker API socket and required auth',
  },
] as const

function networkFlag<const Name extends 'net' | 'network'>(
  name: Name,
  hidden: boolean,
): CustomFlagSpec<NetworkAttachment[]> & { name: Name } {
  return {
    name,
    type: 'custom',
    typeName: 'network',
    default: [],
    defValue: '',
    usage: 'Connect a container to a network',
    hidden,
    parse: (raw, current) => {
      const parsed = parseNetworkFlag(raw)
      return parsed.ok ? okValue([...current, parsed.value]) : parsed
    },
  }
}

/** Flags `run` and `create` both add before the shared table (create.go / run.go). */
export function imageFlags<const Verb extends 'running' | 'creating'>(verb: Verb) {
  // docker 28's create.go has a stray "|" in its list of choices; help shows it as is.
  const choices =
    verb === 'running' ? '("always", "missing", "never")' : '("always", "|missing", "never")'
  return [
    { name: 'name', type: 'string', usage: 'Assign a name to the container' },
    {
      name: 'pull',
      type: 'string',
      default: 'missing',
      usage: `Pull image before ${verb} ${choices}`,
    },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress the pull output' },
    { name: 'help', type: 'bool', usage: 'Print usage' },
    { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable' },
    {
      name: 'disable-content-trust',
      type: 'bool',
      default: true,
      usage: 'Skip image verification',
    },
  ] as const
}
