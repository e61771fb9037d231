/**
 * curl 7.88.1 (Debian 12's), speaking HTTP/1.1 to the containers Quai's engine runs. Output was
 * recorded from the real curl against a server sending nginx's bytes: `-v` lines, `-I` headers,
 * the progress meter with `-o`, and the `curl: (N) …` errors with their exit codes.
 *
 * As in a terminal, the body goes to stdout with no progress meter (Quai cannot tell a pipe from
 * the screen); header names are not made bold. A request to a paused container hangs until
 * Ctrl-C in the interactive terminal, runs into `-m`/`--connect-timeout` when given, and is
 * refused in scripts (nothing would ever end it there).
 */
import { HOST_UNREACHABLE_MS, SYN_TIMEOUT_MS, type Connection } from '../../../docker/engine/reach'
import { exchangeHttp, utf8Length, type HttpOutcome } from '../../../docker/engine/http-service'
import type { CommandContext, CommandOutput } from '../../command'
import { connectFrom, lookup, STRERROR, wait, writeUserFile, type NetworkSide } from './common'
import { parseUrl, resolveLocation, type ParsedUrl } from './url'

export const CURL_VERSION = '7.88.1'
const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n"

const VERSION_TEXT = `curl 7.88.1 (x86_64-pc-linux-gnu) libcurl/7.88.1 OpenSSL/3.0.19 zlib/1.2.13 brotli/1.0.9 zstd/1.5.4 libidn2/2.3.3 libpsl/0.21.2 (+libidn2/2.3.3) libssh2/1.10.0 nghttp2/1.52.0 librtmp/2.3 OpenLDAP/2.5.13
Release-Date: 2023-02-20, security patched: 7.88.1-10+deb12u14
Protocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp
Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM NTLM_WB PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd
`

const HELP_TEXT = `Usage: curl [options...] <url>
 -d, --data <data>          HTTP POST data
 -f, --fail                 Fail fast with no output on HTTP errors
 -h, --help <category>      Get help for commands
 -i, --include              Include protocol response headers in the output
 -o, --output <file>        Write to file instead of stdout
 -O, --remote-name          Write output to a file named as the remote file
 -s, --silent               Silent mode
 -T, --upload-file <file>   Transfer local FILE to destination
 -u, --user <user:password> Server user and password
 -A, --user-agent <name>    Send User-Agent <name> to server
 -v, --verbose              Make the operation more talkative
 -V, --version              Show version number and quit

This is not the full help, this menu is stripped into categories.
Use "--help category" to get an overview of all categories.
For all options use the manual or "--help all".
`

/** Short options that take a parameter, and those that do not (every letter curl knows). */
const SHORT_WITH_ARG = new Set('AbcCdeEFHKmoPQrtTuUwxXyYz'.split(''))
const SHORT_FLAGS = new Set('sSvIiLfkO46#NjJGglnpqRBMZ0123aVh'.split(''))

/** Long options by name: the short letter they stand for, or their own key. */
const LONG: Readonly<Record<string, { key: string; arg: boolean }>> = {
  silent: { key: 's', arg: false },
  'show-error': { key: 'S', arg: false },
  verbose: { key: 'v', arg: false },
  head: { key: 'I', arg: false },
  include: { key: 'i', arg: false },
  output: { key: 'o', arg: true },
  'remote-name': { key: 'O', arg: false },
  location: { key: 'L', arg: false },
  'max-time': { key: 'm', arg: true },
  'connect-timeout': { key: 'connect-timeout', arg: true },
  request: { key: 'X', arg: true },
  header: { key: 'H', arg: true },
  'user-agent': { key: 'A', arg: true },
  data: { key: 'd', arg: true },
  'data-raw': { key: 'd', arg: true },
  'data-binary': { key: 'd', arg: true },
  'data-ascii': { key: 'd', arg: true },
  'data-urlencode': { key: 'd', arg: true },
  json: { key: 'json', arg: true },
  fail: { key: 'f', arg: false },
  'fail-with-body': { key: 'f', arg: false },
  'write-out': { key: 'w', arg: true },
  insecure: { key: 'k', arg: false },
  help: { key: 'h', arg: false },
  version: { key: 'V', arg: false },
  'no-progress-meter': { key: 'no-progress-meter', arg: false },
  'progress-bar': { key: '#', arg: false },
  compressed: { key: 'compressed', arg: false },
  'http1.1': { key: 'http1.1', arg: false },
  'http1.0': { key: 'http1.1', arg: false },
  ipv4: { key: '4', arg: false },
  ipv6: { key: '6', arg: false },
  user: { key: 'u', arg: true },
  referer: { key: 'e', arg: true },
  url: { key: 'url', arg: true },
  get: { key: 'G', arg: false },
  'no-buffer': { key: 'N', arg: false },
  retry: { key: 'retry', arg: true },
  'create-dirs': { key: 'create-dirs', arg: false },
  'remote-header-name': { key: 'J', arg: false },
  cookie: { key: 'b', arg: true },
  'cookie-jar': { key: 'c', arg: true },
  proxy: { key: 'x', arg: true },
  noproxy: { key: 'noproxy', arg: true },
  'upload-file': { key: 'T', arg: true },
}

