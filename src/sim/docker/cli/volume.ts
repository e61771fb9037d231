import { dockerFormat } from '../../cli-kit/docker-format'
import { FlagSet, listOpts, mapOpts } from '../../cli-kit/flags'
import { humanSize } from '../../cli-kit/go-units'
import { GoFunc } from '../../cli-kit/go-value'
import type { Volume } from '../engine/api-types'
import type { DockerEngine } from '../engine/engine'
import {
  createVolume,
  listVolumes,
  pruneVolumes,
  removeVolume,
  volumeSize,
  volumeUsers,
} from '../engine/volume-ops'
import { daemonFailure, dockerCommand, ok } from './command'
import { FORMAT_FLAG_USAGE, filterFlag, parseFilters } from './filters'
import { formatterContext, joinLabels } from './formatter/context'
import { apiStruct, inspectOutput } from './inspect-output'
import { INSPECT_FORMAT_USAGE } from './network-inspect'
import { naturalLess } from './network'
import { confirm } from './prompt'
import { deletedSection, pruneFilters } from './prune-filters'

export const VOLUME_HEADERS: Readonly<Record<string, string>> = {
  ID: 'ID',
  Name: 'VOLUME NAME',
  Group: 'GROUP',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  Availability: 'AVAILABILITY',
  Mountpoint: 'MOUNTPOINT',
  Labels: 'LABELS',
  Links: 'LINKS',
  Size: 'SIZE',
  Status: 'STATUS',
}

/** docker/cli cli/command/formatter/volume.go volumeContext */
export function volumeContext(v: Volume) {
  return formatterContext(
    '*formatter.volumeContext',
    {
      Name: () => v.Name,
      Driver: () => v.Driver,
      Scope: () => v.Scope,
      Mountpoint: () => v.Mountpoint,
      Labels: () => joinLabels(v.Labels),
      Links: () => (v.UsageData === undefined ? 'N/A' : String(v.UsageData.RefCount)),
      Size: () => (v.UsageData === undefined ? 'N/A' : humanSize(v.UsageData.Size)),
      Group: () => 'N/A',
      Availability: () => 'N/A',
      Status: () => 'N/A',
    },
    { Label: new GoFunc(['string'], (key) => v.Labels?.[key as string] ?? '') },
  )
}

/** `docker volume ls` */
export const volumeLs = dockerCommand({
  path: 'docker volume ls',
  use: '[OPTIONS]',
  short: 'List volumes',
  aliases: ['docker volume ls', 'docker volume list'],
  args: { kind: 'none' },
  flags: () =>
    new FlagSet([
      {
        name: 'cluster',
        type: 'bool',
        usage: 'Display only cluster volumes, and use cluster volume list formatting',
      },
      filterFlag('Provide filter values (e.g. "dangling=true")'),
      { name: 'format', type: 'string', usage: FORMAT_FLAG_USAGE },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display volume names' },
    ] as const),
  run({ values }, { engine }) {
    const filters = parseFilters(values.filter)
    if (!filters.ok) return { stdout: '', stderr: `${filters.error}\n`, exitCode: 1 }
    const listed = listVolumes(engine, filters.value)
    if (!listed.ok) return daemonFailure(listed.error.message)
    // Cluster volumes belong to swarm mode, which the simulated daemon does not run.
    const volumes = values.cluster
      ? []
      : [...listed.value].sort((a, b) => naturalLess(a.Name, b.Name))
    let format = values.format
    if (format === '' || format === 'table')
      format = values.quiet ? '{{.Name}}' : 'table {{.Driver}}\t{{.Name}}'
    const result = dockerFormat(format, volumes.map(volumeContext), VOLUME_HEADERS)
    if (!result.ok) return { stdout: '', stderr: `${result.error}\n`, exitCode: 1 }
    return ok(result.output)
  },
})

/** `docker volume create` */
export const volumeCreate = dockerCommand({
  path: 'docker volume create',
  use: '[OPTIONS] [VOLUME]',
  short: 'Create a volume',
  args: { kind: 'max', count: 1 },
  flags: () =>
    new FlagSet([
      {
        name: 'availability',
        type: 'string',
        default: 'active',
        usage: 'Cluster Volume availability ("active", "pause", "drain")',
      },
      {
        name: 'driver',
        shorthand: 'd',
        type: 'string',
        default: 'local',
        usage: 'Specify volume driver name',
      },
      { name: 'group', type: 'string', usage: 'Cluster Volume group (cluster volumes)' },
      listOpts({ name: 'label', usage: 'Set metadata for a volume' }),
      { name: 'limit-bytes', type: 'bytes', usage: 'Minimum size of the Cluster Volume in bytes' },
      { name: 'name', type: 'string', hidden: true, usage: 'Specify volume name' },
      mapOpts({ name: 'opt', shorthand: 'o', usage: 'Set driver specific options' }),
      {
        name: 'required-bytes',
        type: 'bytes',
        usage: 'Maximum size of the Cluster Volume in bytes',
      },
      {
        name: 'scope',
        type: 'string',
        default: 'single',
        usage: 'Cluster Volume access scope ("single", "multi")',
      },
      mapOpts({ name: 'secret', usage: 'Cluster Volume secrets' }),
      {
        name: 'sharing',
        type: 'string',
        default: 'none',
        usage: 'Cluster Volume access sharing ("none", "readonly", "onewriter", "all")',
      },
      listOpts({
        name: 'topology-preferred',
        usage: 'A topology that the Cluster Volume would be preferred in',
      }),
      listOpts({
        name: 'topology-required',
        usage: 'A topology that the Cluster Volume must be accessible from',
      }),
      {
        name: 'type',
        type: 'string',
        default: 'block',
        usage: 'Cluster Volume access type ("mount", "block")',
      },
    ] as const),
  run({ values, args }, { engine }) {
    if (args[0] !== undefined && values.name !== '')
      return {
        stdout: '',
        stderr:
          'conflicting options: cannot specify a volume-name through both --name and as a positional arg\n',
        exitCode: 1,
      }
    const labels: Record<string, string> = {}
    for (const label of values.label) {
      const eq = label.indexOf('=')
      labels[eq === -1 ? label : label.slice(0, eq)] = eq === -1 ? '' : label.slice(eq + 1)
    }
    const created = createVolume(engine, {
      name: args[0] ?? values.name,
      driver: values.driver,
      labels,
    })
    if (!created.ok) return daemonFailure(created.error.message)
    return ok(`${created.value.Name}\n`)
  },
})

