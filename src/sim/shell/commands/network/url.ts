/**
 * URLs as curl and wget read them from the command line: the scheme may be left out
 * (`localhost:8080` is http), IPv6 hosts go in brackets, the path defaults to `/`.
 */

export interface ParsedUrl {
  scheme: string
  /** Without brackets: `localhost`, `172.17.0.2`, `::1`. */
  host: string
  port: number
  path: string
  /** The Host header and the name curl and wget print: the port only when not the default. */
  authority: string
}

export type UrlProblem = { kind: 'malformed' } | { kind: 'scheme'; scheme: string }

const DEFAULT_PORTS: Readonly<Record<string, number>> = {
  http: 80,
  https: 443,
  ftp: 21,
  ftps: 990,
}

export function defaultPort(scheme: string): number | undefined {
  return DEFAULT_PORTS[scheme]
}

export function parseUrl(
  raw: string,
): { ok: true; url: ParsedUrl } | { ok: false; problem: UrlProblem } {
  const malformed = { ok: false as const, problem: { kind: 'malformed' as const } }
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(raw)
  const scheme = (schemeMatch?.[1] ?? 'http').toLowerCase()
  let rest = schemeMatch ? raw.slice(schemeMatch[0].length) : raw
  rest = rest.replace(/#.*$/, '')
  const slash = rest.search(/[/?]/)
  let hostPart = slash === -1 ? rest : rest.slice(0, slash)
  let path = slash === -1 ? '/' : rest.slice(slash)
  if (path.startsWith('?')) path = `/${path}`
  hostPart = hostPart.slice(hostPart.lastIndexOf('@') + 1)
  let host: string
  let portText = ''
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::(.*))?$/.exec(hostPart)
  if (bracketed) {
    host = bracketed[1] ?? ''
    portText = bracketed[2] ?? ''
  } else {
    const colon = hostPart.lastIndexOf(':')
    host = colon === -1 ? hostPart : hostPart.slice(0, colon)
    portText = colon === -1 ? '' : hostPart.slice(colon + 1)
  }
  if (host === '' || !/^[a-zA-Z0-9._:-]+$/.test(host)) return malformed
  const known = defaultPort(scheme)
  if (known === undefined) return { ok: false, problem: { kind: 'scheme', scheme } }
  let port = known
  if (portText !== '') {
    if (!/^\d+$/.test(portText) || Number(portText) > 65535) return malformed
    port = Number(portText)
  }
  const shownHost = host.includes(':') ? `[${host}]` : host
  const authority = port === known ? shownHost : `${shownHost}:${port}`
  return { ok: true, url: { scheme, host, port, path, authority } }
}

/** `http://localhost:8080/` — the URL as both tools print it back. */
export function urlString(url: ParsedUrl): string {
  return `${url.scheme}://${url.authority}${url.path}`
}

/** Resolves a Location header against the URL it came from. */
export function resolveLocation(base: ParsedUrl, location: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(location)) return location
  if (location.startsWith('//')) return `${base.scheme}:${location}`
  if (location.startsWith('/')) return `${base.scheme}://${base.authority}${location}`
  const dir = base.path.replace(/[?].*$/, '').replace(/[^/]*$/, '')
  return `${base.scheme}://${base.authority}${dir}${location}`
}
