/**
 * `docker port` (docker/cli cli/command/container/port.go): the container's published ports,
 * `80/tcp -> 0.0.0.0:8080`, or the host addresses of one private port, in natural sort order.
 */
import { FlagSet } from '../../cli-kit/flags'
import type { PortBinding } from '../engine/api-types'
import { daemonFailure, dockerCommand } from './command'

/** net.JoinHostPort: IPv6 hosts go in brackets. */
function joinHostPort(binding: PortBinding): string {
  const host = binding.HostIp.includes(':') ? `[${binding.HostIp}]` : binding.HostIp
  return `${host}:${binding.HostPort}`
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'

/** fvbommel/sortorder NaturalLess: digit runs compare as numbers, and sort before other text. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const c1 = a[i]
    const c2 = b[j]
    const d1 = isDigit(c1)
    const d2 = isDigit(c2)
    if (d1 !== d2) return d1
    if (!d1) {
      if (c1 !== c2) return (c1 ?? '') < (c2 ?? '')
      i++
      j++
      continue
    }
    while (a[i] === '0') i++
    while (b[j] === '0') j++
    const start1 = i
    const start2 = j
    while (isDigit(a[i])) i++
    while (isDigit(b[j])) j++
    if (i - start1 !== j - start2) return i - start1 < j - start2
    const n1 = a.slice(start1, i)
    const n2 = b.slice(start2, j)
    if (n1 !== n2) return n1 < n2
    if (start1 !== start2) return start1 < start2
  }
  return a.length < b.length
}

const fail = (message: string) => ({ stdout: '', stderr: `${message}\n`, exitCode: 1 })

export const containerPort = dockerCommand({
  path: 'docker container port',
  use: 'CONTAINER [PRIVATE_PORT[/PROTO]]',
  short: 'List port mappings or a specific mapping for the container',
  aliases: ['docker container port', 'docker port'],
  args: { kind: 'range', min: 1, max: 2 },
  flags: () => new FlagSet([] as const),
  run({ args }, { engine }) {
    const [ref = '', wanted] = args
    const inspected = engine.inspectContainer(ref)
    if (!inspected.ok) return daemonFailure(inspected.error.message)
    const ports = inspected.value.NetworkSettings.Ports
    const out: string[] = []
    if (wanted !== undefined && wanted !== '') {
      const slash = wanted.indexOf('/')
      const port = slash === -1 ? wanted : wanted.slice(0, slash)
      const proto = slash === -1 || wanted.slice(slash + 1) === '' ? 'tcp' : wanted.slice(slash + 1)
      if (!/^\d+$/.test(port) || Number(port) > 65535) {
        const why = /^\d+$/.test(port) ? 'value out of range' : 'invalid syntax'
        return fail(`Error: invalid port (${port}): strconv.ParseUint: parsing "${port}": ${why}`)
      }
      const frontends = ports[`${port}/${proto}`]
      if (!frontends || frontends.length === 0)
        return fail(`Error: No public port '${wanted}' published for ${ref}`)
      for (const frontend of frontends) out.push(joinHostPort(frontend))
    } else {
      for (const [from, frontends] of Object.entries(ports))
        for (const frontend of frontends ?? []) out.push(`${from} -> ${joinHostPort(frontend)}`)
    }
    out.sort((x, y) => (naturalLess(x, y) ? -1 : naturalLess(y, x) ? 1 : 0))
    return { stdout: out.length > 0 ? `${out.join('\n')}\n` : '', stderr: '', exitCode: 0 }
  },
})
