/**
 * Python web apps: `flask run`, `python app.py` calling `app.run(…)` (Werkzeug's dev server),
 * `gunicorn MODULE:app`, `uvicorn MODULE:app` and a script calling `uvicorn.run(…)`. Their
 * routes come from route-reader-python.ts; addresses, start-up lines, headers and error pages
 * are each server's own.
 */
import type { HttpRequest } from '../engine/http-service'
import { formatLogTime } from '../images/log-template'
import type { AppContext, AppServer, Exchange, OutputLine, RequestContext } from './app-server'
import { asPort, evaluate, optionValue, splitHostPort } from './listen-ports'
import { literalOf } from './literals'
import {
  fastapiAnswer,
  flaskAnswer,
  flaskError,
  gunicornHeaders,
  GUNICORN_VERSION,
  pythonLogDate,
  response,
  uvicornHeaders,
  werkzeugHeaders,
} from './responses'
import {
  argument,
  pythonFramework,
  pythonRoutes,
  runCall,
  type PythonFramework,
} from './route-reader-python'
import { matchRoute, type Route } from './routes'

const PYTHON = new Set(['python', 'python3', 'python3.12', 'python3.11'])

export const pythonVersion = (context: AppContext): string =>
  context.env('PYTHON_VERSION') ?? '3.12.8'

const err = (text: string): OutputLine => ({ stream: 'stderr', text })
const out = (text: string): OutputLine => ({ stream: 'stdout', text })

/** The module file a `module:app` reference names (`app`, `src.main`, `app.py`). */
function moduleFile(reference: string): string {
  const module = reference.split(':')[0] ?? reference
  return module.endsWith('.py') ? module : `${module.replace(/\./g, '/')}.py`
}

