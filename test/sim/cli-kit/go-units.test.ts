import { describe, expect, it } from 'vitest'
import {
  bytesSize,
  fromHumanSize,
  goDurationString,
  humanDuration,
  humanSize,
  humanSizeWithPrecision,
  kubeHumanDuration,
  kubeShortHumanDuration,
  parseGoDuration,
  ramInBytes,
} from '../../../src/sim/cli-kit/go-units'

const S = 1000
const M = 60 * S
const H = 60 * M
const D = 24 * H

describe('docker/go-units sizes', () => {
  it('HumanSize: SI units, 4 significant digits', () => {
    expect(
      [0, 999, 1000, 1024, 1000000, 1048576, 2e6, 3.42e9, 5.372e12, 2.22e15, 1e21].map(humanSize),
    ).toEqual([
      '0B',
      '999B',
      '1kB',
      '1.024kB',
      '1MB',
      '1.049MB',
      '2MB',
      '3.42GB',
      '5.372TB',
      '2.22PB',
      '1ZB',
    ])
  })

  it('HumanSizeWithPrecision(…, 3), as docker images prints SIZE', () => {
    expect([7.8e6, 187e6, 1.2345e9, 77_812_345].map((n) => humanSizeWithPrecision(n, 3))).toEqual([
      '7.8MB',
      '187MB',
      '1.23GB',
      '77.8MB',
    ])
  })

  it('BytesSize: binary units', () => {
    expect([0, 1023, 1024, 1536, 1048576, 1.5 * 1024 ** 3, 1024 ** 4].map(bytesSize)).toEqual([
      '0B',
      '1023B',
      '1KiB',
      '1.5KiB',
      '1MiB',
      '1.5GiB',
      '1TiB',
    ])
  })

  it('RAMInBytes and FromHumanSize parse with go-units errors', () => {
    expect(ramInBytes('512m')).toEqual({ ok: true, value: 536870912 })
    expect(ramInBytes('1g')).toEqual({ ok: true, value: 1073741824 })
    expect(ramInBytes('32 KiB')).toEqual({ ok: true, value: 32768 })
    expect(ramInBytes('10')).toEqual({ ok: true, value: 10 })
    expect(fromHumanSize('44kB')).toEqual({ ok: true, value: 44000 })
    expect(ramInBytes('abc')).toEqual({ ok: false, error: "invalid size: 'abc'" })
    expect(ramInBytes('1x')).toEqual({ ok: false, error: "invalid suffix: 'x'" })
    expect(ramInBytes('-1')).toEqual({ ok: false, error: "invalid size: '-1'" })
    expect(ramInBytes('1.2.3')).toEqual({
      ok: false,
      error: 'strconv.ParseFloat: parsing "1.2.3": invalid syntax',
    })
  })
})

describe('docker/go-units HumanDuration', () => {
  const cases: Array<[number, string]> = [
    [0, 'Less than a second'],
    [999, 'Less than a second'],
    [S, '1 second'],
    [59 * S, '59 seconds'],
    [60 * S, 'About a minute'],
    [119 * S, 'About a minute'],
    [2 * M, '2 minutes'],
    [59 * M, '59 minutes'],
    [60 * M, 'About an hour'],
    [90 * M - 1, 'About an hour'],
    [90 * M, '2 hours'],
    [47 * H, '47 hours'],
    [48 * H, '2 days'],
    [13 * D, '13 days'],
    [14 * D, '2 weeks'],
    [59 * D, '8 weeks'],
    [60 * D, '2 months'],
    [729 * D, '24 months'],
    [730 * D, '2 years'],
    [3 * 365 * D, '3 years'],
  ]
  for (const [ms, text] of cases)
    it(`${ms} ms → ${text}`, () => expect(humanDuration(ms)).toBe(text))
})

describe('apimachinery duration (kubectl AGE)', () => {
  it('HumanDuration keeps 2-3 significant figures', () => {
    const cases: Array<[number, string]> = [
      [-2 * S, '<invalid>'],
      [-1 * S, '0s'],
      [0, '0s'],
      [59 * S, '59s'],
      [119 * S, '119s'],
      [2 * M, '2m'],
      [3 * M + 20 * S, '3m20s'],
      [9 * M + 59 * S, '9m59s'],
      [10 * M + 30 * S, '10m'],
      [179 * M, '179m'],
      [3 * H, '3h'],
      [3 * H + 20 * M, '3h20m'],
      [7 * H + 59 * M, '7h59m'],
      [8 * H + 30 * M, '8h'],
      [47 * H, '47h'],
      [48 * H, '2d'],
      [2 * D + 5 * H, '2d5h'],
      [7 * D + 23 * H, '7d23h'],
      [8 * D + 5 * H, '8d'],
      [729 * D, '729d'],
      [730 * D, '2y'],
      [731 * D, '2y1d'],
      [8 * 365 * D, '8y'],
    ]
    expect(cases.map(([ms]) => kubeHumanDuration(ms))).toEqual(cases.map(([, t]) => t))
  })

  it('ShortHumanDuration keeps one unit', () => {
    expect([5 * S, 4 * M, 3 * H, 12 * D, 800 * D].map(kubeShortHumanDuration)).toEqual([
      '5s',
      '4m',
      '3h',
      '12d',
      '2y',
    ])
  })
})

describe('Go time.Duration', () => {
  it('formats like Duration.String', () => {
    const ns = [
      0n,
      1n,
      1500n,
      1500000n,
      1000000000n,
      1500000000n,
      90000000000n,
      3600000000000n,
      -5000000000n,
    ]
    expect(ns.map(goDurationString)).toEqual([
      '0s',
      '1ns',
      '1.5µs',
      '1.5ms',
      '1s',
      '1.5s',
      '1m30s',
      '1h0m0s',
      '-5s',
    ])
  })

  it('parses like ParseDuration, errors included', () => {
    expect(parseGoDuration('1h30m')).toEqual({ ok: true, value: 5400000000000n })
    expect(parseGoDuration('1.5s')).toEqual({ ok: true, value: 1500000000n })
    expect(parseGoDuration('-300ms')).toEqual({ ok: true, value: -300000000n })
    expect(parseGoDuration('0')).toEqual({ ok: true, value: 0n })
    expect(parseGoDuration('1')).toEqual({ ok: false, error: 'time: missing unit in duration "1"' })
    expect(parseGoDuration('1x')).toEqual({
      ok: false,
      error: 'time: unknown unit "x" in duration "1x"',
    })
    expect(parseGoDuration('')).toEqual({ ok: false, error: 'time: invalid duration ""' })
  })
})
