/**
 * GNU Wget 1.21.3 (Debian 12's) fetching from the containers Quai's engine runs. The log lines,
 * the progress bar (src/progress.c create_image, sized to the terminal) and the exit codes were
 * recorded from the real wget. Its log goes to stderr, as wget's does.
 */
import { HOST_UNREACHABLE_MS, isIpv4, SYN_TIMEOUT_MS } from '../../../docker/engine/reach'
import { exchangeHttp, utf8Length } from '../../../docker/engine/http-service'
import { formatLogTime } from '../../../docker/images/log-template'
import type { CommandContext, CommandOutput } from '../../command'
import { parseCommandLine } from '../options'
import { connectFrom, lookup, STRERROR, wait, writeUserFile, type NetworkSide } from './common'
import { parseUrl, resolveLocation, urlString, type ParsedUrl } from './url'

const USAGE_HINT = "Usage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n"

const VERSION_TEXT = `GNU Wget 1.21.3 built on linux-gnu.

-cares +digest -gpgme +https +ipv6 +iri +large-file -metalink +nls 
+ntlm +opie +psl +ssl/gnutls 

Wgetrc: 
    /etc/wgetrc (system)
Locale: 
    /usr/share/locale 

Copyright (C) 2015 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later
<http://www.gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Originally written by Hrvoje Niksic <hniksic@xemacs.org>.
Please send bug reports and questions to <bug-wget@gnu.org>.
`

/** The lines of `wget --help` for the options Quai's wget understands. */
const HELP_TEXT = `GNU Wget 1.21.3, a non-interactive network retriever.
Usage: wget [OPTION]... [URL]...

Mandatory arguments to long options are mandatory for short options too.

Startup:
  -V,  --version                   display the version of Wget and exit
  -h,  --help                      print this help

Logging and input file:
  -q,  --quiet                     quiet (no output)
  -v,  --verbose                   be verbose (this is the default)
  -nv, --no-verbose                turn off verboseness, without being quiet

Download:
  -t,  --tries=NUMBER              set number of retries to NUMBER (0 unlimits)
  -O,  --output-document=FILE      write documents to FILE
  -S,  --server-response           print server response
       --spider                    don't download anything
  -T,  --timeout=SECONDS           set all timeout values to SECONDS

Email bug reports, questions, discussions to <bug-wget@gnu.org>
and/or open issues at https://savannah.gnu.org/bugs/?func=additem&group=wget.
`

const SPEC = {
  short: 'VhqvO:St:T:c',
  long: {
    version: { short: 'V' },
    help: { short: 'h' },
    quiet: { short: 'q' },
    verbose: { short: 'v' },
    'no-verbose': {},
    'output-document': { short: 'O', arg: 'required' as const },
    'server-response': { short: 'S' },
    tries: { short: 't', arg: 'required' as const },
    timeout: { short: 'T', arg: 'required' as const },
    spider: {},
    continue: { short: 'c' },
  },
}

interface WgetOptions {
  quiet: boolean
  brief: boolean
  document: string | undefined
  serverResponse: boolean
  tries: number
  timeoutMs: number | undefined
  spider: boolean
}

/** Local transfers take a few microseconds: the rate wget reports for them. */
const TRANSFER_SECONDS = 0.0000105

const quote = (s: string): string => `\u2018${s}\u2019`

/** wget's human_readable(n, 1000, 2): bytes, then K/M/G with two decimals below 1000. */
function humanReadable(n: number): string {
  if (n < 1024) return String(n)
  const powers = ['K', 'M', 'G', 'T']
  let value = n
  for (let i = 0; i < powers.length; i++) {
    if (value / 1024 < 1024 || i === powers.length - 1) {
      const v = value / 1024
      return `${v < 1000 ? v.toFixed(2) : v.toFixed(0)}${powers[i] ?? 'K'}`
    }
    value /= 1024
  }
  return String(n)
}

function rate(bytes: number): string {
  const units = ['B/s', 'KB/s', 'MB/s', 'GB/s']
  let speed = bytes / TRANSFER_SECONDS
  let unit = 0
  while (speed >= 1024 && unit < units.length - 1) {
    speed /= 1024
    unit++
  }
  const digits = speed >= 99.95 ? 0 : speed >= 9.995 ? 1 : 2
  return `${speed.toFixed(digits)} ${units[unit] ?? 'B/s'}`
}

