import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { LineEditor } from '../../../../src/sim/shell/terminal/line-editor'
import { LineView } from '../../../../src/sim/shell/terminal/line-view'
import type { Prompt } from '../../../../src/sim/shell/terminal/prompt'
import { newXterm, screenLines, writeAll } from './xterm-screen'

const prompt: Prompt = { ansi: '\x1b[01;32m$\x1b[00m ', plain: '$ ' }

async function cursorOf(xterm: ReturnType<typeof newXterm>): Promise<[number, number]> {
  await writeAll(xterm, '')
  return [xterm.buffer.active.cursorY, xterm.buffer.active.cursorX]
}

/** The column ASCII `output` leaves the cursor on: `cols` when it filled the last row exactly. */
function columnAfter(output: string, cols: number): number {
  if (output === '') return 0
  return output.length % cols === 0 ? cols : output.length % cols
}

/** Draws the final state once, from scratch, on a fresh terminal: what the screen must show. */
async function drawnFresh(
  cols: number,
  shownPrompt: Prompt,
  text: string,
  cursor: number,
  origin: string,
): Promise<{ lines: string[]; cursor: [number, number] }> {
  const xterm = newXterm(cols, 40)
  const view = new LineView(cols)
  await writeAll(xterm, origin + view.draw(shownPrompt, text, cursor, columnAfter(origin, cols)))
  return { lines: screenLines(xterm), cursor: await cursorOf(xterm) }
}

