/**
 * From `docker run`/`docker create` flags to an Engine API create request, as docker/cli's
 * container/opts.go `parse` does it (docker 28.2.2): the same checks in the same order, with
 * the same error texts (the caller frames them as `docker: <error>` + the see-help line).
 * Files named by `--env-file`/`--label-file` are read from the student's filesystem.
 */
import { err, ok, type Result } from '../../core/errors'
import type { FlagValues } from '../../cli-kit/flags'
import type { CommandContext } from '../../shell/command'
import type {
  ContainerCreateRequest,
  EndpointSettings,
  HealthConfig,
  MountSpec,
  RestartPolicy,
} from '../engine/api-types'
import type { CONTAINER_FLAGS, NetworkAttachment } from './container-flags'
import { parseExposeFlags, parsePublishFlags } from './port-spec'

export type ContainerFlagValues = FlagValues<typeof CONTAINER_FLAGS>

/** What `parse` produces: the request, and the client-side options that go with it. */
export interface ContainerSpec {
  request: ContainerCreateRequest
  autoRemove: boolean
}

/** opts.ParseRestartPolicy: `name[:max-retries]`; the daemon validates the name. */
export function parseRestartPolicy(policy: string): Result<RestartPolicy | undefined, string> {
  if (policy === '') return ok(undefined)
  const colon = policy.indexOf(':')
  const name = colon === -1 ? policy : policy.slice(0, colon)
  const count = colon === -1 ? '' : policy.slice(colon + 1)
  if (colon !== -1 && name === '')
    return err('invalid restart policy format: no policy provided before colon')
  let retries = 0
  if (count !== '') {
    if (!/^[+-]?\d+$/.test(count))
      return err('invalid restart policy format: maximum retry count must be an integer')
    retries = Number(count)
  }
  return ok({ Name: name as RestartPolicy['Name'], MaximumRetryCount: retries })
}

/** opts.parseKeyValueFile: KEY=value lines, `#` comments; a bare KEY takes the CLI's value. */
export async function readKeyValueFile(
  shell: CommandContext,
  file: string,
  lookup: ((key: string) => string | undefined) | undefined,
): Promise<Result<string[], string>> {
  const path = shell.resolve(file)
  const exists = await shell.fs.exists(path)
  if (!exists) return err(`open ${file}: no such file or directory`)
  const stat = await shell.fs.stat(path)
  if (stat.isDirectory) return err(`invalid env file (${file}): read ${file}: is a directory`)
  const text = await shell.fs.readFile(path)
  const lines: string[] = []
  const rows = text.split('\n')
  if (rows[rows.length - 1] === '') rows.pop()
  for (let i = 0; i < rows.length; i++) {
    let row = (rows[i] ?? '').replace(/\r$/, '')
    if (i === 0) row = row.replace(/^\uFEFF/, '')
    const line = row.replace(/^\s+/, '')
    if (line === '' || line.startsWith('#')) continue
    const eq = line.indexOf('=')
    const variable = (eq === -1 ? line : line.slice(0, eq)).replace(/^[ \t]+/, '')
    if (/[ \t]/.test(variable))
      return err(`invalid env file (${file}): variable '${variable}' contains whitespaces`)
    if (variable === '')
      return err(`invalid env file (${file}): no variable name on line '${line}'`)
    if (eq !== -1) lines.push(`${variable}=${line.slice(eq + 1)}`)
    else {
      const value = lookup?.(line.trim())
      lines.push(value === undefined ? line.trim() : `${line.trim()}=${value}`)
    }
  }
  return ok(lines)
}

/** A network mode that is not a user-defined network (container.NetworkMode.IsUserDefined). */
export function isBuiltinNetworkMode(mode: string): boolean {
  return ['default', 'bridge', 'host', 'none'].includes(mode) || mode.startsWith('container:')
}

