/**
 * The routes read statically from an app's source and what each answers. An answer read from
 * literals is served as written; one the code computes is served as an empty 200 body rather
 * than invented content.
 */
import type { Literal } from './literals'

export type Answer =
  | { kind: 'text'; status: number; body: string; contentType?: string }
  | { kind: 'json'; status: number; value: Literal }
  | { kind: 'computed'; status: number }

export interface Route {
  /** Upper-case methods; HEAD is accepted wherever GET is. */
  methods: string[]
  path: string
  pattern: RegExp
  answer: Answer
}

/** Route syntaxes: Flask `<int:id>`, Express `:id`, FastAPI `{id}`. */
export function routePattern(path: string): RegExp {
  let source = ''
  for (const part of path.split(/(<[^>]+>|\{[^}]+\}|:\w+\??|\*)/)) {
    if (part === '') continue
    if (part.startsWith('<')) source += part.startsWith('<path:') ? '.+' : '[^/]+'
    else if (part.startsWith('{')) source += part.endsWith(':path}') ? '.+' : '[^/]+'
    else if (part.startsWith(':')) source += part.endsWith('?') ? '[^/]*' : '[^/]+'
    else if (part === '*') source += '.*'
    else source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}

export type RouteMatch =
  | { kind: 'found'; route: Route }
  /** The path exists for other methods: 405 with those in Allow. */
  | { kind: 'method'; allowed: string[] }
  | { kind: 'none' }

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const bare = path.split('?')[0] ?? path
  const allowed: string[] = []
  for (const route of routes) {
    if (!route.pattern.test(bare)) continue
    const accepts =
      route.methods.includes(method) || (method === 'HEAD' && route.methods.includes('GET'))
    if (accepts) return { kind: 'found', route }
    for (const m of route.methods) if (!allowed.includes(m)) allowed.push(m)
  }
  return allowed.length > 0 ? { kind: 'method', allowed } : { kind: 'none' }
}
