import { dockerFormat } from '../../cli-kit/docker-format'
import { FlagSet } from '../../cli-kit/flags'
import { humanDuration, humanSizeWithPrecision } from '../../cli-kit/go-units'
import { imageHistory } from '../engine/image-ops'
import type { HistoryResponseItem } from '../engine/report-types'
import { daemonFailure, dockerCommand, ok } from './command'
import { FORMAT_FLAG_USAGE } from './filters'
import { formatterContext } from './formatter/context'
import { ellipsis, shortId } from './formatter/text'

const HEADERS: Readonly<Record<string, string>> = {
  ID: 'IMAGE',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  CreatedBy: 'CREATED BY',
  Size: 'SIZE',
  Comment: 'COMMENT',
}

/** Go's time.RFC3339 for a UTC instant. */
function rfc3339(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** docker/cli formatter.historyContext */
function historyContext(
  h: HistoryResponseItem,
  options: { trunc: boolean; human: boolean; nowMs: number },
) {
  const createdAt = (): string => rfc3339(h.Created * 1000)
  return formatterContext('*formatter.historyContext', {
    ID: () => (options.trunc ? shortId(h.Id) : h.Id),
    CreatedAt: createdAt,
    CreatedSince: () =>
      options.human ? `${humanDuration(options.nowMs - h.Created * 1000)} ago` : createdAt(),
    CreatedBy: () => {
      const text = h.CreatedBy.replace(/\t/g, ' ')
      return options.trunc ? ellipsis(text, 45) : text
    },
    Size: () => (options.human ? humanSizeWithPrecision(h.Size, 3) : String(h.Size)),
    Comment: () => h.Comment,
  })
}

/** `docker history` / `docker image history` (docker/cli cli/command/image/history.go). */
export const imageHistoryCommand = dockerCommand({
  path: 'docker image history',
  use: '[OPTIONS] IMAGE',
  short: 'Show the history of an image',
  aliases: ['docker image history', 'docker history'],
  args: { kind: 'exact', count: 1 },
  flags: () =>
    new FlagSet([
      { name: 'format', type: 'string', usage: FORMAT_FLAG_USAGE },
      {
        name: 'human',
        shorthand: 'H',
        type: 'bool',
        default: true,
        usage: 'Print sizes and dates in human readable format',
      },
      { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
      {
        name: 'platform',
        type: 'string',
        usage:
          'Show history for the given platform. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")',
      },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only show image IDs' },
    ] as const),
  run({ values, args }, { engine, shell }) {
    const history = imageHistory(engine, args[0] ?? '')
    if (!history.ok) return daemonFailure(history.error.message)
    let format = values.format
    if (format === '' || format === 'table') {
      if (values.quiet) format = '{{.ID}}'
      else if (!values.human)
        format = 'table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}'
      else format = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}'
    }
    const options = { trunc: !values['no-trunc'], human: values.human, nowMs: shell.clock.now() }
    const result = dockerFormat(
      format,
      history.value.map((h) => historyContext(h, options)),
      HEADERS,
    )
    if (!result.ok) return { stdout: '', stderr: `${result.error}\n`, exitCode: 1 }
    return ok(result.output)
  },
})
