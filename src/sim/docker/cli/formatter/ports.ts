import type { PortSummary } from '../../engine/api-types'

/** `host:port` as Go's net.JoinHostPort writes it: IPv6 hosts in brackets. */
export function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

function comparePorts(a: PortSummary, b: PortSummary): number {
  if (a.PrivatePort !== b.PrivatePort) return a.PrivatePort - b.PrivatePort
  if ((a.IP ?? '') !== (b.IP ?? '')) return (a.IP ?? '') < (b.IP ?? '') ? -1 : 1
  if ((a.PublicPort ?? 0) !== (b.PublicPort ?? 0)) return (a.PublicPort ?? 0) - (b.PublicPort ?? 0)
  return a.Type < b.Type ? -1 : a.Type > b.Type ? 1 : 0
}

function formGroup(key: string, first: number, last: number): string {
  const slash = key.lastIndexOf('/')
  const ip = slash === -1 ? '' : key.slice(0, slash)
  const type = slash === -1 ? key : key.slice(slash + 1)
  let group = first === last ? String(first) : `${first}-${last}`
  if (ip !== '') group = `${joinHostPort(ip, group)}->${group}`
  return `${group}/${type}`
}

/**
 * The PORTS column (docker/cli formatter.DisplayablePorts): consecutive ports published to the
 * same number collapse into ranges; other mappings follow as `ip:public->private/proto`.
 */
export function displayablePorts(ports: readonly PortSummary[]): string {
  const groups = new Map<string, { first: number; last: number }>()
  const result: string[] = []
  const hostMappings: string[] = []
  for (const port of [...ports].sort(comparePorts)) {
    const current = port.PrivatePort
    let key: string = port.Type
    if (port.IP !== undefined && port.IP !== '') {
      if (port.PublicPort !== current) {
        hostMappings.push(
          `${joinHostPort(port.IP, String(port.PublicPort ?? 0))}->${port.PrivatePort}/${port.Type}`,
        )
        continue
      }
      key = `${port.IP}/${port.Type}`
    }
    const group = groups.get(key)
    if (group === undefined) {
      groups.set(key, { first: current, last: current })
      continue
    }
    if (current === group.last + 1) {
      group.last = current
      continue
    }
    result.push(formGroup(key, group.first, group.last))
    groups.set(key, { first: current, last: current })
  }
  for (const [key, group] of groups) result.push(formGroup(key, group.first, group.last))
  return [...result, ...hostMappings].join(', ')
}
