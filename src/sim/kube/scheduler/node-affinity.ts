/**
 * Matching a pod's node constraints against a node (k8s.io/component-helpers/scheduling/corev1):
 * nodeSelector labels, required node-affinity terms (ORed; expressions within a term ANDed;
 * `matchFields` only knows metadata.name), preferred terms' weights, and taints vs tolerations.
 */
import type { Taint } from './cache'

export interface NodeSelectorRequirement {
  key: string
  operator: string
  values?: string[]
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[]
  matchFields?: NodeSelectorRequirement[]
}

export interface Toleration {
  key?: string
  operator?: string
  value?: string
  effect?: string
  tolerationSeconds?: number
}

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? []
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value)
    case 'NotIn':
      return value === undefined || !values.includes(value)
    case 'Exists':
      return value !== undefined
    case 'DoesNotExist':
      return value === undefined
    case 'Gt':
    case 'Lt': {
      if (value === undefined || values.length !== 1) return false
      const have = Number.parseInt(value, 10)
      const want = Number.parseInt(values[0] ?? '', 10)
      if (Number.isNaN(have) || Number.isNaN(want)) return false
      return r.operator === 'Gt' ? have > want : have < want
    }
    default:
      return false
  }
}

export function termMatches(
  term: NodeSelectorTerm,
  nodeName: string,
  labels: Readonly<Record<string, string>>,
): boolean {
  const expressions = term.matchExpressions ?? []
  const fields = term.matchFields ?? []
  // An empty term matches nothing (upstream: "nil or empty term matches no objects").
  if (expressions.length === 0 && fields.length === 0) return false
  for (const r of expressions) if (!requirementMatches(r, labels[r.key])) return false
  for (const r of fields)
    if (!requirementMatches(r, r.key === 'metadata.name' ? nodeName : undefined)) return false
  return true
}

export interface PodNodeConstraints {
  nodeSelector?: Record<string, string>
  affinity?: {
    nodeAffinity?: {
      requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] }
      preferredDuringSchedulingIgnoredDuringExecution?: {
        weight: number
        preference: NodeSelectorTerm
      }[]
    }
  }
}

/** nodeSelector and required node affinity both hold. */
export function nodeAffinityMatches(
  spec: PodNodeConstraints,
  nodeName: string,
  labels: Readonly<Record<string, string>>,
): boolean {
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (labels[k] !== v) return false
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  if (required === undefined) return true
  return (required.nodeSelectorTerms ?? []).some((t) => termMatches(t, nodeName, labels))
}

export function preferredAffinityScore(
  spec: PodNodeConstraints,
  nodeName: string,
  labels: Readonly<Record<string, string>>,
): number {
  let score = 0
  for (const p of spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ??
    [])
    if (p.weight !== 0 && termMatches(p.preference, nodeName, labels)) score += p.weight
  return score
}

/** v1.Toleration.ToleratesTaint. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect !== undefined && t.effect !== '' && t.effect !== taint.effect) return false
  if (t.key !== undefined && t.key !== '' && t.key !== taint.key) return false
  switch (t.operator ?? 'Equal') {
    case 'Exists':
      return true
    case 'Equal':
    case '':
      return (t.value ?? '') === (taint.value ?? '')
    default:
      return false
  }
}

/** The first taint with one of `effects` that no toleration tolerates. */
export function untoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  effects: readonly string[],
): Taint | undefined {
  return taints.find(
    (taint) => effects.includes(taint.effect) && !tolerations.some((t) => tolerates(t, taint)),
  )
}
