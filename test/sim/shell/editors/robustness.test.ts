import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runNano } from '../../../../src/sim/shell/editors/nano'
import { runVi } from '../../../../src/sim/shell/editors/vi'
import { ctrl, FakeFiles, FakeTty, KEYS, settle } from './harness'

/** Keys a student might hit, escape sequences included; Ctrl-X and :q! excluded so runs go on. */
const NANO_KEYS = [
  ...'ab é中\t',
  ...Object.values(KEYS),
  ...'kuwcgo_r\\'.split('').map(ctrl),
  '\x1bw',
  'y',
  'n',
  ctrl('c'),
]

const VI_KEYS = [
  ...'abxXdDyYpPuJrwbeWBE0$^GgjklhioOaAIsS~nN/?:123 \t'.split(''),
  ...Object.values(KEYS),
  ctrl('r'),
  ctrl('g'),
  ctrl('c'),
  ctrl('f'),
  ctrl('b'),
  'é',
  '中',
]

const sizes = fc.record({
  cols: fc.integer({ min: 1, max: 90 }),
  rows: fc.integer({ min: 1, max: 30 }),
})
const text = fc.array(fc.constantFrom('one', 'two three', '', '\tx', 'éé中', 'y'.repeat(95)), {
  maxLength: 40,
})

async function runKeys(
  editor: typeof runNano,
  size: { cols: number; rows: number },
  lines: string[],
  keys: string[],
): Promise<FakeTty> {
  const tty = new FakeTty(size.cols, size.rows)
  const files = new FakeFiles({ '/home/student/f.txt': lines.join('\n') })
  let failure: unknown = null
  editor(tty, files, '/home/student/f.txt', 'f.txt').catch((error: unknown) => {
    failure = error
  })
  await settle()
  for (const key of keys) await tty.type(key)
  expect(failure).toBeNull()
  expect(tty.term.unknown).toEqual([])
  if (tty.term.onAlternateScreen && tty.term.cursorVisible) {
    expect(tty.term.row).toBeLessThan(size.rows)
    expect(tty.term.col).toBeLessThan(size.cols)
  }
  return tty
}

describe('editors under random typing', () => {
  it('nano never fails and keeps the cursor on the screen', async () => {
    await fc.assert(
      fc.asyncProperty(
        sizes,
        text,
        fc.array(fc.constantFrom(...NANO_KEYS), { maxLength: 60 }),
        (s, l, k) => runKeys(runNano, s, l, k).then(() => undefined),
      ),
      { numRuns: 60 },
    )
  })

  it('vi never fails and keeps the cursor on the screen', async () => {
    await fc.assert(
      fc.asyncProperty(
        sizes,
        text,
        fc.array(fc.constantFrom(...VI_KEYS), { maxLength: 60 }),
        (s, l, k) => runKeys(runVi, s, l, k).then(() => undefined),
      ),
      { numRuns: 60 },
    )
  })
})
