import { parse, serialize } from 'just-bash'

/**
 * How a command line will run. A line is run one top-level statement at a time, so the terminal
 * shows each statement's output as soon as it is done and stdout/stderr keep their order across
 * `;`. The line is parsed once; each piece carries what the session must know about it.
 */
export interface LinePiece {
  text: string
  /** Where the piece starts in the line. */
  start: number
  /** Function definitions at its top level, which the session must remember. */
  functions: Map<string, FunctionDefinition>
  /** Whether it runs `exit` in the shell itself (not in a subshell or `$(…)`). */
  runsExit: boolean
}

export interface FunctionDefinition {
  /** The node as just-bash keeps it in its function table. */
  node: unknown
  /** The definition as bash source, for snapshots. */
  source: string
}

type Node = { type: string; [key: string]: unknown }

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string'
}

function scriptOf(statements: unknown[]): Parameters<typeof serialize>[0] {
  return { type: 'Script', statements } as unknown as Parameters<typeof serialize>[0]
}

function tryParse(source: string): { statements: unknown[] } | undefined {
  try {
    return parse(source) as unknown as { statements: unknown[] }
  } catch {
    return undefined
  }
}

function some(value: unknown, test: (node: Node) => boolean | undefined): boolean {
  if (Array.isArray(value)) return value.some((v) => some(v, test))
  if (typeof value !== 'object' || value === null) return false
  if (isNode(value)) {
    const verdict = test(value)
    if (verdict !== undefined) return verdict
  }
  return Object.values(value).some((v) => some(v, test))
}

function runsExit(statement: unknown): boolean {
  return some(statement, (node) => {
    if (node.type === 'Subshell' || node.type === 'CommandSubstitution') return false
    if (node.type !== 'SimpleCommand' || !isNode(node.name)) return undefined
    const parts = node.name.parts
    if (Array.isArray(parts) && parts.length === 1 && isNode(parts[0]) && parts[0].value === 'exit')
      return true
    return undefined
  })
}

function functionsOf(statements: unknown[]): Map<string, FunctionDefinition> {
  const found = new Map<string, FunctionDefinition>()
  for (const statement of statements) {
    if (!isNode(statement) || !Array.isArray(statement.pipelines)) continue
    for (const pipeline of statement.pipelines) {
      if (!isNode(pipeline) || !Array.isArray(pipeline.commands)) continue
      for (const command of pipeline.commands) {
        if (!isNode(command) || command.type !== 'FunctionDef' || typeof command.name !== 'string')
          continue
        const wrapped = {
          type: 'Statement',
          pipelines: [{ type: 'Pipeline', commands: [command], negated: false }],
          operators: [],
          background: false,
        }
        found.set(command.name, {
          node: { ...command, sourceFile: 'main' },
          source: serialize(scriptOf([wrapped])),
        })
      }
    }
  }
  return found
}

interface HereDocMark {
  delimiter: string
  stripTabs: boolean
}

function hereDocsOf(statement: unknown): HereDocMark[] {
  const marks: HereDocMark[] = []
  some(statement, (node) => {
    if (node.type === 'HereDoc' && typeof node.delimiter === 'string')
      marks.push({ delimiter: node.delimiter, stripTabs: node.stripTabs === true })
    return undefined
  })
  return marks
}

/** Where the bodies of `marks` end, reading lines from `from` (the start of the next line). */
function endOfHereDocs(
  line: string,
  from: number,
  marks: readonly HereDocMark[],
): number | undefined {
  let at = from
  let delimiterEnd = from
  for (const mark of marks) {
    for (;;) {
      if (at > line.length) return undefined
      const newline = line.indexOf('\n', at)
      const end = newline === -1 ? line.length : newline
      const text = line.slice(at, end)
      at = end + 1
      delimiterEnd = end
      if ((mark.stripTabs ? text.replace(/^\t+/, '') : text) === mark.delimiter) break
      if (newline === -1) return undefined
    }
  }
  return delimiterEnd
}

/**
 * Splits `line` into the pieces to run, cutting the original text (never re-printing it). It
 * stays whole when it does not parse (the interpreter reports the error in bash's words), when
 * a statement shares its line with a heredoc's, or when `keepWhole` is asked (stdin must be read
 * once, in order).
 */
export function planLine(line: string, keepWhole = false): LinePiece[] {
  const script = tryParse(line)
  if (script === undefined) return [{ text: line, start: 0, functions: new Map(), runsExit: false }]
  const whole = (): LinePiece[] => [
    {
      text: line,
      start: 0,
      functions: functionsOf(script.statements),
      runsExit: script.statements.some(runsExit),
    },
  ]
  if (keepWhole || script.statements.length <= 1) return whole()
  const pieces: LinePiece[] = []
  let cursor = 0
  for (const statement of script.statements) {
    if (!isNode(statement) || statement.deferredError !== undefined) return whole()
    const source = statement.sourceText
    if (typeof source !== 'string') return whole()
    const start = line.indexOf(source, cursor)
    if (start === -1) return whole()
    let end = start + source.length
    const marks = hereDocsOf(statement)
    if (marks.length > 0) {
      const newline = line.indexOf('\n', end)
      // Another statement after the heredoc operator on the same line: keep the line whole.
      if (newline === -1 || line.slice(end, newline).replace(/[;&\s]/g, '') !== '') return whole()
      const bodyEnd = endOfHereDocs(line, newline + 1, marks)
      if (bodyEnd === undefined) return whole()
      end = bodyEnd
    }
    pieces.push({
      text: line.slice(start, end),
      start,
      functions: functionsOf([statement]),
      runsExit: runsExit(statement),
    })
    cursor = end
  }
  return pieces
}

/** Function definitions in `source`, for restoring a snapshot. */
export function functionDefinitionsIn(source: string): Map<string, FunctionDefinition> {
  return functionsOf(tryParse(source)?.statements ?? [])
}
