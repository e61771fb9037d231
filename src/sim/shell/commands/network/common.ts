/**
 * What the network tools share: the side of the machine they run on (the host, or a container
 * for `docker exec`), name lookup as getaddrinfo does it there, port names from /etc/services,
 * and the small deterministic figures (round-trip times, transfer speeds) real tools measure.
 */
import type { ContainerRecord } from '../../../docker/engine/container-record'
import type { DockerEngine } from '../../../docker/engine/engine'
import {
  connect,
  echo,
  resolveName,
  type Connection,
  type Echo,
} from '../../../docker/engine/reach'
import type { CommandContext } from '../../command'
import { HOSTNAME } from '../../user-environment'

/** Where a tool runs: the host (`from` undefined) or inside a container. */
export interface NetworkSide {
  readonly engine: DockerEngine
  readonly from?: ContainerRecord
  /**
   * Another network namespace than Docker's (a Kubernetes pod, for `kubectl exec`): it resolves
   * and connects on its own; an undefined answer falls back to Docker's view from `from`.
   */
  readonly overlay?: NetworkOverlay
}

export interface NetworkOverlay {
  lookup(name: string): string[] | undefined
  connect(address: string, port: number, nowMs: number): Connection | undefined
  echo(address: string): Echo | undefined
  /** The name a reverse lookup gives (`10-244-0-5.web.default.svc.cluster.local`), if any. */
  reverseName?(address: string): string | undefined
}

/** A TCP connection attempt from this side. */
export function connectFrom(
  side: NetworkSide,
  address: string,
  port: number,
  nowMs: number,
): Connection {
  return (
    side.overlay?.connect(address, port, nowMs) ??
    connect(side.engine, address, port, nowMs, side.from)
  )
}

/** An ICMP echo from this side. */
export function echoFrom(side: NetworkSide, address: string): Echo {
  return side.overlay?.echo(address) ?? echo(side.engine, address, side.from)
}

/**
 * getaddrinfo on that side. On the host, /etc/hosts is Debian's (`127.0.1.1 quai`); localhost is
 * 127.0.0.1 only, as on a host whose /etc/hosts has no `::1 localhost` line.
 */
export function lookup(side: NetworkSide, name: string): string[] {
  const lower = name.toLowerCase().replace(/\.$/, '')
  const overlaid = side.overlay?.lookup(name)
  if (overlaid !== undefined) return overlaid
  if (side.from === undefined && lower === HOSTNAME) return ['127.0.1.1']
  return resolveName(side.engine, name, side.from)
}

/** The TCP ports of netbase's /etc/services that Docker lessons meet. */
const SERVICES: ReadonlyArray<readonly [number, string]> = [
  [21, 'ftp'],
  [22, 'ssh'],
  [23, 'telnet'],
  [25, 'smtp'],
  [53, 'domain'],
  [80, 'http'],
  [110, 'pop3'],
  [143, 'imap2'],
  [389, 'ldap'],
  [443, 'https'],
  [465, 'submissions'],
  [587, 'submission'],
  [636, 'ldaps'],
  [873, 'rsync'],
  [993, 'imaps'],
  [995, 'pop3s'],
  [1080, 'socks'],
  [1433, 'ms-sql-s'],
  [2049, 'nfs'],
  [3306, 'mysql'],
  [3389, 'ms-wbt-server'],
  [4369, 'epmd'],
  [5432, 'postgresql'],
  [5671, 'amqps'],
  [5672, 'amqp'],
  [6379, 'redis'],
  [6446, 'mysql-proxy'],
  [8080, 'http-alt'],
  [8081, 'tproxy'],
  [8088, 'omniorb'],
  [8140, 'puppet'],
  [9418, 'git'],
  [10000, 'webmin'],
]

/** /etc/services aliases that name a port too (`www`, `postgres`, `webcache`). */
const ALIASES: Readonly<Record<string, number>> = { www: 80, postgres: 5432, webcache: 8080 }

export function serviceName(port: number): string | undefined {
  return SERVICES.find(([p]) => p === port)?.[1]
}

export function portByName(name: string): number | undefined {
  return SERVICES.find(([, n]) => n === name)?.[0] ?? ALIASES[name]
}

/** A stable 0…999 from text: the jitter of measured figures. */
export function jitter(text: string): number {
  let hash = 2166136261
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 16777619) >>> 0
  }
  return hash % 1000
}

/** Round-trip time of one ping, in microseconds: loopback is fastest, a veth hop a bit slower. */
export function roundTripMicros(address: string, seq: number): number {
  const base = address.startsWith('127.') || address === '::1' ? 24 : 52
  return base + (jitter(`${address}#${seq}`) % (seq === 1 ? 60 : 30))
}

/** Writes a file of the student's filesystem; the errno name when it cannot. */
export async function writeUserFile(
  ctx: CommandContext,
  path: string,
  content: string,
): Promise<'ENOENT' | 'ENOTDIR' | 'EISDIR' | undefined> {
  const full = ctx.resolve(path)
  try {
    if ((await ctx.fs.exists(full)) && (await ctx.fs.stat(full)).isDirectory) return 'EISDIR'
    await ctx.fs.writeFile(full, content)
    return undefined
  } catch (error) {
    const message = error instanceof Error ? error.message : ''
    return message.includes('ENOTDIR') ? 'ENOTDIR' : 'ENOENT'
  }
}

export const STRERROR = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
} as const

/** Waits on the virtual clock; true when the wait ran to its end (no Ctrl-C). */
export async function wait(ctx: CommandContext, ms: number): Promise<boolean> {
  if (ms <= 0) return !ctx.signal.aborted
  return ctx.sleep(ms)
}
