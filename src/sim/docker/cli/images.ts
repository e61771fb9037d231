import { dockerFormat, dockerPreFormat } from '../../cli-kit/docker-format'
import { FlagSet } from '../../cli-kit/flags'
import { listImagesFiltered } from '../engine/image-list'
import { daemonFailure, dockerCommand, ok } from './command'
import { FORMAT_FLAG_USAGE, filterFlag, parseFilters } from './filters'
import {
  DEFAULT_IMAGE_FORMAT,
  DEFAULT_IMAGE_FORMAT_WITH_DIGEST,
  IMAGE_HEADERS,
  imageContext,
  imageRows,
} from './formatter/image-context'

/** `docker images` / `docker image ls` (docker/cli cli/command/image/list.go). */
export const imageLs = dockerCommand({
  path: 'docker image ls',
  use: '[OPTIONS] [REPOSITORY[:TAG]]',
  short: 'List images',
  aliases: ['docker image ls', 'docker image list', 'docker images'],
  args: { kind: 'max', count: 1 },
  flags: () =>
    new FlagSet([
      {
        name: 'all',
        shorthand: 'a',
        type: 'bool',
        usage: 'Show all images (default hides intermediate images)',
      },
      { name: 'digests', type: 'bool', usage: 'Show digests' },
      filterFlag('Filter output based on conditions provided'),
      { name: 'format', type: 'string', usage: FORMAT_FLAG_USAGE },
      { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only show image IDs' },
      { name: 'tree', type: 'bool', usage: 'List multi-platform images as a tree (EXPERIMENTAL)' },
    ] as const),
  run({ values, args }, { engine, shell }) {
    if (values.tree)
      return {
        stdout: '',
        stderr: 'Quai: `docker images --tree` (multi-platform images) is not simulated\n',
        exitCode: 1,
      }
    const filters = parseFilters(values.filter)
    if (!filters.ok) return { stdout: '', stderr: `${filters.error}\n`, exitCode: 1 }
    const map = new Map(filters.value)
    if (args[0] !== undefined) map.set('reference', [...(map.get('reference') ?? []), args[0]])
    const listed = listImagesFiltered(engine, map)
    if (!listed.ok) return daemonFailure(listed.error.message)
    const format = imageFormat(values.format, values.quiet, values.digests)
    const showDigests = values.digests || format.includes('{{.Digest}}')
    const rows = imageRows(listed.value, showDigests).map((row) =>
      imageContext(row, { trunc: !values['no-trunc'], nowMs: shell.clock.now() }),
    )
    const result = dockerFormat(format, rows, IMAGE_HEADERS)
    if (!result.ok) return { stdout: '', stderr: `${result.error}\n`, exitCode: 1 }
    return ok(result.output)
  },
})

/** NewImageFormat: the default table, its digest variant, or the user's format. */
function imageFormat(source: string, quiet: boolean, digests: boolean): string {
  if (source === '' || source === 'table') {
    if (quiet) return '{{.ID}}'
    return digests ? DEFAULT_IMAGE_FORMAT_WITH_DIGEST : DEFAULT_IMAGE_FORMAT
  }
  if (dockerPreFormat(source).table && digests && !source.includes('{{.Digest}}'))
    return `${source}\t{{.Digest}}`
  return source
}
