/**
 * `docker container prune` (docker/cli cli/command/container/prune.go, docker 28.2.2): asks
 * first unless -f (the question on stdout, the answer a line of stdin; only `y` agrees), then
 * removes every stopped container the filters match and reports them.
 */
import { FlagSet } from '../../cli-kit/flags'
import { humanSize } from '../../cli-kit/go-units'
import type { CommandOutput } from '../../shell/command'
import { pruneContainers } from '../engine/container-prune'
import { dockerCommand } from './command'
import { confirm } from './prompt'
import { pruneFilters } from './prune-filters'

const WARNING =
  'WARNING! This will remove all stopped containers.\nAre you sure you want to continue?'

/** A `label` filter (`key` or `key=value`) against a container's labels. */
function hasLabel(labels: Readonly<Record<string, string>>, filter: string): boolean {
  const eq = filter.indexOf('=')
  if (eq === -1) return filter in labels
  return labels[filter.slice(0, eq)] === filter.slice(eq + 1)
}

export const containerPrune = dockerCommand({
  path: 'docker container prune',
  use: '[OPTIONS]',
  short: 'Remove all stopped containers',
  args: { kind: 'none' },
  flags: () =>
    new FlagSet([
      {
        name: 'filter',
        type: 'custom',
        typeName: 'filter',
        default: [] as string[],
        defValue: '',
        usage: 'Provide filter values (e.g. "until=<timestamp>")',
        parse: (raw: string, current: string[]) =>
          raw.includes('=')
            ? { ok: true as const, value: [...current, raw] }
            : { ok: false as const, error: 'bad format of filter (expected name=value)' },
      },
      { name: 'force', shorthand: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    ] as const),
  async run({ values }, ctx): Promise<CommandOutput> {
    let stdout = ''
    if (!values.force) {
      const answer = await confirm(ctx.shell, WARNING)
      stdout += answer.shown
      if (!answer.yes) return { stdout, stderr: '', exitCode: 0 }
    }
    const filters = pruneFilters(ctx.engine, values.filter, ['label', 'label!', 'until'])
    if (!filters.ok) return { stdout, stderr: `${filters.error}\n`, exitCode: 1 }
    const { labels, notLabels, untilMs } = filters.value
    const report = pruneContainers(
      ctx.engine,
      (c) =>
        labels.every((l) => hasLabel(c.config.Labels, l)) &&
        !notLabels.some((l) => hasLabel(c.config.Labels, l)) &&
        (untilMs === undefined || c.createdMs < untilMs),
    )
    const deleted = report.ContainersDeleted ?? []
    if (deleted.length > 0)
      stdout += `Deleted Containers:\n${deleted.map((id) => `${id}\n`).join('')}\n`
    stdout += `Total reclaimed space: ${humanSize(report.SpaceReclaimed)}\n`
    return { stdout, stderr: '', exitCode: 0 }
  },
})