/** `docker volume rm` */
export const volumeRm = dockerCommand({
  path: 'docker volume rm',
  use: '[OPTIONS] VOLUME [VOLUME...]',
  // cobra prints the Long text in help; the group listing shows the Short one.
  short: 'Remove one or more volumes. You cannot remove a volume that is in use by a container.',
  aliases: ['docker volume rm', 'docker volume remove'],
  args: { kind: 'min', count: 1 },
  flags: () =>
    new FlagSet([
      {
        name: 'force',
        shorthand: 'f',
        type: 'bool',
        usage: 'Force the removal of one or more volumes',
      },
    ] as const),
  run({ values, args }, { engine }) {
    let stdout = ''
    let stderr = ''
    for (const name of args) {
      const removed = removeVolume(engine, name, { force: values.force })
      if (removed.ok) stdout += `${name}\n`
      else stderr += `Error response from daemon: ${removed.error.message}\n`
    }
    return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 }
  },
})

const VOLUME_MAPS = new Set(['Labels', 'Options', 'Status'])

/** `docker volume inspect` */
export const volumeInspect = dockerCommand({
  path: 'docker volume inspect',
  use: '[OPTIONS] VOLUME [VOLUME...]',
  short: 'Display detailed information on one or more volumes',
  args: { kind: 'min', count: 1 },
  flags: () =>
    new FlagSet([
      { name: 'format', shorthand: 'f', type: 'string', usage: INSPECT_FORMAT_USAGE },
    ] as const),
  run({ values, args }, { engine }) {
    return inspectOutput(args, values.format, (name) => {
      const found = engine.volumes.get(name)
      if (!found)
        return { ok: false, error: `Error response from daemon: get ${name}: no such volume` }
      const raw = found.volume
      return { ok: true, value: { raw, typed: apiStruct(raw, 'volume.Volume', VOLUME_MAPS) } }
    })
  },
})

const PRUNE_ANONYMOUS =
  'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue?'
const PRUNE_ALL =
  'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue?'

/** The `Deleted Volumes:` section and the bytes freed, for `volume prune` and `system prune`. */
export function volumePruneOutput(
  engine: DockerEngine,
  all: boolean,
  filters: readonly string[],
): { ok: true; output: string; reclaimed: number } | { ok: false; error: string } {
  const parsed = pruneFilters(engine, filters, ['label', 'label!', 'all'])
  if (!parsed.ok) return parsed
  const report = pruneVolumes(engine, { all, ...parsed.value })
  return {
    ok: true,
    output: deletedSection('Deleted Volumes', report.VolumesDeleted ?? []),
    reclaimed: report.SpaceReclaimed,
  }
}

/** `docker volume prune` (docker 28: anonymous volumes only, unless `--all`). */
export const volumePrune = dockerCommand({
  path: 'docker volume prune',
  use: '[OPTIONS]',
  short: 'Remove unused local volumes',
  args: { kind: 'none' },
  flags: () =>
    new FlagSet([
      {
        name: 'all',
        shorthand: 'a',
        type: 'bool',
        usage: 'Remove all unused volumes, not just anonymous ones',
      },
      { ...filterFlag('Provide filter values (e.g. "label=<label>")'), shorthand: undefined },
      { name: 'force', shorthand: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    ] as const),
  async run({ values }, { engine, shell }) {
    let stdout = ''
    if (!values.force) {
      const answer = await confirm(shell, values.all ? PRUNE_ALL : PRUNE_ANONYMOUS)
      stdout += answer.shown
      if (!answer.yes) return { stdout, stderr: '', exitCode: 0 }
    }
    const pruned = volumePruneOutput(engine, values.all, values.filter)
    if (!pruned.ok) return { stdout, stderr: `${pruned.error}\n`, exitCode: 1 }
    stdout += `${pruned.output}Total reclaimed space: ${humanSize(pruned.reclaimed)}\n`
    return { stdout, stderr: '', exitCode: 0 }
  },
})

/** A volume with its usage, as `system df -v` lists it. */
export function volumeWithUsage(engine: DockerEngine, v: Volume): Volume {
  return {
    ...v,
    UsageData: { Size: volumeSize(engine, v.Name), RefCount: volumeUsers(engine, v.Name).length },
  }
}
