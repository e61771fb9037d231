import { describe, expect, it } from 'vitest'
import { runNano } from '../../../../src/sim/shell/editors/nano'
import { ctrl, FakeFiles, FakeTty, KEYS, settle, track } from './harness'

const HOME = '/home/student'

async function openNano(
  files: FakeFiles,
  name: string | undefined,
  size: { cols: number; rows: number } = { cols: 80, rows: 24 },
) {
  const tty = new FakeTty(size.cols, size.rows)
  const path = name === undefined ? undefined : name.startsWith('/') ? name : `${HOME}/${name}`
  const run = track(runNano(tty, files, path, name ?? '', { cwd: HOME }))
  await settle()
  return { tty, run }
}

/** The title bar for a file name, as nano 7.2 lays it out on 80 columns. */
function title(name: string, modified = false): string {
  const pathlen = name.length + (modified ? 1 : 0)
  const reserved = modified ? 10 : 2 + 9
  const offset = 15 + Math.floor((80 - 15 - reserved - pathlen) / 2)
  const line = '  GNU nano 7.2'.padEnd(offset) + name
  return modified ? line.padEnd(70) + 'Modified' : line
}

function status(message: string, cols = 80): string {
  const start = Math.floor((cols - message.length) / 2)
  return ' '.repeat(start - 2) + `[ ${message} ]`
}

const MAIN_HELP = [
  '^G Help      ^O Write Out ^W Where Is  ^K Cut       ^T Execute   ^C Location',
  '^X Exit      ^R Read File ^\\ Replace   ^U Paste     ^J Justify   ^/ Go To Line',
]

const WRITE_HELP = [
  '^G Help             M-D DOS Format      M-A Append          M-B Backup File',
  '^C Cancel           M-M Mac Format      M-P Prepend         ^T Browse',
]

