/**
 * The only source of randomness in src/sim: a seeded generator (sfc32), so ids, $RANDOM and
 * anything "random" repeat exactly for the same seed.
 */
/** `00`…`ff`. */
const HEX_BYTES: readonly string[] = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).padStart(2, '0'),
)

export class SeededRandom {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number) {
    // splitmix32 spreads a small seed over the four words of state.
    let s = seed >>> 0
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
      return (z ^ (z >>> 16)) >>> 0
    }
    this.a = next()
    this.b = next()
    this.c = next()
    this.d = next()
  }

  /** A 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0
    this.d = (this.d + 1) >>> 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) >>> 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) >>> 0
    return t
  }

  /** A float in [0, 1), like Math.random. */
  next(): number {
    return this.nextUint32() / 0x100000000
  }

  /** An integer in [0, bound). */
  nextInt(bound: number): number {
    return Math.floor(this.next() * bound)
  }

  /** `length` lowercase hex digits, as Docker ids and digests are written. */
  hex(length: number): string {
    // Each word as its four bytes, big-endian: what toString(16).padStart(8, '0') spells, without
    // the per-word conversions (ids are drawn by the hundred thousand on a large cluster).
    let out = ''
    while (out.length < length) {
      const v = this.nextUint32()
      out +=
        (HEX_BYTES[v >>> 24] as string) +
        (HEX_BYTES[(v >>> 16) & 255] as string) +
        (HEX_BYTES[(v >>> 8) & 255] as string) +
        (HEX_BYTES[v & 255] as string)
    }
    return out.slice(0, length)
  }

  /** An RFC 4122 version-4 UUID, as Kubernetes uids are written. */
  uuid(): string {
    const h = this.hex(32)
    const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16)
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
  }

  /** `length` characters from Kubernetes' name-suffix alphabet (no vowels, no ambiguous digits). */
  kubeSuffix(length: number): string {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789'
    let out = ''
    for (let i = 0; i < length; i++) out += alphabet.charAt(this.nextInt(alphabet.length))
    return out
  }

  state(): [number, number, number, number] {
    return [this.a, this.b, this.c, this.d]
  }

  static fromState(state: readonly [number, number, number, number]): SeededRandom {
    const r = new SeededRandom(0)
    ;[r.a, r.b, r.c, r.d] = state
    return r
  }
}
