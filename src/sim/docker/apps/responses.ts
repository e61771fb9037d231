/**
 * Responses as each server writes them: its status line version, the headers it adds and their
 * order, its error pages. Facts from the servers' sources: Werkzeug's dev server and
 * HTTPException pages, gunicorn's default headers, uvicorn/Starlette, Express (finalhandler,
 * etag), Node's http module, Python's http.server.
 */
import { formatLogTime } from '../images/log-template'
import { reasonPhrase, utf8Length, type HttpOutcome } from '../engine/http-service'
import type { Literal } from './literals'
import type { Answer } from './routes'
import { base64, sha1Bytes } from './sha1'

export const WERKZEUG_VERSION = '3.1.3'
export const GUNICORN_VERSION = '23.0.0'

export const httpDate = (ms: number): string => formatLogTime(ms, 'http')

/** `[05/Jan/2026 09:00:02]`, as BaseHTTPRequestHandler.log_date_time_string writes it. */
export function pythonLogDate(ms: number): string {
  const clf = formatLogTime(ms, 'clf')
  return clf.slice(0, clf.indexOf(' ')).replace(':', ' ')
}

export function response(
  status: number,
  headers: Array<[string, string]>,
  body: string,
  method: string,
  version?: string,
): HttpOutcome {
  return {
    kind: 'response',
    status,
    reason: reasonPhrase(status),
    headers,
    body: method === 'HEAD' ? '' : body,
    ...(version === undefined ? {} : { version }),
  }
}

/** Python's json.dumps: `ensure_ascii` escapes, `compact` separators, sorted keys for Flask. */
export function pythonJson(
  value: Literal,
  options: { sortKeys: boolean; compact: boolean; ensureAscii: boolean; indent?: number },
  level = 0,
): string {
  const pad = (n: number): string => (options.indent === undefined ? '' : ' '.repeat(n))
  const nl = options.indent === undefined ? '' : '\n'
  const comma = options.indent !== undefined ? ',' : options.compact ? ',' : ', '
  const colon = options.compact && options.indent === undefined ? ':' : ': '
  const inner = level + (options.indent ?? 0)
  if (value === null) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value)
  if (typeof value === 'string') {
    const json = JSON.stringify(value)
    return options.ensureAscii
      ? json.replace(
          /[\u007f-\uffff]/g,
          (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
        )
      : json
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    const items = value.map((v) => pad(inner) + pythonJson(v, options, inner))
    return `[${nl}${items.join(comma + nl)}${nl}${pad(level)}]`
  }
  const keys = Object.keys(value)
  if (options.sortKeys) keys.sort()
  if (keys.length === 0) return '{}'
  const items = keys.map(
    (k) =>
      `${pad(inner)}${pythonJson(k, options)}${colon}${pythonJson(value[k] ?? null, options, inner)}`,
  )
  return `{${nl}${items.join(comma + nl)}${nl}${pad(level)}}`
}

// Werkzeug (Flask's dev server) and gunicorn -------------------------------------------------

/** Werkzeug's HTTPException page. */
export function werkzeugErrorPage(status: number, description: string): string {
  const name = reasonPhrase(status)
  return `<!doctype html>\n<html lang=en>\n<title>${status} ${name}</title>\n<h1>${name}</h1>\n<p>${description}</p>\n`
}

const WERKZEUG_DESCRIPTIONS: Record<number, string> = {
  404: 'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
  405: 'The method is not allowed for the requested URL.',
}

/** A Flask answer: body and headers the app's Response carries. */
export function flaskAnswer(
  answer: Answer,
  debug: boolean,
): { status: number; headers: Array<[string, string]>; body: string } {
  if (answer.kind === 'json') {
    const body = `${pythonJson(answer.value, { sortKeys: true, compact: !debug, ensureAscii: true, ...(debug ? { indent: 2 } : {}) })}\n`
    return { status: answer.status, headers: contentHeaders('application/json', body), body }
  }
  const body = answer.kind === 'text' ? answer.body : ''
  return {
    status: answer.status,
    headers: contentHeaders('text/html; charset=utf-8', body),
    body,
  }
}

export function flaskError(
  status: 404 | 405,
  allowed: string[] = [],
): { status: number; headers: Array<[string, string]>; body: string } {
  const body = werkzeugErrorPage(status, WERKZEUG_DESCRIPTIONS[status] ?? '')
  const headers = contentHeaders('text/html; charset=utf-8', body)
  if (status === 405) headers.unshift(['Allow', werkzeugAllow(allowed)])
  return { status, headers, body }
}

