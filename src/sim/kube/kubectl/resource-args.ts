/**
 * kubectl's resource builder arguments: `TYPE[,TYPE…] [NAME…]` or `TYPE/NAME…`, types by plural,
 * singular, short name or kind (with `.group` or `.version.group`), and the `all` category. Errors
 * are kubectl's texts (without the `error: ` prefix).
 */
import { err, ok, type Result } from '../../core/errors'
import { RESOURCE_TYPES, resolveResource, type ResourceType } from '../api/resources'

export interface ResourceRequest {
  readonly type: ResourceType
  /** Empty: every object of the type (in scope). */
  readonly names: readonly string[]
}

export interface ResourceArgs {
  readonly requests: readonly ResourceRequest[]
  /** One object named (`pod web` or `pod/web`): kubectl prints it bare, not in a List. */
  readonly singleItem: boolean
}

export const SLASH_MIXED =
  "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'"

const unknownType = (name: string): string => `the server doesn't have a resource type "${name}"`

/** Expands one type word (`all` is a category; `deployments.apps` a qualified type). */
export function resolveTypeWord(word: string): Result<ResourceType[], string> {
  if (word.toLowerCase() === 'all')
    return ok(RESOURCE_TYPES.filter((t) => t.categories.includes('all')))
  const t = resolveResource(word)
  return t === undefined ? err(unknownType(word)) : ok([t])
}

/** Parses the positional arguments of get, describe, delete… (`args` must not be empty). */
export function parseResourceArgs(args: readonly string[]): Result<ResourceArgs, string> {
  const slashed = args.filter((a) => a.includes('/'))
  if (slashed.length > 0) {
    if (slashed.length !== args.length) return err(SLASH_MIXED)
    const requests: ResourceRequest[] = []
    for (const arg of args) {
      const slash = arg.indexOf('/')
      const typeWord = arg.slice(0, slash)
      const name = arg.slice(slash + 1)
      if (typeWord === '' || name === '' || name.includes('/'))
        return err('arguments in resource/name form must have a single resource and name')
      const types = resolveTypeWord(typeWord)
      if (!types.ok) return types
      for (const type of types.value) {
        const last = requests[requests.length - 1]
        if (last !== undefined && last.type === type)
          requests[requests.length - 1] = { type, names: [...last.names, name] }
        else requests.push({ type, names: [name] })
      }
    }
    return ok({ requests, singleItem: args.length === 1 })
  }
  const [first = '', ...names] = args
  const types: ResourceType[] = []
  for (const word of first.split(',')) {
    if (word === '') continue
    const resolved = resolveTypeWord(word)
    if (!resolved.ok) return resolved
    for (const t of resolved.value) if (!types.includes(t)) types.push(t)
  }
  return ok({
    requests: types.map((type) => ({ type, names })),
    singleItem: types.length === 1 && names.length === 1 && first.toLowerCase() !== 'all',
  })
}

/** `pod`, `deployment.apps`: the prefix of `-o name` and of names when several types print. */
export const kindPrefix = (t: ResourceType): string =>
  t.group === '' ? t.kind.toLowerCase() : `${t.kind.toLowerCase()}.${t.group}`
