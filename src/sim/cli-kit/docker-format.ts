/**
 * docker's `--format` pipeline (docker/cli cli/command/formatter/formatter.go, Context.Write),
 * shared by every list command: `table …` strips the prefix and renders a header row through
 * HeaderFunctions before a tabwriter(10, 1, 3, ' ') table; `json` means `{{json .}}`; literal
 * `\t` and `\n` in the format become tab and newline; each row's output is followed by "\n".
 * A parse or execution error is returned as docker prints it: `template parsing error: …`.
 */
import { DOCKER_FUNCS, DOCKER_HEADER_FUNCS, GoTemplate } from './go-template'
import { GoFunc, GoStruct, type GoValue } from './go-value'
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
  const fast = plainFields(template)
  let body = ''
  for (const row of rows) {
    const direct = fast === undefined ? undefined : renderPlain(fast, row)
    if (direct !== undefined) {
      body += direct + '\n'
      continue
    }
    const r = parsed.template.execute(row)
    if (!r.ok) return { ok: false, error: `template parsing error: ${r.error.message}` }
    body += r.output + '\n'
  }
  if (!table) return { ok: true, output: body }
  // The header's own errors are ignored by docker; whatever was written before one stays.
  const head = parsed.template.execute({ ...header }, { funcs: DOCKER_HEADER_FUNCS })
  return { ok: true, output: tabwrite(head.output + '\n' + body, DOCKER_TABWRITER) }
}

type PlainPart = { text: string } | { method: string }

/**
 * The default formats (`table {{.ID}}\t{{.Image}}…`) only call argument-less methods between
 * literal text. For those, calling the methods directly prints the same bytes as running the
 * template, at a fraction of the cost: `docker ps -a` over thousands of containers stays close
 * to serialising the list. Anything else (functions, pipelines, fields) goes through the template.
 */
function plainFields(template: string): PlainPart[] | undefined {
  const parts: PlainPart[] = []
  const re = /\{\{\s*\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g
  let last = 0
  for (let m = re.exec(template); m !== null; m = re.exec(template)) {
    if (m.index > last) parts.push({ text: template.slice(last, m.index) })
    parts.push({ method: m[1] ?? '' })
    last = m.index + m[0].length
  }
  if (last < template.length) parts.push({ text: template.slice(last) })
  return parts.some((p) => 'text' in p && (p.text.includes('{{') || p.text.includes('}}')))
    ? undefined
    : parts
}

/** The row printed by calling its methods, or undefined when one is not a plain string method. */
function renderPlain(parts: readonly PlainPart[], row: GoValue): string | undefined {
  if (!(row instanceof GoStruct)) return undefined
  let out = ''
  for (const part of parts) {
    if ('text' in part) {
      out += part.text
      continue
    }
    if (row.hasField(part.method)) return undefined
    const m = row.methods[part.method]
    if (m === undefined || m instanceof GoFunc) return undefined
    const value = m()
    if (typeof value !== 'string') return undefined
    out += value
  }
  return out
}