/** Werkzeug adds HEAD to GET routes and OPTIONS to all, and lists them sorted. */
function werkzeugAllow(methods: string[]): string {
  const all = new Set(methods)
  if (all.has('GET')) all.add('HEAD')
  all.add('OPTIONS')
  return [...all].sort().join(', ')
}

const contentHeaders = (type: string, body: string): Array<[string, string]> => [
  ['Content-Type', type],
  ['Content-Length', String(utf8Length(body))],
]

export function werkzeugHeaders(
  app: Array<[string, string]>,
  nowMs: number,
  python: string,
): Array<[string, string]> {
  return [
    ['Server', `Werkzeug/${WERKZEUG_VERSION} Python/${python}`],
    ['Date', httpDate(nowMs)],
    ...app,
    ['Connection', 'close'],
  ]
}

export function gunicornHeaders(
  app: Array<[string, string]>,
  nowMs: number,
): Array<[string, string]> {
  return [['Server', 'gunicorn'], ['Date', httpDate(nowMs)], ['Connection', 'close'], ...app]
}

// Uvicorn and FastAPI -------------------------------------------------------------------------

export function fastapiAnswer(answer: Answer): { status: number; body: string } {
  if (answer.kind === 'json')
    return {
      status: answer.status,
      body: pythonJson(answer.value, { sortKeys: false, compact: true, ensureAscii: false }),
    }
  if (answer.kind === 'text') return { status: answer.status, body: JSON.stringify(answer.body) }
  // Computed by the code: nothing is invented for it.
  return { status: answer.status, body: '' }
}

export function uvicornHeaders(
  body: string,
  nowMs: number,
  extra: Array<[string, string]> = [],
): Array<[string, string]> {
  return [
    ['date', httpDate(nowMs)],
    ['server', 'uvicorn'],
    ...extra,
    ['content-length', String(utf8Length(body))],
    ['content-type', 'application/json'],
  ]
}

// Express and Node's http ---------------------------------------------------------------------

/** The `etag` package's weak validator: length in hex, then base64 SHA-1 without padding. */
export function weakEtag(body: string): string {
  const hash = base64(sha1Bytes(body)).slice(0, 27)
  return `W/"${utf8Length(body).toString(16)}-${hash}"`
}

/** What Node's http adds after the app's own headers. */
export function nodeTrailerHeaders(
  nowMs: number,
  length: number | 'chunked',
): Array<[string, string]> {
  return [
    ['Date', httpDate(nowMs)],
    ['Connection', 'keep-alive'],
    ['Keep-Alive', 'timeout=5'],
    length === 'chunked' ? ['Transfer-Encoding', 'chunked'] : ['Content-Length', String(length)],
  ]
}

export function expressAnswer(answer: Answer): {
  status: number
  headers: Array<[string, string]>
  body: string
} {
  if (answer.kind === 'json') {
    const body = JSON.stringify(answer.value)
    return {
      status: answer.status,
      headers: expressBodyHeaders('application/json; charset=utf-8', body),
      body,
    }
  }
  if (answer.kind === 'text') {
    // res.sendStatus(n): the reason phrase as plain text.
    if (answer.body === '' && answer.status !== 200 && answer.contentType === undefined) {
      const body = reasonPhrase(answer.status) || String(answer.status)
      return {
        status: answer.status,
        headers: expressBodyHeaders('text/plain; charset=utf-8', body),
        body,
      }
    }
    if (answer.contentType === '')
      return { status: answer.status, headers: [['X-Powered-By', 'Express']], body: answer.body }
    return {
      status: answer.status,
      headers: expressBodyHeaders('text/html; charset=utf-8', answer.body),
      body: answer.body,
    }
  }
  return { status: answer.status, headers: [['X-Powered-By', 'Express']], body: '' }
}

function expressBodyHeaders(type: string, body: string): Array<[string, string]> {
  return [
    ['X-Powered-By', 'Express'],
    ['Content-Type', type],
    ['Content-Length', String(utf8Length(body))],
    ['ETag', weakEtag(body)],
  ]
}

/** finalhandler's page for a route nothing handled (`Cannot GET /x`). */
export function expressNotFound(
  method: string,
  path: string,
): { status: number; headers: Array<[string, string]>; body: string } {
  const text = `Cannot ${method} ${escapeHtml(path.split('?')[0] ?? path)}`
  const body = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>${text}</pre>\n</body>\n</html>\n`
  return {
    status: 404,
    headers: [
      ['X-Powered-By', 'Express'],
      ['Content-Security-Policy', "default-src 'none'"],
      ['X-Content-Type-Options', 'nosniff'],
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Content-Length', String(utf8Length(body))],
    ],
    body,
  }
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}