/** The bar of src/progress.c, at the start and at the end of a transfer. */
function progressBar(name: string, total: number, done: boolean, columns: number): string {
  const width = columns - 1
  const maxName = Math.floor(width / 4)
  const barSize = width - (maxName + 1 + 4 + 2 + 7 + 1 + 8 + 2 + 15)
  let line =
    name.length <= maxName
      ? `${name} ${' '.repeat(maxName - name.length)}`
      : `${name.slice(0, maxName)} `
  const percent = done ? 100 : 0
  line += `${String(percent).padStart(3)}%`
  if (barSize >= 5) {
    const filled = done ? barSize : 0
    const inner = filled > 0 ? `${'='.repeat(filled - 1)}>` : ''
    line += `[${inner.padEnd(barSize)}]`
  }
  const size = humanReadable(done ? total : 0)
  line += `${size.padStart(8)}  --.-KB/s`
  line += done ? '    in 0s      ' : ' '.repeat(15)
  return line.padEnd(width)
}

/** The file a download lands in: the URL's last segment, with .1, .2… when taken. */
async function chooseName(ctx: CommandContext, url: ParsedUrl): Promise<string> {
  const base =
    url.path
      .replace(/[?].*$/, '')
      .split('/')
      .pop() || 'index.html'
  let name = base
  for (let n = 1; await ctx.fs.exists(ctx.resolve(name)); n++) name = `${base}.${n}`
  return name
}

type Attempt =
  | {
      kind: 'response'
      status: number
      reason: string
      headers: Array<[string, string]>
      body: string
    }
  | { kind: 'retry'; message: string }
  | { kind: 'fatal'; code: number }

class WgetRun {
  log = ''
  stdout = ''

  constructor(
    private readonly o: WgetOptions,
    private readonly side: NetworkSide,
    private readonly ctx: CommandContext,
  ) {}

  private say(text: string): void {
    if (!this.o.quiet && !this.o.brief) this.log += text
  }

  private stamp(): string {
    return formatLogTime(this.ctx.clock.now(), 'dateTime')
  }

  async fetch(raw: string): Promise<number> {
    let target = raw
    for (let redirects = 0; redirects <= 20; redirects++) {
      const parsed = parseUrl(target)
      if (!parsed.ok) {
        if (!this.o.quiet)
          this.log +=
            parsed.problem.kind === 'scheme'
              ? `${target}: Unsupported scheme ${quote(parsed.problem.scheme)}.\n`
              : `${target}: Invalid URL ${target}: Bad port number\n`
        return 1
      }
      const url = parsed.url
      const result = await this.retrieve(url)
      if (result.kind === 'redirect') {
        target = resolveLocation(url, result.location)
        continue
      }
      return result.code
    }
    this.say('20 redirections exceeded.\n')
    return 8
  }

  private async retrieve(
    url: ParsedUrl,
  ): Promise<{ kind: 'done'; code: number } | { kind: 'redirect'; location: string }> {
    const done = (code: number) => ({ kind: 'done' as const, code })
    const shown = urlString(url)
    this.say(`--${this.stamp()}--  ${shown}\n`)
    const literal = isIpv4(url.host) || url.host.includes(':')
    const addresses = literal ? [url.host] : lookup(this.side, url.host)
    if (!literal) {
      if (addresses.length === 0) {
        this.say(`Resolving ${url.host} (${url.host})... failed: Name or service not known.\n`)
        if (!this.o.quiet) this.log += `wget: unable to resolve host address ${quote(url.host)}\n`
        return done(4)
      }
      this.say(`Resolving ${url.host} (${url.host})... ${addresses.join(', ')}\n`)
    }
    const tries = this.o.tries === 0 ? Infinity : this.o.tries
    for (let attempt = 1; attempt <= tries; attempt++) {
      if (attempt > 1) {
        if (!(await wait(this.ctx, Math.min(attempt - 1, 10) * 1000))) return done(130)
        this.say(`--${this.stamp()}--  (try:${String(attempt).padStart(2)})  ${shown}\n`)
      }
      const result = await this.attempt(url, addresses, literal)
      if (result.kind === 'fatal') return done(result.code)
      if (result.kind === 'retry') {
        this.say(result.message)
        if (attempt >= tries) {
          this.say('Giving up.\n\n')
          return done(4)
        }
        this.say('Retrying.\n\n')
        continue
      }
      return this.handle(url, result)
    }
    return done(4)
  }