interface CurlOptions {
  urls: string[]
  silent: boolean
  showError: boolean
  verbose: boolean
  head: boolean
  include: boolean
  output: string | undefined
  remoteName: boolean
  location: boolean
  maxTimeMs: number | undefined
  connectTimeoutMs: number | undefined
  method: string | undefined
  headers: string[]
  userAgent: string | undefined
  data: string | undefined
  fail: boolean
  writeOut: string | undefined
  noProgress: boolean
  help: boolean
  version: boolean
}

type Parsed = { ok: true; options: CurlOptions } | { ok: false; stderr: string }

function parseArgs(args: readonly string[]): Parsed {
  const o: CurlOptions = {
    urls: [],
    silent: false,
    showError: false,
    verbose: false,
    head: false,
    include: false,
    output: undefined,
    remoteName: false,
    location: false,
    maxTimeMs: undefined,
    connectTimeoutMs: undefined,
    method: undefined,
    headers: [],
    userAgent: undefined,
    data: undefined,
    fail: false,
    writeOut: undefined,
    noProgress: false,
    help: false,
    version: false,
  }
  const bad = (text: string): Parsed => ({ ok: false, stderr: `curl: ${text}\n${TRY_HELP}` })
  const seconds = (value: string): number | undefined => {
    if (!/^(\d+(\.\d*)?|\.\d+)$/.test(value)) return undefined
    return Math.round(Number(value) * 1000)
  }
  const apply = (key: string, shown: string, value: string): Parsed | undefined => {
    switch (key) {
      case 's':
        o.silent = true
        break
      case 'S':
        o.showError = true
        break
      case 'v':
        o.verbose = true
        break
      case 'I':
        o.head = true
        break
      case 'i':
        o.include = true
        break
      case 'o':
        o.output = value
        break
      case 'O':
        o.remoteName = true
        break
      case 'L':
        o.location = true
        break
      case 'm':
      case 'connect-timeout': {
        const ms = seconds(value)
        if (ms === undefined) return bad(`option ${shown}: expected a proper numerical parameter`)
        if (key === 'm') o.maxTimeMs = ms
        else o.connectTimeoutMs = ms
        break
      }
      case 'X':
        o.method = value
        break
      case 'H':
        o.headers.push(value)
        break
      case 'A':
        o.userAgent = value
        break
      case 'd':
        o.data = o.data === undefined ? value : `${o.data}&${value}`
        break
      case 'json':
        o.data = o.data === undefined ? value : `${o.data}${value}`
        o.headers.push('Content-Type: application/json', 'Accept: application/json')
        break
      case 'f':
        o.fail = true
        break
      case 'w':
        o.writeOut = value
        break
      case 'no-progress-meter':
        o.noProgress = true
        break
      case 'h':
        o.help = true
        break
      case 'V':
        o.version = true
        break
      case 'url':
        o.urls.push(value)
        break
      default:
        // Accepted and without effect here (TLS checks, compression, cookies, proxies…).
        break
    }
    return undefined
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ''
    if (arg === '--') {
      o.urls.push(...args.slice(i + 1))
      break
    }
    if (arg.startsWith('--')) {
      const spec = LONG[arg.slice(2)]
      if (spec === undefined) return bad(`option ${arg}: is unknown`)
      let value = ''
      if (spec.arg) {
        if (i + 1 >= args.length) return bad(`option ${arg}: requires parameter`)
        value = args[++i] ?? ''
      }
      const problem = apply(spec.key, arg, value)
      if (problem) return problem
      continue
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg.charAt(j)
        const shown = `-${letter}`
        if (SHORT_WITH_ARG.has(letter)) {
          let value = arg.slice(j + 1)
          if (value === '') {
            if (i + 1 >= args.length) return bad(`option ${shown}: requires parameter`)
            value = args[++i] ?? ''
          }
          const problem = apply(letter, shown, value)
          if (problem) return problem
          break
        }
        if (!SHORT_FLAGS.has(letter)) return bad(`option ${arg}: is unknown`)
        const problem = apply(letter, shown, '')
        if (problem) return problem
      }
      continue
    }
    o.urls.push(arg)
  }
  return { ok: true, options: o }
}

