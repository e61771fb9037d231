import { parse, serialize } from 'just-bash'

/**
 * A command line is run one top-level statement at a time, so the terminal shows each
 * statement's output as soon as it is done and stdout/stderr keep their order across `;`.
 */
type Node = { type: string; [key: string]: unknown }

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string'
}

function containsHereDoc(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsHereDoc)
  if (!isNode(value) && (typeof value !== 'object' || value === null)) return false
  if (isNode(value) && value.type === 'HereDoc') return true
  return Object.values(value as object).some(containsHereDoc)
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

export function splitStatements(line: string): string[] {
  const script = tryParse(line)
  // Let the interpreter report syntax errors itself, in bash's words.
  if (script === undefined || script.statements.length <= 1) return [line]
  const pieces: string[] = []
  for (const statement of script.statements) {
    if (!isNode(statement) || statement.deferredError !== undefined) return [line]
    const text = statement.sourceText
    if (typeof text === 'string' && !containsHereDoc(statement)) pieces.push(text)
    else pieces.push(serialize(scriptOf([statement])))
  }
  return pieces
}

export interface FunctionDefinition {
  /** The node as just-bash keeps it in its function table. */
  node: unknown
  /** The definition as bash source, for snapshots. */
  source: string
}

/** Function definitions at the top level of `source`, by name, as bash would remember them. */
export function collectFunctionDefinitions(source: string): Map<string, FunctionDefinition> {
  const found = new Map<string, FunctionDefinition>()
  const script = tryParse(source)
  for (const statement of script?.statements ?? []) {
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

/** Whether `source` runs `exit` in the shell itself (not in a subshell or `$(…)`). */
export function containsExit(source: string): boolean {
  const script = tryParse(source)
  return script !== undefined && script.statements.some(runsExit)
}

function runsExit(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(runsExit)
  if (typeof value !== 'object' || value === null) return false
  if (isNode(value)) {
    if (value.type === 'Subshell' || value.type === 'CommandSubstitution') return false
    if (value.type === 'SimpleCommand' && isNode(value.name)) {
      const parts = value.name.parts
      if (
        Array.isArray(parts) &&
        parts.length === 1 &&
        isNode(parts[0]) &&
        parts[0].value === 'exit'
      )
        return true
    }
  }
  return Object.values(value).some(runsExit)
}
