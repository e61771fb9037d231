/**
 * Label selectors the way describe prints and uses them: metav1.LabelSelectorAsSelector(...).String()
 * (`app=web,tier in (a,b)`, values sorted) and FormatLabelSelector (`<none>` when empty), plus
 * the matcher that picks related objects (a ReplicaSet's pods, a Deployment's ReplicaSets).
 */
import { labelSelectorMatches } from '../../api/label-selector'
import type { LabelSelector } from '../../api/object'

interface Requirement {
  key: string
  op: 'in' | 'notin' | 'exists' | '!' | '='
  values: string[]
}

const byKey = (a: Requirement, b: Requirement): number =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : 0

function requirementsOf(selector: LabelSelector): Requirement[] {
  const reqs: Requirement[] = []
  for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
    reqs.push({ key, op: '=', values: [value] })
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort()
    if (e.operator === 'In') reqs.push({ key: e.key, op: 'in', values })
    else if (e.operator === 'NotIn') reqs.push({ key: e.key, op: 'notin', values })
    else if (e.operator === 'Exists') reqs.push({ key: e.key, op: 'exists', values: [] })
    else if (e.operator === 'DoesNotExist') reqs.push({ key: e.key, op: '!', values: [] })
  }
  return reqs.sort(byKey)
}

function requirementString(r: Requirement): string {
  switch (r.op) {
    case 'in':
    case 'notin':
      return `${r.key} ${r.op} (${r.values.join(',')})`
    case 'exists':
      return r.key
    case '!':
      return `!${r.key}`
    default:
      return `${r.key}${r.op}${r.values[0] ?? ''}`
  }
}

/** LabelSelectorAsSelector(s).String(): '' for a nil or empty selector. */
export function selectorString(selector: LabelSelector | undefined): string {
  if (selector === undefined || selector === null) return ''
  return requirementsOf(selector).map(requirementString).join(',')
}

/** metav1.FormatLabelSelector. */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  const s = selectorString(selector)
  return s.length === 0 ? '<none>' : s
}

/**
 * Whether `labels` satisfy `selector` (the API's matcher: a nil selector matches nothing, an
 * empty one everything).
 */
export const selectorMatches = (
  selector: LabelSelector | undefined,
  labels: Readonly<Record<string, string>> | undefined,
): boolean => labelSelectorMatches(selector, labels)
