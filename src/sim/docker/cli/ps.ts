import { dockerFormat, dockerPreFormat } from '../../cli-kit/docker-format'
import { DOCKER_FUNCS, GoTemplate } from '../../cli-kit/go-template'
import { withSizes } from '../engine/system-info'
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
    const trunc = !values['no-trunc']
    let format = values.format === '' ? DEFAULT_PS_FORMAT : values.format
    if (values.format === '' && values.size) format += '\t{{.Size}}'
    // Like docker/cli's list.go, the template is checked (parsed, then run on an empty row)
    // before anything is listed, and decides whether sizes are needed.
    const checked = checkTemplate(format, shell.clock.now())
    if (!checked.ok) return { stdout: '', stderr: `${checked.error}\n`, exitCode: 1 }
    const wantSizes = values.size || checked.usesSize
    const last = values.latest ? 1 : Number(values.last)
    // The daemon lists every container when a status filter asks for stopped ones.
    const all = values.all || last > 0 || filters.value.has('status')
    let list: ContainerSummary[] = engine.listContainers({ all })
    const filtered = filterContainers(engine, list, filters.value)
    if (!filtered.ok)
      return { stdout: '', stderr: `Error response from daemon: ${filtered.error}\n`, exitCode: 1 }
    list = filtered.value
    if (last > 0) list = list.slice(0, last)
    if (wantSizes) list = list.map((c) => withSizes(engine, c))
    if (values.quiet && values.format === '')
      return ok(list.map((c) => `${trunc ? c.Id.slice(0, 12) : c.Id}\n`).join(''))
    const rows = list.map((c) => containerContext(c, { trunc, nowMs: shell.clock.now() }))
    const result = dockerFormat(format, rows, CONTAINER_HEADERS)
    if (!result.ok) return { stdout: '', stderr: `${result.error}\n`, exitCode: 1 }
    return ok(result.output)
  },
})

const EMPTY_ROW: ContainerSummary = {
  Id: '',
  Names: [],
  Image: '',
  ImageID: '',
  Command: '',
  Created: 0,
  Ports: [],
  Labels: {},
  State: 'created',
  Status: '',
  HostConfig: { NetworkMode: '' },
  NetworkSettings: { Networks: {} },
  Mounts: [],
}

function checkTemplate(
  format: string,
  nowMs: number,
): { ok: true; usesSize: boolean } | { ok: false; error: string } {
  const { template } = dockerPreFormat(format)
  const parsed = GoTemplate.parse(template, { funcs: DOCKER_FUNCS })
  if (!parsed.ok) return { ok: false, error: `failed to parse template: ${parsed.error.message}` }
  const run = parsed.template.execute(containerContext(EMPTY_ROW, { trunc: true, nowMs }))
  if (!run.ok) return { ok: false, error: `failed to execute template: ${run.error.message}` }
  return { ok: true, usesSize: /\.Size\b/.test(template) }
}
