/**
 * The small formatting rules describe.go applies everywhere: RFC1123Z dates, ages, `<none>`,
 * multi-line label/annotation/toleration/taint blocks and label maps as `k=v,k2=v2`.
 */
import { kubeHumanDuration } from '../../../cli-kit/go-units'
import { LEVEL_0, type PrefixWriter } from './prefix-writer'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad2 = (n: number): string => String(n).padStart(2, '0')

/** A metav1.Time / MicroTime as milliseconds, or undefined for the zero time (absent, null). */
export function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined
  const ms = Date.parse(value)
  if (Number.isNaN(ms) || ms <= Date.UTC(1, 0, 1)) return undefined
  return ms
}

/** Go's time.RFC1123Z in UTC (kubectl formats in the local zone; Quai's machine runs in UTC). */
export function rfc1123z(ms: number): string {
  const d = new Date(ms)
  // Years before 1000 never happen for objects the simulation creates.
  return `${DAYS[d.getUTCDay()] ?? ''}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`
}

/** `c.LastTransitionTime.Time.Format(time.RFC1123Z)`: the zero time prints as Go's year 1. */
export function formatTime(value: unknown): string {
  const ms = parseTime(value)
  return ms === undefined ? 'Mon, 01 Jan 0001 00:00:00 +0000' : rfc1123z(ms)
}

/** translateTimestampSince: `<unknown>` for the zero time, else duration.HumanDuration(now - t). */
export function since(value: unknown, nowMs: number): string {
  const ms = parseTime(value)
  return ms === undefined ? '<unknown>' : kubeHumanDuration(nowMs - ms)
}

export const stringOrNone = (s: string | undefined): string =>
  s !== undefined && s.length > 0 ? s : '<none>'

export const printBool = (value: boolean | undefined): string => (value ? 'True' : 'False')

export const printBoolPtr = (value: boolean | undefined): string =>
  value === undefined ? '<unset>' : printBool(value)

/** Go's `%v` of a bool. */
export const goBool = (value: boolean | undefined): string => (value ? 'true' : 'false')

/** Go's `%v` of a []string: `[a b]`. */
export const goSlice = (values: readonly string[] | undefined): string =>
  `[${(values ?? []).join(' ')}]`

/** Go byte length of a string (UTF-8). */
export function byteLength(s: string): number {
  let n = 0
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  }
  return n
}

/** The first `max` bytes of `s` (never splitting a character). */
function byteSlice(s: string, max: number): string {
  let out = ''
  let n = 0
  for (const ch of s) {
    const len = byteLength(ch)
    if (n + len > max) break
    out += ch
    n += len
  }
  return out
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
export const sortedKeys = (map: Readonly<Record<string, unknown>> | undefined): string[] =>
  Object.keys(map ?? {}).sort(byCodeUnits)

/** labels.FormatLabels: `k=v,k2=v2` sorted by key, or `<none>`. */
export function formatLabels(map: Readonly<Record<string, string>> | undefined): string {
  const keys = sortedKeys(map)
  if (keys.length === 0) return '<none>'
  return keys.map((k) => `${k}=${map?.[k] ?? ''}`).join(',')
}

/** printLabelsMultilineWithIndent: one `k=v` per line, continuation lines re-indented. */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Readonly<Record<string, string>> | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  const keys = sortedKeys(labels)
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent)
    w.write(LEVEL_0, `${key}=${labels?.[key] ?? ''}\n`)
  })
}

const MAX_ANNOTATION_LEN = 140
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration'])

const shorten = (s: string, max: number): string =>
  byteLength(s) > max ? byteSlice(s, max) + '...' : s

/** printAnnotationsMultiline: long or multi-line values go on their own indented lines. */
export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Readonly<Record<string, string>> | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`)
  const keys = sortedKeys(annotations).filter((k) => !SKIPPED_ANNOTATIONS.has(k))
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  const indent = '\t'
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent)
    const raw = annotations?.[key] ?? ''
    const value = raw.endsWith('\n') ? raw.slice(0, -1) : raw
    if (byteLength(value) + byteLength(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`)
      for (const s of value.split('\n'))
        w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`)
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`)
    }
  })
}

export interface Toleration {
  key?: string
  operator?: string
  value?: string
  effect?: string
  tolerationSeconds?: number
}

const stableSortBy = <T>(items: readonly T[], key: (item: T) => string): T[] =>
  items
    .map((item, i) => ({ item, i, k: key(item) }))
    .sort((a, b) => byCodeUnits(a.k, b.k) || a.i - b.i)
    .map((x) => x.item)

/** printTolerationsMultilineWithIndent: `key=value:Effect op=Exists for 300s`, sorted by key. */
export function printTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  if (tolerations === undefined || tolerations.length === 0) {
    w.writeLine('<none>')
    return
  }
  stableSortBy(tolerations, (t) => t.key ?? '').forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent)
    let text = t.key ?? ''
    if (t.value) text += `=${t.value}`
    if (t.effect) text += `:${t.effect}`
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists'
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null)
      text += ` for ${t.tolerationSeconds}s`
    w.write(LEVEL_0, text + '\n')
  })
}

export interface Taint {
  key: string
  value?: string
  effect: string
}

/** corev1 Taint.ToString. */
export function taintString(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`
}

/** printTaintsMultilineWithIndent: sorted by `effect,key`. */
export function printTaintsMultiline(
  w: PrefixWriter,
  title: string,
  taints: readonly Taint[] | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`)
  if (taints === undefined || taints.length === 0) {
    w.writeLine('<none>')
    return
  }
  stableSortBy(taints, (t) => `${t.effect},${t.key}`).forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    w.write(LEVEL_0, taintString(t) + '\n')
  })
}

/** metav1.GetControllerOf rendered as `Kind/name`, or ''. */
export function controllerOf(meta: {
  ownerReferences?: readonly { kind: string; name: string; controller?: boolean }[]
}): string {
  const ref = meta.ownerReferences?.find((r) => r.controller === true)
  return ref === undefined ? '' : `${ref.kind}/${ref.name}`
}
