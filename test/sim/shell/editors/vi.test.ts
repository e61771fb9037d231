import { describe, expect, it } from 'vitest'
import { runVi } from '../../../../src/sim/shell/editors/vi'
import { ctrl, FakeFiles, FakeTty, KEYS, settle, track } from './harness'

const HOME = '/home/student'

async function openVi(
  files: FakeFiles,
  name: string | undefined,
  size: { cols: number; rows: number } = { cols: 80, rows: 24 },
  now?: () => number,
) {
  const tty = new FakeTty(size.cols, size.rows)
  const path = name === undefined ? undefined : name.startsWith('/') ? name : `${HOME}/${name}`
  const options = now === undefined ? { cwd: HOME } : { cwd: HOME, now }
  const run = track(runVi(tty, files, path, name ?? '', options))
  await settle()
  return { tty, run }
}

/** vim's last line on 80 columns: a message on the left, the ruler from column 62. */
function lastLine(message: string, position: string, where = 'All'): string {
  const fill = 18 - (position.length + where.length + 1)
  return message.padEnd(62) + position + ' '.repeat(fill) + where
}

const tildes = (n: number): string[] => Array<string>(n).fill('~')

describe('vi: opening', () => {
  it('shows the file, ~ past its end, and "name" NL, NB with the ruler', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'hello world\nsecond line\n' })
    const { tty } = await openVi(files, 'notes.txt')
    expect(tty.lines()).toEqual([
      'hello world',
      'second line',
      ...tildes(21),
      lastLine('"notes.txt" 2L, 24B', '1,1'),
    ])
    expect(tty.term.styleAt(2, 0)).toBe('94')
    expect([tty.term.row, tty.term.col]).toEqual([0, 0])
    expect(tty.term.onAlternateScreen).toBe(true)
  })

  it('announces a new file', async () => {
    const { tty } = await openVi(new FakeFiles(), 'new.txt')
    expect(tty.lines()).toEqual(['', ...tildes(22), lastLine('"new.txt" [New]', '0,0-1')])
  })

  it('announces a new file in a directory that does not exist', async () => {
    const { tty } = await openVi(new FakeFiles(), 'nope/x.txt')
    expect(tty.line(23)).toBe(lastLine('"nope/x.txt" [New DIRECTORY]', '0,0-1'))
  })

  it('flags a file without a final newline', async () => {
    const files = new FakeFiles({ [`${HOME}/x.txt`]: 'a\nb' })
    const { tty } = await openVi(files, 'x.txt')
    expect(tty.line(23)).toBe(lastLine('"x.txt" [noeol] 2L, 3B', '1,1'))
  })

  it('opens without a file name', async () => {
    const { tty } = await openVi(new FakeFiles(), undefined)
    expect(tty.line(23)).toBe(lastLine('', '0,0-1'))
  })
})

