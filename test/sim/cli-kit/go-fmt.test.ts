import { describe, expect, it } from 'vitest'
import { marshalJSON, sprint, sprintf, sprintln } from '../../../src/sim/cli-kit/go-fmt'
import { formatFloat, parseInt, parseUint, quote } from '../../../src/sim/cli-kit/go-strconv'
import { DOCKER_FUNCS, executeTemplate } from '../../../src/sim/cli-kit/go-template'
import { fromJSON, goFloat64, GoStruct, goTyped } from '../../../src/sim/cli-kit/go-value'
import { DOCKER, oracleAvailable, runDocker } from './oracle'

// The whole batch runs through docker once, the cases separated by a marker.
const PRINTF_CASES = [
  '{{printf "%.0f %.0f %.0f %.0f" 0.5 1.5 2.5 3.5}}',
  '{{printf "%.2f %.2f %.2f %.1f %.1f" 0.125 0.375 1.005 0.25 0.35}}',
  '{{printf "%e %E %.2e %+.3e %.0e" 1234.5678 0.000123 99.999 -5.5 15.0}}',
  '{{printf "%g %g %g %g %g %g" 1e20 1e21 123456789.0 100000.0 0.0001 0.00001}}',
  '{{printf "%.3g %.10g %.1g %g %G" 1234.5678 3.14159265358979 0.05 0.30000000000000004 1e-10}}',
  '{{printf "%v %v %v" 1e6 2.0 -0.5}}',
  '{{printf "%08.3f|%-8.2f|%+.1f|% .1f|%8.3e" -3.14159 2.5 2.25 2.25 123.456}}',
  '{{printf "%d %+d % d %05d %-5d| %x %X %#x %o %O %#o %b %#b" -42 42 42 -42 42 -255 255 255 8 8 8 5 5}}',
  '{{printf "%c %c %U %#U %q %q" 65 26085 9731 9731 65 39}}',
  '{{printf "%q %+q %#q %#q %x % x %#x %X" "héllo\\x01\\t" "héllo" "back" "a`b" "hi" "hi" "hi" "hi"}}',
  '{{printf "%5t|%-6t|%v" true false true}}',
  '{{printf "%*d|%-*d|%.*f|%[2]s %[1]s" 5 42 4 7 2 3.14159 "a" "b"}}',
  '{{printf "%[3]s|%s %d|%d|%s" "a"}}',
  '{{printf "%!|%z|%" 1 2}}',
  '{{printf "%T %T %T %T %T %T" 1 1.5 "s" true . (split "a,b" ",")}}',
  '{{printf "%v|%q|%s|%d|%x" (split "a,b" ",") (split "a,b" ",") (split "a,b" ",") (split "a,b" ",") (split "a,b" ",")}}',
  '{{printf "%s|%d|%t|%x|%e" 5 "hi" 1 true "s"}}',
  '{{printf "%5s|%-5d|%05s" 5 "x" "ab"}}',
  '{{printf "%.2s|%.0s|%.10s|%3.1s" "日本語" "abc" "ab" "xyz"}}',
  '{{print 1 2 "a" 3 "b" "c" 4.5 true}}|{{print}}|{{println}}|{{println 1 "a" 2.5}}',
  '{{printf "%v %s" nil nil}}|{{printf "%d" nil}}',
]

function oracleRow(): GoStruct {
  return new GoStruct(
    '*formatter.clientContextContext',
    {},
    {
      Current: () => true,
      Name: () => 'default',
      Description: () => 'Current DOCKER_HOST based configuration',
      DockerEndpoint: () => 'unix:///var/run/docker.sock',
      Error: () => '',
    },
  )
}

describe.runIf(oracleAvailable(DOCKER, 'docker'))('fmt verbs match docker printf', () => {
  const format = PRINTF_CASES.join('@@@')
  const real = runDocker(['context', 'ls', '--format', format])
  const realLines = real.stdout.replace(/\n$/, '').split('@@@')
  PRINTF_CASES.forEach((tmpl, i) => {
    it(tmpl, () => {
      const r = executeTemplate(tmpl, oracleRow(), { funcs: DOCKER_FUNCS })
      expect(r.ok ? r.output : r.error.message).toBe(realLines[i])
    })
  })
})

