/**
 * Port specifications as the docker CLI parses them before talking to the daemon:
 * docker/go-connections nat.ParsePortSpec / ParsePortRange (v0.5, which docker 28.2 vendors)
 * and docker/cli's convertToStandardNotation for the long `target=80,published=8080` form.
 * Error texts are theirs (`invalid containerPort: abc`, `invalid hostPort: x`).
 */
import { readCsvRecord } from '../../cli-kit/flag-values'
import type { ParseOutcome } from '../../cli-kit/go-strconv'
import type { PortBinding, PortMap } from '../engine/api-types'
import { isIpAddress } from './container-flags'

const okValue = <T>(value: T): ParseOutcome<T> => ({ ok: true, value })
const failure = (error: string): ParseOutcome<never> => ({ ok: false, error })

/** strconv.ParseUint(s, 10, 16), with Go's error text. */
function parseUint16(text: string): ParseOutcome<number> {
  if (!/^\d+$/.test(text)) return failure(`strconv.ParseUint: parsing "${text}": invalid syntax`)
  const n = Number(text)
  return n > 65535
    ? failure(`strconv.ParseUint: parsing "${text}": value out of range`)
    : okValue(n)
}

/** nat.ParsePortRange: `80` or `8000-9000`. */
export function parsePortRange(ports: string): ParseOutcome<[number, number]> {
  if (ports === '') return failure('empty string specified for ports')
  if (!ports.includes('-')) {
    const single = parseUint16(ports)
    return single.ok ? okValue([single.value, single.value]) : single
  }
  const parts = ports.split('-')
  const start = parseUint16(parts[0] ?? '')
  if (!start.ok) return start
  const end = parseUint16(parts[1] ?? '')
  if (!end.ok) return end
  if (end.value < start.value) return failure(`invalid range specified for port: ${ports}`)
  return okValue([start.value, end.value])
}

/** nat.SplitProtoPort: `80/udp` → udp, 80; no protocol means tcp. */
export function splitProtoPort(raw: string): { proto: string; port: string } {
  const slash = raw.indexOf('/')
  const port = slash === -1 ? raw : raw.slice(0, slash)
  const proto = slash === -1 ? '' : raw.slice(slash + 1)
  if (port === '') return { proto: '', port: '' }
  return { proto: proto === '' ? 'tcp' : proto, port }
}

function splitParts(raw: string): [string, string, string] {
  const parts = raw.split(':')
  if (parts.length === 1) return ['', '', parts[0] ?? '']
  if (parts.length === 2) return ['', parts[0] ?? '', parts[1] ?? '']
  if (parts.length === 3) return [parts[0] ?? '', parts[1] ?? '', parts[2] ?? '']
  const n = parts.length
  return [parts.slice(0, n - 2).join(':'), parts[n - 2] ?? '', parts[n - 1] ?? '']
}

export interface PortMapping {
  port: string
  binding: PortBinding
}

/** nat.ParsePortSpec: `[ip:][hostPort:]containerPort[/proto]`, ranges included. */
export function parsePortSpec(raw: string): ParseOutcome<PortMapping[]> {
  const [rawIp, hostPort, containerRaw] = splitParts(raw)
  let ip = rawIp
  const { proto: rawProto, port: containerPort } = splitProtoPort(containerRaw)
  if (ip.startsWith('[')) {
    const close = ip.indexOf(']')
    if (close === -1)
      return failure(`invalid IP address ${ip}: address ${ip}:: missing ']' in address`)
    ip = ip.slice(1, close)
  }
  if (ip !== '' && !isIpAddress(ip)) return failure(`invalid IP address: ${ip}`)
  if (containerPort === '') return failure(`no port specified: ${raw}<empty>`)
  const container = parsePortRange(containerPort)
  if (!container.ok) return failure(`invalid containerPort: ${containerPort}`)
  const [start, end] = container.value
  let hostStart = 0
  let hostEnd = 0
  if (hostPort !== '') {
    const host = parsePortRange(hostPort)
    if (!host.ok) return failure(`invalid hostPort: ${hostPort}`)
    ;[hostStart, hostEnd] = host.value
    if (end - start !== hostEnd - hostStart && end !== start)
      return failure(
        `invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`,
      )
  }
  const proto = rawProto.toLowerCase()
  if (!['tcp', 'udp', 'sctp'].includes(proto)) return failure(`invalid proto: ${proto}`)
  const count = end - start + 1
  const mappings: PortMapping[] = []
  for (let i = 0; i < count; i++) {
    let hPort = ''
    if (hostPort !== '') {
      hPort = String(hostStart + i)
      // A single container port with a host range: the daemon picks a free port in the range.
      if (count === 1 && hostStart !== hostEnd) hPort += `-${hostEnd}`
    }
    mappings.push({ port: `${start + i}/${proto}`, binding: { HostIp: ip, HostPort: hPort } })
  }
  return okValue(mappings)
}

/** convertToStandardNotation: the long `target=80,published=8080,protocol=udp` form. */
function toStandardNotation(raw: string): ParseOutcome<string> {
  if (!raw.includes('=')) return okValue(raw)
  const fields = readCsvRecord(raw)
  if (!fields.ok) return fields
  let target = ''
  let published = ''
  let protocol = 'tcp'
  for (const field of fields.value) {
    const eq = field.indexOf('=')
    const key = (eq === -1 ? field : field.slice(0, eq)).toLowerCase()
    const value = eq === -1 ? '' : field.slice(eq + 1)
    if (key === 'target') target = value
    else if (key === 'published') published = value
    else if (key === 'protocol') protocol = value
  }
  return okValue(`${published}:${target}/${protocol}`)
}

/** nat.ParsePortSpecs over every `-p`: the exposed ports and their bindings. */
export function parsePublishFlags(
  values: readonly string[],
): ParseOutcome<{ exposed: string[]; bindings: PortMap }> {
  const exposed: string[] = []
  const bindings: PortMap = {}
  for (const value of values) {
    const standard = toStandardNotation(value)
    if (!standard.ok) return standard
    const mappings = parsePortSpec(standard.value)
    if (!mappings.ok) return mappings
    for (const { port, binding } of mappings.value) {
      if (!exposed.includes(port)) exposed.push(port)
      bindings[port] = [...(bindings[port] ?? []), binding]
    }
  }
  return okValue({ exposed, bindings })
}

/** `--expose 80`, `--expose 7000-7010/udp`. */
export function parseExposeFlags(values: readonly string[]): ParseOutcome<string[]> {
  const ports: string[] = []
  for (const value of values) {
    if (value.includes(':')) return failure(`invalid port format for --expose: ${value}`)
    const { proto, port } = splitProtoPort(value)
    const range = parsePortRange(port)
    if (!range.ok)
      return failure(`invalid range format for --expose: ${value}, error: ${range.error}`)
    for (let p = range.value[0]; p <= range.value[1]; p++) ports.push(`${p}/${proto}`)
  }
  return okValue(ports)
}