describe('vi: inserting and writing', () => {
  it('inserts text with i, leaves insert mode with Esc, and writes and quits with :wq', async () => {
    const files = new FakeFiles()
    const { tty, run } = await openVi(files, 'new.txt')
    await tty.type('i', 'hello')
    expect(tty.line(0)).toBe('hello')
    expect(tty.line(23)).toBe(lastLine('-- INSERT --', '1,6'))
    expect(tty.term.styleAt(23, 0)).toBe('1')
    await tty.type(KEYS.escape)
    expect(tty.line(23)).toBe(lastLine('', '1,5'))
    await tty.type(':wq')
    expect(tty.line(23)).toBe(':wq')
    expect([tty.term.row, tty.term.col]).toEqual([23, 3])
    await tty.type(KEYS.enter)
    expect(files.files.get(`${HOME}/new.txt`)).toBe('hello\n')
    expect(run.code).toBe(0)
    expect(tty.term.onAlternateScreen).toBe(false)
    expect(tty.listening).toBe(false)
  })

  it('reports what :w wrote', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'hello world\nsecond line\n' })
    const { tty, run } = await openVi(files, 'notes.txt')
    await tty.type('A', '!', KEYS.escape, ':w', KEYS.enter)
    expect(files.files.get(`${HOME}/notes.txt`)).toBe('hello world!\nsecond line\n')
    expect(tty.line(23)).toBe(lastLine('"notes.txt" 2L, 25B written', '1,12'))
    await tty.type(':q', KEYS.enter)
    expect(run.code).toBe(0)
  })

  it('writes a new file with [New] and a final newline', async () => {
    const files = new FakeFiles()
    const { tty } = await openVi(files, 'new.txt')
    await tty.type('i', 'a', KEYS.enter, 'b', KEYS.escape, ':w', KEYS.enter)
    expect(files.files.get(`${HOME}/new.txt`)).toBe('a\nb\n')
    expect(tty.line(23)).toBe(lastLine('"new.txt" [New] 2L, 4B written', '2,1'))
  })

  it('accepts insert, Esc and a command in one burst of input', async () => {
    const files = new FakeFiles()
    const { tty, run } = await openVi(files, 'fast.txt')
    await tty.type('ihello\x1b:wq\r')
    expect(files.files.get(`${HOME}/fast.txt`)).toBe('hello\n')
    expect(run.code).toBe(0)
  })

  it('types accents and wide characters', async () => {
    const files = new FakeFiles()
    const { tty } = await openVi(files, 'fr.txt')
    await tty.type('i', 'Été 中文', KEYS.escape)
    expect(tty.line(0)).toBe('Été 中文')
    // On 文: byte 10, screen column 7.
    expect(tty.line(23)).toBe(lastLine('', '1,10-7'))
    expect(tty.term.col).toBe(6)
    await tty.type(':x', KEYS.enter)
    expect(files.files.get(`${HOME}/fr.txt`)).toBe('Été 中文\n')
  })

  it('opens lines with o and O, and appends with a and A', async () => {
    const files = new FakeFiles({ [`${HOME}/t.txt`]: 'middle\n' })
    const { tty } = await openVi(files, 't.txt')
    await tty.type('o', 'after', KEYS.escape, 'k', 'O', 'before', KEYS.escape)
    await tty.type('j', 'A', '!', KEYS.escape, '0', 'a', '-', KEYS.escape, 'I', '>', KEYS.escape)
    expect(tty.lines().slice(0, 3)).toEqual(['before', '>m-iddle!', 'after'])
    await tty.type(':wq', KEYS.enter)
    expect(files.files.get(`${HOME}/t.txt`)).toBe('before\n>m-iddle!\nafter\n')
  })

  it('edits in insert mode with Backspace across lines, Delete and arrows', async () => {
    const files = new FakeFiles({ [`${HOME}/t.txt`]: 'ab\ncd\n' })
    const { tty } = await openVi(files, 't.txt')
    await tty.type('j', 'i', KEYS.backspace, KEYS.delete, KEYS.right, 'X', KEYS.escape)
    expect(tty.lines().slice(0, 2)).toEqual(['abdX', '~'])
  })

  it('refuses :q with unsaved changes, and :q! quits without writing', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'keep\n' })
    const { tty, run } = await openVi(files, 'notes.txt')
    await tty.type('x', ':q', KEYS.enter)
    expect(tty.line(23)).toBe(
      lastLine('E37: No write since last change (add ! to override)', '1,1'),
    )
    expect(tty.term.styleAt(23, 0)).toBe('97;41')
    expect(run.code).toBeUndefined()
    await tty.type(':q!', KEYS.enter)
    expect(run.code).toBe(0)
    expect(files.files.get(`${HOME}/notes.txt`)).toBe('keep\n')
    expect(files.writes).toEqual([])
  })

  it('quits without complaint once the changes are undone', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'keep\n' })
    const { tty, run } = await openVi(files, 'notes.txt')
    await tty.type('x', 'u', ':q', KEYS.enter)
    expect(run.code).toBe(0)
  })

  it('saves and quits with ZZ', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'a\n' })
    const { tty, run } = await openVi(files, 'notes.txt')
    await tty.type('x', 'i', 'b', KEYS.escape, 'ZZ')
    expect(files.files.get(`${HOME}/notes.txt`)).toBe('b\n')
    expect(run.code).toBe(0)
  })

  it('writes under another name with :w NAME, refusing an existing file without !', async () => {
    const files = new FakeFiles({ [`${HOME}/a.txt`]: 'A\n', [`${HOME}/b.txt`]: 'B\n' })
    const { tty } = await openVi(files, 'a.txt')
    await tty.type('x', ':w copy.txt', KEYS.enter)
    expect(files.files.get(`${HOME}/copy.txt`)).toBe('\n')
    expect(tty.line(23)).toBe(lastLine('"copy.txt" [New] 1L, 1B written', '1,0-1'))
    await tty.type(':w b.txt', KEYS.enter)
    expect(tty.line(23)).toBe(lastLine('E13: File exists (add ! to override)', '1,0-1'))
    await tty.type(':w! b.txt', KEYS.enter)
    expect(files.files.get(`${HOME}/b.txt`)).toBe('\n')
    // Writing a copy leaves the buffer's own file unsaved.
    await tty.type(':q', KEYS.enter)
    expect(tty.line(23)).toBe(
      lastLine('E37: No write since last change (add ! to override)', '1,0-1'),
    )
  })

  it('needs a name to write a nameless buffer, then keeps it', async () => {
    const files = new FakeFiles()
    const { tty, run } = await openVi(files, undefined)
    await tty.type('i', 'x', KEYS.escape, ':w', KEYS.enter)
    expect(tty.line(23)).toBe(lastLine('E32: No file name', '1,1'))
    await tty.type(':w named.txt', KEYS.enter)
    expect(files.files.get(`${HOME}/named.txt`)).toBe('x\n')
    await tty.type(':q', KEYS.enter)
    expect(run.code).toBe(0)
  })

  it('reports a full disk', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'a\n' })
    files.failing.set(`${HOME}/notes.txt`, 'ENOSPC')
    const { tty } = await openVi(files, 'notes.txt')
    await tty.type(':w', KEYS.enter)
    expect(tty.line(23)).toBe(lastLine('"notes.txt" E514: Write error (file system full?)', '1,1'))
  })

  it('reports a directory that does not exist when writing', async () => {
    const { tty } = await openVi(new FakeFiles(), 'nope/x.txt')
    await tty.type('ix', KEYS.escape, ':w', KEYS.enter)
    expect(tty.line(23)).toBe(lastLine(`"nope/x.txt" E212: Can't open file for writing`, '1,1'))
  })

  it('rejects unknown commands with E492', async () => {
    const { tty } = await openVi(new FakeFiles({ [`${HOME}/a.txt`]: 'a\n' }), 'a.txt')
    await tty.type(':foo', KEYS.enter)
    expect(tty.line(23)).toBe(lastLine('E492: Not an editor command: foo', '1,1'))
    await tty.type(':set nosuch', KEYS.enter)
    expect(tty.line(23)).toBe(lastLine('E518: Unknown option: nosuch', '1,1'))
  })

  it('abandons a command line with Esc', async () => {
    const { tty, run } = await openVi(new FakeFiles({ [`${HOME}/a.txt`]: 'a\n' }), 'a.txt')
    await tty.type(':q', KEYS.escape)
    expect(tty.line(23)).toBe(lastLine('', '1,1'))
    expect(run.code).toBeUndefined()
  })
})

