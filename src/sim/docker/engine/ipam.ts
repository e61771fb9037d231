/**
 * Address management like Docker's default IPAM: the default bridge takes 172.17.0.0/16, each
 * user-defined network the next free /16 from 172.18.0.0 up to 172.31.0.0, then 192.168.0.0/20
 * blocks; the gateway is the subnet's first address and containers get the next free ones.
 */
export interface Subnet {
  /** Network address as a 32-bit number. */
  base: number
  prefix: number
}

export function ipToNumber(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0)
}

export function numberToIp(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`
}

export function parseCidr(cidr: string): Subnet | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr)
  if (!m) return undefined
  const parts = m.slice(1, 5).map(Number)
  const prefix = Number(m[5])
  if (parts.some((p) => p > 255) || prefix > 32) return undefined
  const ip = parts.reduce((n, p) => n * 256 + p, 0)
  const size = 2 ** (32 - prefix)
  return { base: ip - (ip % size), prefix }
}

export function formatCidr(subnet: Subnet): string {
  return `${numberToIp(subnet.base)}/${subnet.prefix}`
}

export function gatewayOf(subnet: Subnet): string {
  return numberToIp(subnet.base + 1)
}

export function overlaps(a: Subnet, b: Subnet): boolean {
  const aEnd = a.base + 2 ** (32 - a.prefix)
  const bEnd = b.base + 2 ** (32 - b.prefix)
  return a.base < bEnd && b.base < aEnd
}

function* defaultPools(): Generator<Subnet> {
  for (let second = 17; second <= 31; second++)
    yield { base: ipToNumber(`172.${second}.0.0`), prefix: 16 }
  for (let third = 0; third < 256; third += 16)
    yield { base: ipToNumber(`192.168.${third}.0`), prefix: 20 }
}

/** The next default-pool subnet that overlaps none in use. */
export function nextFreeSubnet(inUse: readonly Subnet[]): Subnet | undefined {
  for (const candidate of defaultPools())
    if (!inUse.some((s) => overlaps(s, candidate))) return candidate
  return undefined
}

/** The lowest host address after the gateway that is not taken. */
export function nextFreeAddress(subnet: Subnet, taken: ReadonlySet<string>): string | undefined {
  const size = 2 ** (32 - subnet.prefix)
  // Numbers, not strings: a network with thousands of containers starts each in linear time.
  const used = new Set<number>()
  for (const ip of taken) if (/^\d+\.\d+\.\d+\.\d+$/.test(ip)) used.add(ipToNumber(ip))
  for (let offset = 2; offset < size - 1; offset++)
    if (!used.has(subnet.base + offset)) return numberToIp(subnet.base + offset)
  return undefined
}

export function contains(subnet: Subnet, ip: string): boolean {
  const n = ipToNumber(ip)
  return n >= subnet.base && n < subnet.base + 2 ** (32 - subnet.prefix)
}
