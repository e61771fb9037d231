import { describe, expect, it } from 'vitest'
import { parseDotEnv } from '../../../../src/sim/compose/load/env-file'

const parse = (text: string, shell: Record<string, string> = {}): Record<string, string> =>
  Object.fromEntries(parseDotEnv(text, { lookup: (n) => shell[n] }))

describe('dotenv parsing', () => {
  it('reads KEY=VALUE, export, colon separators, comments and blank lines', () => {
    expect(parse('# c\nA=1\n\nexport B=2\nC: 3\n  D = 4  \n')).toEqual({
      A: '1',
      B: '2',
      C: '3',
      D: '4',
    })
  })

  it('keeps # inside unquoted values unless preceded by whitespace', () => {
    expect(parse('A=a#b\nB=a #b\nC=#x\n')).toEqual({ A: 'a#b', B: 'a', C: '#x' })
  })

  it('reads single quotes literally and expands escapes in double quotes, across lines', () => {
    expect(parse(`A='$X \\n'\nB="l1\\nl2 \\"q\\""\nC="multi\nline"\n`, { X: 'x' })).toEqual({
      A: '$X \\n',
      B: 'l1\nl2 "q"',
      C: 'multi\nline',
    })
  })

  it('interpolates from the shell first, then from keys set above', () => {
    expect(parse('A=1\nB=${A}-${S}-${N:-d}\n', { S: 's' })).toEqual({ A: '1', B: '1-s-d' })
  })

  it('takes the shell value for a bare KEY, and skips it when unset', () => {
    expect(parse('S\nU\n', { S: 'from-shell' })).toEqual({ S: 'from-shell' })
  })

  it('rejects an invalid variable name with compose-go text', () => {
    expect(() => parse('A B=1\n')).toThrow('unexpected character "B" in variable name near "B=1"')
  })
})
