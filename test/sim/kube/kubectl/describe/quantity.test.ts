/** resource.Quantity as describe prints and sums it. */
import { describe as suite, expect, it } from 'vitest'
import {
  addQuantity,
  milliValue,
  parseQuantity,
  quantity,
  quantityString,
  value,
} from '../../../../../src/sim/kube/kubectl/describe/quantity'

const canonical = (text: string): string => quantityString(quantity(text))

suite('quantity', () => {
  it('prints quantities in canonical form', () => {
    expect(
      [
        '100m',
        '1.5',
        '2000',
        '1000m',
        '0.5Gi',
        '1024Mi',
        '3912244Ki',
        '1536',
        '1e3',
        '0',
        '128Mi',
      ].map(canonical),
    ).toEqual([
      '100m',
      '1500m',
      '2k',
      '1',
      '512Mi',
      '1Gi',
      '3912244Ki',
      '1536',
      '1e3',
      '0',
      '128Mi',
    ])
  })

  it('keeps the first operand format when adding', () => {
    expect(quantityString(addQuantity(quantity('70Mi'), quantity('100Mi')))).toBe('170Mi')
    expect(quantityString(addQuantity(quantity('100m'), quantity('250m')))).toBe('350m')
  })

  it('rounds milli values and values up', () => {
    expect([milliValue(quantity('2')), value(quantity('100m')), value(quantity('1Ki'))]).toEqual([
      2000, 1, 1024,
    ])
  })

  it('refuses text that is not a quantity', () => {
    expect([parseQuantity('abc'), parseQuantity('1.2.3'), parseQuantity('')]).toEqual([
      undefined,
      undefined,
      undefined,
    ])
  })
})
