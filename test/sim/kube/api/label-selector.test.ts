import { describe, expect, it } from 'vitest'
import {
  formatLabelSelector,
  labelSelectorMatches,
  matches,
  parseSelector,
} from '../../../../src/sim/kube/api/label-selector'

const parse = (s: string): string => {
  const r = parseSelector(s)
  return r.ok
    ? JSON.stringify(r.value.requirements.map((x) => [x.key, x.operator, ...x.values]))
    : `ERROR ${r.error}`
}

describe('parseSelector', () => {
  it('parses every operator and sorts requirements by key', () => {
    expect(parse('tier!=db, app = web,env in (qa,prod),!canary,track,x notin (a),n>3')).toBe(
      '[["app","=","web"],["canary","!"],["env","in","prod","qa"],["n","gt","3"],["tier","!=","db"],["track","exists"],["x","notin","a"]]',
    )
  })

  it('reports apimachinery’s parse errors', () => {
    expect(parse('a b')).toBe(
      "ERROR unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt",
    )
    expect(parse('a=b,')).toBe("ERROR found '', expected: identifier after ','")
    expect(parse('a=b c')).toBe("ERROR found 'c', expected: ',' or 'end of string'")
    expect(parse('env in (a')).toBe(
      "ERROR unable to parse requirement: found '', expected: ',' or ')'",
    )
    expect(parse('=x')).toBe("ERROR found '=', expected: !, identifier, or 'end of string'")
    expect(parse('-x')).toBe(
      "ERROR unable to parse requirement: <nil>: Invalid value: \"-x\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    )
    expect(parse('a=-b')).toBe(
      "ERROR unable to parse requirement: values[0][a]: Invalid value: \"-b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    )
  })

  it('matches labels as the API server does', () => {
    const s = parseSelector('app=web,tier notin (db)')
    expect(s.ok && matches(s.value, { app: 'web' })).toBe(true)
    expect(s.ok && matches(s.value, { app: 'web', tier: 'db' })).toBe(false)
  })
})

describe('LabelSelector objects', () => {
  it('matches matchLabels and matchExpressions; a missing selector selects nothing', () => {
    const selector = {
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe', 'be'] }],
    }
    expect(labelSelectorMatches(selector, { app: 'web', tier: 'fe' })).toBe(true)
    expect(labelSelectorMatches(selector, { app: 'web' })).toBe(false)
    expect(labelSelectorMatches({}, { any: 'thing' })).toBe(true)
    expect(labelSelectorMatches(undefined, { any: 'thing' })).toBe(false)
    expect(formatLabelSelector(selector)).toBe('app=web,tier in (fe,be)')
  })
})