/** curl's max5data: a figure in at most five characters. */
function max5(bytes: number): string {
  if (bytes < 100000) return String(Math.floor(bytes)).padStart(5)
  if (bytes < 10000 * 1024) return `${String(Math.floor(bytes / 1024)).padStart(4)}k`
  if (bytes < 100 * 1024 * 1024) {
    const mb = bytes / (1024 * 1024)
    return `${Math.floor(mb)}.${Math.floor((mb % 1) * 10)}M`.padStart(5)
  }
  return `${String(Math.floor(bytes / (1024 * 1024))).padStart(4)}M`
}

const METER_HEAD =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n'

function meterLine(total: number, received: number): string {
  const percent = (n: number): string => String(n).padStart(3)
  const done = total > 0 && received === total ? 100 : 0
  // A local transfer takes about a millisecond on the virtual clock.
  const speed = received * 1000
  return (
    `${percent(done)} ${max5(total)}  ${percent(done)} ${max5(received)}  ${percent(0)} ${max5(0)}` +
    `  ${max5(speed)}  ${max5(0)} --:--:-- --:--:-- --:--:-- ${max5(speed)}`
  )
}

/** One `curl: (N) message` failure. */
interface Failure {
  code: number
  message: string
}

interface Transfer {
  status: number
  contentType: string
  sizeDownload: number
  remoteIp: string
  remotePort: number
  url: string
  redirects: number
  method: string
}

const bracket = (ip: string): string => (ip.includes(':') ? `[${ip}]` : ip)

class CurlRun {
  stdout = ''
  stderr = ''
  private connectionNumber = 0
  private meterClosed = false

  constructor(
    private readonly o: CurlOptions,
    private readonly side: NetworkSide,
    private readonly ctx: CommandContext,
  ) {}

  private info(line: string): void {
    if (this.o.verbose) this.stderr += `* ${line}\n`
  }

  private get meter(): boolean {
    return (
      !this.o.silent && !this.o.noProgress && (this.o.output !== undefined || this.o.remoteName)
    )
  }

  private fail(failure: Failure): number {
    if (!this.o.silent || this.o.showError)
      this.stderr += `curl: (${failure.code}) ${failure.message}\n`
    return failure.code
  }

  /** Fetches one URL (following redirects with -L); returns curl's exit code. */
  async fetch(raw: string): Promise<number> {
    const transfer: Transfer = {
      status: 0,
      contentType: '',
      sizeDownload: 0,
      remoteIp: '',
      remotePort: 0,
      url: raw,
      redirects: 0,
      method: 'GET',
    }
    if (this.meter) this.stderr += `${METER_HEAD}\r${meterLine(0, 0)}`
    let target = raw
    let code = 0
    for (;;) {
      const step = await this.request(target, transfer)
      if (step.kind === 'done') {
        code = step.code
        break
      }
      transfer.redirects++
      if (transfer.redirects > 50) {
        code = this.fail({ code: 47, message: 'Maximum (50) redirects followed' })
        break
      }
      this.info(`Issue another request to this URL: '${step.location}'`)
      target = step.location
    }
    if (this.meter && !this.meterClosed) {
      if (code === 0)
        this.stderr += `\r${meterLine(transfer.sizeDownload, transfer.sizeDownload)}\n`
      else {
        // curl flushes the meter's last line before it reports the error.
        const error = /curl: \(\d+\)[^\n]*\n$/.exec(this.stderr)
        const message = error?.[0] ?? ''
        if (error) this.stderr = this.stderr.slice(0, error.index)
        this.stderr += `\r${meterLine(0, 0)}\n${message}`
      }
    }
    this.meterClosed = false
    if (this.o.writeOut !== undefined) this.stdout += this.writeOut(this.o.writeOut, transfer)
    return code
  }