/** parseNetworkOpts: endpoints per network, with the old flags applied to the first one. */
function networkEndpoints(
  values: ContainerFlagValues,
): Result<{ mode: string; endpoints: Record<string, Partial<EndpointSettings>> }, string> {
  const attachments: NetworkAttachment[] = [...values.net, ...values.network]
  const aliases = [...values['net-alias'], ...values['network-alias']]
  const endpoints: Record<string, Partial<EndpointSettings>> = {}
  const list =
    attachments.length === 0
      ? [{ target: 'default', aliases: [], ipv4: '', ipv6: '' }]
      : attachments
  let userDefined = false
  let builtin = false
  for (const [i, attachment] of list.entries()) {
    const n = { ...attachment, aliases: [...attachment.aliases] }
    if (attachments.length > 0) {
      if (isBuiltinNetworkMode(n.target)) builtin = true
      else userDefined = true
    }
    if (i === 0) {
      if (n.aliases.length > 0 && aliases.length > 0)
        return err('conflicting options: cannot specify both --network-alias and per-network alias')
      if (n.ipv4 !== '' && values.ip !== '')
        return err('conflicting options: cannot specify both --ip and per-network IPv4 address')
      if (n.ipv6 !== '' && values.ip6 !== '')
        return err('conflicting options: cannot specify both --ip6 and per-network IPv6 address')
      if (aliases.length > 0) n.aliases = aliases
      if (values.ip !== '') n.ipv4 = values.ip
      if (values.ip6 !== '') n.ipv6 = values.ip6
      if (values.link.length > 0 && isBuiltinNetworkMode(n.target) && n.target !== 'default')
        return err('links are only supported for user-defined networks')
    }
    if (n.target.trim() === '') return err('no name set for network')
    if (isBuiltinNetworkMode(n.target) && n.aliases.length > 0)
      return err('network-scoped aliases are only supported for user-defined networks')
    if (n.target in endpoints) return err(`network "${n.target}" is specified multiple times`)
    const endpoint: Partial<EndpointSettings> = {}
    if (n.aliases.length > 0) endpoint.Aliases = n.aliases
    if (n.ipv4 !== '' || n.ipv6 !== '') endpoint.IPAMConfig = { IPv4Address: n.ipv4 }
    if (Object.keys(endpoint).length > 0 || list.length > 1) endpoints[n.target] = endpoint
  }
  if (userDefined && builtin)
    return err(
      'conflicting options: cannot attach both user-defined and non-user-defined network-modes',
    )
  return ok({ mode: attachments[0]?.target ?? '', endpoints })
}

/** compose's volume spec parser as `-v` uses it client-side: only the shape is checked here. */
function volumeSource(spec: string): Result<string, string> {
  if (spec === '') return err('invalid empty volume spec')
  const sections = spec.split(':')
  if (sections.some((s) => s === ''))
    return err(`invalid spec: ${spec}: empty section between colons`)
  return ok(sections.length === 1 ? '' : (sections[0] ?? ''))
}

/** MountOpt: a bind source of `.` or `./…` is made absolute against the CLI's directory. */
function absoluteSource(mount: MountSpec, shell: CommandContext): MountSpec {
  const relative = mount.Source === '.' || mount.Source.startsWith('./')
  return mount.Type === 'bind' && relative
    ? { ...mount, Source: shell.resolve(mount.Source) }
    : mount
}

const MAC = /^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$/

/**
 * docker/cli `parse`: the create request for `image` and its command, or the error text. Bare
 * `-e NAME` and bare names in env files take the value the shell has, as docker does with its
 * own environment.
 */
