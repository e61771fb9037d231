/**
 * Routes of a Flask or FastAPI module, read from its source: `@app.route('/')` /
 * `@app.get('/items/{id}')` decorators and the first `return` of the function under them — a
 * string, a dict or list, `jsonify(…)`, with an optional status (`return 'Created', 201`).
 */
import { literalOf, matchingBracket, splitArguments, type Literal } from './literals'
import { routePattern, type Answer, type Route } from './routes'

export type PythonFramework = 'flask' | 'fastapi' | 'other'

export function pythonFramework(source: string): PythonFramework {
  if (/^\s*(from\s+fastapi\s+import|import\s+fastapi)/m.test(source)) return 'fastapi'
  if (/^\s*(from\s+flask\s+import|import\s+flask)/m.test(source)) return 'flask'
  return 'other'
}

const DECORATOR = /^(\s*)@\w+\.(route|get|post|put|delete|patch)\s*\(/

const indentOf = (line: string): number => /^\s*/.exec(line)?.[0].length ?? 0

/** The text of a call's argument list that starts at `open` (the `(`), over several lines. */
function callArguments(text: string, open: number): string | undefined {
  const end = matchingBracket(text, open, 'python')
  return end === undefined ? undefined : text.slice(open + 1, end - 1)
}

function keyword(args: string[], name: string): string | undefined {
  for (const arg of args) {
    const m = new RegExp(`^${name}\\s*=\\s*([\\s\\S]*)$`).exec(arg)
    if (m !== null) return m[1]
  }
  return undefined
}

/** The answer of a `return` expression, in the framework's terms. */
function answerOf(expression: string, framework: PythonFramework): Answer {
  let expr = expression.trim()
  let status = 200
  const parts = splitArguments(expr.replace(/^\((.*)\)$/s, '$1'), 'python')
  if (parts.length === 2 && /^\d{3}$/.test(parts[1] ?? '')) {
    status = Number(parts[1])
    expr = parts[0] ?? ''
  }
  const jsonify = /^(?:jsonify|flask\.jsonify)\s*\(([\s\S]*)\)$/.exec(expr)
  if (jsonify !== null) {
    const args = splitArguments(jsonify[1] ?? '', 'python')
    if (args.length === 1 && !/^\w+\s*=/.test(args[0] ?? '')) {
      const value = literalOf(args[0] ?? '', 'python')
      return value === undefined ? { kind: 'computed', status } : { kind: 'json', status, value }
    }
    const object: { [key: string]: Literal } = {}
    for (const arg of args) {
      const m = /^(\w+)\s*=\s*([\s\S]*)$/.exec(arg)
      const value = m === null ? undefined : literalOf(m[2] ?? '', 'python')
      if (m === null || value === undefined) return { kind: 'computed', status }
      object[m[1] ?? ''] = value
    }
    return { kind: 'json', status, value: object }
  }
  const value = literalOf(expr, 'python')
  if (value === undefined) return { kind: 'computed', status }
  if (framework === 'fastapi' || typeof value === 'object') return { kind: 'json', status, value }
  if (typeof value === 'string') return { kind: 'text', status, body: value }
  return { kind: 'computed', status }
}

/** The first `return` directly in the function body that starts after line `def`. */
function firstReturn(lines: string[], def: number): string | undefined {
  const defIndent = indentOf(lines[def] ?? '')
  let bodyIndent: number | undefined
  for (let i = def + 1; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line.trim() === '' || line.trim().startsWith('#')) continue
    const indent = indentOf(line)
    if (indent <= defIndent) return undefined
    bodyIndent ??= indent
    if (indent !== bodyIndent) continue
    const m = /^\s*return\b\s*(.*)$/.exec(line)
    if (m === null) continue
    // The expression may go on over the following lines while brackets stay open.
    let text = m[1] ?? ''
    for (let j = i + 1; j < lines.length && !balanced(text); j++) text += `\n${lines[j] ?? ''}`
    return text
  }
  return undefined
}

function balanced(text: string): boolean {
  let depth = 0
  for (const c of text.replace(/(['"])(?:\\.|(?!\1).)*\1/g, '')) {
    if ('([{'.includes(c)) depth++
    else if (')]}'.includes(c)) depth--
  }
  return depth <= 0
}

/** Every route the module declares, in declaration order. */
export function pythonRoutes(source: string, framework: PythonFramework): Route[] {
  const lines = source.split('\n')
  const routes: Route[] = []
  let pending: Array<{ path: string; methods: string[] }> = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const decorator = DECORATOR.exec(line)
    if (decorator !== null) {
      const offset = lines.slice(0, i).join('\n').length + (i > 0 ? 1 : 0)
      const open = offset + line.indexOf('(')
      const args = splitArguments(callArguments(source, open) ?? '', 'python')
      const path = literalOf(args[0] ?? '', 'python')
      if (typeof path !== 'string') continue
      const verb = decorator[2] ?? 'route'
      let methods = verb === 'route' ? ['GET'] : [verb.toUpperCase()]
      const listed = literalOf(keyword(args, 'methods') ?? '', 'python')
      if (Array.isArray(listed)) methods = listed.map((m) => String(m).toUpperCase())
      pending.push({ path, methods })
      continue
    }
    if (/^\s*(async\s+)?def\s/.test(line) && pending.length > 0) {
      const expression = firstReturn(lines, i)
      const answer: Answer =
        expression === undefined
          ? { kind: 'computed', status: 200 }
          : answerOf(expression, framework)
      for (const p of pending)
        routes.push({ methods: p.methods, path: p.path, pattern: routePattern(p.path), answer })
      pending = []
    }
  }
  return routes
}

/** The arguments of the module's `app.run(…)` / `uvicorn.run(…)` call, if it makes one. */
export function runCall(source: string, callee: RegExp): string[] | undefined {
  const m = callee.exec(source)
  if (m === null) return undefined
  const open = m.index + m[0].length - 1
  const text = callArguments(source, open)
  return text === undefined ? undefined : splitArguments(text, 'python')
}

/** A keyword argument, or the positional one at `position`. */
export function argument(args: string[], name: string, position: number): string | undefined {
  const named = keyword(args, name)
  if (named !== undefined) return named
  const positional = args.filter((a) => !/^\w+\s*=/.test(a))
  return positional[position]
}
