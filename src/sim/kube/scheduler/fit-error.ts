/**
 * The text of a failed scheduling attempt, as framework.FitError.Error() builds it in 1.32:
 * `0/3 nodes are available: 1 node(s) had untolerated taint {…}, 2 Insufficient cpu. preemption:
 * 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims
 * found for incoming pod.` Reason counts are sorted as strings, as Go's sort.Strings does.
 */
import type { FilterFailure } from './filters'

/** ErrNoNodesAvailable. */
export const NO_NODES_MESSAGE = 'no nodes available to schedule pods'

const histogram = (reasons: readonly string[]): string => {
  const counts = new Map<string, number>()
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1)
  return [...counts.entries()]
    .map(([reason, n]) => `${n} ${reason}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join(', ')
}

export interface Diagnosis {
  readonly numAllNodes: number
  /** A PreFilter plugin's refusal (`pod has unbound immediate PersistentVolumeClaims`). */
  readonly preFilterMessage?: string
  /** Per failed node. */
  readonly failures: readonly FilterFailure[]
  /** Nodes where evicting lower-priority pods would make room (preemption would act). */
  readonly nodesWithVictims?: number
}

export function fitErrorMessage(d: Diagnosis): string {
  let message = `0/${d.numAllNodes} nodes are available:`
  if (d.preFilterMessage !== undefined) message += ` ${d.preFilterMessage}.`
  else {
    const reasons = d.failures.flatMap((f) => f.reasons)
    if (reasons.length > 0) message += ` ${histogram(reasons)}.`
  }
  return `${message} ${preemptionMessage(d)}`
}

/** DefaultPreemption's PostFilter verdict, appended to every fit error. */
function preemptionMessage(d: Diagnosis): string {
  const verdicts: string[] = []
  if (d.preFilterMessage !== undefined)
    for (let i = 0; i < d.numAllNodes; i++)
      verdicts.push('Preemption is not helpful for scheduling')
  else
    for (const f of d.failures)
      verdicts.push(
        f.code === 'UnschedulableAndUnresolvable'
          ? 'Preemption is not helpful for scheduling'
          : 'No preemption victims found for incoming pod',
      )
  return `preemption: 0/${d.numAllNodes} nodes are available: ${histogram(verdicts)}.`
}