  private async attempt(
    url: ParsedUrl,
    addresses: readonly string[],
    literal: boolean,
  ): Promise<Attempt> {
    for (const address of addresses) {
      const where = literal
        ? `${url.host.includes(':') ? `[${url.host}]` : url.host}:${url.port}`
        : `${url.host} (${url.host})|${address}|:${url.port}`
      this.say(`Connecting to ${where}... `)
      let connection = connectFrom(this.side, address, url.port, this.ctx.clock.now())
      if (
        connection.kind === 'stalled' &&
        this.ctx.tty === undefined &&
        this.o.timeoutMs === undefined
      )
        connection = { kind: 'refused' }
      if (connection.kind === 'refused') {
        this.say('failed: Connection refused.\n')
        continue
      }
      if (connection.kind === 'net-unreachable') {
        this.say('failed: Network is unreachable.\n')
        continue
      }
      if (connection.kind === 'host-unreachable') {
        if (!(await wait(this.ctx, HOST_UNREACHABLE_MS))) return { kind: 'fatal', code: 130 }
        this.say('failed: No route to host.\n')
        continue
      }
      if (connection.kind === 'dropped') {
        const ms = Math.min(this.o.timeoutMs ?? SYN_TIMEOUT_MS, SYN_TIMEOUT_MS)
        if (!(await wait(this.ctx, ms))) return { kind: 'fatal', code: 130 }
        return { kind: 'retry', message: 'failed: Connection timed out.\n' }
      }
      this.say('connected.\n')
      if (url.scheme === 'https') {
        if (!this.o.quiet)
          this.log +=
            'GnuTLS: An unexpected TLS packet was received.\nUnable to establish SSL connection.\n'
        return { kind: 'fatal', code: 4 }
      }
      this.say(`HTTP request sent, awaiting response... `)
      if (connection.kind === 'reset')
        return { kind: 'retry', message: 'Read error (Connection reset by peer) in headers.\n' }
      if (connection.kind === 'stalled') {
        if (this.o.timeoutMs !== undefined) {
          if (!(await wait(this.ctx, this.o.timeoutMs))) return { kind: 'fatal', code: 130 }
          return { kind: 'retry', message: 'Read error (Connection timed out) in headers.\n' }
        }
        for (let second = 0; second < 3600; second++) if (!(await wait(this.ctx, 1000))) break
        return { kind: 'fatal', code: 130 }
      }
      const outcome = exchangeHttp(
        this.side.engine,
        connection.server,
        {
          method: this.o.spider ? 'HEAD' : 'GET',
          path: url.path,
          host: url.authority,
          userAgent: 'Wget/1.21.3',
        },
        this.ctx.clock.now(),
      )
      if (outcome.kind === 'empty') return { kind: 'retry', message: 'No data received.\n' }
      return { ...outcome }
    }
    return { kind: 'fatal', code: 4 }
  }

