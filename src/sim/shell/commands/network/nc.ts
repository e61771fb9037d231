/**
 * OpenBSD netcat (Debian's netcat-openbsd 1.219), the `nc` of a Debian host: `-z` scans ports,
 * `-v` says what happened, and without `-z` it sends its standard input and prints the answer
 * (`printf 'GET / HTTP/1.0\r\n\r\n' | nc localhost 8080`). Messages recorded from the real nc.
 * Listening (`-l`) and UDP are not simulated.
 */
import { HOST_UNREACHABLE_MS, SYN_TIMEOUT_MS, isIpv4 } from '../../../docker/engine/reach'
import { exchangeHttp } from '../../../docker/engine/http-service'
import type { CommandContext, CommandOutput } from '../../command'
import { parseCommandLine } from '../options'
import { connectFrom, lookup, portByName, serviceName, wait, type NetworkSide } from './common'

const USAGE = `usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]
\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]
\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]
\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]
\t  [destination] [port]
`

const SPEC = { short: '46CDdFhklNnrStUuvZzI:i:M:m:O:P:p:q:s:T:V:W:w:X:x:' }

/** Parses `80`, `8000-8010` or a service name into ports, in order. */
function parsePorts(text: string): number[] | string {
  const range = /^(\d+)-(\d+)$/.exec(text)
  if (range) {
    const low = Number(range[1])
    const high = Number(range[2])
    if (low < 1 || high > 65535) return `port range not valid: ${text}`
    const ports: number[] = []
    for (let p = Math.min(low, high); p <= Math.max(low, high); p++) ports.push(p)
    return ports
  }
  if (/^\d+$/.test(text)) {
    const port = Number(text)
    return port >= 1 && port <= 65535 ? [port] : `port number invalid: ${text}`
  }
  const named = portByName(text)
  return named === undefined ? `port number invalid: ${text}` : [named]
}

export async function runNc(
  args: readonly string[],
  ctx: CommandContext,
  side: NetworkSide,
): Promise<CommandOutput> {
  const parsed = parseCommandLine('nc', args, SPEC)
  if (!parsed.ok) {
    const message = parsed.error.slice(0, parsed.error.indexOf('\n') + 1)
    return { stdout: '', stderr: message + USAGE, exitCode: 1 }
  }
  const has = (letter: string): boolean => parsed.options.some((o) => o.name === letter)
  if (has('h'))
    return {
      stdout: '',
      stderr: `OpenBSD netcat (Debian patchlevel 1.219-1)\n${USAGE}`,
      exitCode: 1,
    }
  if (has('l') || has('u'))
    return {
      stdout: '',
      stderr: `nc: Quai simulates outgoing TCP connections only (no ${has('l') ? '-l' : '-u'})\n`,
      exitCode: 1,
    }
  const [host, portText, ...extra] = parsed.operands
  if (host === undefined) return { stdout: '', stderr: USAGE, exitCode: 1 }
  if (portText === undefined)
    return { stdout: '', stderr: 'nc: missing port number\n', exitCode: 1 }
  const ports: number[] = []
  for (const text of [portText, ...extra]) {
    const list = parsePorts(text)
    if (typeof list === 'string') return { stdout: '', stderr: `nc: ${list}\n`, exitCode: 1 }
    ports.push(...list)
  }
  const verbose = has('v')
  const scan = has('z')
  const timeoutText = parsed.options.filter((o) => o.name === 'w').pop()?.value
  const timeoutMs = timeoutText === undefined ? undefined : Number(timeoutText) * 1000
  const numeric = isIpv4(host) || host.includes(':')
  if (has('n') && !numeric)
    return {
      stdout: '',
      stderr: `nc: getaddrinfo for host "${host}" port ${portText}: Name or service not known\n`,
      exitCode: 1,
    }
  const addresses = numeric ? [host] : lookup(side, host)
  if (addresses.length === 0)
    return {
      stdout: '',
      stderr: `nc: getaddrinfo for host "${host}" port ${portText}: Name or service not known\n`,
      exitCode: 1,
    }
  let stdout = ''
  let stderr = ''
  let anyOpen = false
  for (const port of ports) {
    let opened = false
    for (const address of addresses) {
      const shown = numeric ? host : `${host} (${address})`
      const connection = connectFrom(side, address, port, ctx.clock.now())
      let failure: string | undefined
      if (connection.kind === 'refused') failure = 'Connection refused'
      else if (connection.kind === 'net-unreachable') failure = 'Network is unreachable'
      else if (connection.kind === 'host-unreachable') {
        if (!(await wait(ctx, Math.min(timeoutMs ?? Infinity, HOST_UNREACHABLE_MS))))
          return { stdout, stderr, exitCode: 130 }
        failure =
          timeoutMs !== undefined && timeoutMs < HOST_UNREACHABLE_MS
            ? 'Operation now in progress'
            : 'No route to host'
      } else if (connection.kind === 'dropped') {
        if (!(await wait(ctx, Math.min(timeoutMs ?? Infinity, SYN_TIMEOUT_MS))))
          return { stdout, stderr, exitCode: 130 }
        failure = timeoutMs !== undefined ? 'Operation now in progress' : 'Connection timed out'
      }
      if (failure !== undefined) {
        if (verbose) stderr += `nc: connect to ${shown} port ${port} (tcp) failed: ${failure}\n`
        continue
      }
      opened = true
      if (verbose)
        stderr += `Connection to ${numeric ? host : `${host} (${address})`} ${port} port [tcp/${serviceName(port) ?? '*'}] succeeded!\n`
      if (!scan && connection.kind === 'open' && ctx.stdin !== '') {
        const request = /^([A-Z]+) (\S+) HTTP\/1\.[01]\r?\n/.exec(ctx.stdin)
        if (request) {
          const hostHeader = /^host:\s*(\S+)/im.exec(ctx.stdin)?.[1] ?? ''
          const agent = /^user-agent:\s*(.+?)\r?$/im.exec(ctx.stdin)?.[1] ?? '-'
          const outcome = exchangeHttp(
            side.engine,
            connection.server,
            {
              method: request[1] ?? 'GET',
              path: request[2] ?? '/',
              host: hostHeader,
              userAgent: agent,
            },
            ctx.clock.now(),
          )
          if (outcome.kind === 'response')
            stdout +=
              `HTTP/${outcome.version ?? '1.1'} ${outcome.status} ${outcome.reason}\r\n` +
              outcome.headers.map(([name, value]) => `${name}: ${value}\r\n`).join('') +
              `\r\n${outcome.body}`
        }
      }
      break
    }
    if (opened) anyOpen = true
  }
  return { stdout, stderr, exitCode: anyOpen ? 0 : 1 }
}
