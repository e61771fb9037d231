import { dockerFormat } from '../../cli-kit/docker-format'
import { FlagSet, listOpts, mapOpts } from '../../cli-kit/flags'
import { GoFunc } from '../../cli-kit/go-value'
import type { NetworkResource } from '../engine/api-types'
import { parseCidr, contains } from '../engine/ipam'
import { createNetwork, listNetworks, pruneNetworks, removeNetwork } from '../engine/network-ops'
import { daemonFailure, dockerCommand, ok } from './command'
import { FORMAT_FLAG_USAGE, filterFlag, parseFilters } from './filters'
import { formatterContext, joinLabels } from './formatter/context'
import { shortId } from './formatter/text'
import { confirm } from './prompt'
import { deletedSection, pruneFilters } from './prune-filters'

const NETWORK_HEADERS: Readonly<Record<string, string>> = {
  ID: 'NETWORK ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  IPv4: 'IPV4',
  IPv6: 'IPV6',
  Internal: 'INTERNAL',
  Labels: 'LABELS',
  CreatedAt: 'CREATED AT',
}

/** Go's time.Time.String() for an RFC 3339 instant: `2026-01-05 09:00:00.123 +0000 UTC`. */
function goTime(rfc3339: string): string {
  const [date = '', time = ''] = rfc3339.replace(/Z$/, '').split('T')
  return `${date} ${time} +0000 UTC`
}

/** docker/cli cli/command/network/formatter.go networkContext */
function networkContext(n: NetworkResource, trunc: boolean) {
  return formatterContext(
    '*network.networkContext',
    {
      ID: () => (trunc ? shortId(n.Id) : n.Id),
      Name: () => n.Name,
      Driver: () => n.Driver,
      Scope: () => n.Scope,
      IPv4: () => String(n.EnableIPv4),
      IPv6: () => String(n.EnableIPv6),
      Internal: () => String(n.Internal),
      Labels: () => joinLabels(n.Labels),
      CreatedAt: () => goTime(n.Created),
    },
    { Label: new GoFunc(['string'], (key) => n.Labels[key as string] ?? '') },
  )
}

/** sortorder.NaturalLess: digit runs compare as numbers. */
export function naturalLess(a: string, b: string): number {
  const split = (s: string): string[] => s.match(/\d+|\D+/g) ?? []
  const x = split(a)
  const y = split(b)
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] ?? ''
    const q = y[i] ?? ''
    if (p === q) continue
    if (/^\d/.test(p) && /^\d/.test(q)) {
      const d = Number(p) - Number(q)
      if (d !== 0) return d
      return p.length - q.length
    }
    return p < q ? -1 : 1
  }
  return x.length - y.length
}

/** `docker network ls` */
export const networkLs = dockerCommand({
  path: 'docker network ls',
  use: '[OPTIONS]',
  short: 'List networks',
  aliases: ['docker network ls', 'docker network list'],
  args: { kind: 'none' },
  flags: () =>
    new FlagSet([
      filterFlag('Provide filter values (e.g. "driver=bridge")'),
      { name: 'format', type: 'string', usage: FORMAT_FLAG_USAGE },
      { name: 'no-trunc', type: 'bool', usage: 'Do not truncate the output' },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display network IDs' },
    ] as const),
  run({ values }, { engine }) {
    const filters = parseFilters(values.filter)
    if (!filters.ok) return { stdout: '', stderr: `${filters.error}\n`, exitCode: 1 }
    const listed = listNetworks(engine, filters.value)
    if (!listed.ok) return daemonFailure(listed.error.message)
    const networks = [...listed.value].sort((a, b) => naturalLess(a.Name, b.Name))
    let format = values.format
    if (format === '' || format === 'table')
      format = values.quiet ? '{{.ID}}' : 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}'
    const trunc = !values['no-trunc']
    const result = dockerFormat(
      format,
      networks.map((n) => networkContext(n, trunc)),
      NETWORK_HEADERS,
    )
    if (!result.ok) return { stdout: '', stderr: `${result.error}\n`, exitCode: 1 }
    return ok(result.output)
  },
})

/** createIPAMConfig's client-side checks (cli/command/network/create.go). */
function ipamProblem(subnets: string[], ranges: string[], gateways: string[]): string | undefined {
  if (subnets.length < ranges.length || subnets.length < gateways.length)
    return 'every ip-range or gateway must have a corresponding subnet'
  const parsed = subnets.map((s) => parseCidr(s))
  for (let i = 0; i < subnets.length; i++)
    for (let j = 0; j < i; j++) {
      const a = parsed[i]
      const b = parsed[j]
      if (
        a &&
        b &&
        (contains(a, subnets[j]?.split('/')[0] ?? '') ||
          contains(b, subnets[i]?.split('/')[0] ?? ''))
      )
        return 'multiple overlapping subnet configuration is not supported'
    }
  const inSome = (ip: string): boolean => parsed.some((s) => s !== undefined && contains(s, ip))
  for (const r of ranges)
    if (!inSome(r.split('/')[0] ?? '')) return `no matching subnet for range ${r}`
  for (const g of gateways)
    if (!/^\d+(\.\d+){3}$/.test(g) || !inSome(g)) return `no matching subnet for gateway ${g}`
  return undefined
}

