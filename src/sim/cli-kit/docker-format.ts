/**
 * docker's `--format` pipeline (docker/cli cli/command/formatter/formatter.go, Context.Write),
 * shared by every list command: `table …` strips the prefix and renders a header row through
 * HeaderFunctions before a tabwriter(10, 1, 3, ' ') table; `json` means `{{json .}}`; literal
 * `\t` and `\n` in the format become tab and newline; each row's output is followed by "\n".
 * A parse or execution error is returned as docker prints it: `template parsing error: …`.
 */
import { DOCKER_FUNCS, DOCKER_HEADER_FUNCS, GoTemplate } from './go-template'
import type { GoValue } from './go-value'
import { DOCKER_TABWRITER, tabwrite } from './tabwriter'

export type DockerFormatResult = { ok: true; output: string } | { ok: false; error: string }

/** Format.IsTable and the text that remains once docker's preFormat has run. */
export function dockerPreFormat(format: string): { table: boolean; template: string } {
  let text = format
  const table = format.startsWith('table')
  if (table) text = text.slice('table'.length)
  else if (format === 'json') text = '{{json .}}'
  text = text.replace(/^ +| +$/g, '')
  text = text.replace(/\\t|\\n/g, (m) => (m === '\\t' ? '\t' : '\n'))
  return { table, template: text }
}

/**
 * Renders rows (formatter contexts, usually GoStruct) with a user `--format`. `header` maps each
 * field to its column title (`{ ID: 'CONTAINER ID', Names: 'NAMES' }`); a field missing from it
 * shows as `<no value>` in the header, as in docker.
 */
export function dockerFormat(
  format: string,
  rows: readonly GoValue[],
  header: Readonly<Record<string, string>>,
): DockerFormatResult {
  const { table, template } = dockerPreFormat(format)
  const parsed = GoTemplate.parse(template, { funcs: DOCKER_FUNCS })
  if (!parsed.ok) return { ok: false, error: `template parsing error: ${parsed.error.message}` }
  let body = ''
  for (const row of rows) {
    const r = parsed.template.execute(row)
    if (!r.ok) return { ok: false, error: `template parsing error: ${r.error.message}` }
    body += r.output + '\n'
  }
  if (!table) return { ok: true, output: body }
  // The header's own errors are ignored by docker; whatever was written before one stays.
  const head = parsed.template.execute({ ...header }, { funcs: DOCKER_HEADER_FUNCS })
  return { ok: true, output: tabwrite(head.output + '\n' + body, DOCKER_TABWRITER) }
}
