/**
 * Node.js apps: `node server.js` (or `node -e CODE`, `npm start` through package.json, nodemon)
 * running Express or a plain `http.createServer` handler. Node binds to `::` (all addresses)
 * unless the code names a host; the port is only what the code says (`listen(3000)`,
 * `process.env.PORT || 8080`). A `console.log` in the listen callback is its start-up line.
 */
import type { AppContext, AppServer, Exchange, OutputLine } from './app-server'
import { asPort, evaluate } from './listen-ports'
import { literalOf, matchingBracket, readString } from './literals'
import { expressAnswer, expressNotFound, nodeTrailerHeaders, response } from './responses'
import {
  expressRoutes,
  listenArguments,
  nodeFramework,
  nodeHttpRoutes,
  type NodeAnswer,
} from './route-reader-js'
import { matchRoute } from './routes'
import { utf8Length } from '../engine/http-service'

/** The script `npm start` runs: package.json's `scripts.start`, else `node server.js`. */
function npmScript(context: AppContext, name: string): string[] | undefined {
  const pkg = context.files.read('package.json')
  let scripts: Record<string, unknown> = {}
  if (pkg !== undefined) {
    const parsed = literalOf(pkg, 'js')
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const s = parsed['scripts']
      if (s !== null && typeof s === 'object' && !Array.isArray(s)) scripts = s
    }
  }
  const script = scripts[name]
  if (typeof script === 'string') return script.split(/\s+/).filter((w) => w !== '')
  if (name === 'start' && context.files.read('server.js') !== undefined)
    return ['node', 'server.js']
  return undefined
}

/** The source the command runs, and its file name. */
function nodeSource(context: AppContext, argv: readonly string[], depth = 0): string | undefined {
  const program = argv[0]?.split('/').pop() ?? ''
  if (['npm', 'yarn', 'pnpm'].includes(program) && depth < 2) {
    const name = argv[1] === 'run' ? (argv[2] ?? '') : (argv[1] ?? '')
    const script = npmScript(context, name)
    return script === undefined ? undefined : nodeSource(context, script, depth + 1)
  }
  if (!['node', 'nodejs', 'nodemon', 'bun', 'deno'].includes(program)) return undefined
  const rest = argv.slice(1)
  const inline = rest.findIndex((w) => w === '-e' || w === '--eval')
  if (inline >= 0) return rest[inline + 1]
  const file = rest.find((w) => !w.startsWith('-') && w !== 'run')
  if (file === undefined) return undefined
  return (
    context.files.read(file) ??
    context.files.read(`${file}.js`) ??
    context.files.read(`${file}/index.js`)
  )
}

/** `console.log('…')` / template with the port, in the listen callback. */
function listenMessage(
  callback: string,
  port: number,
  source: string,
  context: AppContext,
): string | undefined {
  const m = /console\.(?:log|info)\s*\(/.exec(callback)
  if (m === null) return undefined
  const open = m.index + m[0].length - 1
  const close = matchingBracket(callback, open, 'js')
  const arg = close === undefined ? '' : callback.slice(open + 1, close - 1).trim()
  const plain = readString(arg, 0, 'js')
  if (plain !== undefined && plain.end === arg.length) return plain.value
  const template = /^`([^`]*)`$/.exec(arg)
  if (template === null) return undefined
  let failed = false
  const text = (template[1] ?? '').replace(/\$\{\s*([^}]+?)\s*\}/g, (_, expr: string) => {
    const value = evaluate(expr, source, context.env, 'js')
    if (value === undefined) failed = true
    return String(value ?? port)
  })
  return failed ? undefined : text
}

function nodeHttpExchange(answer: NodeAnswer, method: string, nowMs: number): Exchange {
  const body = answer.body ?? ''
  const length = answer.chunked ? 'chunked' : utf8Length(body)
  return {
    outcome: response(
      answer.status,
      [...answer.headers, ...nodeTrailerHeaders(nowMs, length)],
      body,
      method,
    ),
    logs: [],
  }
}

export function readNodeApp(context: AppContext): AppServer | undefined {
  const source = nodeSource(context, context.argv)
  if (source === undefined) return undefined
  const framework = nodeFramework(source)
  const args = listenArguments(source)
  if (framework === undefined || args === undefined) return undefined
  const env = context.env
  const port = asPort(evaluate(args[0] ?? '', source, env, 'js'))
  if (port === undefined) return undefined
  const hostArg = args[1] === undefined ? undefined : evaluate(args[1], source, env, 'js')
  const host = typeof hostArg === 'string' ? hostArg : '::'
  const callback = args[args.length - 1] ?? ''
  const message = args.length > 1 ? listenMessage(callback, port, source, context) : undefined
  const startup: OutputLine[] =
    message === undefined ? [] : message.split('\n').map((text) => ({ stream: 'stdout', text }))
  if (framework === 'express') {
    const routes = expressRoutes(source)
    return {
      kind: 'express',
      listens: [{ host, port }],
      startup,
      respond(request, ctx): Exchange {
        const match = matchRoute(routes, request.method, request.path)
        const answer =
          match.kind === 'found'
            ? expressAnswer(match.route.answer)
            : expressNotFound(request.method, request.path)
        const length = answer.headers.some(([k]) => k === 'Content-Length')
        const headers: Array<[string, string]> = [
          ...answer.headers,
          ...nodeTrailerHeaders(ctx.nowMs, utf8Length(answer.body)).filter(
            ([k]) => !(length && k === 'Content-Length'),
          ),
        ]
        return { outcome: response(answer.status, headers, answer.body, request.method), logs: [] }
      },
    }
  }
  const routes = nodeHttpRoutes(source)
  return {
    kind: 'node',
    listens: [{ host, port }],
    startup,
    respond(request, ctx): Exchange {
      const path = request.path
      const branch = routes.byUrl.find((r) => r.path === path)
      return nodeHttpExchange(branch?.answer ?? routes.fallback, request.method, ctx.nowMs)
    },
  }
}
