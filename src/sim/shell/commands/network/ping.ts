/**
 * ping from iputils 20221126 (Debian 12's). Lines and statistics as ping/ping_common.c prints
 * them (round-trip times in microseconds, mdev by integer square root); the times themselves
 * are deterministic figures, not measurements. One echo a second on the virtual clock.
 *
 * With `-c`, the output comes back when ping ends (so pipes work). Without it, ping runs until
 * Ctrl-C in the interactive terminal, writing as it goes; in a script it stops after four
 * echoes, as if interrupted, since nothing else would ever end it.
 */
import { HOST_UNREACHABLE_MS, isIpv4, reverseName } from '../../../docker/engine/reach'
import type { CommandContext, CommandOutput } from '../../command'
import { parseCommandLine } from '../options'
import { echoFrom, lookup, roundTripMicros, wait, type NetworkSide } from './common'

const SPEC = { short: '46aAbBc:dDfhi:I:l:Lm:M:nOp:qQ:rRs:S:t:T:UvVw:W:' }
const MAX_COUNT = '9223372036854775807'
const SCRIPT_COUNT = 4
/** With -c, ping waits this long for replies that never come (MAXWAIT) once all are sent. */
const LINGER_MS = 10_000

function usageText(letter: string): string {
  return `ping: invalid option -- '${letter}'

Usage
  ping [options] <destination>

Options:
  <destination>      dns name or ip address
  -c <count>         stop after <count> replies
  -i <interval>      seconds between sending each packet
  -n                 no dns name resolution
  -q                 quiet output
  -w <deadline>      reply wait <deadline> in seconds
  -W <timeout>       time to wait for response

For more details see ping(8).
`
}

const formatMicros = (us: number): string =>
  `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`

/** iputils' llsqrt: Newton's method on integers. */
function integerSqrt(a: number): number {
  let previous = Number.MAX_SAFE_INTEGER
  let x = a
  if (x > 0)
    while (x < previous) {
      previous = x
      x = Math.floor((x + Math.floor(a / x)) / 2)
    }
  return x
}

