/**
 * A pull's progress as docker prints it when its output is not a terminal (jsonmessage
 * DisplayJSONMessagesStream without a TTY): the status lines of each layer, without the
 * `Downloading`/`Extracting` progress bars, which only a terminal gets. Downloads run three at a
 * time, so the fourth layer on waits; extraction then completes layer by layer.
 */
import type { PullResult } from '../engine/engine'
import type { NamedReference } from '../images/reference'

const CONCURRENT_DOWNLOADS = 3

export function pullProgressLines(result: PullResult, ref: NamedReference): string {
  const from =
    ref.digest !== undefined && ref.tag === undefined ? ref.digest : (ref.tag ?? 'latest')
  const lines = [`${from}: Pulling from ${ref.path}`]
  // An image already here is only checked against the registry: no layer lines.
  const layers = result.downloaded ? result.layers : []
  const fresh = layers.filter((l) => !l.existed)
  for (const layer of layers)
    lines.push(`${layer.id}: ${layer.existed ? 'Already exists' : 'Pulling fs layer'}`)
  for (const layer of fresh.slice(CONCURRENT_DOWNLOADS)) lines.push(`${layer.id}: Waiting`)
  for (const layer of fresh)
    lines.push(`${layer.id}: Verifying Checksum`, `${layer.id}: Download complete`)
  for (const layer of fresh) lines.push(`${layer.id}: Pull complete`)
  lines.push(`Digest: ${result.digest}`)
  lines.push(
    result.downloaded
      ? `Status: Downloaded newer image for ${result.familiar}`
      : `Status: Image is up to date for ${result.familiar}`,
  )
  return lines.join('\n') + '\n'
}
