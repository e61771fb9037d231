import type { CustomFlagSpec } from '../../cli-kit/flags'
import type { ParseOutcome } from '../../cli-kit/go-strconv'

/** The usage text docker 28 prints for every list command's --format flag. */
export const FORMAT_FLAG_USAGE =
  "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"

/** docker/cli opts.FilterOpt: `-f key=value`, repeatable, type name `filter`. */
export function filterFlag(usage: string): CustomFlagSpec<string[]> & { name: 'filter' } {
  return {
    name: 'filter',
    shorthand: 'f',
    type: 'custom',
    typeName: 'filter',
    default: [],
    defValue: '',
    usage,
    parse(raw, current) {
      if (!raw.includes('='))
        return { ok: false, error: `bad format of filter (expected name=value)` }
      return { ok: true, value: [...current, raw] }
    },
  }
}

export type Filters = Map<string, string[]>

export function parseFilters(raw: readonly string[]): ParseOutcome<Filters> {
  const filters: Filters = new Map()
  for (const entry of raw) {
    const eq = entry.indexOf('=')
    const key = entry.slice(0, eq).trim().toLowerCase()
    const value = entry.slice(eq + 1)
    filters.set(key, [...(filters.get(key) ?? []), value])
  }
  return { ok: true, value: filters }
}
