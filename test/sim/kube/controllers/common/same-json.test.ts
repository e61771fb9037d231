import { describe, expect, it } from 'vitest'
import { sameJson } from '../../../../../src/sim/kube/controllers/common/same-json'

/** Every pair is checked against the definition: equal JSON texts. */
const cases: [unknown, unknown][] = [
  [
    { a: 1, b: [1, 2] },
    { a: 1, b: [1, 2] },
  ],
  [
    { a: 1, b: 2 },
    { b: 2, a: 1 },
  ],
  [{ a: 1, b: undefined }, { a: 1 }],
  [
    { a: undefined, b: 1 },
    { b: 1, c: undefined },
  ],
  [
    [1, undefined],
    [1, null],
  ],
  [{ a: Number.NaN }, { a: null }],
  [{ a: Number.POSITIVE_INFINITY }, { a: null }],
  [{ a: 1 }, { a: '1' }],
  [{ a: true }, { a: 1 }],
  [{ a: [] }, { a: {} }],
  [{ a: {} }, { a: null }],
  [{ a: { b: { c: 'x' } } }, { a: { b: { c: 'y' } } }],
  [{ a: { b: { c: 'x' } } }, { a: { b: { c: 'x' } } }],
  [{ a: 1 }, { a: 1, b: 2 }],
  [{ a: 1, b: 2 }, { a: 1 }],
  [
    [1, 2],
    [1, 2, 3],
  ],
  [{ a: () => 1 }, {}],
  [
    { lastProbeTime: null, status: 'True' },
    { lastProbeTime: null, status: 'True' },
  ],
  [0, -0],
  ['', ''],
]

describe('sameJson', () => {
  it.each(cases.map((c, i) => [i, ...c] as const))(
    'answers as comparing JSON texts would (case %i)',
    (_i, a, b) => {
      expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b))
      expect(sameJson(b, a)).toBe(JSON.stringify(a) === JSON.stringify(b))
    },
  )

  it('tells apart statuses that differ only in key order, as their serializations do', () => {
    expect(sameJson({ replicas: 1, readyReplicas: 1 }, { readyReplicas: 1, replicas: 1 })).toBe(
      false,
    )
  })
})
