import { dockerFormat } from '../../cli-kit/docker-format'
import { FlagSet } from '../../cli-kit/flags'
import type { ContainerSummary } from '../engine/api-types'
import { dockerCommand, ok } from './command'
import {
  CONTAINER_HEADERS,
  DEFAULT_PS_FORMAT,
  containerContext,
} from './formatter/container-context'
import { FORMAT_FLAG_USAGE, filterFlag, parseFilters } from './filters'
import { filterContainers } from './container-filters'

export const containerLs = dockerCommand({
  path: 'docker container ls',
  use: '[OPTIONS]',
  short: 'List containers',
  aliases: ['docker container ls', 'docker container list', 'docker container ps', 'docker ps'],
  args: { kind: 'none' },
  flags: () =>
    new FlagSet([
      {
        name: 'all',
        shorthand: 'a',
        type: 'bool',
        usage: 'Show all containers (default shows just running)',
      },
      filterFlag('Filter output based on conditions provided'),
      { name: 'format', type: 'string', usage: FORMAT_FLAG_USAGE },
      {
        name: 'last',
        shorthand: 'n',
        type: 'int',
        default: -1,
        usage: 'Show n last created containers (includes all states)',
      },
      {
        name: 'latest',
        shorthand: 'l',
        type: 'bool',
        usage: 'Show the latest created container (includes all states)',
      },
      { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display container IDs' },
      { name: 'size', shorthand: 's', type: 'bool', usage: 'Display total file sizes' },
    ] as const),
  run({ values }, { engine, shell }) {
    const filters = parseFilters(values.filter)
    if (!filters.ok) return { stdout: '', stderr: `${filters.error}\n`, exitCode: 1 }
    const last = values.latest ? 1 : Number(values.last)
    let list: ContainerSummary[] = engine.listContainers({ all: values.all || last > 0 })
    const filtered = filterContainers(engine, list, filters.value)
    if (!filtered.ok)
      return { stdout: '', stderr: `Error response from daemon: ${filtered.error}\n`, exitCode: 1 }
    list = filtered.value
    if (last > 0) list = list.slice(0, last)
    const trunc = !values['no-trunc']
    if (values.quiet && values.format === '')
      return ok(list.map((c) => `${trunc ? c.Id.slice(0, 12) : c.Id}\n`).join(''))
    let format = values.format === '' ? DEFAULT_PS_FORMAT : values.format
    if (values.format === '' && values.size) format += '\t{{.Size}}'
    const rows = list.map((c) => containerContext(c, { trunc, nowMs: shell.clock.now() }))
    const result = dockerFormat(format, rows, CONTAINER_HEADERS)
    if (!result.ok) return { stdout: '', stderr: `${result.error}\n`, exitCode: 1 }
    return ok(result.output)
  },
})