  private async request(
    raw: string,
    transfer: Transfer,
  ): Promise<{ kind: 'done'; code: number } | { kind: 'redirect'; location: string }> {
    const done = (code: number) => ({ kind: 'done' as const, code })
    const parsed = parseUrl(raw)
    if (!parsed.ok) {
      if (parsed.problem.kind === 'scheme')
        return done(
          this.fail({
            code: 1,
            message: `Protocol "${parsed.problem.scheme}" not supported or disabled in libcurl`,
          }),
        )
      return done(this.fail({ code: 3, message: 'URL using bad/illegal format or missing URL' }))
    }
    const url = parsed.url
    transfer.url = `${url.scheme}://${url.authority}${url.path}`
    transfer.status = 0
    // curl resolves localhost itself, to both loopback addresses.
    const addresses =
      url.host.toLowerCase() === 'localhost' ? ['127.0.0.1', '::1'] : lookup(this.side, url.host)
    const number = this.connectionNumber++
    if (addresses.length === 0) {
      this.info(`Could not resolve host: ${url.host}`)
      this.info(`Closing connection ${number}`)
      return done(this.fail({ code: 6, message: `Could not resolve host: ${url.host}` }))
    }
    const opened = await this.open(url, addresses, number)
    if (opened.kind === 'failed') return done(opened.code)
    const { connection, address } = opened
    transfer.remoteIp = address
    transfer.remotePort = url.port
    this.info(`Connected to ${url.host} (${address}) port ${url.port} (#${number})`)
    if (url.scheme === 'https') return done(this.tlsMismatch(connection, url, number))
    const method =
      this.o.method ?? (this.o.head ? 'HEAD' : this.o.data !== undefined ? 'POST' : 'GET')
    transfer.method = method
    const headers = this.requestHeaders(url)
    if (this.o.verbose) {
      this.stderr += `> ${method} ${url.path} HTTP/1.1\r\n`
      for (const [name, value] of headers) this.stderr += `> ${name}: ${value}\r\n`
      this.stderr += '> \r\n'
    }
    if (connection.kind === 'reset') {
      this.info('Recv failure: Connection reset by peer')
      this.info(`Closing connection ${number}`)
      return done(this.fail({ code: 56, message: 'Recv failure: Connection reset by peer' }))
    }
    if (connection.kind === 'stalled') return done(await this.stall(number))
    if (connection.kind !== 'open') return done(0)
    const host = headers.find(([name]) => name.toLowerCase() === 'host')?.[1] ?? url.authority
    const userAgent = headers.find(([name]) => name.toLowerCase() === 'user-agent')?.[1] ?? '-'
    const outcome: HttpOutcome = exchangeHttp(
      this.side.engine,
      connection.server,
      { method, path: url.path, host, userAgent },
      this.ctx.clock.now(),
    )
    if (outcome.kind === 'empty') {
      this.info('Empty reply from server')
      this.info(`Closing connection ${number}`)
      return done(this.fail({ code: 52, message: 'Empty reply from server' }))
    }
    transfer.status = outcome.status
    const headerBlock =
      `HTTP/${outcome.version ?? '1.1'} ${outcome.status} ${outcome.reason}\r\n` +
      outcome.headers.map(([name, value]) => `${name}: ${value}\r\n`).join('') +
      '\r\n'
    if (this.o.verbose)
      this.stderr += headerBlock
        .split('\r\n')
        .slice(0, -1)
        .map((line) => `< ${line}\r\n`)
        .join('')
    transfer.contentType =
      outcome.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? ''
    if (this.o.fail && outcome.status >= 400) {
      this.info(`The requested URL returned error: ${outcome.status}`)
      this.info(`Closing connection ${number}`)
      return done(
        this.fail({ code: 22, message: `The requested URL returned error: ${outcome.status}` }),
      )
    }
    const location = outcome.headers.find(([name]) => name.toLowerCase() === 'location')?.[1]
    const redirect =
      this.o.location && outcome.status >= 300 && outcome.status < 400 && location !== undefined
    const body = redirect ? '' : outcome.body
    transfer.sizeDownload += utf8Length(outcome.body)
    const shown = (this.o.include || this.o.head ? headerBlock : '') + (this.o.head ? '' : body)
    const written = await this.deliver(shown, url)
    if (written !== 0) return done(written)
    if (this.o.verbose && this.toFile && outcome.body !== '')
      this.stderr += `{ [${utf8Length(outcome.body)} bytes data]\n`
    if (this.meter && !redirect) {
      // The meter's last update comes before curl's closing words on the connection.
      this.stderr += `\r${meterLine(transfer.sizeDownload, transfer.sizeDownload)}\n`
      this.meterClosed = true
    }
    this.info(`Connection #${number} to host ${url.host} left intact`)
    if (redirect && location !== undefined)
      return { kind: 'redirect', location: resolveLocation(url, location) }
    return done(0)
  }