describe('nano: the screen', () => {
  it('shows the title bar, the text, the status and the two help lines', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'abc\nde\nfg\n' })
    const { tty } = await openNano(files, 'notes.txt')
    expect(tty.lines()).toEqual([
      title('notes.txt'),
      'abc',
      'de',
      'fg',
      ...Array<string>(17).fill(''),
      status('Read 3 lines'),
      ...MAIN_HELP,
    ])
    expect(tty.term.onAlternateScreen).toBe(true)
    expect([tty.term.row, tty.term.col]).toEqual([1, 0])
    expect(tty.term.unknown).toEqual([])
  })

  it('draws the title bar, status and shortcut keys in reverse video', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'abc\n' })
    const { tty } = await openNano(files, 'notes.txt')
    expect(tty.term.styleAt(0, 0)).toBe('7')
    expect(tty.term.styleAt(0, 79)).toBe('7')
    expect(tty.term.styledLine(21)).toBe(' '.repeat(32) + '[7][ Read 1 line ]')
    expect(tty.term.styledLine(22)).toBe(
      '[7]^G[] Help      [7]^O[] Write Out [7]^W[] Where Is  [7]^K[] Cut       ' +
        '[7]^T[] Execute   [7]^C[] Location',
    )
  })

  it('shows "Modified" once the text changes', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'abc\n' })
    const { tty } = await openNano(files, 'notes.txt')
    await tty.type('x')
    expect(tty.line(0)).toBe(title('notes.txt', true))
    expect(tty.line(1)).toBe('xabc')
  })

  it('opens a missing file as a new one', async () => {
    const { tty } = await openNano(new FakeFiles(), 'todo.txt')
    expect(tty.line(0)).toBe(title('todo.txt'))
    expect(tty.line(21)).toBe(status('New File'))
  })

  it('opens a nameless buffer when given no file', async () => {
    const { tty } = await openNano(new FakeFiles(), undefined)
    expect(tty.line(0)).toBe(title('New Buffer'))
    expect(tty.line(21)).toBe('')
  })

  it('refuses a directory and opens a new buffer instead', async () => {
    const { tty } = await openNano(new FakeFiles(), '/tmp')
    expect(tty.line(0)).toBe(title('New Buffer'))
    expect(tty.line(21)).toBe(status('"/tmp" is a directory'))
    expect(tty.term.styleAt(21, 30)).toBe('1;37;41')
  })

  it('warns when the directory of a new file does not exist', async () => {
    const { tty } = await openNano(new FakeFiles(), 'nope/list.txt')
    expect(tty.line(21)).toBe(status("Directory 'nope' does not exist"))
  })

  it('redraws for the new size when the terminal is resized', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'abc\n' })
    const { tty } = await openNano(files, 'notes.txt')
    await tty.resize(60, 12)
    expect(tty.lines()).toEqual([
      '  GNU nano 7.2             notes.txt',
      'abc',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      status('Read 1 line', 60),
      '^G Help     ^O Write Out^W Where Is ^K Cut      ^T Execute',
      '^X Exit     ^R Read File^\\ Replace  ^U Paste    ^J Justify',
    ])
  })

  it('scrolls a long cursor line sideways and marks cut-off lines with < and >', async () => {
    const long = 'x'.repeat(70) + '0123456789' + 'y'.repeat(20)
    const files = new FakeFiles({ [`${HOME}/long.txt`]: `${long}\n${long}\n` })
    const { tty } = await openNano(files, 'long.txt')
    expect(tty.line(1)).toBe('x'.repeat(70) + '012345678>')
    await tty.type(KEYS.end)
    // The cursor is at column 100; nano shows the line from column 72, with "<" in front.
    expect(tty.line(1)).toBe('<' + long.slice(73))
    expect(tty.line(2)).toBe('x'.repeat(70) + '012345678>')
    expect([tty.term.row, tty.term.col]).toEqual([1, 28])
  })

  it('scrolls down line by line and pages with PgDn and PgUp', async () => {
    const text = Array.from({ length: 50 }, (_, i) => `line ${i + 1}`).join('\n') + '\n'
    const files = new FakeFiles({ [`${HOME}/many.txt`]: text })
    const { tty } = await openNano(files, 'many.txt')
    await tty.type(KEYS.down.repeat(20))
    expect(tty.line(1)).toBe('line 2')
    expect(tty.line(20)).toBe('line 21')
    expect([tty.term.row, tty.term.col]).toEqual([20, 0])
    await tty.type(KEYS.pageDown)
    expect(tty.line(1)).toBe('line 20')
    expect(tty.line(20)).toBe('line 39')
    await tty.type(KEYS.pageUp, KEYS.pageUp)
    expect(tty.line(1)).toBe('line 1')
    expect([tty.term.row, tty.term.col]).toEqual([3, 0])
  })
})

