/**
 * Fills the placeholders of catalog log lines (documented on `LogLine` in catalog-types.ts).
 * Pure: the time comes in as epoch milliseconds from the virtual clock.
 */
import type { LogLine } from './catalog-types'

export interface LogContext {
  /** Virtual time, epoch milliseconds (UTC; containers run with TZ unset). */
  now: number
  env: Record<string, string>
  hostname: string
  ip: string
  kernel: string
  ncpu: number
  /** For access-log lines. */
  request?: {
    clientIp: string
    host: string
    port: number
    method: string
    path: string
    userAgent: string
    status: number
    bytes: number
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** Formats a virtual instant in one of the log formats the catalog's programs use. */
export function formatLogTime(epochMs: number, format: string): string {
  const d = new Date(epochMs)
  const Y = d.getUTCFullYear()
  const M = pad(d.getUTCMonth() + 1)
  const D = pad(d.getUTCDate())
  const h = pad(d.getUTCHours())
  const m = pad(d.getUTCMinutes())
  const s = pad(d.getUTCSeconds())
  const ms = pad(d.getUTCMilliseconds(), 3)
  const mon = MONTHS[d.getUTCMonth()] ?? 'Jan'
  const day = DAYS[d.getUTCDay()] ?? 'Sun'
  // Sub-millisecond digits are not kept by the clock; a fixed pattern reads naturally.
  const micro = `${ms}${pad((epochMs * 7) % 1000, 3)}`
  const nano = `${micro}${pad((epochMs * 13) % 1000, 3)}`
  switch (format) {
    case 'iso':
      return `${Y}-${M}-${D}T${h}:${m}:${s}.${ms}Z`
    case 'isoSeconds':
      return `${Y}-${M}-${D}T${h}:${m}:${s}Z`
    case 'isoMicro':
      return `${Y}-${M}-${D}T${h}:${m}:${s}.${micro}Z`
    case 'isoNano':
      return `${Y}-${M}-${D}T${h}:${m}:${s}.${nano}Z`
    case 'nginx':
      return `${Y}/${M}/${D} ${h}:${m}:${s}`
    case 'redis':
      return `${D} ${mon} ${Y} ${h}:${m}:${s}.${ms}`
    case 'postgres':
      return `${Y}-${M}-${D} ${h}:${m}:${s}.${ms} UTC`
    case 'postgresSeconds':
      return `${Y}-${M}-${D} ${h}:${m}:${s} UTC`
    case 'rfc3339':
      return `${Y}-${M}-${D} ${h}:${m}:${s}+00:00`
    case 'apache':
      return `${day} ${mon} ${D} ${h}:${m}:${s}.${micro} ${Y}`
    case 'phpfpm':
      return `${D}-${mon}-${Y} ${h}:${m}:${s}`
    case 'phpServer':
      return `${day} ${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${h}:${m}:${s} ${Y}`
    case 'http':
      return `${day}, ${D} ${mon} ${Y} ${h}:${m}:${s} GMT`
    case 'clf':
      return `${D}/${mon}/${Y}:${h}:${m}:${s} +0000`
    case 'mongo':
      return `${Y}-${M}-${D}T${h}:${m}:${s}.${ms}+00:00`
    case 'dateTime':
      return `${Y}-${M}-${D} ${h}:${m}:${s}`
    case 'klog':
      // Kubernetes components' klog header: month and day, then the time to the microsecond.
      return `${M}${D} ${h}:${m}:${s}.${micro}`
    case 'unix':
      return String(Math.floor(epochMs / 1000))
    case 'erlang':
      return `${Y}-${M}-${D} ${h}:${m}:${s}.${micro}+00:00`
    default:
      return `${Y}-${M}-${D}T${h}:${m}:${s}Z`
  }
}

/** Replaces every placeholder of one line of text. `worker` is the copy index of perCpu lines. */
export function renderLogText(text: string, ctx: LogContext, worker = 0): string {
  return text.replace(/\{\{([a-zA-Z]+)(?::([^}]*))?\}\}/g, (whole, key: string, arg?: string) => {
    switch (key) {
      case 'now':
        return formatLogTime(ctx.now, arg ?? 'iso')
      case 'env':
        return ctx.env[arg ?? ''] ?? ''
      case 'hostname':
        return ctx.hostname
      case 'ip':
        return ctx.ip
      case 'kernel':
        return ctx.kernel
      case 'ncpu':
        return String(ctx.ncpu)
      case 'pid':
        return String(1 + Number(arg ?? '0') + worker)
      case 'worker':
        return String(worker)
      case 'clientIp':
        return ctx.request?.clientIp ?? ''
      case 'requestHost':
        return ctx.request?.host ?? 'localhost'
      case 'requestPort':
        return String(ctx.request?.port ?? 80)
      case 'method':
        return ctx.request?.method ?? 'GET'
      case 'path':
        return ctx.request?.path ?? '/'
      case 'userAgent':
        return ctx.request?.userAgent ?? '-'
      case 'status':
        return String(ctx.request?.status ?? 200)
      case 'bytes':
        return String(ctx.request?.bytes ?? 0)
      default:
        return whole
    }
  })
}

/** Expands perCpu lines and fills placeholders; each result keeps its stream and delay. */
export function renderLogLines(lines: readonly LogLine[], ctx: LogContext): LogLine[] {
  const out: LogLine[] = []
  for (const line of lines) {
    const copies = line.repeat === 'perCpu' ? Math.max(1, ctx.ncpu) : 1
    for (let worker = 0; worker < copies; worker++) {
      const rendered: LogLine = { stream: line.stream, text: renderLogText(line.text, ctx, worker) }
      if (worker === 0 && line.delayMs !== undefined) rendered.delayMs = line.delayMs
      out.push(rendered)
    }
  }
  return out
}
