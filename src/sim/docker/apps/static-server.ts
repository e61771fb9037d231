/**
 * `python -m http.server [PORT] [--bind ADDR] [--directory DIR]`: Python's SimpleHTTPRequestHandler
 * over the files of the container. It lists directories (its own HTML page), serves files with a
 * type guessed from the extension, answers 404 with its error page, and logs each request on
 * stderr. It binds to `::` (dual stack) unless told, so IPv4 clients show as `::ffff:a.b.c.d`.
 * Its banner is a print(): without a terminal nor PYTHONUNBUFFERED it stays in Python's buffer.
 */
import { utf8Length } from '../engine/http-service'
import { resolvePath } from './app-files'
import type { AppContext, AppServer, Exchange, OutputLine } from './app-server'
import { asPort, optionValue } from './listen-ports'
import { escapeHtml, httpDate, pythonLogDate, response } from './responses'
import { pythonVersion } from './python-apps'

/** mimetypes' answers for the files students serve. */
const TYPES: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  js: 'text/javascript',
  json: 'application/json',
  txt: 'text/plain',
  md: 'text/markdown',
  py: 'text/x-python',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  ico: 'image/vnd.microsoft.icon',
  xml: 'application/xml',
  csv: 'text/csv',
  sh: 'application/x-sh',
  yaml: 'application/yaml',
  yml: 'application/yaml',
}

export function guessType(path: string): string {
  const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? ''
  return TYPES[ext] ?? 'application/octet-stream'
}

/** send_error's page (http.server DEFAULT_ERROR_MESSAGE). */
function errorPage(code: number, message: string, explain: string): string {
  return `<!DOCTYPE HTML>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <title>Error response</title>
    </head>
    <body>
        <h1>Error response</h1>
        <p>Error code: ${code}</p>
        <p>Message: ${message}.</p>
        <p>Error code explanation: ${code} - ${explain}.</p>
    </body>
</html>
`
}

function listing(
  displayPath: string,
  entries: Array<{ name: string; dir: boolean; link: boolean }>,
): string {
  const title = `Directory listing for ${escapeHtml(displayPath).replace(/&#39;/g, "'")}`
  const lines = [
    '<!DOCTYPE HTML>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${title}</title>\n</head>`,
    `<body>\n<h1>${title}</h1>`,
    '<hr>\n<ul>',
  ]
  const sorted = [...entries].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1))
  for (const e of sorted) {
    const display = e.name + (e.dir ? '/' : e.link ? '@' : '')
    const link = e.name + (e.dir ? '/' : '')
    lines.push(
      `<li><a href="${encodeURI(link).replace(/#/g, '%23').replace(/\?/g, '%3F')}">${escapeHtml(
        display,
      )
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")}</a></li>`,
    )
  }
  lines.push('</ul>\n<hr>\n</body>\n</html>\n')
  return lines.join('\n')
}

export function readStaticServer(context: AppContext): AppServer | undefined {
  const argv = context.argv
  const program = argv[0]?.split('/').pop() ?? ''
  if (!/^python(3(\.\d+)?)?$/.test(program)) return undefined
  const rest = argv.slice(1).filter((w) => w !== '-u')
  if (rest[0] !== '-m' || rest[1] !== 'http.server') return undefined
  const options = rest.slice(2)
  const positional = options.filter(
    (w, i) =>
      !w.startsWith('-') &&
      !/^(-b|--bind|-d|--directory|--protocol|-p)$/.test(options[i - 1] ?? ''),
  )
  const port = asPort(positional[0]) ?? 8000
  const bind = optionValue(options, ['--bind', '-b'])
  const host = bind ?? '::'
  const root = resolvePath(context.files.cwd, optionValue(options, ['--directory', '-d']) ?? '.')
  const files = context.files
  const python = pythonVersion(context)
  const server = `SimpleHTTP/0.6 Python/${python}`
  const shown = host === '::' ? '[::]' : host
  const banner: OutputLine[] =
    context.tty || (context.env('PYTHONUNBUFFERED') ?? '') !== '' || argv.includes('-u')
      ? [
          {
            stream: 'stdout',
            text: `Serving HTTP on ${host} port ${port} (http://${shown}:${port}/) ...`,
          },
        ]
      : []
  return {
    kind: 'http.server',
    listens: [{ host, port }],
    startup: banner,
    respond(request, ctx): Exchange {
      const client =
        host === '::' && !ctx.clientIp.includes(':') ? `::ffff:${ctx.clientIp}` : ctx.clientIp
      const logLine = (status: number): OutputLine => ({
        stream: 'stderr',
        text: `${client} - - [${pythonLogDate(ctx.nowMs)}] "${request.method} ${request.path} HTTP/1.1" ${status} -`,
      })
      const base: Array<[string, string]> = [
        ['Server', server],
        ['Date', httpDate(ctx.nowMs)],
      ]
      const path = decodeURIComponent(request.path.split('?')[0]?.split('#')[0] ?? '/')
      const target = resolvePath(root, `.${path}`)
      const entries = files.list(target)
      if (entries !== undefined) {
        if (!path.endsWith('/'))
          return {
            outcome: response(
              301,
              [...base, ['Location', `${path}/`], ['Content-Length', '0']],
              '',
              request.method,
              '1.0',
            ),
            logs: [logLine(301)],
          }
        for (const index of ['index.html', 'index.htm']) {
          const page = files.read(`${target}/${index}`)
          if (page !== undefined) return serveFile(`${target}/${index}`, page)
        }
        const body = listing(path, entries)
        return {
          outcome: response(
            200,
            [
              ...base,
              ['Content-type', 'text/html; charset=utf-8'],
              ['Content-Length', String(utf8Length(body))],
            ],
            body,
            request.method,
            '1.0',
          ),
          logs: [logLine(200)],
        }
      }
      const content = files.read(target)
      if (content === undefined || path.endsWith('/')) {
        const body = errorPage(404, 'File not found', 'Nothing matches the given URI')
        return {
          outcome: response(
            404,
            [
              ...base,
              ['Connection', 'close'],
              ['Content-Type', 'text/html;charset=utf-8'],
              ['Content-Length', String(utf8Length(body))],
            ],
            body,
            request.method,
            '1.0',
          ),
          logs: [
            {
              stream: 'stderr',
              text: `${client} - - [${pythonLogDate(ctx.nowMs)}] code 404, message File not found`,
            },
            logLine(404),
          ],
        }
      }
      return serveFile(target, content)

      function serveFile(file: string, text: string): Exchange {
        const modified = files.mtimeMs(file) ?? context.startedMs
        return {
          outcome: response(
            200,
            [
              ...base,
              ['Content-type', guessType(file)],
              ['Content-Length', String(utf8Length(text))],
              ['Last-Modified', httpDate(modified)],
            ],
            text,
            request.method,
            '1.0',
          ),
          logs: [logLine(200)],
        }
      }
    },
  }
}