describe('vi: normal mode', () => {
  it('deletes lines with dd, characters with x, opens with o and undoes each change with u', async () => {
    const files = new FakeFiles({ [`${HOME}/n.txt`]: 'one\ntwo\nthree\n' })
    const { tty } = await openVi(files, 'n.txt')
    await tty.type('dd')
    expect(tty.lines().slice(0, 3)).toEqual(['two', 'three', '~'])
    await tty.type('x')
    expect(tty.line(0)).toBe('wo')
    await tty.type('o', 'new', KEYS.escape)
    expect(tty.lines().slice(0, 3)).toEqual(['wo', 'new', 'three'])
    await tty.type('u')
    expect(tty.lines().slice(0, 3)).toEqual(['wo', 'three', '~'])
    expect(tty.line(23)).toBe(lastLine('1 line less; before #3  0 seconds ago', '1,1'))
    await tty.type('u')
    expect(tty.line(0)).toBe('two')
    expect(tty.line(23)).toBe(lastLine('1 change; before #2  0 seconds ago', '1,1'))
    await tty.type('u')
    expect(tty.lines().slice(0, 3)).toEqual(['one', 'two', 'three'])
    expect(tty.line(23)).toBe(lastLine('1 more line; before #1  0 seconds ago', '1,1'))
    await tty.type('u')
    expect(tty.line(23)).toBe(lastLine('Already at oldest change', '1,1'))
    await tty.type(ctrl('r'))
    expect(tty.lines().slice(0, 2)).toEqual(['two', 'three'])
    expect(tty.line(23)).toBe(lastLine('1 line less; after #1  0 seconds ago', '1,1'))
  })

  it('says how long ago an undone change was made', async () => {
    let now = 1_000_000
    const files = new FakeFiles({ [`${HOME}/n.txt`]: 'abc\n' })
    const { tty } = await openVi(files, 'n.txt', undefined, () => now)
    await tty.type('x')
    now += 5000
    await tty.type('u')
    expect(tty.line(23)).toBe(lastLine('1 change; before #1  5 seconds ago', '1,1'))
  })

  it('yanks and puts lines, and reports counts above two lines', async () => {
    const files = new FakeFiles({ [`${HOME}/y.txt`]: 'a\nb\nc\nd\n' })
    const { tty } = await openVi(files, 'y.txt')
    await tty.type('yy', 'p')
    expect(tty.lines().slice(0, 5)).toEqual(['a', 'a', 'b', 'c', 'd'])
    await tty.type('3yy')
    expect(tty.line(23)).toBe(lastLine('3 lines yanked', '2,1'))
    await tty.type('G', 'p')
    expect(tty.lines().slice(0, 8)).toEqual(['a', 'a', 'b', 'c', 'd', 'a', 'b', 'c'])
    expect(tty.line(23)).toBe(lastLine('3 more lines', '6,1'))
    await tty.type('gg', '3dd')
    expect(tty.lines().slice(0, 5)).toEqual(['c', 'd', 'a', 'b', 'c'])
    expect(tty.line(23)).toBe(lastLine('3 fewer lines', '1,1'))
    await tty.type('P')
    expect(tty.lines().slice(0, 4)).toEqual(['a', 'a', 'b', 'c'])
  })

  it('empties the buffer when every line is deleted', async () => {
    const files = new FakeFiles({ [`${HOME}/e.txt`]: 'a\nb\n' })
    const { tty } = await openVi(files, 'e.txt')
    await tty.type('5dd')
    expect(tty.line(23)).toBe(lastLine('--No lines in buffer--', '0,0-1'))
    await tty.type(':w', KEYS.enter)
    expect(files.files.get(`${HOME}/e.txt`)).toBe('')
    expect(tty.line(23)).toBe(lastLine('"e.txt" 0L, 0B written', '0,0-1'))
  })

  it('moves by words with w, b and e, and changes and deletes words with cw and dw', async () => {
    const files = new FakeFiles({ [`${HOME}/w.txt`]: 'foo bar.baz qux\nnext\n' })
    const { tty } = await openVi(files, 'w.txt')
    const column = async (keys: string): Promise<number> => {
      await tty.type(keys)
      return tty.term.col
    }
    expect(await column('w')).toBe(4)
    expect(await column('w')).toBe(7)
    expect(await column('w')).toBe(8)
    expect(await column('e')).toBe(10)
    expect(await column('b')).toBe(8)
    await tty.type('cw', 'X', KEYS.escape)
    expect(tty.line(0)).toBe('foo bar.X qux')
    await tty.type('dw')
    expect(tty.line(0)).toBe('foo bar.qux')
    await tty.type('$', 'w')
    expect([tty.term.row, tty.term.col]).toEqual([1, 0])
    await tty.type('k', 'w', 'w', 'D')
    expect(tty.line(0)).toBe('foo bar')
  })

  it('moves with h j k l, arrows, 0, $ and G, keeping the column on j and k', async () => {
    const files = new FakeFiles({ [`${HOME}/m.txt`]: 'abcdef\nab\nabcdef\n' })
    const { tty } = await openVi(files, 'm.txt')
    await tty.type('$')
    expect(tty.term.col).toBe(5)
    await tty.type('j')
    expect([tty.term.row, tty.term.col]).toEqual([1, 1])
    await tty.type(KEYS.down)
    expect([tty.term.row, tty.term.col]).toEqual([2, 5])
    await tty.type('0', 'l', 'l', 'h')
    expect(tty.term.col).toBe(1)
    await tty.type('gg', 'G')
    expect([tty.term.row, tty.term.col]).toEqual([2, 0])
    await tty.type('2G')
    expect(tty.term.row).toBe(1)
  })

  it('takes counts for x, dd and motions', async () => {
    const files = new FakeFiles({ [`${HOME}/c.txt`]: 'abcdef\n1\n2\n3\n4\n' })
    const { tty } = await openVi(files, 'c.txt')
    await tty.type('3x')
    expect(tty.line(0)).toBe('def')
    await tty.type('j', '2dd')
    expect(tty.lines().slice(0, 4)).toEqual(['def', '3', '4', '~'])
    await tty.type('5j')
    expect(tty.line(23)).toBe(lastLine('"c.txt" 5L, 15B', '3,1'))
  })

  it('shows a pending command in the showcmd area', async () => {
    const files = new FakeFiles({ [`${HOME}/c.txt`]: 'abc\n' })
    const { tty } = await openVi(files, 'c.txt')
    await tty.type('2d')
    expect(tty.line(23)).toBe(lastLine('"c.txt" 1L, 4B'.padEnd(52) + '2d', '1,1'))
    await tty.type(KEYS.escape)
    expect(tty.line(23)).toBe(lastLine('"c.txt" 1L, 4B', '1,1'))
  })

  it('joins lines with J, replaces with r and toggles case with ~', async () => {
    const files = new FakeFiles({ [`${HOME}/j.txt`]: 'one\n   two\nthree\n' })
    const { tty } = await openVi(files, 'j.txt')
    await tty.type('J')
    expect(tty.line(0)).toBe('one two')
    expect(tty.term.col).toBe(3)
    await tty.type('0', 'rO', 'l', '~~')
    expect(tty.line(0)).toBe('ONE two')
  })

  it('explains how to quit when ^C is pressed', async () => {
    const files = new FakeFiles({ [`${HOME}/c.txt`]: 'abc\n' })
    const { tty } = await openVi(files, 'c.txt')
    await tty.type(ctrl('c'))
    expect(tty.line(23)).toBe(lastLine('Type  :qa  and press <Enter> to exit Vim', '1,1'))
    await tty.type('x', ctrl('c'))
    expect(tty.line(23)).toBe('Type  :qa!  and press <Enter> to abandon all changes and exit Vim')
  })

  it('shows file information with ^G', async () => {
    const files = new FakeFiles({ [`${HOME}/g.txt`]: 'a\nb\nc\n' })
    const { tty } = await openVi(files, 'g.txt')
    await tty.type('j', 'x', ctrl('g'))
    expect(tty.line(23)).toBe(lastLine('"g.txt" [Modified] 3 lines --66%--', '2,0-1'))
  })
})

