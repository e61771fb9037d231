import { fail } from './errors'

/** A port in Compose's long syntax, before typing (the loader's dict form). */
export interface RawPort {
  mode: string
  host_ip?: string
  target: number
  published?: string
  protocol: string
  [extra: string]: unknown
}

/**
 * Expands a short port spec the way docker/go-connections' nat.ParsePortSpec does for Compose:
 * `80`, `8080:80`, `127.0.0.1:8080:80/udp`, `127.0.0.1::80`, `3000-3005`, `8000-8001:80-81`,
 * `[::1]:80:80`. One entry per container port, sorted as nat sorts its port keys.
 */
export function parsePortSpec(spec: string): RawPort[] {
  const parts = spec.split(':')
  const n = parts.length
  let ip = ''
  let host = ''
  let container = parts[n - 1] ?? ''
  if (n === 2) host = parts[0] ?? ''
  else if (n === 3) {
    ip = parts[0] ?? ''
    host = parts[1] ?? ''
  } else if (n > 3) {
    ip = parts.slice(0, n - 2).join(':')
    host = parts[n - 2] ?? ''
  }
  let protocol = 'tcp'
  const slash = container.indexOf('/')
  if (slash >= 0) {
    protocol = container.slice(slash + 1).toLowerCase() || 'tcp'
    container = container.slice(0, slash)
  }
  if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1)
  if (ip !== '' && !validIp(ip)) fail(`invalid IP address: ${ip}`)
  if (container === '') fail(`no port specified: ${spec}<empty>`)
  const cRange = portRange(container)
  if (cRange === undefined) fail(`invalid containerPort: ${container}`)
  let hRange: [number, number] = [0, 0]
  if (host !== '') {
    const parsed = portRange(host)
    if (parsed === undefined) fail(`invalid hostPort: ${host}`)
    hRange = parsed
  }
  const [start, end] = cRange
  const [hStart, hEnd] = hRange
  if (host !== '' && end - start !== hEnd - hStart && end !== start) {
    fail(`invalid ranges specified for container and host Ports: ${container} and ${host}`)
  }
  const out: { key: string; port: RawPort }[] = []
  for (let i = 0; i <= end - start; i++) {
    const target = start + i
    let published = host === '' ? '' : String(hStart + i)
    if (start === end && hStart !== hEnd) published = `${published}-${hEnd}`
    const port: RawPort = { mode: 'ingress', target, protocol }
    if (ip !== '') port.host_ip = ip
    if (published !== '') port.published = published
    out.push({ key: `${target}/${protocol}`, port })
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((e) => e.port)
}

function portRange(text: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text)
  if (!m) return undefined
  const start = Number(m[1])
  const end = m[2] === undefined ? start : Number(m[2])
  if (start > 65535 || end > 65535 || end < start) return undefined
  return [start, end]
}

function validIp(ip: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return ip.split('.').every((o) => Number(o) <= 255)
  return /^[0-9a-fA-F:.]+$/.test(ip) && ip.includes(':')
}
