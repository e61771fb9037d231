/**
 * The Service IP and NodePort allocators (kube-apiserver's bitmap allocators): ClusterIPs come from
 * 10.96.0.0/12, picked by the seeded stream like the real random allocator, with the low band
 * (10.96.0.1–10.96.0.255) left for IPs callers ask for (`kubernetes` is 10.96.0.1, kube-dns
 * 10.96.0.10); NodePorts from 30000–32767. State is rebuilt from the store on demand, so a
 * restored snapshot needs no allocator state of its own.
 */
import type { SeededRandom } from '../../core/random'

const BASE = (10 << 24) | (96 << 16)
const SIZE = 1 << 20 // a /12
const STATIC_BAND = 256

export const ipToString = (n: number): string =>
  [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')

export function ipToNumber(ip: string): number | undefined {
  const parts = ip.split('.')
  if (parts.length !== 4) return undefined
  let n = 0
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined
    const v = Number(p)
    if (v > 255) return undefined
    n = n * 256 + v
  }
  return n
}

export const SERVICE_CIDR = '10.96.0.0/12'
export const NODE_PORT_RANGE = '30000-32767'

export type Allocation = { ok: true; value: string | number } | { ok: false; reason: string }

export class ClusterIPAllocator {
  private readonly used = new Set<number>()

  constructor(private readonly random: SeededRandom) {}

  reset(ips: Iterable<string>): void {
    this.used.clear()
    for (const ip of ips) {
      const n = ipToNumber(ip)
      if (n !== undefined) this.used.add(n)
    }
  }

  /** A specific IP (the caller asked for it) or the next random free one. */
  allocate(requested?: string): Allocation {
    if (requested !== undefined && requested !== '') {
      const n = ipToNumber(requested)
      if (n === undefined)
        return {
          ok: false,
          reason: `failed to allocate IP ${requested}: the provided IP (${requested}) is not a valid IP`,
        }
      if (n <= BASE || n >= BASE + SIZE - 1 || n >>> 20 !== BASE >>> 20)
        return {
          ok: false,
          reason: `failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`,
        }
      if (this.used.has(n))
        return {
          ok: false,
          reason: `failed to allocate IP ${requested}: provided IP is already allocated`,
        }
      this.used.add(n)
      return { ok: true, value: requested }
    }
    for (let attempt = 0; attempt < 64; attempt++) {
      const n = BASE + STATIC_BAND + this.random.nextInt(SIZE - STATIC_BAND - 1)
      if (!this.used.has(n)) {
        this.used.add(n)
        return { ok: true, value: ipToString(n) }
      }
    }
    for (let n = BASE + 1; n < BASE + SIZE - 1; n++)
      if (!this.used.has(n)) {
        this.used.add(n)
        return { ok: true, value: ipToString(n) }
      }
    return { ok: false, reason: 'range is full' }
  }

  release(ip: string): void {
    const n = ipToNumber(ip)
    if (n !== undefined) this.used.delete(n)
  }
}

const PORT_MIN = 30000
const PORT_MAX = 32767

export class NodePortAllocator {
  private readonly used = new Set<number>()

  constructor(private readonly random: SeededRandom) {}

  reset(ports: Iterable<number>): void {
    this.used.clear()
    for (const p of ports) this.used.add(p)
  }

  allocate(requested?: number): Allocation {
    if (requested !== undefined && requested !== 0) {
      if (requested < PORT_MIN || requested > PORT_MAX)
        return {
          ok: false,
          reason: `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE}`,
        }
      if (this.used.has(requested))
        return { ok: false, reason: 'provided port is already allocated' }
      this.used.add(requested)
      return { ok: true, value: requested }
    }
    const span = PORT_MAX - PORT_MIN + 1
    for (let attempt = 0; attempt < 64; attempt++) {
      const p = PORT_MIN + this.random.nextInt(span)
      if (!this.used.has(p)) {
        this.used.add(p)
        return { ok: true, value: p }
      }
    }
    for (let p = PORT_MIN; p <= PORT_MAX; p++)
      if (!this.used.has(p)) {
        this.used.add(p)
        return { ok: true, value: p }
      }
    return { ok: false, reason: 'range is full' }
  }

  release(port: number): void {
    this.used.delete(port)
  }
}
