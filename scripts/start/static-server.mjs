// A small static file server for the web host: loopback only, GET/HEAD only, no directory
// listing, nothing outside its folder. Used by scripts/start.mjs; no dependency beyond Node.
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'

const LOOPBACK = '127.0.0.1'

/** The types a Vite build (and its service worker) can contain; anything else is bytes. */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

export function contentTypeOf(path) {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The file a request path names inside `rootDir`, or undefined when it would leave it
 * (`..`, encoded slashes, NUL bytes, symbolic links pointing out).
 */
export async function fileFor(rootDir, requestUrl) {
  let pathname
  try {
    pathname = decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname)
  } catch {
    return undefined
  }
  if (pathname.includes('\0')) return undefined
  const relative = normalize(pathname).replace(/^[/\\]+/, '')
  let file = resolve(rootDir, relative)
  if (!isInside(rootDir, file)) return undefined
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html')
    const real = await realpath(file)
    if (!isInside(await realpath(rootDir), real)) return undefined
    return (await stat(real)).isFile() ? real : undefined
  } catch {
    return undefined
  }
}

function isInside(rootDir, file) {
  const base = resolve(rootDir)
  return file === base || file.startsWith(base.endsWith(sep) ? base : base + sep)
}

function reply(response, status, text, headers = {}) {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  })
  response.end(`${text}\n`)
}

/**
 * Serves `rootDir` on 127.0.0.1. `port` 0 picks a free port; a busy preferred port falls back to
 * a free one (reported as `fellBack`). Resolves once listening.
 */
export async function serveStatic(rootDir, { port = 0 } = {}) {
  const root = resolve(rootDir)
  let listeningPort = port
  const server = createServer((request, response) => {
    const method = request.method ?? 'GET'
    if (method !== 'GET' && method !== 'HEAD') {
      reply(response, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' })
      return
    }
    // Only names of this machine: a page elsewhere cannot reach the server through a DNS name
    // that it makes resolve to 127.0.0.1 (DNS rebinding).
    const host = request.headers.host ?? ''
    if (host !== `${LOOPBACK}:${listeningPort}` && host !== `localhost:${listeningPort}`) {
      reply(response, 421, 'Misdirected Request')
      return
    }
    fileFor(root, request.url ?? '/')
      .then(async (file) => {
        if (file === undefined) {
          reply(response, 404, 'Not Found')
          return
        }
        const { size } = await stat(file)
        response.writeHead(200, {
          'Content-Type': contentTypeOf(file),
          'Content-Length': size,
          // Always revalidated: a rebuilt app is picked up on the next load (the service worker
          // keeps the offline copy).
          'Cache-Control': 'no-cache',
          'X-Content-Type-Options': 'nosniff',
        })
        if (method === 'HEAD') response.end()
        else createReadStream(file).pipe(response)
      })
      .catch(() => {
        if (!response.headersSent) reply(response, 500, 'Internal Server Error')
        else response.destroy()
      })
  })
  const listen = (wanted) =>
    new Promise((resolveListen, rejectListen) => {
      const onError = (error) => {
        server.off('listening', onListening)
        rejectListen(error)
      }
      const onListening = () => {
        server.off('error', onError)
        resolveListen()
      }
      server.once('error', onError)
      server.once('listening', onListening)
      server.listen(wanted, LOOPBACK)
    })
  let fellBack = false
  try {
    await listen(port)
  } catch (error) {
    if (port === 0 || error?.code !== 'EADDRINUSE') throw error
    fellBack = true
    await listen(0)
  }
  const address = server.address()
  listeningPort = typeof address === 'object' && address !== null ? address.port : port
  return { server, url: `http://${LOOPBACK}:${listeningPort}/`, fellBack }
}
