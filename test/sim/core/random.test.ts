import { describe, expect, it } from 'vitest'
import { SeededRandom } from '../../../src/sim/core/random'

describe('SeededRandom', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    const a = new SeededRandom(1)
    const b = new SeededRandom(1)
    const c = new SeededRandom(2)
    const seqA = Array.from({ length: 5 }, () => a.nextUint32())
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(seqA)
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(seqA)
  })

  it('pins the sequence of seed 1, so ids never change under our feet', () => {
    const r = new SeededRandom(1)
    expect(r.hex(12)).toMatchInlineSnapshot(`"230b44e2dc77"`)
    expect(r.uuid()).toMatchInlineSnapshot(`"9678a37c-d2bf-4fe6-93ac-06c37eb7dcb3"`)
    expect(r.kubeSuffix(5)).toMatchInlineSnapshot(`"jm5cp"`)
  })

  it('writes ids in the shapes Docker and Kubernetes use', () => {
    const r = new SeededRandom(9)
    expect(r.hex(64)).toMatch(/^[0-9a-f]{64}$/)
    expect(r.uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    expect(r.kubeSuffix(5)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/)
  })

  it('resumes from a saved state', () => {
    const r = new SeededRandom(5)
    r.next()
    const resumed = SeededRandom.fromState(r.state())
    expect(resumed.next()).toBe(r.next())
  })

  it('stays in [0, 1)', () => {
    const r = new SeededRandom(3)
    for (let i = 0; i < 10_000; i++) {
      const x = r.next()
      expect(x >= 0 && x < 1).toBe(true)
    }
  })
})

describe('SeededRandom.hex', () => {
  it('spells each drawn word as eight zero-padded lowercase hex digits, cut to the length asked', () => {
    const words = new SeededRandom(99)
    const expected = Array.from({ length: 9 }, () =>
      words.nextUint32().toString(16).padStart(8, '0'),
    ).join('')
    const r = new SeededRandom(99)
    expect(r.hex(64) + r.hex(5)).toBe(expected.slice(0, 64) + expected.slice(64, 69))
  })
})