describe('vi: searching and substituting', () => {
  const text = 'alpha\nbeta\nalphabet\ngamma\n'

  it('searches forward with / and repeats with n, wrapping at the bottom', async () => {
    const files = new FakeFiles({ [`${HOME}/s.txt`]: text })
    const { tty } = await openVi(files, 's.txt')
    await tty.type('/alpha')
    expect(tty.line(23)).toBe('/alpha')
    await tty.type(KEYS.enter)
    expect([tty.term.row, tty.term.col]).toEqual([2, 0])
    expect(tty.line(23)).toBe(lastLine('/alpha', '3,1'))
    await tty.type('n')
    expect([tty.term.row, tty.term.col]).toEqual([0, 0])
    expect(tty.line(23)).toBe(lastLine('search hit BOTTOM, continuing at TOP', '1,1'))
    expect(tty.term.styleAt(23, 0)).toBe('31')
    await tty.type('N')
    expect(tty.term.row).toBe(2)
  })

  it('searches backward with ?', async () => {
    const files = new FakeFiles({ [`${HOME}/s.txt`]: text })
    const { tty } = await openVi(files, 's.txt')
    await tty.type('G', '?ta', KEYS.enter)
    expect([tty.term.row, tty.term.col]).toEqual([1, 2])
  })

  it('reports a pattern that is not found', async () => {
    const files = new FakeFiles({ [`${HOME}/s.txt`]: text })
    const { tty } = await openVi(files, 's.txt')
    await tty.type('/zeta', KEYS.enter)
    expect(tty.line(23)).toBe(lastLine('E486: Pattern not found: zeta', '1,1'))
    await tty.type('/\\<bet', KEYS.enter)
    expect([tty.term.row, tty.term.col]).toEqual([1, 0])
  })

  it('substitutes with :s and :%s', async () => {
    const files = new FakeFiles({ [`${HOME}/s.txt`]: text })
    const { tty } = await openVi(files, 's.txt')
    await tty.type(':s/a/A/', KEYS.enter)
    expect(tty.line(0)).toBe('Alpha')
    expect(tty.line(23)).toBe(lastLine(':s/a/A/', '1,1'))
    await tty.type(':%s/a/4/g', KEYS.enter)
    expect(tty.lines().slice(0, 4)).toEqual(['Alph4', 'bet4', '4lph4bet', 'g4mm4'])
    expect(tty.line(23)).toBe(lastLine('6 substitutions on 4 lines', '4,1'))
    await tty.type(':%s/x/y/', KEYS.enter)
    expect(tty.line(23)).toBe(lastLine('E486: Pattern not found: x', '4,1'))
    await tty.type('u')
    expect(tty.line(0)).toBe('Alpha')
  })
})