  private get toFile(): boolean {
    return (this.o.output !== undefined && this.o.output !== '-') || this.o.remoteName
  }

  private requestHeaders(url: ParsedUrl): Array<[string, string]> {
    const headers: Array<[string, string]> = [
      ['Host', url.authority],
      ['User-Agent', this.o.userAgent ?? `curl/${CURL_VERSION}`],
      ['Accept', '*/*'],
    ]
    for (const given of this.o.headers) {
      const colon = given.indexOf(':')
      if (colon === -1) continue
      const name = given.slice(0, colon).trim()
      const value = given.slice(colon + 1).trim()
      const at = headers.findIndex(([n]) => n.toLowerCase() === name.toLowerCase())
      if (value === '') {
        if (at !== -1) headers.splice(at, 1)
      } else if (at !== -1) headers[at] = [name, value]
      else headers.push([name, value])
    }
    if (this.o.data !== undefined) {
      headers.push(['Content-Length', String(utf8Length(this.o.data))])
      if (!headers.some(([n]) => n.toLowerCase() === 'content-type'))
        headers.push(['Content-Type', 'application/x-www-form-urlencoded'])
    }
    return headers
  }

  /** Tries each address in turn, as curl's happy eyeballs do on a quiet loopback. */
  private async open(
    url: ParsedUrl,
    addresses: readonly string[],
    number: number,
  ): Promise<
    | { kind: 'connected'; connection: Connection; address: string }
    | { kind: 'failed'; code: number }
  > {
    let elapsed = 0
    let timedOut = false
    let limited = false
    const limit = Math.min(this.o.maxTimeMs ?? Infinity, this.o.connectTimeoutMs ?? Infinity)
    for (const address of addresses) {
      this.stderr += this.o.verbose ? `*   Trying ${bracket(address)}:${url.port}...\n` : ''
      let connection = connectFrom(this.side, address, url.port, this.ctx.clock.now())
      // Nothing would ever end a hang in a script: there a paused server refuses instead.
      if (
        connection.kind === 'stalled' &&
        this.ctx.tty === undefined &&
        this.o.maxTimeMs === undefined
      )
        connection = { kind: 'refused' }
      if (
        connection.kind === 'open' ||
        connection.kind === 'stalled' ||
        connection.kind === 'reset'
      )
        return { kind: 'connected', connection, address }
      if (connection.kind === 'refused') {
        this.info(`connect to ${address} port ${url.port} failed: Connection refused`)
        continue
      }
      if (connection.kind === 'net-unreachable') {
        this.info(`Immediate connect fail for ${address}: Network is unreachable`)
        continue
      }
      const takes = connection.kind === 'dropped' ? SYN_TIMEOUT_MS : HOST_UNREACHABLE_MS
      const budget = limit - elapsed
      if (budget < takes) {
        if (!(await wait(this.ctx, budget))) return { kind: 'failed', code: 130 }
        elapsed += budget + 1
        timedOut = true
        limited = true
        break
      }
      if (!(await wait(this.ctx, takes))) return { kind: 'failed', code: 130 }
      elapsed += takes
      if (connection.kind === 'dropped') timedOut = true
      this.info(
        `connect to ${address} port ${url.port} failed: ${connection.kind === 'dropped' ? 'Connection timed out' : 'No route to host'}`,
      )
    }
    const reason = limited ? 'Timeout was reached' : "Couldn't connect to server"
    const message = `Failed to connect to ${url.host} port ${url.port} after ${elapsed} ms: ${reason}`
    this.info(message)
    this.info(`Closing connection ${number}`)
    return { kind: 'failed', code: this.fail({ code: timedOut ? 28 : 7, message }) }
  }

  /** https:// to a plain-text server: its answer is no TLS record. */
  private tlsMismatch(connection: Connection, url: ParsedUrl, number: number): number {
    this.info('ALPN: offers h2,http/1.1')
    this.info('TLSv1.3 (OUT), TLS handshake, Client hello (1):')
    this.info(' CAfile: /etc/ssl/certs/ca-certificates.crt')
    this.info(' CApath: /etc/ssl/certs')
    const http = connection.kind === 'open' && connection.server.service.kind === 'http'
    const message = http
      ? 'OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number'
      : `OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to ${url.host}:${url.port} `
    this.info(message)
    this.info(`Closing connection ${number}`)
    return this.fail({ code: 35, message })
  }

