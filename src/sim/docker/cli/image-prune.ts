import { FlagSet } from '../../cli-kit/flags'
import { humanSize } from '../../cli-kit/go-units'
import type { DockerEngine } from '../engine/engine'
import { pruneImages } from '../engine/image-ops'
import { dockerCommand } from './command'
import { filterFlag } from './filters'
import { confirm } from './prompt'
import { deletedSection, pruneFilters } from './prune-filters'

const DANGLING_WARNING =
  'WARNING! This will remove all dangling images.\nAre you sure you want to continue?'
const ALL_WARNING =
  'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?'

/** runPrune of cli/command/image/prune.go, also used by `docker system prune`. */
export function imagePruneOutput(
  engine: DockerEngine,
  all: boolean,
  filters: readonly string[],
): { ok: true; output: string; reclaimed: number } | { ok: false; error: string } {
  const parsed = pruneFilters(engine, filters, ['label', 'label!', 'until', 'dangling'])
  if (!parsed.ok) return parsed
  const report = pruneImages(engine, { all, ...parsed.value })
  const lines = report.deleted.map((d) =>
    d.Untagged !== undefined ? `untagged: ${d.Untagged}` : `deleted: ${d.Deleted ?? ''}`,
  )
  return { ok: true, output: deletedSection('Deleted Images', lines), reclaimed: report.reclaimed }
}

/** `docker image prune` */
export const imagePrune = dockerCommand({
  path: 'docker image prune',
  use: '[OPTIONS]',
  short: 'Remove unused images',
  args: { kind: 'none' },
  flags: () =>
    new FlagSet([
      {
        name: 'all',
        shorthand: 'a',
        type: 'bool',
        usage: 'Remove all unused images, not just dangling ones',
      },
      { ...filterFlag('Provide filter values (e.g. "until=<timestamp>")'), shorthand: undefined },
      { name: 'force', shorthand: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    ] as const),
  async run({ values }, { engine, shell }) {
    let stdout = ''
    if (!values.force) {
      const answer = await confirm(shell, values.all ? ALL_WARNING : DANGLING_WARNING)
      stdout += answer.shown
      if (!answer.yes) return { stdout, stderr: '', exitCode: 0 }
    }
    const pruned = imagePruneOutput(engine, values.all, values.filter)
    if (!pruned.ok) return { stdout, stderr: `${pruned.error}\n`, exitCode: 1 }
    stdout += `${pruned.output}Total reclaimed space: ${humanSize(pruned.reclaimed)}\n`
    return { stdout, stderr: '', exitCode: 0 }
  },
})