describe('nano: writing and exiting', () => {
  it('saves a new file with ^O Enter, then exits with ^X', async () => {
    const files = new FakeFiles()
    const { tty, run } = await openNano(files, 'hello.txt')
    await tty.type('hello', KEYS.enter, 'world')
    await tty.type(ctrl('o'))
    expect(tty.lines().slice(21)).toEqual(['File Name to Write: hello.txt', ...WRITE_HELP])
    expect(tty.term.styleAt(21, 40)).toBe('7')
    await tty.type(KEYS.enter)
    expect(files.files.get(`${HOME}/hello.txt`)).toBe('hello\nworld\n')
    expect(tty.line(21)).toBe(status('Wrote 2 lines'))
    expect(tty.line(0)).toBe(title('hello.txt'))
    await tty.type(ctrl('x'))
    expect(run.code).toBe(0)
    expect(tty.term.onAlternateScreen).toBe(false)
    expect(tty.listening).toBe(false)
  })

  it('asks before exiting with changes; N leaves the file as it was', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'keep me\n' })
    const { tty, run } = await openNano(files, 'notes.txt')
    await tty.type('junk', ctrl('x'))
    expect(tty.lines().slice(21)).toEqual([
      'Save modified buffer?',
      ' Y Yes',
      ' N No           ^C Cancel',
    ])
    expect(tty.term.styledLine(23)).toBe('[7] N[] No           [7]^C[] Cancel')
    expect(run.code).toBeUndefined()
    await tty.type('n')
    expect(run.code).toBe(0)
    expect(files.files.get(`${HOME}/notes.txt`)).toBe('keep me\n')
    expect(files.writes).toEqual([])
  })

  it('saves on ^X Y Enter', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'one\n' })
    const { tty, run } = await openNano(files, 'notes.txt')
    await tty.type(KEYS.down, 'two', ctrl('x'), 'y')
    expect(tty.line(21)).toBe('File Name to Write: notes.txt')
    await tty.type(KEYS.enter)
    expect(files.files.get(`${HOME}/notes.txt`)).toBe('one\ntwo\n')
    expect(run.code).toBe(0)
  })

  it('goes back to editing when the exit question or the file name is cancelled', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'one\n' })
    const { tty, run } = await openNano(files, 'notes.txt')
    await tty.type('x', ctrl('x'), ctrl('c'))
    expect(tty.line(21)).toBe(status('Cancelled'))
    expect(tty.lines().slice(22)).toEqual(MAIN_HELP)
    await tty.type(ctrl('x'), 'y', ctrl('c'))
    expect(tty.line(21)).toBe(status('Cancelled'))
    await tty.type(ctrl('o'), ctrl('c'))
    expect(tty.line(21)).toBe(status('Cancelled'))
    expect(run.code).toBeUndefined()
    expect(files.writes).toEqual([])
  })

  it('exits at once when nothing changed', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'one\n' })
    const { tty, run } = await openNano(files, 'notes.txt')
    await tty.type(ctrl('x'))
    expect(run.code).toBe(0)
  })

  it('adds the final newline a file lacked, as nano does', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'a\nb' })
    const { tty } = await openNano(files, 'notes.txt')
    expect(tty.line(21)).toBe(status('Read 2 lines'))
    await tty.type(ctrl('s'))
    expect(files.files.get(`${HOME}/notes.txt`)).toBe('a\nb\n')
  })

  it('writes an emptied buffer as an empty file', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'a\n' })
    const { tty } = await openNano(files, 'notes.txt')
    await tty.type(ctrl('k'), ctrl('o'), KEYS.enter)
    expect(files.files.get(`${HOME}/notes.txt`)).toBe('')
    expect(tty.line(21)).toBe(status('Wrote 0 lines'))
  })

  it('keeps the DOS line endings of a DOS file', async () => {
    const files = new FakeFiles({ [`${HOME}/dos.txt`]: 'a\r\nb\r\n' })
    const { tty } = await openNano(files, 'dos.txt')
    expect(tty.line(21)).toBe(status('Read 2 lines (Converted from DOS format)'))
    expect(tty.line(1)).toBe('a')
    await tty.type('x', ctrl('o'))
    expect(tty.line(21)).toBe('File Name to Write [DOS Format]: dos.txt')
    await tty.type(KEYS.enter)
    expect(files.files.get(`${HOME}/dos.txt`)).toBe('xa\r\nb\r\n')
  })

  it('asks for a name when saving a nameless buffer, then uses it', async () => {
    const files = new FakeFiles()
    const { tty, run } = await openNano(files, undefined)
    await tty.type('text', ctrl('x'), 'y')
    expect(tty.line(21)).toBe('File Name to Write:')
    await tty.type('new.txt', KEYS.enter)
    expect(files.files.get(`${HOME}/new.txt`)).toBe('text\n')
    expect(run.code).toBe(0)
  })

  it('confirms a change of name, then writes the other file', async () => {
    const files = new FakeFiles({ [`${HOME}/a.txt`]: 'A\n' })
    const { tty } = await openNano(files, 'a.txt')
    await tty.type('x', ctrl('o'), KEYS.backspace.repeat(5), 'b.txt', KEYS.enter)
    expect(tty.lines().slice(21)).toEqual([
      'Save file under DIFFERENT NAME?',
      ' Y Yes',
      ' N No           ^C Cancel',
    ])
    await tty.type('y')
    expect(files.files.get(`${HOME}/b.txt`)).toBe('xA\n')
    expect(files.files.get(`${HOME}/a.txt`)).toBe('A\n')
    expect(tty.line(0)).toBe(title('b.txt'))
  })

  it('asks before overwriting another existing file', async () => {
    const files = new FakeFiles({ [`${HOME}/a.txt`]: 'A\n', [`${HOME}/b.txt`]: 'B\n' })
    const { tty } = await openNano(files, 'a.txt')
    await tty.type(ctrl('o'), KEYS.backspace.repeat(5), 'b.txt', KEYS.enter)
    expect(tty.line(21)).toBe('File "b.txt" exists; OVERWRITE?')
    await tty.type('n')
    expect(tty.line(21)).toBe('File Name to Write: b.txt')
    await tty.type(ctrl('c'))
    expect(files.files.get(`${HOME}/b.txt`)).toBe('B\n')
  })

  it('reports a full disk and keeps the buffer modified', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'a\n' })
    files.failing.set(`${HOME}/notes.txt`, 'ENOSPC')
    const { tty, run } = await openNano(files, 'notes.txt')
    await tty.type('b', ctrl('x'), 'y', KEYS.enter)
    expect(tty.line(21)).toBe(status('Error writing notes.txt: No space left on device'))
    expect(tty.term.styleAt(21, 20)).toBe('1;37;41')
    expect(tty.line(0)).toBe(title('notes.txt', true))
    expect(run.code).toBeUndefined()
  })

  it('reports a missing directory when writing', async () => {
    const { tty } = await openNano(new FakeFiles(), 'nope/list.txt')
    await tty.type('milk', ctrl('o'), KEYS.enter)
    expect(tty.line(21)).toBe(status('Error writing nope/list.txt: No such file or directory'))
  })
})