describe('vi: the screen', () => {
  it('numbers lines with :set nu', async () => {
    const files = new FakeFiles({ [`${HOME}/n.txt`]: 'one\ntwo\n' })
    const { tty } = await openVi(files, 'n.txt')
    await tty.type(':set nu', KEYS.enter)
    expect(tty.lines().slice(0, 3)).toEqual(['  1 one', '  2 two', '~'])
    expect(tty.term.styleAt(0, 2)).toBe('33')
    expect(tty.line(23)).toBe(lastLine(':set nu', '1,1'))
    expect(tty.term.col).toBe(4)
  })

  it('wraps long lines and shows @ for a line that does not fit', async () => {
    const long = 'a'.repeat(45)
    const files = new FakeFiles({ [`${HOME}/w.txt`]: `${long}\nb\n` })
    const { tty } = await openVi(files, 'w.txt', { cols: 20, rows: 6 })
    expect(tty.lines()).toEqual([
      'a'.repeat(20),
      'a'.repeat(20),
      'a'.repeat(5),
      'b',
      '~',
      '"w.txt" 2L, 48B',
    ])
    const small = await openVi(new FakeFiles({ [`${HOME}/w.txt`]: `x\n${long}\n` }), 'w.txt', {
      cols: 20,
      rows: 4,
    })
    expect(small.tty.lines().slice(0, 3)).toEqual(['x', '@', '@'])
  })

  it('scrolls with a margin of five lines, and shows the end of the file after G', async () => {
    const text = Array.from({ length: 50 }, (_, i) => `line ${i + 1}`).join('\n') + '\n'
    const files = new FakeFiles({ [`${HOME}/many.txt`]: text })
    const { tty } = await openVi(files, 'many.txt')
    await tty.type('G')
    expect(tty.line(0)).toBe('line 28')
    expect(tty.line(22)).toBe('line 50')
    expect(tty.line(23)).toBe(lastLine('"many.txt" 50L, 391B', '50,1', 'Bot'))
    await tty.type('gg', 'j'.repeat(20))
    expect(tty.line(0)).toBe('line 4')
    expect(tty.term.row).toBe(17)
    expect(tty.line(23)).toBe(lastLine('"many.txt" 50L, 391B', '21,1', '11%'))
  })

  it('redraws for the new size when the terminal is resized', async () => {
    const files = new FakeFiles({ [`${HOME}/r.txt`]: 'abc\n' })
    const { tty } = await openVi(files, 'r.txt')
    await tty.resize(50, 5)
    expect(tty.lines()).toEqual([
      'abc',
      '~',
      '~',
      '~',
      '"r.txt" 1L, 4B'.padEnd(32) + '1,1           All',
    ])
    // On a narrow screen the ruler moves right of the middle.
    await tty.resize(30, 4)
    expect(tty.line(3)).toBe('"r.txt" 1L, 4B'.padEnd(15) + '1,1        All')
  })

  it('ends with status 130 when the session aborts it', async () => {
    const { tty, run } = await openVi(new FakeFiles(), 'a.txt')
    tty.abort()
    await settle()
    expect(run.code).toBe(130)
    expect(tty.term.onAlternateScreen).toBe(false)
  })

  it('emits only the escape sequences a VT100-style terminal understands', async () => {
    const files = new FakeFiles({ [`${HOME}/a.txt`]: 'a\tb\r\n' })
    const { tty } = await openVi(files, 'a.txt')
    await tty.type('i中é', KEYS.escape, ':set nu', KEYS.enter, '/x', KEYS.enter, ':q!', KEYS.enter)
    expect(tty.term.unknown).toEqual([])
  })
})
