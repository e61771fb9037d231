import { imageId, layerDigests, repoDigest, resolveImage, type LayerInfo } from '../images/catalog'
import type { CatalogImage } from '../images/catalog-types'
import { familiarString, type NamedReference } from '../images/reference'

/** What a pull finds on the (offline) registry. */
export type RegistryAnswer =
  | { ok: true; image: CatalogImage; id: string; repoDigest: string; layers: LayerInfo[] }
  | {
      ok: false
      reason: 'no-repository' | 'no-tag' | 'unreachable' | 'platform' | 'reserved'
      /** The daemon's words, without the CLI's "Error response from daemon: ". */
      message: string
    }

/** The registry the engine pulls from: the offline catalog, behind an interface tests can fake. */
export interface ImageRegistry {
  fetch(ref: NamedReference): RegistryAnswer
}

const REASONS = {
  'repository-not-found': 'no-repository',
  'tag-not-found': 'no-tag',
  'registry-unreachable': 'unreachable',
  'platform-mismatch': 'platform',
  'reserved-name': 'reserved',
  'invalid-reference': 'no-repository',
} as const

/** The offline catalog as a registry. */
export const catalogRegistry: ImageRegistry = {
  fetch(ref) {
    const resolved = resolveImage(familiarString(ref))
    if (resolved.kind !== 'found')
      return { ok: false, reason: REASONS[resolved.kind], message: resolved.message }
    return {
      ok: true,
      image: resolved.image,
      id: imageId(resolved.image),
      repoDigest: repoDigest(resolved.image),
      layers: layerDigests(resolved.image),
    }
  },
}