describe('LineView', () => {
  test('a line longer than the terminal wraps, and the cursor lands after the last character', async () => {
    const xterm = newXterm(10, 5)
    const view = new LineView(10)
    await writeAll(xterm, view.draw(prompt, 'abcdefghijklmnop', 16, 0))
    expect(screenLines(xterm)).toEqual(['$ abcdefgh', 'ijklmnop'])
    expect(await cursorOf(xterm)).toEqual([1, 8])
  })

  test('text that exactly fills a row puts the cursor at the start of the next row', async () => {
    const xterm = newXterm(10, 5)
    const view = new LineView(10)
    await writeAll(xterm, view.draw(prompt, 'abcdefgh', 8, 0))
    expect(screenLines(xterm)).toEqual(['$ abcdefgh'])
    expect(await cursorOf(xterm)).toEqual([1, 0])
    await writeAll(xterm, view.update(prompt, 'abcdefghi', 9))
    expect(screenLines(xterm)).toEqual(['$ abcdefgh', 'i'])
    expect(await cursorOf(xterm)).toEqual([1, 1])
  })

  test('a wide character that does not fit at the end of a row moves to the next one', async () => {
    const xterm = newXterm(10, 5)
    const view = new LineView(10)
    await writeAll(xterm, view.draw(prompt, 'abcdefg中文', 7, 0))
    expect(screenLines(xterm)).toEqual(['$ abcdefg', '中文'])
    // The cursor shows where the character it is on was drawn.
    expect(await cursorOf(xterm)).toEqual([1, 0])
    await writeAll(xterm, view.update(prompt, 'abcdefg中文', 8))
    expect(await cursorOf(xterm)).toEqual([1, 2])
  })

  test('deleting at the start of a wrapped line redraws the rows below and clears the last one', async () => {
    const xterm = newXterm(10, 5)
    const view = new LineView(10)
    await writeAll(xterm, view.draw(prompt, 'abcdefghijklmnopqr', 0, 0))
    await writeAll(xterm, view.update(prompt, 'bcdefghijklmnopqr', 0))
    expect(screenLines(xterm)).toEqual(['$ bcdefghi', 'jklmnopqr'])
    await writeAll(xterm, view.update(prompt, 'cdefghijklmnopqr', 0))
    expect(screenLines(xterm)).toEqual(['$ cdefghij', 'klmnopqr'])
    expect(await cursorOf(xterm)).toEqual([0, 2])
  })

  test('control characters show as ^X and tabs as spaces to the next stop', async () => {
    const xterm = newXterm(20, 5)
    const view = new LineView(20)
    await writeAll(xterm, view.draw(prompt, 'a\x01b\tc\x7f', 6, 0))
    expect(screenLines(xterm)).toEqual(['$ a^Ab  c^?'])
    expect(await cursorOf(xterm)).toEqual([0, 11])
  })

  test('a line from history with newlines shows on several rows', async () => {
    const xterm = newXterm(20, 5)
    const view = new LineView(20)
    await writeAll(xterm, view.draw(prompt, 'for i in 1\ndo echo\ndone', 23, 0))
    expect(screenLines(xterm)).toEqual(['$ for i in 1', 'do echo', 'done'])
    expect(await cursorOf(xterm)).toEqual([2, 4])
  })

  test('the prompt can start after output that did not end with a newline', async () => {
    const xterm = newXterm(10, 5)
    const view = new LineView(10)
    await writeAll(xterm, `xyz${view.draw(prompt, 'abcdefgh', 8, 3)}`)
    expect(screenLines(xterm)).toEqual(['xyz$ abcde', 'fgh'])
    await writeAll(xterm, view.update(prompt, 'abcdefg', 3))
    expect(screenLines(xterm)).toEqual(['xyz$ abcde', 'fg'])
    expect(await cursorOf(xterm)).toEqual([0, 8])
  })

  const prompts: Prompt[] = [
    prompt,
    { ansi: "(reverse-i-search)`': ", plain: "(reverse-i-search)`': " },
    { ansi: '\x1b[01;34m~/文書\x1b[00m$ ', plain: '~/文書$ ' },
  ]

  type Op =
    | { kind: 'prompt'; index: number }
    | { kind: 'insert'; text: string }
    | {
        kind: 'key'
        name:
          | 'left'
          | 'right'
          | 'home'
          | 'end'
          | 'backspace'
          | 'delete'
          | 'ctrl+w'
          | 'ctrl+k'
          | 'ctrl+u'
          | 'ctrl+y'
          | 'ctrl+t'
      }

  const piece = fc.constantFrom(
    'a',
    'bc',
    ' ',
    'é',
    'e\u0301',
    '中',
    '😀',
    '字字',
    'xyz ',
    '\t',
    '\x01',
    'ab\u0301c',
  )
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc
      .integer({ min: 0, max: prompts.length - 1 })
      .map((index) => ({ kind: 'prompt' as const, index })),
    piece.map((text) => ({ kind: 'insert' as const, text })),
    fc
      .constantFrom(
        'left',
        'right',
        'home',
        'end',
        'backspace',
        'delete',
        'ctrl+w',
        'ctrl+k',
        'ctrl+u',
        'ctrl+y',
        'ctrl+t',
      )
      .map((name) => ({ kind: 'key' as const, name })),
  )

  test('editing one key at a time leaves the same screen as drawing the result afresh', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 5, max: 13 }),
        fc.constantFrom('', 'x', 'output'),
        fc.array(op, { minLength: 1, maxLength: 40 }),
        async (cols, origin, ops) => {
          const xterm = newXterm(cols, 40)
          const view = new LineView(cols)
          const editor = new LineEditor()
          let current = prompt
          let out = origin + view.draw(current, '', 0, columnAfter(origin, cols))
          for (const o of ops) {
            if (o.kind === 'prompt') current = prompts[o.index] ?? prompt
            else if (o.kind === 'insert') editor.insert(o.text)
            else editor.handle(o.name)
            out += view.update(current, editor.text, editor.cursor)
          }
          await writeAll(xterm, out)
          const expected = await drawnFresh(cols, current, editor.text, editor.cursor, origin)
          expect(screenLines(xterm)).toEqual(expected.lines)
          expect(await cursorOf(xterm)).toEqual(expected.cursor)
        },
      ),
      { numRuns: Number(process.env.QUAI_PROPERTY_RUNS ?? 300) },
    )
  })
})
