/**
 * Cron schedules as the CronJob controller parses them (robfig/cron ParseStandard): five fields
 * (minute hour day-of-month month day-of-week) with `*`, `?`, lists, ranges, steps and month/day
 * names, or a descriptor (@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly,
 * @every <duration>). Times are UTC; day-of-month and day-of-week combine with OR when both are
 * restricted, as in cron.
 */
import { err, ok, type Result } from '../../../core/errors'

export interface CronSchedule {
  /** The first scheduled time strictly after `afterMs`. */
  next(afterMs: number): number
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

interface Field {
  readonly values: Set<number>
  readonly star: boolean
}

function parseField(
  text: string,
  min: number,
  max: number,
  names?: readonly string[],
  nameBase = 0,
): Result<Field, string> {
  const values = new Set<number>()
  let star = false
  const value = (s: string): number | undefined => {
    const i = names?.indexOf(s.toLowerCase()) ?? -1
    if (i >= 0) return i + nameBase
    return /^\d+$/.test(s) ? Number(s) : undefined
  }
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/')
    let lo: number
    let hi: number
    if (range === '*' || range === '?') {
      lo = min
      hi = max
      if (stepText === undefined) star = true
    } else {
      const [a = '', b] = range.split('-')
      const av = value(a)
      const bv = b === undefined ? av : value(b)
      if (av === undefined || bv === undefined)
        return err(`failed to parse int from ${a}: strconv.Atoi: parsing "${a}": invalid syntax`)
      lo = av
      hi = stepText !== undefined && b === undefined ? max : bv
    }
    if (lo < min) return err(`beginning of range (${lo}) below minimum (${min}): ${part}`)
    if (hi > max) return err(`end of range (${hi}) above maximum (${max}): ${part}`)
    if (lo > hi) return err(`beginning of range (${lo}) beyond end of range (${hi}): ${part}`)
    const step = stepText === undefined ? 1 : Number(stepText)
    if (!Number.isInteger(step) || step <= 0)
      return err(`step of range should be a positive number: ${part}`)
    for (let v = lo; v <= hi; v += step) values.add(v)
  }
  return ok({ values, star })
}

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
}

function parseDuration(text: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s)/g
  let total = 0
  let consumed = 0
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const n = Number(m[1])
    total += n * (m[2] === 'h' ? 3_600_000 : m[2] === 'm' ? 60_000 : m[2] === 's' ? 1000 : 1)
    consumed += m[0].length
  }
  return consumed === text.length && consumed > 0 ? total : undefined
}

export function parseCron(spec: string): Result<CronSchedule, string> {
  const trimmed = spec.trim()
  if (trimmed.startsWith('@every ')) {
    const ms = parseDuration(trimmed.slice(7).trim())
    if (ms === undefined)
      return err(
        `failed to parse duration ${trimmed}: time: invalid duration "${trimmed.slice(7).trim()}"`,
      )
    // robfig rounds @every to whole seconds, at least one.
    const every = Math.max(1000, Math.floor(ms / 1000) * 1000)
    return ok({ next: (after) => Math.floor(after / 1000) * 1000 + every })
  }
  const expanded = trimmed.startsWith('@') ? DESCRIPTORS[trimmed.toLowerCase()] : trimmed
  if (expanded === undefined) return err(`unrecognized descriptor: ${trimmed}`)
  const fields = expanded.split(/\s+/)
  if (fields.length !== 5)
    return err(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`)
  const [m, h, dom, mon, dow] = fields as [string, string, string, string, string]
  const minute = parseField(m, 0, 59)
  const hour = parseField(h, 0, 23)
  const day = parseField(dom, 1, 31)
  const month = parseField(mon, 1, 12, MONTHS, 1)
  const weekday = parseField(dow, 0, 7, DAYS)
  for (const f of [minute, hour, day, month, weekday]) if (!f.ok) return f
  if (!minute.ok || !hour.ok || !day.ok || !month.ok || !weekday.ok) return err('invalid schedule')
  const M = minute.value
  const H = hour.value
  const D = day.value
  const Mo = month.value
  const W = weekday.value
  if (W.values.has(7)) W.values.add(0)
  const dayMatches = (d: Date): boolean => {
    const domOk = D.values.has(d.getUTCDate())
    const dowOk = W.values.has(d.getUTCDay())
    return D.star || W.star ? domOk && dowOk : domOk || dowOk
  }
  return ok({
    next(after) {
      const t = new Date(Math.floor(after / 60_000) * 60_000 + 60_000)
      // Five years without a match means the schedule never fires (Feb 30th).
      const limit = after + 5 * 366 * 86_400_000
      while (t.getTime() <= limit) {
        if (!Mo.values.has(t.getUTCMonth() + 1)) {
          t.setUTCMonth(t.getUTCMonth() + 1, 1)
          t.setUTCHours(0, 0, 0, 0)
          continue
        }
        if (!dayMatches(t)) {
          t.setUTCDate(t.getUTCDate() + 1)
          t.setUTCHours(0, 0, 0, 0)
          continue
        }
        if (!H.values.has(t.getUTCHours())) {
          t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0)
          continue
        }
        if (!M.values.has(t.getUTCMinutes())) {
          t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0)
          continue
        }
        return t.getTime()
      }
      return Number.POSITIVE_INFINITY
    },
  })
}