export async function containerSpecFromFlags(
  values: ContainerFlagValues,
  changed: readonly string[],
  image: string,
  command: readonly string[],
  shell: CommandContext,
): Promise<Result<ContainerSpec, string>> {
  const attach = values.attach
  let attachStdin = attach.includes('stdin')
  let attachStdout = attach.includes('stdout')
  let attachStderr = attach.includes('stderr')
  if (values['mac-address'] !== '' && !MAC.test(values['mac-address']))
    return err(`${values['mac-address']} is not a valid mac address`)
  if (values.interactive) attachStdin = true
  if (attach.length === 0) {
    attachStdout = true
    attachStderr = true
  }
  const swappiness = values['memory-swappiness']
  if (swappiness !== -1 && (swappiness < 0 || swappiness > 100))
    return err(`invalid value: ${swappiness}. Valid memory swappiness range is 0-100`)

  const binds: string[] = []
  const volumes: Record<string, Record<string, never>> = {}
  for (const spec of values.volume) {
    const source = volumeSource(spec)
    if (!source.ok) return source
    if (source.value === '') {
      volumes[spec] = {}
      continue
    }
    // docker 23+: a bind source starting with "." is made absolute against the CLI's directory.
    let bind = spec
    if (source.value.startsWith('.'))
      bind = shell.resolve(source.value) + spec.slice(source.value.length)
    binds.push(bind)
  }

  let entrypoint: string[] | undefined
  if (values.entrypoint !== '') entrypoint = [values.entrypoint]
  else if (changed.includes('entrypoint')) entrypoint = []

  const published = parsePublishFlags(values.publish)
  if (!published.ok) return err(published.error)
  const exposed = parseExposeFlags(values.expose)
  if (!exposed.ok) return err(exposed.error)
  const exposedPorts: Record<string, Record<string, never>> = {}
  for (const port of [...published.value.exposed, ...exposed.value]) exposedPorts[port] = {}

  const lookup = (key: string): string | undefined => shell.env.get(key)
  const env: string[] = []
  for (const file of values['env-file']) {
    const lines = await readKeyValueFile(shell, file, lookup)
    if (!lines.ok) return lines
    env.push(...lines.value)
  }
  for (const entry of values.env) {
    const value = entry.includes('=') ? undefined : lookup(entry)
    env.push(value === undefined ? entry : `${entry}=${value}`)
  }
  const labelLines: string[] = []
  for (const file of values['label-file']) {
    const lines = await readKeyValueFile(shell, file, undefined)
    if (!lines.ok) return lines
    labelLines.push(...lines.value)
  }
  labelLines.push(...values.label)
  const labels: Record<string, string> = {}
  for (const line of labelLines) {
    const eq = line.indexOf('=')
    labels[eq === -1 ? line : line.slice(0, eq)] = eq === -1 ? '' : line.slice(eq + 1)
  }

  const pid = values.pid
  if (pid !== '' && pid !== 'host' && !/^container:.+/.test(pid))
    return err('--pid: invalid PID mode')
  if (values.uts !== '' && values.uts !== 'host') return err('--uts: invalid UTS mode')
  if (values.userns !== '' && values.userns !== 'host') return err('--userns: invalid USER mode')
  if (!['', 'host', 'private'].includes(values.cgroupns))
    return err('--cgroupns: invalid CGROUP mode')

  const restart = parseRestartPolicy(values.restart)
  if (!restart.ok) return restart
  if (values['log-driver'] === 'none' && values['log-opt'].length > 0)
    return err('invalid logging opts for driver none')
  for (const opt of values['storage-opt'])
    if (!opt.includes('=')) return err('invalid storage option')

  let healthcheck: HealthConfig | undefined
  const haveHealth =
    values['health-cmd'] !== '' ||
    values['health-interval'] !== 0 ||
    values['health-timeout'] !== 0 ||
    values['health-start-period'] !== 0 ||
    values['health-start-interval'] !== 0 ||
    values['health-retries'] !== 0
  if (values['no-healthcheck']) {
    if (haveHealth) return err('--no-healthcheck conflicts with --health-* options')
    healthcheck = { Test: ['NONE'] }
  } else if (haveHealth) {
    for (const name of [
      'health-interval',
      'health-timeout',
      'health-retries',
      'health-start-period',
      'health-start-interval',
    ] as const)
      if (values[name] < 0) return err(`--${name} cannot be negative`)
    healthcheck = {
      ...(values['health-cmd'] === '' ? {} : { Test: ['CMD-SHELL', values['health-cmd']] }),
      Interval: values['health-interval'],
      Timeout: values['health-timeout'],
      StartPeriod: values['health-start-period'],
      StartInterval: values['health-start-interval'],
      Retries: values['health-retries'],
    }
  }

  const policy = restart.value
  if (values.rm && policy !== undefined && policy.Name !== 'no')
    return err('conflicting options: cannot specify both --restart and --rm')

  const networks = networkEndpoints(values)
  if (!networks.ok) return networks

  const request: ContainerCreateRequest = {
    Image: image,
    Hostname: values.hostname,
    Domainname: values.domainname,
    User: values.user,
    AttachStdin: attachStdin,
    AttachStdout: attachStdout,
    AttachStderr: attachStderr,
    Tty: values.tty,
    OpenStdin: values.interactive,
    StdinOnce: values.interactive && attachStdin,
    Env: env,
    WorkingDir: values.workdir,
    Labels: labels,
    ...(Object.keys(exposedPorts).length > 0 ? { ExposedPorts: exposedPorts } : {}),
    ...(command.length > 0 ? { Cmd: [...command] } : {}),
    ...(entrypoint === undefined ? {} : { Entrypoint: entrypoint }),
    ...(Object.keys(volumes).length > 0 ? { Volumes: volumes } : {}),
    ...(healthcheck === undefined ? {} : { Healthcheck: healthcheck }),
    ...(changed.includes('stop-signal') ? { StopSignal: values['stop-signal'] } : {}),
    ...(changed.includes('stop-timeout') ? { StopTimeout: values['stop-timeout'] } : {}),
    HostConfig: {
      Binds: binds.length > 0 ? binds : null,
      NetworkMode: networks.value.mode,
      PortBindings: published.value.bindings,
      ...(policy === undefined ? {} : { RestartPolicy: policy }),
      AutoRemove: values.rm,
      ...(values.mount.length > 0
        ? { Mounts: values.mount.map((m) => absoluteSource(m, shell)) }
        : {}),
      PublishAllPorts: values['publish-all'],
      Memory: values.memory,
      NanoCpus: values.cpus,
      Privileged: values.privileged,
      ReadonlyRootfs: values['read-only'],
      ExtraHosts: values['add-host'].length > 0 ? values['add-host'] : null,
      Links: values.link.length > 0 ? values.link : null,
    },
    ...(Object.keys(networks.value.endpoints).length > 0
      ? { NetworkingConfig: { EndpointsConfig: networks.value.endpoints } }
      : {}),
  }
  return ok({ request, autoRemove: values.rm })
}
