import { describe, expect, test } from 'vitest'
import { goYaml, goYamlKeyLess } from '../../../../../src/sim/kube/kubectl/output/yaml'

describe('goYaml (sigs.k8s.io/yaml)', () => {
  test('quotes what would not read back as a string, single-quotes what cannot be plain', () => {
    expect(
      goYaml({
        a: 'true',
        b: '8080',
        c: '2025-01-01T00:00:00Z',
        d: 'a: b',
        e: '*x',
        f: '',
        g: 'plain text',
      }),
    ).toBe(
      'a: "true"\nb: "8080"\nc: "2025-01-01T00:00:00Z"\nd: \'a: b\'\ne: \'*x\'\nf: ""\ng: plain text\n',
    )
  })

  test('literal blocks keep or chomp the final newline', () => {
    expect(goYaml({ f: 'multi\nline\n', g: 'no trail\nx' })).toBe(
      'f: |\n  multi\n  line\ng: |-\n  no trail\n  x\n',
    )
  })

  test('sequences sit flush under their key; empty collections are inline', () => {
    expect(goYaml({ j: [{ k: 1, l: [1, 2] }], h: [], i: {}, m: null })).toBe(
      'h: []\ni: {}\nj:\n- k: 1\n  l:\n  - 1\n  - 2\nm: null\n',
    )
  })

  test('keys in go-yaml’s natural order: digits by value', () => {
    expect(goYamlKeyLess('a9', 'a10')).toBe(true)
    expect(goYamlKeyLess('app', 'app.kubernetes.io/name')).toBe(true)
  })

  test('long plain strings fold past column 80', () => {
    const text = 'word '.repeat(20) + 'end'
    expect(goYaml({ message: text })).toBe(
      'message: word word word word word word word word word word word word word word word\n  word word word word word end\n',
    )
  })
})