  private async handle(
    url: ParsedUrl,
    response: Extract<Attempt, { kind: 'response' }>,
  ): Promise<{ kind: 'done'; code: number } | { kind: 'redirect'; location: string }> {
    const done = (code: number) => ({ kind: 'done' as const, code })
    const header = (name: string): string | undefined =>
      response.headers.find(([n]) => n.toLowerCase() === name)?.[1]
    if (this.o.serverResponse && !this.o.quiet) {
      if (!this.o.brief) this.log += '\n'
      this.log += `  HTTP/1.1 ${response.status} ${response.reason}\n`
      for (const [name, value] of response.headers) this.log += `  ${name}: ${value}\n`
    } else this.say(`${response.status} ${response.reason}\n`)
    const location = header('location')
    if (response.status >= 300 && response.status < 400 && location !== undefined) {
      this.say(`Location: ${location} [following]\n`)
      return { kind: 'redirect', location }
    }
    if (response.status >= 400) {
      if (!this.o.quiet)
        this.log += `${this.stamp()} ERROR ${response.status}: ${response.reason}.\n\n`
      return done(8)
    }
    const length = utf8Length(response.body)
    const type = header('content-type')?.replace(/;.*$/, '')
    const lengthLine = `Length: ${length}${type === undefined ? '' : ` [${type}]`}\n`
    if (this.o.spider) {
      this.say(lengthLine)
      this.say(
        'Remote file exists and could contain further links,\nbut recursion is disabled -- not retrieving.\n\n',
      )
      return done(0)
    }
    const toStdout = this.o.document === '-'
    const name = this.o.document ?? (await chooseName(this.ctx, url))
    this.say(lengthLine)
    this.say(`Saving to: ${quote(toStdout ? 'STDOUT' : name)}\n\n`)
    const columns = this.ctx.tty?.cols ?? 80
    const barName = toStdout ? '-' : name
    this.say(`\r${progressBar(barName, length, false, columns)}`)
    if (toStdout) this.stdout += response.body
    else {
      const problem = await writeUserFile(this.ctx, name, response.body)
      if (problem !== undefined) {
        if (!this.o.quiet) this.log += `${name}: ${STRERROR[problem]}\n`
        return done(3)
      }
    }
    this.say(`\r${progressBar(barName, length, true, columns)}\n\n`)
    const where = toStdout ? 'written to stdout' : `${quote(name)} saved`
    this.say(`${this.stamp()} (${rate(length)}) - ${where} [${length}/${length}]\n\n`)
    if (this.o.brief && !this.o.quiet)
      this.log += `${this.stamp()} URL:${urlString(url)} [${length}/${length}] -> "${toStdout ? '-' : name}" [1]\n`
    return done(0)
  }
}

export async function runWget(
  args: readonly string[],
  ctx: CommandContext,
  side: NetworkSide,
): Promise<CommandOutput> {
  const expanded = args.map((a) => (a === '-nv' ? '--no-verbose' : a))
  const parsed = parseCommandLine('wget', expanded, SPEC)
  if (!parsed.ok) {
    const message = parsed.error.slice(0, parsed.error.indexOf('\n') + 1)
    return { stdout: '', stderr: message + USAGE_HINT, exitCode: 2 }
  }
  const o: WgetOptions = {
    quiet: false,
    brief: false,
    document: undefined,
    serverResponse: false,
    tries: 20,
    timeoutMs: undefined,
    spider: false,
  }
  for (const option of parsed.options) {
    switch (option.name) {
      case 'V':
        return { stdout: VERSION_TEXT, stderr: '', exitCode: 0 }
      case 'h':
        return { stdout: HELP_TEXT, stderr: '', exitCode: 0 }
      case 'q':
        o.quiet = true
        break
      case 'v':
        o.quiet = false
        o.brief = false
        break
      case 'no-verbose':
        o.brief = true
        break
      case 'O':
        o.document = option.value
        break
      case 'S':
        o.serverResponse = true
        break
      case 'spider':
        o.spider = true
        break
      case 't':
      case 'T': {
        const value = option.value ?? ''
        const number = Number(value)
        if (value === '' || !Number.isFinite(number) || number < 0) {
          const long = option.name === 't' ? 'tries' : 'timeout'
          return {
            stdout: '',
            stderr: `wget: ${long}: Invalid number ${quote(value)}.\n`,
            exitCode: 2,
          }
        }
        if (option.name === 't') o.tries = Math.floor(number)
        else o.timeoutMs = Math.round(number * 1000)
        break
      }
      default:
        break
    }
  }
  if (parsed.operands.length === 0)
    return { stdout: '', stderr: `wget: missing URL\n${USAGE_HINT}`, exitCode: 1 }
  const run = new WgetRun(o, side, ctx)
  if (o.spider && !o.quiet) run.log += 'Spider mode enabled. Check if remote file exists.\n'
  let exitCode = 0
  for (const url of parsed.operands) {
    const code = await run.fetch(url)
    if (code === 130) return { stdout: run.stdout, stderr: run.log, exitCode: 130 }
    if (code !== 0) exitCode = exitCode === 0 ? code : Math.min(exitCode, code)
  }
  return { stdout: run.stdout, stderr: run.log, exitCode }
}