describe('nano: editing', () => {
  it('types French accents and wide characters, and places the cursor by columns', async () => {
    const files = new FakeFiles()
    const { tty } = await openNano(files, 'fr.txt')
    await tty.type('Déjà vu, 中文!')
    expect(tty.line(1)).toBe('Déjà vu, 中文!')
    expect([tty.term.row, tty.term.col]).toEqual([1, 14])
    await tty.type(KEYS.left, KEYS.left)
    expect(tty.term.col).toBe(11)
    await tty.type(ctrl('s'))
    expect(files.files.get(`${HOME}/fr.txt`)).toBe('Déjà vu, 中文!\n')
  })

  it('splits and joins lines with Enter, Backspace and Delete', async () => {
    const files = new FakeFiles({ [`${HOME}/t.txt`]: 'abcd\nef\n' })
    const { tty } = await openNano(files, 't.txt')
    await tty.type(KEYS.right, KEYS.right, KEYS.enter)
    expect(tty.lines().slice(1, 4)).toEqual(['ab', 'cd', 'ef'])
    await tty.type(KEYS.backspace)
    expect(tty.lines().slice(1, 3)).toEqual(['abcd', 'ef'])
    await tty.type(KEYS.end, KEYS.delete, KEYS.delete)
    expect(tty.lines().slice(1, 3)).toEqual(['abcdf', ''])
    await tty.type(ctrl('s'))
    expect(files.files.get(`${HOME}/t.txt`)).toBe('abcdf\n')
  })

  it('expands a typed tab to the next tab stop', async () => {
    const files = new FakeFiles()
    const { tty } = await openNano(files, 't.txt')
    await tty.type('a\tb')
    expect(tty.line(1)).toBe('a       b')
    expect(tty.term.col).toBe(9)
    await tty.type(ctrl('s'))
    expect(files.files.get(`${HOME}/t.txt`)).toBe('a\tb\n')
  })

  it('takes a multi-line paste in one chunk', async () => {
    const files = new FakeFiles()
    const { tty } = await openNano(files, 'p.txt')
    await tty.type('one\rtwo\rthree')
    expect(tty.lines().slice(1, 4)).toEqual(['one', 'two', 'three'])
    await tty.type(ctrl('s'))
    expect(files.files.get(`${HOME}/p.txt`)).toBe('one\ntwo\nthree\n')
  })

  it('cuts lines with ^K, several at once when repeated, and pastes them with ^U', async () => {
    const files = new FakeFiles({ [`${HOME}/l.txt`]: 'one\ntwo\nthree\n' })
    const { tty } = await openNano(files, 'l.txt')
    await tty.type(ctrl('k'), ctrl('k'))
    expect(tty.lines().slice(1, 3)).toEqual(['three', ''])
    await tty.type(KEYS.down, ctrl('u'))
    expect(tty.lines().slice(1, 5)).toEqual(['three', 'one', 'two', ''])
    await tty.type(ctrl('s'))
    expect(files.files.get(`${HOME}/l.txt`)).toBe('three\none\ntwo\n')
  })

  it('starts a new cut after any other key', async () => {
    const files = new FakeFiles({ [`${HOME}/l.txt`]: 'one\ntwo\nthree\n' })
    const { tty } = await openNano(files, 'l.txt')
    await tty.type(ctrl('k'), KEYS.down, ctrl('k'), ctrl('u'), ctrl('u'))
    await tty.type(ctrl('s'))
    expect(files.files.get(`${HOME}/l.txt`)).toBe('two\nthree\nthree\n')
  })

  it('says so when there is nothing to cut or paste', async () => {
    const { tty } = await openNano(new FakeFiles(), 'e.txt')
    await tty.type(ctrl('u'))
    expect(tty.line(21)).toBe(status('Cutbuffer is empty'))
    await tty.type(ctrl('k'))
    expect(tty.line(21)).toBe(status('Nothing was cut'))
  })

  it('shows the cursor position with ^C, padded as nano pads it', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'abc\nde\nfg\n' })
    const { tty } = await openNano(files, 'notes.txt')
    await tty.type(ctrl('c'))
    expect(tty.line(21)).toBe(status('line 1/4 (25%), col  1/ 4 ( 25%), char  0/10 ( 0%)'))
    await tty.type(KEYS.down, KEYS.right, ctrl('c'))
    expect(tty.line(21)).toBe(status('line 2/4 (50%), col  2/ 3 ( 66%), char  5/10 (50%)'))
  })

  it('goes to a line and column with ^/', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'abc\ndef\nghi\n' })
    const { tty } = await openNano(files, 'notes.txt')
    await tty.type(ctrl('_'))
    expect(tty.line(21)).toBe('Enter line number, column number:')
    await tty.type('3,2', KEYS.enter)
    expect([tty.term.row, tty.term.col]).toEqual([3, 1])
    await tty.type(ctrl('_'), 'x', KEYS.enter)
    expect(tty.line(21)).toBe(status('Invalid line or column number'))
  })

  it('clears a status message after twenty keystrokes', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'abc\n' })
    const { tty } = await openNano(files, 'notes.txt')
    await tty.type(KEYS.right.repeat(19))
    expect(tty.line(21)).toBe(status('Read 1 line'))
    await tty.type(KEYS.left)
    expect(tty.line(21)).toBe('')
  })
})