  /** A frozen server: wait for -m, or for Ctrl-C in the terminal. */
  private async stall(number: number): Promise<number> {
    if (this.o.maxTimeMs !== undefined) {
      if (!(await wait(this.ctx, this.o.maxTimeMs))) return 130
      const message = `Operation timed out after ${this.o.maxTimeMs + 1} milliseconds with 0 bytes received`
      this.info(message)
      this.info(`Closing connection ${number}`)
      return this.fail({ code: 28, message })
    }
    // Bounded like `tail -f`, so that a session whose sleeps return at once cannot spin forever.
    for (let second = 0; second < 3600; second++) if (!(await wait(this.ctx, 1000))) break
    return 130
  }

  /** Sends what the user asked to see to stdout or to the -o/-O file; a curl exit code. */
  private async deliver(text: string, url: ParsedUrl): Promise<number> {
    let path = this.o.output
    if (this.o.remoteName && path === undefined) {
      const name =
        url.path
          .replace(/[?].*$/, '')
          .split('/')
          .pop() ?? ''
      if (name === '') {
        this.stderr += 'curl: Remote file name has no length!\n'
        return this.fail({ code: 23, message: 'Failed writing received data to disk/application' })
      }
      path = name
    }
    if (path === undefined || path === '-' || path === '/dev/stdout') {
      this.stdout += text
      return 0
    }
    if (path === '/dev/null') return 0
    if (path === '/dev/stderr') {
      this.stderr += text
      return 0
    }
    const problem = await writeUserFile(this.ctx, path, text)
    if (problem === undefined) return 0
    this.stderr += `Warning: Failed to open the file ${path}: ${STRERROR[problem]}\n`
    return this.fail({ code: 23, message: 'Failure writing output to destination' })
  }

  private writeOut(format: string, t: Transfer): string {
    const escaped = format.replace(/\\([nrt\\])/g, (_m, c: string) =>
      c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : '\\',
    )
    return escaped.replace(/%(%|\{([a-z_]+)\})/g, (whole, pct: string, name?: string) => {
      if (pct === '%') return '%'
      switch (name) {
        case 'http_code':
        case 'response_code':
          return String(t.status).padStart(3, '0')
        case 'size_download':
          return String(t.sizeDownload)
        case 'url_effective':
          return t.url
        case 'content_type':
          return t.contentType
        case 'remote_ip':
          return t.remoteIp
        case 'remote_port':
          return t.remotePort === 0 ? '' : String(t.remotePort)
        case 'num_redirects':
          return String(t.redirects)
        case 'method':
          return t.method
        case 'time_total':
        case 'time_connect':
        case 'time_starttransfer':
          return t.status === 0 ? '0.000000' : '0.001134'
        default:
          this.stderr += `curl: unknown --write-out variable: '${name ?? whole}'\n`
          return ''
      }
    })
  }
}

/** Runs curl with `args` on one side of the machine. */
export async function runCurl(
  args: readonly string[],
  ctx: CommandContext,
  side: NetworkSide,
): Promise<CommandOutput> {
  if (args.length === 0) return { stdout: '', stderr: TRY_HELP, exitCode: 2 }
  const parsed = parseArgs(args)
  if (!parsed.ok) return { stdout: '', stderr: parsed.stderr, exitCode: 2 }
  const o = parsed.options
  if (o.help) return { stdout: HELP_TEXT, stderr: '', exitCode: 0 }
  if (o.version) return { stdout: VERSION_TEXT, stderr: '', exitCode: 0 }
  if (o.urls.length === 0)
    return { stdout: '', stderr: `curl: no URL specified!\n${TRY_HELP}`, exitCode: 2 }
  const run = new CurlRun(o, side, ctx)
  if (o.method === 'POST' && o.data !== undefined && !o.silent)
    run.stderr += 'Note: Unnecessary use of -X or --request, POST is already inferred.\n'
  let exitCode = 0
  for (const url of o.urls) {
    exitCode = await run.fetch(url)
    if (exitCode === 130) break
  }
  return { stdout: run.stdout, stderr: run.stderr, exitCode }
}