describe('fmt', () => {
  it('formats maps, slices and structs with %v, %+v and %#v', () => {
    const data = fromJSON({ name: 'web', replicas: 3, tags: ['a', 'b'], owner: null })
    expect(sprintf('%v', [data])).toBe('map[name:web owner:<nil> replicas:3 tags:[a b]]')
    expect(sprintf('%#v', [data])).toBe(
      'map[string]interface {}{"name":"web", "owner":interface {}(nil), "replicas":3, "tags":[]interface {}{"a", "b"}}',
    )
    const s = new GoStruct(
      '*main.T',
      { A: 1, B: goTyped('[]string', ['x']) },
      {},
      { pointer: true },
    )
    expect(sprintf('%v|%+v|%#v', [s, s, s])).toBe(
      '&{1 [x]}|&{A:1 B:[x]}|&main.T{A:1, B:[]string{"x"}}',
    )
  })

  it('adds spaces between non-string operands in Sprint, always in Sprintln', () => {
    expect(sprint([1, 2, 'a', 'b', 3])).toBe('1 2ab3')
    expect(sprintln(['a', 'b', 1])).toBe('a b 1\n')
  })

  it('reports bad verbs, missing and extra arguments', () => {
    expect(sprintf('%d %s', ['x'])).toBe('%!d(string=x) %!s(MISSING)')
    expect(sprintf('%d', [1, 'extra', null])).toBe('1%!(EXTRA string=extra, <nil>)')
    expect(sprintf('%5s', [5])).toBe('%!s(int=    5)')
  })

  it('rounds half to even on the exact binary value, as strconv does', () => {
    expect([0.5, 1.5, 2.5].map((x) => formatFloat(x, 'f', 0))).toEqual(['0', '2', '2'])
    expect(formatFloat(1.005, 'f', 2)).toBe('1.00')
    expect(formatFloat(0.125, 'f', 2)).toBe('0.12')
    expect(formatFloat(1234567, 'g', -1)).toBe('1.234567e+06')
    expect(sprintf('%v', [goFloat64(3)])).toBe('3')
  })

  it('encodes JSON like encoding/json (sorted keys, HTML escaping optional)', () => {
    const v = fromJSON({ b: '<a&b>', a: [1, 2.5, null, true], c: {} })
    expect(marshalJSON(v)).toBe('{"a":[1,2.5,null,true],"b":"\\u003ca\\u0026b\\u003e","c":{}}')
    expect(marshalJSON(v, { escapeHTML: false })).toBe('{"a":[1,2.5,null,true],"b":"<a&b>","c":{}}')
    expect(marshalJSON(fromJSON({ a: [1] }), { indent: '  ' })).toBe('{\n  "a": [\n    1\n  ]\n}')
  })
})

describe('strconv', () => {
  it('parses integers with base prefixes and underscores, with Go errors', () => {
    expect(parseInt('0x1F')).toEqual({ ok: true, value: 31n })
    expect(parseInt('0b101')).toEqual({ ok: true, value: 5n })
    expect(parseInt('077')).toEqual({ ok: true, value: 63n })
    expect(parseInt('1_000')).toEqual({ ok: true, value: 1000n })
    expect(parseInt('-9223372036854775808')).toEqual({ ok: true, value: -9223372036854775808n })
    expect(parseInt('_1')).toEqual({
      ok: false,
      error: 'strconv.ParseInt: parsing "_1": invalid syntax',
    })
    expect(parseInt('9223372036854775808')).toEqual({
      ok: false,
      error: 'strconv.ParseInt: parsing "9223372036854775808": value out of range',
    })
    expect(parseUint('-1')).toEqual({
      ok: false,
      error: 'strconv.ParseUint: parsing "-1": invalid syntax',
    })
    expect(parseInt('300', 0, 8)).toEqual({
      ok: false,
      error: 'strconv.ParseInt: parsing "300": value out of range',
    })
  })

  it('quotes like strconv.Quote', () => {
    expect(quote('a"b\\c\n\t\x01é日\u200b')).toBe('"a\\"b\\\\c\\n\\t\\x01é日\\u200b"')
  })
})
