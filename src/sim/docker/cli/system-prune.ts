import { FlagSet } from '../../cli-kit/flags'
import { humanSize } from '../../cli-kit/go-units'
import { pruneContainers } from '../engine/container-prune'
import { dockerCommand } from './command'
import { filterFlag, parseFilters } from './filters'
import { imagePruneOutput } from './image-prune'
import { networkPruneOutput } from './network'
import { confirm } from './prompt'
import { deletedSection, pruneFilters } from './prune-filters'
import { volumePruneOutput } from './volume'

/** The confirmationTemplate of docker/cli cli/command/system/prune.go, filled in. */
function warning(all: boolean, volumes: boolean, filters: readonly string[]): string {
  const items = [
    'all stopped containers',
    'all networks not used by at least one container',
    ...(volumes ? ['all anonymous volumes not used by at least one container'] : []),
    all ? 'all images without at least one container associated to them' : 'all dangling images',
    all ? 'all build cache' : 'unused build cache',
  ]
  let text = `WARNING! This will remove:\n${items.map((i) => `  - ${i}\n`).join('')}`
  const shown = filters
    .filter((f) => /^(label|label!|until)=/.test(f))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  if (shown.length > 0)
    text += `\n  Items to be pruned will be filtered with:\n${shown.map((f) => `  - ${f}\n`).join('')}`
  return `${text}\nAre you sure you want to continue?`
}

/** `docker system prune` */
export const systemPrune = dockerCommand({
  path: 'docker system prune',
  use: '[OPTIONS]',
  short: 'Remove unused data',
  args: { kind: 'none' },
  flags: () =>
    new FlagSet([
      {
        name: 'all',
        shorthand: 'a',
        type: 'bool',
        usage: 'Remove all unused images not just dangling ones',
      },
      { ...filterFlag('Provide filter values (e.g. "label=<key>=<value>")'), shorthand: undefined },
      { name: 'force', shorthand: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
      { name: 'volumes', type: 'bool', usage: 'Prune anonymous volumes' },
    ] as const),
  async run({ values }, { engine, shell }) {
    const filters = parseFilters(values.filter)
    if (!filters.ok) return { stdout: '', stderr: `${filters.error}\n`, exitCode: 1 }
    if (values.volumes && filters.value.has('until'))
      return {
        stdout: '',
        stderr: 'ERROR: The "until" filter is not supported with "--volumes"\n',
        exitCode: 1,
      }
    let stdout = ''
    if (!values.force) {
      const answer = await confirm(shell, warning(values.all, values.volumes, values.filter))
      stdout += answer.shown
      if (!answer.yes) return { stdout, stderr: '', exitCode: 0 }
    }
    const containerFilters = pruneFilters(engine, values.filter, ['label', 'label!', 'until'])
    if (!containerFilters.ok) return { stdout, stderr: `${containerFilters.error}\n`, exitCode: 1 }
    const containers = pruneContainers(engine)
    stdout += deletedSection('Deleted Containers', containers.ContainersDeleted ?? [])
    let reclaimed = containers.SpaceReclaimed
    const networks = networkPruneOutput(engine, values.filter)
    if (!networks.ok) return { stdout, stderr: `${networks.error}\n`, exitCode: 1 }
    stdout += networks.output
    if (values.volumes) {
      const volumes = volumePruneOutput(engine, false, values.filter)
      if (!volumes.ok) return { stdout, stderr: `${volumes.error}\n`, exitCode: 1 }
      stdout += volumes.output
      reclaimed += volumes.reclaimed
    }
    const images = imagePruneOutput(engine, values.all, values.filter)
    if (!images.ok) return { stdout, stderr: `${images.error}\n`, exitCode: 1 }
    stdout += images.output
    reclaimed += images.reclaimed
    stdout += `Total reclaimed space: ${humanSize(reclaimed)}\n`
    return { stdout, stderr: '', exitCode: 0 }
  },
})
