/**
 * The date strings `touch -d` accepts (a practical subset of GNU parse_datetime), read as UTC:
 * `2026-01-05`, `2026-01-05 09:30[:15]`, `2026-01-05T09:30:15Z`, `01/05/2026`, `Jan 5 2026`,
 * `09:30`, `@1767603600`, `now`, `yesterday`, `tomorrow`, `3 days ago`, `+2 hours`, `next week`.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

const UNIT_MS: Readonly<Record<string, number>> = {
  second: 1000,
  sec: 1000,
  minute: 60_000,
  min: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
  fortnight: 1_209_600_000,
}

function addMonths(ms: number, months: number): number {
  const d = new Date(ms)
  d.setUTCMonth(d.getUTCMonth() + months)
  return d.getTime()
}

function startOfDay(ms: number): number {
  return ms - (((ms % 86_400_000) + 86_400_000) % 86_400_000)
}

/** Milliseconds since the epoch, or undefined when the text is not a date this reads. */
export function parseDateInput(input: string, nowMs: number): number | undefined {
  let text = input.trim().toLowerCase().replace(/\s+/g, ' ')
  if (text === '') return startOfDay(nowMs)
  const epoch = /^@(-?\d+(?:\.\d+)?)$/.exec(text)
  if (epoch) return Math.floor(Number(epoch[1]) * 1000)
  text = text.replace(/ ?(utc|gmt|z)$/, '').replace(/ ?\+00:?00$/, '')
  let base: number | undefined
  let rest = text
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(rest)
    if (m) rest = rest.slice(m[0].length).trim()
    return m
  }
  const iso = take(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?/)
  const us = iso ? null : take(/^(\d{1,2})\/(\d{1,2})\/(\d{4})/)
  const named = iso || us ? null : take(/^([a-z]{3})[a-z]* (\d{1,2}),? (\d{4})/)
  const dayFirst = iso || us || named ? null : take(/^(\d{1,2}) ([a-z]{3})[a-z]* (\d{4})/)
  if (iso) {
    base = Date.UTC(
      Number(iso[1]),
      Number(iso[2]) - 1,
      Number(iso[3]),
      Number(iso[4] ?? 0),
      Number(iso[5] ?? 0),
      Number(iso[6] ?? 0),
    )
    if (Number(iso[2]) > 12 || Number(iso[3]) > 31) return undefined
  } else if (us) {
    base = Date.UTC(Number(us[3]), Number(us[1]) - 1, Number(us[2]))
  } else if (named || dayFirst) {
    const [month, day, year] = named
      ? [named[1] ?? '', named[2], named[3]]
      : [dayFirst?.[2] ?? '', dayFirst?.[1], dayFirst?.[3]]
    const index = MONTHS.indexOf(month)
    if (index === -1) return undefined
    base = Date.UTC(Number(year), index, Number(day))
  }
  const clock = take(/^(\d{1,2}):(\d{2})(?::(\d{2}))?/)
  if (clock) {
    const day = base ?? startOfDay(nowMs)
    base =
      startOfDay(day) +
      Number(clock[1]) * 3_600_000 +
      Number(clock[2]) * 60_000 +
      Number(clock[3] ?? 0) * 1000
  }
  let result = base ?? nowMs
  while (rest !== '') {
    const word = take(/^(now|today|yesterday|tomorrow)\b/)
    if (word) {
      if (word[1] === 'yesterday') result -= 86_400_000
      if (word[1] === 'tomorrow') result += 86_400_000
      continue
    }
    const relative = take(
      /^(next|last|[+-]? ?\d+)? ?(second|sec|minute|min|hour|day|week|fortnight|month|year)s?( ago)?\b/,
    )
    if (!relative) return undefined
    const countText = (relative[1] ?? '1').replace(' ', '')
    let count = countText === 'next' ? 1 : countText === 'last' ? -1 : Number(countText)
    if (relative[3] !== undefined) count = -count
    const unit = relative[2] ?? 'day'
    if (unit === 'month') result = addMonths(result, count)
    else if (unit === 'year') result = addMonths(result, 12 * count)
    else result += count * (UNIT_MS[unit] ?? 0)
  }
  return Number.isNaN(result) ? undefined : result
}

/** touch -t's [[CC]YY]MMDDhhmm[.ss]. */
export function parseTouchStamp(text: string, nowMs: number): number | undefined {
  const m = /^(\d{2,4})?(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{2}))?$/.exec(text)
  if (!m || (m[1] !== undefined && m[1].length === 3)) return undefined
  let year = new Date(nowMs).getUTCFullYear()
  if (m[1] !== undefined) {
    year = Number(m[1])
    if (m[1].length === 2) year += year < 69 ? 2000 : 1900
  }
  const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number)
  if (month === undefined || month < 1 || month > 12) return undefined
  return Date.UTC(year, month - 1, day, hour, minute, second)
}