/** Flask's app discovery for `flask run`: --app / FLASK_APP, else app.py or wsgi.py. */
function flaskAppFile(context: AppContext, argv: readonly string[]): string | undefined {
  const named = optionValue(argv, ['--app', '-A']) ?? context.env('FLASK_APP')
  if (named !== undefined) return moduleFile(named.replace(/\(.*$/, ''))
  return ['wsgi.py', 'app.py'].find((f) => context.files.read(f) !== undefined)
}

/** The name Flask shows: the import path for `flask run`, the script's stem for `python x.py`. */
const appName = (file: string): string => file.replace(/\.py$/, '').replace(/\//g, '.')

/** How a Flask app is answered by a WSGI server: its routes, then Werkzeug's 404/405 pages. */
function flaskExchange(
  routes: Route[],
  request: HttpRequest,
  debug: boolean,
): { status: number; headers: Array<[string, string]>; body: string } {
  const match = matchRoute(routes, request.method, request.path)
  if (match.kind === 'found') return flaskAnswer(match.route.answer, debug)
  return match.kind === 'method' ? flaskError(405, match.allowed) : flaskError(404)
}

function werkzeugServer(
  context: AppContext,
  file: string,
  source: string,
  host: string,
  port: number,
  debug: boolean,
): AppServer {
  const routes = pythonRoutes(source, 'flask')
  const python = pythonVersion(context)
  const wildcard = host === '0.0.0.0' || host === '::'
  const running = [
    ...(wildcard ? [` * Running on all addresses (${host})`] : []),
    ` * Running on http://${wildcard ? '127.0.0.1' : host}:${port}`,
    ...(host === '0.0.0.0' && context.containerIp !== undefined
      ? [` * Running on http://${context.containerIp}:${port}`]
      : []),
  ]
  const startup: OutputLine[] = [
    out(` * Serving Flask app '${appName(file)}'`),
    out(` * Debug mode: ${debug ? 'on' : 'off'}`),
    err(
      'WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.',
    ),
    ...running.map(err),
    err('Press CTRL+C to quit'),
    ...(debug
      ? [
          err(' * Restarting with stat'),
          err(' * Debugger is active!'),
          err(' * Debugger PIN: 118-203-547'),
        ]
      : []),
  ]
  return {
    kind: 'flask',
    listens: [{ host, port }],
    startup,
    respond(request, ctx): Exchange {
      const answer = flaskExchange(routes, request, debug)
      const line = `${ctx.clientIp} - - [${pythonLogDate(ctx.nowMs)}] "${request.method} ${request.path} HTTP/1.1" ${answer.status} -`
      return {
        outcome: response(
          answer.status,
          werkzeugHeaders(answer.headers, ctx.nowMs, python),
          answer.body,
          request.method,
        ),
        logs: [err(line)],
      }
    },
  }
}

const truthy = (value: string | undefined): boolean =>
  value !== undefined && !['', '0', 'false', 'no'].includes(value.toLowerCase())

/** `flask run [--host H] [--port P] [--debug]`. */
function flaskRun(context: AppContext, argv: readonly string[]): AppServer | undefined {
  const file = flaskAppFile(context, argv)
  if (file === undefined) return undefined
  const source = context.files.read(file) ?? ''
  const host = optionValue(argv, ['--host', '-h']) ?? context.env('FLASK_RUN_HOST') ?? '127.0.0.1'
  const port = asPort(optionValue(argv, ['--port', '-p']) ?? context.env('FLASK_RUN_PORT')) ?? 5000
  const debug =
    argv.includes('--debug') || (!argv.includes('--no-debug') && truthy(context.env('FLASK_DEBUG')))
  return werkzeugServer(context, file, source, host, port, debug)
}

/** `python app.py` for a Flask app that calls app.run(…). */
function flaskScript(context: AppContext, file: string, source: string): AppServer | undefined {
  const args = runCall(source, /\b\w+\.run\s*\(/)
  if (args === undefined) return undefined
  const env = context.env
  const hostExpr = argument(args, 'host', 0)
  const portExpr = argument(args, 'port', 1)
  const host =
    hostExpr === undefined
      ? '127.0.0.1'
      : String(evaluate(hostExpr, source, env, 'python') ?? '127.0.0.1')
  const port =
    asPort(portExpr === undefined ? 5000 : evaluate(portExpr, source, env, 'python')) ?? 5000
  const debugExpr = argument(args, 'debug', 2)
  const debug = debugExpr !== undefined && literalOf(debugExpr, 'python') === true
  return werkzeugServer(context, file, source, host, port, debug || truthy(env('FLASK_DEBUG')))
}

/** Uvicorn serving a FastAPI (or other ASGI) app. */
function uvicornServer(context: AppContext, source: string, host: string, port: number): AppServer {
  const routes = pythonRoutes(source, 'fastapi')
  const wildcard = host === '0.0.0.0' || host === '::'
  return {
    kind: 'uvicorn',
    listens: [{ host, port }],
    startup: [
      err('INFO:     Started server process [1]'),
      err('INFO:     Waiting for application startup.'),
      err('INFO:     Application startup complete.'),
      err(
        `INFO:     Uvicorn running on http://${wildcard && host === '::' ? '[::]' : host}:${port} (Press CTRL+C to quit)`,
      ),
    ],
    respond(request, ctx): Exchange {
      const match = matchRoute(routes, request.method, request.path)
      let status: number
      let body: string
      const extra: Array<[string, string]> = []
      if (match.kind === 'found') ({ status, body } = fastapiAnswer(match.route.answer))
      else if (match.kind === 'method') {
        status = 405
        body = '{"detail":"Method Not Allowed"}'
        extra.push(['allow', match.allowed.join(', ')])
      } else {
        status = 404
        body = '{"detail":"Not Found"}'
      }
      const reason = response(status, [], '', 'GET')
      const phrase = reason.kind === 'response' ? reason.reason : ''
      return {
        outcome: response(status, uvicornHeaders(body, ctx.nowMs, extra), body, request.method),
        logs: [
          out(
            `INFO:     ${ctx.clientIp}:${ctx.clientPort} - "${request.method} ${request.path} HTTP/1.1" ${status} ${phrase}`,
          ),
        ],
      }
    },
  }
}

function gunicornServer(
  context: AppContext,
  source: string,
  framework: PythonFramework,
  host: string,
  port: number,
): AppServer {
  const routes = pythonRoutes(source, framework)
  const time = formatLogTime(context.startedMs, 'dateTime')
  const stamp = `[${time} +0000]`
  return {
    kind: 'gunicorn',
    listens: [{ host, port }],
    startup: [
      err(`${stamp} [1] [INFO] Starting gunicorn ${GUNICORN_VERSION}`),
      err(`${stamp} [1] [INFO] Listening at: http://${host}:${port} (1)`),
      err(`${stamp} [1] [INFO] Using worker: sync`),
      err(`${stamp} [7] [INFO] Booting worker with pid: 7`),
    ],
    respond(request, ctx: RequestContext): Exchange {
      const answer = flaskExchange(routes, request, false)
      return {
        outcome: response(
          answer.status,
          gunicornHeaders(answer.headers, ctx.nowMs),
          answer.body,
          request.method,
        ),
        logs: [],
      }
    },
  }
}

/** `gunicorn [-b HOST:PORT] module:app`: 127.0.0.1:8000 unless told, or 0.0.0.0:$PORT. */
function gunicorn(context: AppContext, argv: readonly string[]): AppServer | undefined {
  const positional = argv.slice(1).filter((w, i, all) => {
    const previous = all[i - 1] ?? ''
    return (
      !w.startsWith('-') &&
      !/^-(b|w|k|t|c|-bind|-workers|-worker-class|-timeout|-config|-chdir)$/.test(previous)
    )
  })
  const reference = positional.find((w) => /^[\w./]+:\w+/.test(w)) ?? positional[0]
  if (reference === undefined) return undefined
  const chdir = optionValue(argv, ['--chdir'])
  const file = moduleFile(reference)
  const source = context.files.read(chdir === undefined ? file : `${chdir}/${file}`)
  if (source === undefined) return undefined
  const bind = optionValue(argv, ['--bind', '-b'])
  const envPort = context.env('PORT')
  const parts = bind === undefined ? {} : splitHostPort(bind)
  const host = parts.host ?? (envPort !== undefined && bind === undefined ? '0.0.0.0' : '127.0.0.1')
  const port = parts.port ?? asPort(bind === undefined ? envPort : undefined) ?? 8000
  return gunicornServer(context, source, pythonFramework(source), host, port)
}

/** `uvicorn module:app [--host H] [--port P]`: 127.0.0.1:8000 by default. */
function uvicorn(context: AppContext, argv: readonly string[]): AppServer | undefined {
  const reference = argv.slice(1).find((w) => /^[\w./]+:\w+/.test(w))
  if (reference === undefined) return undefined
  const dir = optionValue(argv, ['--app-dir'])
  const file = moduleFile(reference)
  const source = context.files.read(dir === undefined ? file : `${dir}/${file}`)
  if (source === undefined) return undefined
  const host = optionValue(argv, ['--host']) ?? context.env('UVICORN_HOST') ?? '127.0.0.1'
  const port = asPort(optionValue(argv, ['--port']) ?? context.env('UVICORN_PORT')) ?? 8000
  return uvicornServer(context, source, host, port)
}

/** `python script.py`: a Flask app run by app.run, or an app run by uvicorn.run. */
function pythonScript(context: AppContext, argv: readonly string[]): AppServer | undefined {
  const file = argv.slice(1).find((w) => !w.startsWith('-'))
  if (file === undefined || !file.endsWith('.py')) return undefined
  const source = context.files.read(file)
  if (source === undefined) return undefined
  const framework = pythonFramework(source)
  const uvicornRun = runCall(source, /\buvicorn\.run\s*\(/)
  if (uvicornRun !== undefined) {
    const env = context.env
    const hostExpr = argument(uvicornRun, 'host', 99)
    const portExpr = argument(uvicornRun, 'port', 99)
    const host =
      hostExpr === undefined
        ? '127.0.0.1'
        : String(evaluate(hostExpr, source, env, 'python') ?? '127.0.0.1')
    const port =
      asPort(portExpr === undefined ? 8000 : evaluate(portExpr, source, env, 'python')) ?? 8000
    return uvicornServer(context, source, host, port)
  }
  if (framework === 'flask') return flaskScript(context, file, source)
  return undefined
}

export function readPythonApp(context: AppContext): AppServer | undefined {
  const argv = context.argv
  const program = argv[0]?.split('/').pop() ?? ''
  if (program === 'flask') return argv[1] === 'run' ? flaskRun(context, argv.slice(1)) : undefined
  if (program === 'gunicorn') return gunicorn(context, argv)
  if (program === 'uvicorn') return uvicorn(context, argv)
  if (!PYTHON.has(program)) return undefined
  const rest = argv.slice(1).filter((w) => w !== '-u')
  if (rest[0] === '-m') {
    const module = rest[1] ?? ''
    if (module === 'flask') return rest[2] === 'run' ? flaskRun(context, rest.slice(2)) : undefined
    if (module === 'uvicorn') return uvicorn(context, rest.slice(1))
    if (module === 'gunicorn') return gunicorn(context, rest.slice(1))
    return undefined
  }
  return pythonScript(context, [program, ...rest])
}
