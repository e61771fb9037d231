/**
 * An image reference split as the kubelet's parsers.ParseImageName sees it, enough to decide the
 * default pull policy: the tag is what follows the last ':' after the last '/', and a bare name
 * means `latest`.
 */
export interface ImageReference {
  readonly repository: string
  readonly tag: string
  readonly digest: string
}

export function parseImageReference(image: string): ImageReference {
  let rest = image
  let digest = ''
  const at = rest.indexOf('@')
  if (at !== -1) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
  }
  const slash = rest.lastIndexOf('/')
  const colon = rest.lastIndexOf(':')
  let tag = ''
  if (colon > slash) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
  }
  // A digest alone pins the image: ParseImageName reports no tag, so IfNotPresent.
  if (tag === '' && digest === '') tag = 'latest'
  return { repository: rest, tag, digest }
}