export async function runPing(
  args: readonly string[],
  ctx: CommandContext,
  side: NetworkSide,
): Promise<CommandOutput> {
  const parsed = parseCommandLine('ping', args, SPEC)
  if (!parsed.ok) {
    const letter = /-- '(.)'/.exec(parsed.error)?.[1] ?? '?'
    if (parsed.error.includes('requires an argument'))
      return {
        stdout: '',
        stderr: `ping: option requires an argument -- '${letter}'\n${usageText(letter).split('\n').slice(1).join('\n')}`,
        exitCode: 2,
      }
    return { stdout: '', stderr: usageText(letter), exitCode: 2 }
  }
  let count: number | undefined
  let quiet = false
  let intervalMs = 1000
  for (const option of parsed.options) {
    if (option.name === 'V')
      return {
        stdout:
          'ping from iputils 20221126\nlibcap: yes, IDN: yes, NLS: no, error.h: yes, getrandom(): yes, __fpending(): yes\n',
        stderr: '',
        exitCode: 0,
      }
    if (option.name === 'q') quiet = true
    if (option.name === 'c') {
      const value = option.value ?? ''
      if (!/^-?\d+$/.test(value))
        return { stdout: '', stderr: `ping: invalid argument: '${value}'\n`, exitCode: 1 }
      const n = Number(value)
      if (n < 1)
        return {
          stdout: '',
          stderr: `ping: invalid argument: '${value}': out of range: 1 <= value <= ${MAX_COUNT}\n`,
          exitCode: 1,
        }
      count = n
    }
    if (option.name === 'i') {
      const seconds = Number(option.value)
      if (!Number.isFinite(seconds) || seconds < 0)
        return {
          stdout: '',
          stderr: `ping: bad timing interval: ${option.value ?? ''}\n`,
          exitCode: 1,
        }
      intervalMs = Math.max(2, Math.round(seconds * 1000))
    }
  }
  const destination = parsed.operands[parsed.operands.length - 1]
  if (destination === undefined)
    return { stdout: '', stderr: 'ping: usage error: Destination address required\n', exitCode: 1 }
  const numeric = isIpv4(destination)
  const address = numeric ? destination : lookup(side, destination)[0]
  if (address === undefined)
    return { stdout: '', stderr: `ping: ${destination}: Name or service not known\n`, exitCode: 2 }
  const target = echoFrom(side, address)
  if (target.kind === 'net-unreachable')
    return { stdout: '', stderr: 'ping: connect: Network is unreachable\n', exitCode: 2 }
  const reverse =
    side.overlay === undefined
      ? reverseName(side.engine, address, side.from)
      : side.overlay.reverseName?.(address)
  const peer = numeric
    ? reverse === undefined
      ? address
      : `${reverse} (${address})`
    : `${reverse ?? destination} (${address})`

  // Streaming to the terminal only when ping would run until Ctrl-C.
  const stream = count === undefined && ctx.tty !== undefined ? ctx.tty : undefined
  // Bounded like `tail -f`, so that a session whose sleeps return at once cannot spin forever.
  const limit = count ?? (stream ? 3600 : SCRIPT_COUNT)
  let out = ''
  const emit = (text: string): void => {
    if (stream) stream.write(text.replace(/\n/g, '\r\n'))
    else out += text
  }
  emit(`PING ${destination} (${address}) 56(84) bytes of data.\n`)
  const times: number[] = []
  let sent = 0
  let errors = 0
  let interrupted = false
  for (let seq = 1; seq <= limit; seq++) {
    sent++
    if (target.kind === 'reply') {
      const us = roundTripMicros(address, seq)
      times.push(us)
      if (!quiet)
        emit(
          `64 bytes from ${peer}: icmp_seq=${seq} ttl=${target.ttl} time=${formatMicros(us)} ms\n`,
        )
    } else if (target.kind === 'host-unreachable' && seq % 3 === 0) {
      // ARP gives up after about three seconds: the errors of three packets come together.
      for (let s = errors + 1; s <= seq; s++) {
        errors++
        if (!quiet) emit(`From ${target.gateway} icmp_seq=${s} Destination Host Unreachable\n`)
      }
    }
    if (seq >= limit) break
    if (!(await wait(ctx, intervalMs))) {
      interrupted = true
      break
    }
  }
  if (target.kind === 'host-unreachable' && errors < sent && !interrupted) {
    if (!(await wait(ctx, HOST_UNREACHABLE_MS - (sent - errors - 1) * intervalMs)))
      interrupted = true
    for (let s = errors + 1; s <= sent && !interrupted; s++) {
      errors++
      if (!quiet) emit(`From ${target.gateway} icmp_seq=${s} Destination Host Unreachable\n`)
    }
  }
  if (target.kind === 'dropped' && count !== undefined && !interrupted)
    if (!(await wait(ctx, LINGER_MS))) interrupted = true
  const elapsed = (sent - 1) * intervalMs + (sent > 1 ? 3 * sent + 31 : 0)
  const received = times.length
  // printf's %g: six significant digits, no trailing zeros.
  const loss = Number((((sent - received) * 100) / sent).toPrecision(6))
  let stats = `\n--- ${destination} ping statistics ---\n`
  stats += `${sent} packets transmitted, ${received} received`
  if (errors > 0) stats += `, +${errors} errors`
  stats += `, ${loss}% packet loss, time ${elapsed}ms\n`
  let tail = ''
  if (received > 0) {
    const sum = times.reduce((a, b) => a + b, 0)
    const sum2 = times.reduce((a, b) => a + b * b, 0)
    const avg = Math.floor(sum / received)
    const variance = Math.floor((sum2 - Math.floor((sum * sum) / received)) / received)
    const mdev = integerSqrt(variance)
    tail = `rtt min/avg/max/mdev = ${formatMicros(Math.min(...times))}/${formatMicros(avg)}/${formatMicros(Math.max(...times))}/${formatMicros(mdev)} ms`
  }
  if (errors > 1) tail += `${tail === '' ? '' : ', '}pipe ${Math.min(errors, 3)}`
  emit(`${stats}${tail}\n`)
  return { stdout: out, stderr: '', exitCode: received > 0 ? 0 : 1 }
}
