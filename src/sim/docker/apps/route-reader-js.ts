/**
 * Routes of a Node.js app, read from its source: Express's `app.get('/', (req, res) =>
 * res.send('…'))` (res.send, res.json, res.status(n).send, res.sendStatus), and a plain
 * `http.createServer` handler's `res.end('…')` / `res.write('…')`, split by `req.url === '/x'`
 * tests when it has them. Also where it listens: `server.listen(PORT, HOST)`.
 */
import { literalOf, matchingBracket, readLiteral, splitArguments, type Literal } from './literals'
import { routePattern, type Answer, type Route } from './routes'

export type NodeFramework = 'express' | 'http'

export function nodeFramework(source: string): NodeFramework | undefined {
  if (/require\(\s*['"]express['"]\s*\)|from\s+['"]express['"]/.test(source)) return 'express'
  if (/createServer\s*\(/.test(source)) return 'http'
  return undefined
}

/** The request and response parameters' names, as the handler declares them. */
interface HandlerNames {
  req: string
  res: string
}

const DEFAULT_NAMES: HandlerNames = { req: 'req', res: 'res' }

/**
 * Reads the first two-parameter function in `text` (`(req, res) =>`, `function (request,
 * response) {`, `async (q, r) =>`): handlers name their parameters freely.
 */
function handlerNames(text: string): HandlerNames {
  const params =
    /\(\s*([A-Za-z_$][\w$]*)\s*,\s*([A-Za-z_$][\w$]*)\s*(?:,[^()]*)?\)\s*(?:=>|\{)/.exec(text)
  return params === null ? DEFAULT_NAMES : { req: params[1] ?? 'req', res: params[2] ?? 'res' }
}

/** A name for use inside a RegExp (`$` is legal in JS identifiers). */
const re = (name: string): string => name.replace(/\$/g, '\\$')

const EXPRESS_ROUTE = /\b\w+\.(get|post|put|delete|patch|all)\(\s*(['"`])([^'"`]*)\2\s*,/g

/** The first response an Express handler sends. */
function expressAnswer(handler: string): Answer {
  const { res } = handlerNames(handler)
  const call = new RegExp(
    `(?<![\\w$.])${re(res)}\\s*(?:\\.status\\(\\s*(\\d{3})\\s*\\))?\\s*\\.(send|json|end|sendStatus)\\s*\\(`,
  ).exec(handler)
  if (call === null) return { kind: 'computed', status: 200 }
  const status = call[1] === undefined ? 200 : Number(call[1])
  const open = call.index + call[0].length - 1
  const close = matchingBracket(handler, open, 'js')
  const arg = close === undefined ? '' : handler.slice(open + 1, close - 1).trim()
  if (call[2] === 'sendStatus') {
    const code = Number(arg)
    return Number.isInteger(code) ? { kind: 'text', status: code, body: '' } : computed(status)
  }
  if (arg === '' && call[2] === 'end') return { kind: 'text', status, body: '', contentType: '' }
  const value = literalOf(arg, 'js')
  if (value === undefined) return computed(status)
  if (call[2] === 'json' || (typeof value === 'object' && value !== null))
    return { kind: 'json', status, value }
  if (typeof value === 'string')
    return call[2] === 'end'
      ? { kind: 'text', status, body: value, contentType: '' }
      : { kind: 'text', status, body: value }
  return computed(status)
}

const computed = (status: number): Answer => ({ kind: 'computed', status })

export function expressRoutes(source: string): Route[] {
  const matches = [...source.matchAll(EXPRESS_ROUTE)]
  return matches.map((m, i) => {
    const next = matches[i + 1]?.index ?? source.length
    const handler = source.slice((m.index ?? 0) + m[0].length, next)
    const path = m[3] ?? '/'
    const verb = (m[1] ?? 'get').toUpperCase()
    const methods = verb === 'ALL' ? ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] : [verb]
    return { methods, path, pattern: routePattern(path), answer: expressAnswer(handler) }
  })
}

/** What a plain http handler writes: status and headers of writeHead, then the body. */
export interface NodeAnswer {
  status: number
  headers: Array<[string, string]>
  /** Undefined when computed. */
  body: string | undefined
  /** Written with res.write before res.end: sent chunked. */
  chunked: boolean
}

function nodeAnswer(handler: string, names: HandlerNames): NodeAnswer {
  let status = 200
  const headers: Array<[string, string]> = []
  const res = `(?<![\\w$.])${re(names.res)}`
  const head = new RegExp(`${res}\\.writeHead\\s*\\(`).exec(handler)
  if (head !== null) {
    const open = head.index + head[0].length - 1
    const close = matchingBracket(handler, open, 'js')
    const args = splitArguments(close === undefined ? '' : handler.slice(open + 1, close - 1), 'js')
    status = Number(args[0] ?? '200') || 200
    const given: Literal | undefined = literalOf(args[1] ?? '{}', 'js')
    if (given !== null && typeof given === 'object' && !Array.isArray(given))
      for (const [k, v] of Object.entries(given)) headers.push([k, String(v)])
  }
  for (const m of handler.matchAll(
    new RegExp(`${res}\\.setHeader\\s*\\(\\s*(['"])([^'"]+)\\1\\s*,\\s*`, 'g'),
  )) {
    const value = readLiteral(handler, (m.index ?? 0) + m[0].length, 'js')
    if (value !== undefined) headers.push([m[2] ?? '', String(value.value)])
  }
  const statusSet = new RegExp(`${res}\\.statusCode\\s*=\\s*(\\d{3})`).exec(handler)
  if (statusSet !== null) status = Number(statusSet[1])
  let body = ''
  let chunked = false
  for (const m of handler.matchAll(new RegExp(`${res}\\.(write|end)\\s*\\(`, 'g'))) {
    const open = (m.index ?? 0) + m[0].length - 1
    const close = matchingBracket(handler, open, 'js')
    const arg = close === undefined ? '' : handler.slice(open + 1, close - 1).trim()
    const first = splitArguments(arg, 'js')[0] ?? ''
    if (m[1] === 'write') chunked = true
    if (first === '') {
      if (m[1] === 'end') break
      continue
    }
    const value = literalOf(first, 'js')
    if (typeof value !== 'string') return { status, headers, body: undefined, chunked }
    body += value
    if (m[1] === 'end') break
  }
  return { status, headers, body, chunked }
}

export interface NodeHttpRoutes {
  /** `req.url === '/x'` branches, first match wins. */
  byUrl: Array<{ path: string; answer: NodeAnswer }>
  /** What the handler answers otherwise. */
  fallback: NodeAnswer
}

/** The plain http handler's answers; routing by `req.url === '…'` when it tests the URL. */
export function nodeHttpRoutes(source: string): NodeHttpRoutes {
  const handler = httpHandler(source)
  const names = handlerNames(handler)
  const url = `(?<![\\w$.])${re(names.req)}\\.url`
  const tests = [
    ...handler.matchAll(
      new RegExp(
        `${url}\\s*===?\\s*(['"\`])([^'"\`]*)\\1|(['"\`])([^'"\`]*)\\3\\s*===?\\s*${url}`,
        'g',
      ),
    ),
  ]
  const byUrl = tests.map((m, i) => {
    const from = (m.index ?? 0) + m[0].length
    const to = tests[i + 1]?.index ?? handler.length
    return { path: m[2] ?? m[4] ?? '/', answer: nodeAnswer(handler.slice(from, to), names) }
  })
  const last = tests[tests.length - 1]
  const rest =
    last === undefined
      ? handler
      : handler.slice(skipBlock(handler, (last.index ?? 0) + last[0].length))
  return { byUrl, fallback: nodeAnswer(rest, names) }
}

/**
 * The source from the request handler on: written inline in `createServer(…)`, or a function
 * passed by name (`createServer(handleRequest)`) and defined elsewhere in the file.
 */
function httpHandler(source: string): string {
  const call = /createServer\s*\(\s*/.exec(source)
  if (call === null) return source
  const named = /^([A-Za-z_$][\w$]*)\s*\)/.exec(source.slice(call.index + call[0].length))
  const name = named?.[1]
  if (name !== undefined) {
    const definition = new RegExp(
      `function\\s+${re(name)}\\s*\\(|(?<![\\w$.])${re(name)}\\s*=\\s*(?:async\\s+)?(?:function\\b|\\()`,
    ).exec(source)
    if (definition !== null) return source.slice(definition.index)
  }
  return source.slice(call.index)
}

/** The index after the `if (…) { … }` block whose test ends at `at` (for the else branch). */
function skipBlock(text: string, at: number): number {
  const open = text.indexOf('{', at)
  if (open < 0) return at
  return matchingBracket(text, open, 'js') ?? at
}

/** The arguments of the first `.listen(…)` call. */
export function listenArguments(source: string): string[] | undefined {
  const m = /\.listen\s*\(/.exec(source)
  if (m === null) return undefined
  const open = m.index + m[0].length - 1
  const close = matchingBracket(source, open, 'js')
  return close === undefined ? undefined : splitArguments(source.slice(open + 1, close - 1), 'js')
}