describe('nano: searching', () => {
  const text = 'alpha\nbeta\nAlpha again\ngamma\n'

  it('finds the next match after the cursor, ignoring case', async () => {
    const files = new FakeFiles({ [`${HOME}/s.txt`]: text })
    const { tty } = await openNano(files, 's.txt')
    await tty.type(ctrl('w'))
    expect(tty.lines().slice(21)).toEqual([
      'Search:',
      '^G Help         M-C Case Sens   M-B Backwards   ^P Older        ^T Go To Line',
      '^C Cancel       M-R Reg.exp.    ^R Replace      ^N Newer',
    ])
    await tty.type('alpha', KEYS.enter)
    expect([tty.term.row, tty.term.col]).toEqual([3, 0])
    expect(tty.line(21)).toBe('')
  })

  it('wraps around to the top, and repeats the last search on an empty answer', async () => {
    const files = new FakeFiles({ [`${HOME}/s.txt`]: text })
    const { tty } = await openNano(files, 's.txt')
    await tty.type(ctrl('w'), 'alpha', KEYS.enter, ctrl('w'))
    expect(tty.line(21)).toBe('Search [alpha]:')
    await tty.type(KEYS.enter)
    expect([tty.term.row, tty.term.col]).toEqual([1, 0])
    expect(tty.line(21)).toBe(status('Search Wrapped'))
  })

  it('says when the match under the cursor is the only one', async () => {
    const files = new FakeFiles({ [`${HOME}/s.txt`]: text })
    const { tty } = await openNano(files, 's.txt')
    await tty.type(ctrl('w'), 'gamma', KEYS.enter, '\x1bw')
    expect([tty.term.row, tty.term.col]).toEqual([4, 0])
    expect(tty.line(21)).toBe(status('This is the only occurrence'))
  })

  it('reports a string that is not there', async () => {
    const files = new FakeFiles({ [`${HOME}/s.txt`]: text })
    const { tty } = await openNano(files, 's.txt')
    await tty.type(ctrl('w'), 'zeta', KEYS.enter)
    expect(tty.line(21)).toBe(status('"zeta" not found'))
    expect([tty.term.row, tty.term.col]).toEqual([1, 0])
  })

  it('cancels a search with ^C', async () => {
    const files = new FakeFiles({ [`${HOME}/s.txt`]: text })
    const { tty } = await openNano(files, 's.txt')
    await tty.type(ctrl('w'), 'be', ctrl('c'))
    expect(tty.line(21)).toBe(status('Cancelled'))
  })

  it('replaces matches one by one, or all at once', async () => {
    const files = new FakeFiles({ [`${HOME}/s.txt`]: text })
    const { tty } = await openNano(files, 's.txt')
    await tty.type(ctrl('\\'))
    expect(tty.line(21)).toBe('Search (to replace):')
    await tty.type('alpha', KEYS.enter)
    expect(tty.line(21)).toBe('Replace with:')
    await tty.type('omega', KEYS.enter)
    expect(tty.lines().slice(21)).toEqual([
      'Replace this instance?',
      ' Y Yes' + ' '.repeat(11) + 'A All',
      ' N No           ^C Cancel',
    ])
    await tty.type('n', 'y')
    expect(tty.line(21)).toBe(status('Replaced 1 occurrence'))
    await tty.type(ctrl('s'))
    expect(files.files.get(`${HOME}/s.txt`)).toBe('alpha\nbeta\nomega again\ngamma\n')
  })
})

