import type { CatalogImage } from '../images/catalog-types'
import type { NamedReference } from '../images/reference'

/** What a pull finds on the (offline) registry. */
export type RegistryAnswer =
  | { ok: true; image: CatalogImage; id: string; repoDigest: string; layers: string[] }
  | { ok: false; reason: 'no-repository' | 'no-tag' }

/** The registry the engine pulls from: the offline catalog, behind an interface tests can fake. */
export interface ImageRegistry {
  fetch(ref: NamedReference): RegistryAnswer
}
