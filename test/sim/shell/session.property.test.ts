import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Session } from '../../../src/sim/shell/session'

// Fragments a student (or a cat on the keyboard) might produce: shell syntax in odd orders.
const fragment = fc.constantFrom(
  'echo',
  'ls',
  'cd',
  'cat',
  '"',
  "'",
  '$(',
  ')',
  '${',
  '}',
  '`',
  '|',
  '||',
  '&&',
  ';',
  '&',
  '>',
  '>>',
  '<',
  '2>&1',
  '<<EOF',
  'EOF',
  '\n',
  '\\',
  '$((',
  '))',
  '1/0',
  'if',
  'then',
  'fi',
  'for',
  'do',
  'done',
  'while',
  'case',
  'esac',
  '(',
  '{',
  '*',
  '?',
  '[',
  ']',
  '~',
  '#',
  'é',
  '\u0000',
  '\u001b',
  '\u00ff',
  'x=1',
  '$x',
  '$?',
  'exit',
  'f()',
  'a b',
  ' ',
)
const line = fc.oneof(
  fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(' ')),
  fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 40 }),
)

describe('Session.run on arbitrary input', () => {
  it('never throws, always returns a status, and the session keeps working', async () => {
    const session = await Session.create()
    await fc.assert(
      fc.asyncProperty(line, async (input) => {
        const r = await session.run(input)
        expect(Number.isInteger(r.exitCode)).toBe(true)
        expect(r.exitCode).toBeGreaterThanOrEqual(0)
        expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/) // no stack traces
        const probe = await session.run('echo ok', { history: false })
        expect(probe.stdout).toBe('ok\n')
      }),
      { numRuns: 300, seed: 20261125 },
    )
  })
})