describe('nano: help and other keys', () => {
  it('shows a help screen with ^G and leaves it with ^X', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'abc\n' })
    const { tty, run } = await openNano(files, 'notes.txt')
    await tty.type(ctrl('g'))
    expect(tty.line(0)).toBe(' '.repeat(31) + 'Main nano help text')
    expect(tty.line(1)).toBe('Main nano help text')
    expect(tty.lines().slice(22)).toEqual([
      '^L Refresh          ^Y Prev Page        ^P Prev Line        M-\\ First Line',
      '^X Close            ^V Next Page        ^N Next Line        M-/ Last Line',
    ])
    await tty.type(ctrl('x'))
    expect(tty.line(1)).toBe('abc')
    expect(run.code).toBeUndefined()
  })

  it('inserts another file at the cursor with ^R', async () => {
    const files = new FakeFiles({ [`${HOME}/a.txt`]: 'A\n', [`${HOME}/b.txt`]: 'B1\nB2\n' })
    const { tty } = await openNano(files, 'a.txt')
    await tty.type(ctrl('r'), 'b.txt', KEYS.enter)
    expect(tty.line(21)).toBe(status('Read 2 lines'))
    await tty.type(ctrl('s'))
    expect(files.files.get(`${HOME}/a.txt`)).toBe('B1\nB2\nA\n')
  })

  it('ends with status 130 when the session aborts it', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'abc\n' })
    const { tty, run } = await openNano(files, 'notes.txt')
    tty.abort()
    await settle()
    expect(run.code).toBe(130)
    expect(tty.term.onAlternateScreen).toBe(false)
  })

  it('emits only the escape sequences a VT100-style terminal understands', async () => {
    const files = new FakeFiles({ [`${HOME}/notes.txt`]: 'abc\n' })
    const { tty } = await openNano(files, 'notes.txt')
    await tty.type('é中\t', ctrl('w'), 'x', KEYS.enter, ctrl('g'), ctrl('x'), ctrl('x'), 'n')
    expect(tty.term.unknown).toEqual([])
  })
})
