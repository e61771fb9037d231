import { isRecord } from './http'

/** filters.Args: each key with its set of values (insertion order kept for stable output). */
export type FilterArgs = Map<string, string[]>

/**
 * filters.FromJSON (moby api/types/filters/parse.go): the current form
 * `{"status":{"running":true}}` or the legacy `{"status":["running"]}`; anything else is
 * `invalid filter`.
 */
export function parseFilterJson(
  text: string | undefined,
): { ok: true; value: FilterArgs } | { ok: false; message: string } {
  const args: FilterArgs = new Map()
  if (text === undefined || text === '') return { ok: true, value: args }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { ok: false, message: 'invalid filter' }
  }
  if (!isRecord(data)) return { ok: false, message: 'invalid filter' }
  for (const [key, values] of Object.entries(data)) {
    if (Array.isArray(values)) {
      args.set(
        key,
        values.filter((v): v is string => typeof v === 'string'),
      )
    } else if (isRecord(values)) {
      args.set(
        key,
        Object.entries(values)
          .filter(([, on]) => on === true)
          .map(([v]) => v),
      )
    } else if (values !== null) return { ok: false, message: 'invalid filter' }
  }
  return { ok: true, value: args }
}

/** Args.Validate: the first key the endpoint does not accept is `invalid filter '<key>'`. */
export function unacceptedFilter(
  args: FilterArgs,
  accepted: ReadonlySet<string>,
): string | undefined {
  for (const key of args.keys()) if (!accepted.has(key)) return `invalid filter '${key}'`
  return undefined
}

/** Args.Match for one key: no values means everything matches; values are regexps. */
export function matchesAny(args: FilterArgs, key: string, subject: string): boolean {
  const values = args.get(key)
  if (values === undefined || values.length === 0) return true
  return values.some((v) => {
    if (v === subject) return true
    try {
      return new RegExp(v).test(subject)
    } catch {
      return false
    }
  })
}

/** Args.MatchKVList: every `key` or `key=value` of the filter must be among the labels. */
export function matchesLabels(
  args: FilterArgs,
  key: string,
  labels: Readonly<Record<string, string>> | null,
): boolean {
  const values = args.get(key)
  if (values === undefined || values.length === 0) return true
  const present = labels ?? {}
  return values.every((wanted) => {
    const eq = wanted.indexOf('=')
    if (eq === -1) return wanted in present
    return present[wanted.slice(0, eq)] === wanted.slice(eq + 1)
  })
}
