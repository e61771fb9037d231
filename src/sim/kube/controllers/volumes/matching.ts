/**
 * Which Available volume a claim gets (pkg/controller/volume/persistentvolume/index.go,
 * findByClaim / FindMatchingVolume): volumes are grouped by their exact set of access modes, the
 * sets offering every requested mode tried from the fewest modes up; within a set, the smallest
 * volume of the claim's class that is big enough, of the same volume mode and matching the
 * claim's selector wins. A volume pre-bound to the claim wins outright.
 */
import type { KubeObject } from '../../api/object'
import { fromLabelSelector, matches } from '../../api/label-selector'
import {
  accessModes,
  claimClass,
  claimRefOf,
  claimRequest,
  isVolumeBoundToClaim,
  phaseOf,
  specOf,
  volumeCapacity,
  volumeClass,
  volumeModeMismatch,
  volumeOffersModes,
} from './claims'

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The claim's label selector as a predicate (no selector: every volume). */
function selectorOf(claim: KubeObject): (volume: KubeObject) => boolean {
  const raw = specOf(claim)['selector']
  if (raw === undefined || raw === null) return () => true
  const parsed = fromLabelSelector(raw as Parameters<typeof fromLabelSelector>[0])
  if (!parsed.ok) return () => false
  return (volume) => matches(parsed.value, volume.metadata.labels)
}

/**
 * FindMatchingVolume over one access-mode group. `delayBinding`: the claim's class binds
 * WaitForFirstConsumer and no node is known, so only a volume pre-bound to it is taken.
 */
function matchIn(
  volumes: readonly KubeObject[],
  claim: KubeObject,
  delayBinding: boolean,
): KubeObject | undefined {
  const requested = claimRequest(claim)
  const requestedClass = claimClass(claim)
  const selects = selectorOf(claim)
  let smallest: KubeObject | undefined
  for (const volume of volumes) {
    const capacity = volumeCapacity(volume)
    if (capacity < requested) continue
    if (volumeModeMismatch(claim, volume)) continue
    if (volume.metadata.deletionTimestamp !== undefined) continue
    if (isVolumeBoundToClaim(volume, claim)) return volume
    if (delayBinding) continue
    if (phaseOf(volume) !== 'Available') continue
    if (claimRefOf(volume) !== undefined) continue
    if (!selects(volume)) continue
    if (volumeClass(volume) !== requestedClass) continue
    if (smallest === undefined || volumeCapacity(smallest) > capacity) smallest = volume
  }
  return smallest
}

export function findBestMatchForClaim(
  volumes: readonly KubeObject[],
  claim: KubeObject,
  delayBinding: boolean,
): KubeObject | undefined {
  const groups = new Map<string, KubeObject[]>()
  for (const volume of volumes) {
    if (!volumeOffersModes(claim, volume)) continue
    const key = [...accessModes(volume)].sort().join(',')
    const group = groups.get(key) ?? []
    group.push(volume)
    groups.set(key, group)
  }
  const ordered = [...groups.entries()].sort(
    ([a], [b]) => a.split(',').length - b.split(',').length || cmp(a, b),
  )
  for (const [, group] of ordered) {
    group.sort(
      (a, b) => volumeCapacity(a) - volumeCapacity(b) || cmp(a.metadata.name, b.metadata.name),
    )
    const found = matchIn(group, claim, delayBinding)
    if (found !== undefined) return found
  }
  return undefined
}

/** checkVolumeSatisfyClaim: why a volume a claim names cannot be its volume. */
export function volumeMismatch(volume: KubeObject, claim: KubeObject): string | undefined {
  if (volume.metadata.deletionTimestamp !== undefined)
    return `the volume is marked for deletion "${volume.metadata.name}"`
  if (volumeCapacity(volume) < claimRequest(claim)) return 'requested PV is too small'
  if (volumeClass(volume) !== claimClass(claim)) return 'storageClassName does not match'
  if (volumeModeMismatch(claim, volume)) return 'incompatible volumeMode'
  if (!volumeOffersModes(claim, volume)) return 'incompatible accessMode'
  return undefined
}