/** `docker network create` */
export const networkCreate = dockerCommand({
  path: 'docker network create',
  use: '[OPTIONS] NETWORK',
  short: 'Create a network',
  args: { kind: 'exact', count: 1 },
  flags: () =>
    new FlagSet([
      { name: 'attachable', type: 'bool', usage: 'Enable manual container attachment' },
      mapOpts({
        name: 'aux-address',
        usage: 'Auxiliary IPv4 or IPv6 addresses used by Network driver',
      }),
      {
        name: 'config-from',
        type: 'string',
        usage: 'The network from which to copy the configuration',
      },
      { name: 'config-only', type: 'bool', usage: 'Create a configuration only network' },
      {
        name: 'driver',
        shorthand: 'd',
        type: 'string',
        default: 'bridge',
        usage: 'Driver to manage the Network',
      },
      {
        name: 'gateway',
        type: 'stringSlice',
        usage: 'IPv4 or IPv6 Gateway for the master subnet',
      },
      { name: 'ingress', type: 'bool', usage: 'Create swarm routing-mesh network' },
      { name: 'internal', type: 'bool', usage: 'Restrict external access to the network' },
      { name: 'ip-range', type: 'stringSlice', usage: 'Allocate container ip from a sub-range' },
      {
        name: 'ipam-driver',
        type: 'string',
        default: 'default',
        usage: 'IP Address Management Driver',
      },
      mapOpts({ name: 'ipam-opt', usage: 'Set IPAM driver specific options' }),
      {
        name: 'ipv4',
        type: 'bool',
        default: true,
        usage: 'Enable or disable IPv4 address assignment',
      },
      { name: 'ipv6', type: 'bool', usage: 'Enable or disable IPv6 address assignment' },
      listOpts({ name: 'label', usage: 'Set metadata on a network' }, (value) => {
        const key = value.split('=')[0]?.trim() ?? ''
        return key === ''
          ? { ok: false, error: `invalid label '${value}': empty name` }
          : { ok: true, value }
      }),
      mapOpts({ name: 'opt', shorthand: 'o', usage: 'Set driver specific options' }),
      { name: 'scope', type: 'string', usage: "Control the network's scope" },
      {
        name: 'subnet',
        type: 'stringSlice',
        usage: 'Subnet in CIDR format that represents a network segment',
      },
    ] as const),
  run({ values, args }, { engine }) {
    const name = args[0] ?? ''
    const problem = ipamProblem(values.subnet, values['ip-range'], values.gateway)
    if (problem !== undefined) return { stdout: '', stderr: `${problem}\n`, exitCode: 1 }
    const labels: Record<string, string> = {}
    for (const label of values.label) {
      const eq = label.indexOf('=')
      labels[eq === -1 ? label : label.slice(0, eq)] = eq === -1 ? '' : label.slice(eq + 1)
    }
    const subnet = values.subnet[0]
    const gateway = values.gateway[0]
    const created = createNetwork(engine, {
      name,
      driver: values.driver,
      internal: values.internal,
      attachable: values.attachable,
      labels,
      options: { ...values.opt },
      ...(subnet === undefined ? {} : { subnet }),
      ...(gateway === undefined ? {} : { gateway }),
    })
    if (!created.ok) return daemonFailure(created.error.message)
    return ok(`${created.value.Id}\n`)
  },
})

/** `docker network rm`: each network in turn; `-f` ignores the ones that do not exist. */
export const networkRm = dockerCommand({
  path: 'docker network rm',
  use: 'NETWORK [NETWORK...]',
  short: 'Remove one or more networks',
  aliases: ['docker network rm', 'docker network remove'],
  args: { kind: 'min', count: 1 },
  flags: () =>
    new FlagSet([
      {
        name: 'force',
        shorthand: 'f',
        type: 'bool',
        usage: 'Do not error if the network does not exist',
      },
    ] as const),
  run({ values, args }, { engine }) {
    let stdout = ''
    let stderr = ''
    for (const name of args) {
      const removed = removeNetwork(engine, name)
      if (removed.ok) stdout += `${name}\n`
      else if (!(values.force && removed.error.status === 404))
        stderr += `Error response from daemon: ${removed.error.message}\n`
    }
    // docker 28's network rm ends its errors with the status it exits with (a StatusError).
    if (stderr !== '') stderr += 'exit status 1\n'
    return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 }
  },
})

const PRUNE_WARNING =
  'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?'

/** The `Deleted Networks:` section, for `network prune` and `system prune`. */
export function networkPruneOutput(
  engine: Parameters<typeof pruneNetworks>[0],
  filters: readonly string[],
): { ok: true; output: string } | { ok: false; error: string } {
  const parsed = pruneFilters(engine, filters, ['label', 'label!', 'until'])
  if (!parsed.ok) return parsed
  const report = pruneNetworks(engine, parsed.value)
  return { ok: true, output: deletedSection('Deleted Networks', report.NetworksDeleted ?? []) }
}

/** `docker network prune` */
export const networkPrune = dockerCommand({
  path: 'docker network prune',
  use: '[OPTIONS]',
  short: 'Remove all unused networks',
  args: { kind: 'none' },
  flags: () =>
    new FlagSet([
      { ...filterFlag('Provide filter values (e.g. "until=<timestamp>")'), shorthand: undefined },
      { name: 'force', shorthand: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    ] as const),
  async run({ values }, { engine, shell }) {
    let stdout = ''
    if (!values.force) {
      const answer = await confirm(shell, PRUNE_WARNING)
      stdout += answer.shown
      if (!answer.yes) return { stdout, stderr: '', exitCode: 0 }
    }
    const pruned = networkPruneOutput(engine, values.filter)
    if (!pruned.ok) return { stdout, stderr: `${pruned.error}\n`, exitCode: 1 }
    return { stdout: stdout + pruned.output, stderr: '', exitCode: 0 }
  },
})
