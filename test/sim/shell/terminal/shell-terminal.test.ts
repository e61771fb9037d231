import { describe, expect, test, vi } from 'vitest'
import { output, type ShellCommand } from '../../../../src/sim/shell/command'
import { Session } from '../../../../src/sim/shell/session'
import { createShellTerminal } from '../../../../src/sim/shell/terminal'
import { openScreen, type Screen } from './xterm-screen'

const PROMPT = 'student@quai:~$ '
const UP = '\x1b[A'
const DOWN = '\x1b[B'
const LEFT = '\x1b[D'
const RIGHT = '\x1b[C'

/** Sends each key on its own, as a student typing would. */
async function press(screen: Screen, ...keys: string[]): Promise<void> {
  for (const key of keys) await screen.type(key)
}

/** Types text one character at a time. */
async function typeSlowly(screen: Screen, text: string): Promise<void> {
  await press(screen, ...Array.from(text))
}

/** Lets the session start a command that waits on the clock. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5))

describe('prompt and output', () => {
  test("start() prints the banner, then Debian's colour prompt", async () => {
    const s = await openScreen({ banner: 'Welcome to Quai\nType help.\n' })
    expect(s.output()).toBe(
      'Welcome to Quai\r\nType help.\r\n\x1b[01;32mstudent@quai\x1b[00m:\x1b[01;34m~\x1b[00m$ ',
    )
    expect(await s.lines()).toEqual(['Welcome to Quai', 'Type help.', PROMPT])
    expect(await s.cursor()).toEqual({ row: 2, col: 16 })
  })

  test('cd changes the prompt; output lines end in CR LF', async () => {
    const s = await openScreen()
    await typeSlowly(s, 'mkdir -p a/b && cd a/b && pwd')
    await s.type('\r')
    expect(await s.lines()).toEqual([
      `${PROMPT}mkdir -p a/b && cd a/b && pwd`,
      '/home/student/a/b',
      'student@quai:~/a/b$ ',
    ])
    expect(await s.cursor()).toEqual({ row: 2, col: 20 })
    expect(s.output()).toContain('\r\n/home/student/a/b\r\n')
  })

  test('the prompt follows output that did not end with a newline, as in bash', async () => {
    const s = await openScreen()
    await s.type('printf x\r')
    expect(await s.lines()).toEqual([`${PROMPT}printf x`, `x${PROMPT}`])
    expect(await s.cursor()).toEqual({ row: 1, col: 17 })
  })

  test('stdout and stderr keep their order across statements', async () => {
    const s = await openScreen()
    await s.type('echo one; ls /nope; echo three\r')
    expect(await s.lines()).toEqual([
      `${PROMPT}echo one; ls /nope; echo three`,
      'one',
      "ls: cannot access '/nope': No such file or directory",
      'three',
      PROMPT,
    ])
  })

  test('an empty line gives a new prompt and records nothing', async () => {
    const s = await openScreen()
    await s.type('\r   \r')
    expect(await s.lines()).toEqual([PROMPT, `${PROMPT}   `, PROMPT])
    expect(s.session.history).toEqual([])
  })
})

describe('line editing', () => {
  test('Backspace and the arrows edit in the middle of the line', async () => {
    const s = await openScreen()
    await typeSlowly(s, 'echo helo wrld')
    await press(s, LEFT, LEFT, LEFT, 'o', LEFT, LEFT, LEFT, LEFT, LEFT, 'l')
    expect(await s.lines()).toEqual([`${PROMPT}echo hello world`])
    expect(await s.cursor()).toEqual({ row: 0, col: 24 })
    await press(s, '\x1b[F', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f')
    await typeSlowly(s, 'there')
    await press(s, '\x1b[H', '\x1b[3~', '\x1b[3~', '\x1b[3~', '\x1b[3~')
    expect(await s.lines()).toEqual([`${PROMPT} hello there`])
    await typeSlowly(s, 'echo')
    await press(s, '\r')
    expect(await s.lines()).toEqual([`${PROMPT}echo hello there`, 'hello there', PROMPT])
  })

  test('Home and End in all the forms terminals send them', async () => {
    const s = await openScreen()
    await typeSlowly(s, 'bc')
    for (const [home, end] of [
      ['\x1b[H', '\x1b[F'],
      ['\x1bOH', '\x1bOF'],
      ['\x1b[1~', '\x1b[4~'],
    ]) {
      await press(s, home ?? '')
      expect(await s.cursor()).toEqual({ row: 0, col: 16 })
      await press(s, end ?? '')
      expect(await s.cursor()).toEqual({ row: 0, col: 18 })
    }
    await press(s, '\x1b[H', 'a', '\x1b[F', 'd')
    expect(await s.lines()).toEqual([`${PROMPT}abcd`])
  })

  test('Ctrl-A, Ctrl-E, Ctrl-U, Ctrl-K, Ctrl-W and Ctrl-Y', async () => {
    const s = await openScreen()
    await typeSlowly(s, 'echo one two three')
    await press(s, '\x17')
    expect(await s.lines()).toEqual([`${PROMPT}echo one two `])
    await press(s, '\x01')
    expect(await s.cursor()).toEqual({ row: 0, col: 16 })
    await press(s, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, '\x0b')
    expect(await s.lines()).toEqual([`${PROMPT}echo `])
    await press(s, '\x19')
    expect(await s.lines()).toEqual([`${PROMPT}echo one two `])
    await press(s, '\x01', '\x05', 'x', LEFT, LEFT, '\x15')
    expect(await s.lines()).toEqual([`${PROMPT} x`])
    expect(await s.cursor()).toEqual({ row: 0, col: 16 })
  })

  test('word moves: Ctrl-Left and Ctrl-Right, Alt-B and Alt-F', async () => {
    const s = await openScreen()
    await typeSlowly(s, 'cat /etc/os-release')
    await press(s, '\x1b[1;5D')
    expect(await s.cursor()).toEqual({ row: 0, col: 28 })
    await press(s, '\x1bb', '\x1bb')
    expect(await s.cursor()).toEqual({ row: 0, col: 21 })
    await press(s, '\x1b[1;5C')
    expect(await s.cursor()).toEqual({ row: 0, col: 24 })
    await press(s, '\x1bf')
    expect(await s.cursor()).toEqual({ row: 0, col: 27 })
  })

  test('French accents, CJK and emoji: each moves and deletes as one character', async () => {
    const s = await openScreen()
    await typeSlowly(s, 'echo café 中文 😀!')
    expect(await s.cursor()).toEqual({ row: 0, col: 16 + 18 })
    await press(s, LEFT, LEFT)
    expect(await s.cursor()).toEqual({ row: 0, col: 31 })
    await press(s, '\x7f', '\x7f')
    expect(await s.lines()).toEqual([`${PROMPT}echo café 中😀!`])
    expect(await s.cursor()).toEqual({ row: 0, col: 28 })
    await press(s, LEFT, '\x1b[3~', '\x7f', 'ö')
    expect(await s.lines()).toEqual([`${PROMPT}echo caféö😀!`])
    expect(await s.cursor()).toEqual({ row: 0, col: 26 })
    await press(s, '\x01', '\x1b[C', '\x1b[C', '\x1b[C', '\x1b[C', '\x1b[C', '\x1b[3~', '日本')
    expect(await s.lines()).toEqual([`${PROMPT}echo 日本aféö😀!`])
    await press(s, '\r')
    expect((await s.lines())[1]).toBe('日本aféö😀!')
  })

  test('a line longer than the screen wraps; editing its start keeps every row right', async () => {
    const s = await openScreen({ cols: 30 })
    await typeSlowly(s, 'echo 0123456789 abcdefghij KLMNOPQRST uvw')
    expect(await s.lines()).toEqual([`${PROMPT}echo 012345678`, '9 abcdefghij KLMNOPQRST uvw'])
    expect(await s.cursor()).toEqual({ row: 1, col: 27 })
    await press(s, '\x01', RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, '\x1b[3~', '\x1b[3~')
    expect(await s.lines()).toEqual([`${PROMPT}echo 23456789 `, 'abcdefghij KLMNOPQRST uvw'])
    await typeSlowly(s, 'wide中文wide中文')
    expect(await s.lines()).toEqual([
      `${PROMPT}echo wide中文w`,
      'ide中文23456789 abcdefghij KLM',
      'NOPQRST uvw',
    ])
    expect(await s.cursor()).toEqual({ row: 1, col: 7 })
    await press(s, '\x05')
    expect(await s.cursor()).toEqual({ row: 2, col: 11 })
    await press(s, '\x15')
    expect(await s.lines()).toEqual([PROMPT])
    expect(await s.cursor()).toEqual({ row: 0, col: 16 })
  })

  test('after a resize the line is drawn again for the new width', async () => {
    const s = await openScreen({ cols: 40 })
    await s.type('printf x\r')
    await typeSlowly(s, 'echo 0123456789 abcdefghij 0123456789 ABCDE')
    expect((await s.lines()).slice(-2)).toEqual([
      `x${PROMPT}echo 0123456789 abcdefg`,
      'hij 0123456789 ABCDE',
    ])
    s.xterm.resize(30, 24)
    s.shell.resize(30, 24)
    expect((await s.lines()).slice(-2)).toEqual([
      `x${PROMPT}echo 01234567`,
      '89 abcdefghij 0123456789 ABCDE',
    ])
    expect(await s.cursor()).toEqual({ row: 3, col: 0 })
    await press(s, '\x01', 'X')
    s.xterm.resize(60, 24)
    s.shell.resize(60, 24)
    expect((await s.lines()).slice(-2)).toEqual([
      `x${PROMPT}Xecho 0123456789 abcdefghij 0123456789 ABCD`,
      'E',
    ])
    expect(await s.cursor()).toEqual({ row: 1, col: 18 })
  })

  test('Ctrl-L clears the screen and draws the prompt and the line at the top', async () => {
    const s = await openScreen()
    await s.type('echo a\r')
    await typeSlowly(s, 'echo b')
    await press(s, LEFT, '\x0c')
    expect(
      s
        .output()
        .endsWith(
          `\x1b[H\x1b[2J\x1b[01;32mstudent@quai\x1b[00m:\x1b[01;34m~\x1b[00m$ echo b\x1b[1D`,
        ),
    ).toBe(true)
    expect(await s.cursor()).toEqual({ row: 0, col: 21 })
    const rows = await s.lines()
    expect(rows.slice(-1)).toEqual([`${PROMPT}echo b`])
  })
})

describe('history', () => {
  test('Up and Down walk the history and keep the line being typed', async () => {
    const s = await openScreen()
    await s.type('echo one\r')
    await s.type('echo two\r')
    await typeSlowly(s, 'draft')
    await press(s, UP)
    expect((await s.lines()).slice(-1)).toEqual([`${PROMPT}echo two`])
    await press(s, UP)
    expect((await s.lines()).slice(-1)).toEqual([`${PROMPT}echo one`])
    await press(s, UP)
    expect((await s.lines()).slice(-1)).toEqual([`${PROMPT}echo one`])
    await press(s, DOWN, DOWN)
    expect((await s.lines()).slice(-1)).toEqual([`${PROMPT}draft`])
    expect(await s.cursor()).toEqual({ row: 4, col: 21 })
    await press(s, UP, '\x7f', '3', '\r')
    expect((await s.lines()).slice(-3)).toEqual([`${PROMPT}echo tw3`, 'tw3', PROMPT])
    expect(s.session.history).toEqual(['echo one', 'echo two', 'echo tw3'])
  })

  test('Ctrl-R searches back; Ctrl-R again finds older; Enter runs the match', async () => {
    const s = await openScreen()
    await s.type('echo alpha\r')
    await s.type('ls\r')
    await s.type('echo beta\r')
    await press(s, '\x12')
    expect((await s.lines()).slice(-1)).toEqual(["(reverse-i-search)`': "])
    await typeSlowly(s, 'echo')
    expect((await s.lines()).slice(-1)).toEqual(["(reverse-i-search)`echo': echo beta"])
    expect(await s.cursor()).toEqual({ row: 5, col: 26 })
    await press(s, '\x12')
    expect((await s.lines()).slice(-1)).toEqual(["(reverse-i-search)`echo': echo alpha"])
    await press(s, '\r')
    expect((await s.lines()).slice(-3)).toEqual([`${PROMPT}echo alpha`, 'alpha', PROMPT])
  })

  test('Esc or an arrow leaves the search with the match to edit; Ctrl-G gives the line back', async () => {
    const s = await openScreen()
    await s.type('echo alpha\r')
    await typeSlowly(s, 'typed')
    await press(s, '\x12', 'l', 'p', '\x1b')
    expect((await s.lines()).slice(-1)).toEqual([`${PROMPT}echo alpha`])
    expect(await s.cursor()).toEqual({ row: 2, col: 22 })
    await press(s, '\x05', '!', '\x12', 'p', 'h', '\x1b[D', 'X')
    expect((await s.lines()).slice(-1)).toEqual([`${PROMPT}echo aXlpha!`])
    await press(s, '\x12', 'a', '\x07')
    expect((await s.lines()).slice(-1)).toEqual([`${PROMPT}echo aXlpha!`])
  })

  test('a search with no match says so and keeps the last match', async () => {
    const s = await openScreen()
    await s.type('echo alpha\r')
    await press(s, '\x12', 'a', 'l', 'z')
    expect((await s.lines()).slice(-1)).toEqual(["(failed reverse-i-search)`alz': echo alpha"])
    await press(s, '\x7f')
    expect((await s.lines()).slice(-1)).toEqual(["(reverse-i-search)`al': echo alpha"])
  })

  test('Ctrl-C in a search cancels the line', async () => {
    const s = await openScreen()
    await s.type('echo alpha\r')
    await press(s, '\x12', 'a', '\x03')
    expect((await s.lines()).slice(-2)).toEqual(["(reverse-i-search)`a': echo alpha^C", PROMPT])
  })

  test('Alt-. inserts the last word of the previous command', async () => {
    const s = await openScreen()
    await s.type('mkdir -p project/src\r')
    await typeSlowly(s, 'cd ')
    await press(s, '\x1b.')
    expect((await s.lines()).slice(-1)).toEqual([`${PROMPT}cd project/src`])
  })
})

describe('completion', () => {
  test('Tab completes a command name, then a path', async () => {
    const s = await openScreen()
    await s.type('mkdir -p projects/web && touch projects/web/index.html\r')
    await typeSlowly(s, 'ech')
    await press(s, '\t')
    expect((await s.lines()).slice(-1)).toEqual([`${PROMPT}echo `])
    await press(s, '\x15')
    await typeSlowly(s, 'cat pro')
    await press(s, '\t')
    expect((await s.lines()).slice(-1)).toEqual([`${PROMPT}cat projects/`])
    await press(s, '\t', '\t')
    expect((await s.lines()).slice(-1)).toEqual([`${PROMPT}cat projects/web/index.html `])
  })

  test('a second Tab lists the candidates in columns, then the line comes back', async () => {
    const s = await openScreen()
    await s.type('touch report-2024.txt report-2025.txt report-final.txt readme.md\r')
    await typeSlowly(s, 'cat rep')
    await press(s, '\t')
    expect((await s.lines()).slice(-1)).toEqual([`${PROMPT}cat report-`])
    expect(s.output().endsWith('ort-\x07')).toBe(true)
    await press(s, '\t')
    expect((await s.lines()).slice(-1)).toEqual([`${PROMPT}cat report-`])
    await press(s, '\t')
    expect((await s.lines()).slice(-3)).toEqual([
      `${PROMPT}cat report-`,
      'report-2024.txt   report-2025.txt   report-final.txt',
      `${PROMPT}cat report-`,
    ])
    expect(await s.cursor()).toEqual({ row: 3, col: 27 })
    await press(s, 'f', '\t', '\r')
    expect((await s.lines()).slice(-2)).toEqual([`${PROMPT}cat report-final.txt `, PROMPT])
  })

  test("a command's own completer completes its arguments, and lists them", async () => {
    const kube: ShellCommand = {
      name: 'kube',
      summary: 'completes like kubectl',
      run: async (args) => output(`kube ${args.join(' ')}\n`),
      complete: ({ words }) =>
        words.length === 2 ? ['apply', 'delete', 'describe', 'get', 'logs'] : ['pods', 'nodes'],
    }
    const s = await openScreen({ session: await Session.create({ commands: [kube] }) })
    await typeSlowly(s, 'kube de')
    await press(s, '\t', '\t')
    expect(await s.lines()).toEqual([`${PROMPT}kube de`, 'delete    describe', `${PROMPT}kube de`])
    await press(s, 's', '\t')
    await press(s, 'p', '\t', '\r')
    expect((await s.lines()).slice(-3)).toEqual([
      `${PROMPT}kube describe pods `,
      'kube describe pods',
      PROMPT,
    ])
  })

  test('Ctrl-C gives the prompt back from a completer that never answers', async () => {
    const stuck: ShellCommand = {
      name: 'stuck',
      summary: 'a completer that hangs',
      run: async () => output(''),
      complete: () => new Promise<string[]>(() => undefined),
    }
    const s = await openScreen({ session: await Session.create({ commands: [stuck] }) })
    await typeSlowly(s, 'stuck ')
    // Not awaited: the completion never finishes.
    s.shell.input('\t')
    s.shell.input('more')
    await s.type('\x03')
    expect(await s.lines()).toEqual([`${PROMPT}stuck more^C`, PROMPT])
    await s.type('echo fine\r')
    expect((await s.lines()).slice(-2)).toEqual(['fine', PROMPT])
  })

  test('more than 100 candidates asks first; n keeps the line, y lists them', async () => {
    const s = await openScreen({ rows: 200 })
    await press(s, '\t', '\t')
    const count = Number(/Display all (\d+) possibilities/.exec((await s.lines()).join('\n'))?.[1])
    expect(count).toBeGreaterThanOrEqual(100)
    expect((await s.lines()).slice(-2)).toEqual([
      PROMPT,
      `Display all ${count} possibilities? (y or n)`,
    ])
    await press(s, 'x')
    expect(s.output().endsWith('\x07')).toBe(true)
    await press(s, 'n')
    expect((await s.lines()).slice(-1)).toEqual([PROMPT])
    await press(s, '\t', '\t', 'y')
    const rows = await s.lines()
    expect(rows.slice(-1)).toEqual([PROMPT])
    expect(rows.join(' ')).toMatch(/ whoami /)
  })

  test('a long listing pauses with --More--; space pages, q stops', async () => {
    const s = await openScreen({ rows: 10 })
    await press(s, '\t', '\t', 'y')
    expect((await s.lines()).slice(-1)).toEqual(['--More--'])
    const before = (await s.lines()).length
    await press(s, ' ')
    expect((await s.lines()).length).toBe(before + 9)
    await press(s, '\r')
    expect((await s.lines()).length).toBe(before + 10)
    await press(s, 'q')
    expect((await s.lines()).slice(-1)).toEqual([PROMPT])
  })
})

describe('multi-line commands', () => {
  test('an open quote continues on a "> " line; history keeps the newline', async () => {
    const s = await openScreen()
    await s.type('echo "a\r')
    expect(await s.lines()).toEqual([`${PROMPT}echo "a`, '> '])
    await s.type('b"\r')
    expect(await s.lines()).toEqual([`${PROMPT}echo "a`, '> b"', 'a', 'b', PROMPT])
    expect(s.session.history).toEqual(['echo "a\nb"'])
  })

  test('a here-document reads lines until its delimiter', async () => {
    const s = await openScreen()
    await s.type('cat <<EOF\r')
    await s.type('hello $USER\r')
    expect(await s.lines()).toEqual([`${PROMPT}cat <<EOF`, '> hello $USER', '> '])
    await s.type('EOF\r')
    expect(await s.lines()).toEqual([
      `${PROMPT}cat <<EOF`,
      '> hello $USER',
      '> EOF',
      'hello student',
      PROMPT,
    ])
    expect(s.session.history).toEqual(['cat <<EOF\nhello $USER\nEOF'])
  })

  test('a trailing backslash or pipe, and an open if, continue too', async () => {
    const s = await openScreen()
    await s.type('echo a \\\rb\r')
    await s.type('echo x |\rtr x y\r')
    await s.type('if true\rthen echo yes\rfi\r')
    expect(await s.lines()).toEqual([
      `${PROMPT}echo a \\`,
      '> b',
      'a b',
      `${PROMPT}echo x |`,
      '> tr x y',
      'y',
      `${PROMPT}if true`,
      '> then echo yes',
      '> fi',
      'yes',
      PROMPT,
    ])
    expect(s.session.history).toEqual([
      'echo a b',
      'echo x |\ntr x y',
      'if true\nthen echo yes\nfi',
    ])
  })

  test('Up brings a multi-line command back on several rows', async () => {
    const s = await openScreen()
    await s.type('for i in 1 2\rdo echo $i\rdone\r')
    await press(s, UP)
    expect((await s.lines()).slice(-3)).toEqual([`${PROMPT}for i in 1 2`, 'do echo $i', 'done'])
    await press(s, '\r')
    expect((await s.lines()).slice(-3)).toEqual(['1', '2', PROMPT])
  })

  test('Ctrl-C on a "> " line drops the whole command', async () => {
    const s = await openScreen()
    await s.type('echo "a\r')
    await press(s, 'b', '\x03')
    expect(await s.lines()).toEqual([`${PROMPT}echo "a`, '> b^C', PROMPT])
    expect(s.session.history).toEqual([])
  })
})

describe('interrupting and exiting', () => {
  test('Ctrl-C at the prompt prints ^C, clears the line, and sets $? to 130', async () => {
    const s = await openScreen()
    await typeSlowly(s, 'echo never')
    await press(s, LEFT, LEFT, '\x03')
    expect(await s.lines()).toEqual([`${PROMPT}echo never^C`, PROMPT])
    await s.type('echo $?\r')
    expect((await s.lines()).slice(-2)).toEqual(['130', PROMPT])
  })

  test('Ctrl-C stops sleep 100; type-ahead is dropped like a tty does', async () => {
    const s = await openScreen({ sessionOptions: { timing: 'realtime' } })
    s.shell.input('sleep 100\r')
    await settle()
    s.shell.input('echo lost')
    await settle()
    expect(await s.lines()).toEqual([`${PROMPT}sleep 100`])
    expect(await s.cursor()).toEqual({ row: 1, col: 0 })
    s.shell.input('\x03')
    await s.shell.whenIdle()
    expect(await s.lines()).toEqual([`${PROMPT}sleep 100`, '^C', PROMPT])
    await s.type('echo $?\r')
    expect((await s.lines()).slice(-2)).toEqual(['130', PROMPT])
  })

  test('keys typed while a command runs appear at the next prompt', async () => {
    const s = await openScreen({ sessionOptions: { timing: 'realtime' } })
    s.shell.input('sleep 2; echo done\r')
    await settle()
    s.shell.input('echo next')
    s.shell.input(LEFT)
    s.shell.input('!')
    s.session.clock.advance(2000)
    await s.shell.whenIdle()
    expect(await s.lines()).toEqual([`${PROMPT}sleep 2; echo done`, 'done', `${PROMPT}echo nex!t`])
    expect(await s.cursor()).toEqual({ row: 2, col: 25 })
  })

  test('interrupt() from the host is Ctrl-C', async () => {
    const s = await openScreen({ sessionOptions: { timing: 'realtime' } })
    s.shell.input('sleep 100\r')
    await settle()
    s.shell.interrupt()
    await s.shell.whenIdle()
    expect(await s.lines()).toEqual([`${PROMPT}sleep 100`, '^C', PROMPT])
  })

  test('Ctrl-D on an empty line prints exit and ends with the last status', async () => {
    const s = await openScreen()
    await s.type('false\r')
    await s.type('\x04')
    expect((await s.lines()).slice(-1)).toEqual([`${PROMPT}exit`])
    expect(s.exits).toEqual([1])
    await s.type('echo ignored\r')
    expect((await s.lines()).slice(-1)).toEqual([`${PROMPT}exit`])
  })

  test('Ctrl-D on a line with text deletes the character under the cursor', async () => {
    const s = await openScreen()
    await typeSlowly(s, 'echo')
    await press(s, '\x01', '\x04')
    expect(await s.lines()).toEqual([`${PROMPT}cho`])
    expect(s.exits).toEqual([])
  })

  test('exit after other statements: their output shows, then the shell ends', async () => {
    const s = await openScreen()
    await s.type('echo bye; exit 4\r')
    expect(await s.lines()).toEqual([`${PROMPT}echo bye; exit 4`, 'bye'])
    expect(s.exits).toEqual([4])
  })

  test('exit 3 ends the shell with status 3 and prints nothing more', async () => {
    const s = await openScreen()
    await s.type('exit 3\r')
    expect(s.exits).toEqual([3])
    expect(await s.lines()).toEqual([`${PROMPT}exit 3`])
    expect(s.output().endsWith('exit 3\r\n')).toBe(true)
  })
})

describe('paste', () => {
  test('three pasted lines run as three commands, each after its prompt', async () => {
    const s = await openScreen()
    await s.type('echo one\recho two\recho three\r')
    expect(await s.lines()).toEqual([
      `${PROMPT}echo one`,
      'one',
      `${PROMPT}echo two`,
      'two',
      `${PROMPT}echo three`,
      'three',
      PROMPT,
    ])
    expect(s.session.history).toEqual(['echo one', 'echo two', 'echo three'])
  })

  test('a bracketed paste keeps tabs as text and runs its lines', async () => {
    const s = await openScreen()
    await s.type('\x1b[200~printf "a\\tb\\n"\nprintf "%s|\\n" "x\ty"\n\x1b[201~')
    expect(await s.lines()).toEqual([
      `${PROMPT}printf "a\\tb\\n"`,
      'a       b',
      `${PROMPT}printf "%s|\\n" "x       y"`,
      'x       y|',
      PROMPT,
    ])
  })

  test('a 1 MB paste is taken in one go and the line stays editable', async () => {
    const session = await Session.create()
    const shell = createShellTerminal(session, { cols: 80, rows: 24 })
    let written = 0
    let last = ''
    shell.onOutput((data) => {
      written += data.length
      last = data
    })
    shell.start()
    const started = performance.now()
    shell.input(`: ${'x'.repeat(1 << 20)}`)
    shell.input('\x01\x1b[C\x1b[C')
    shell.input('\x05\x15')
    shell.input('echo ok\r')
    await shell.whenIdle()
    expect(performance.now() - started).toBeLessThan(5000)
    expect(written).toBeGreaterThan(1 << 20)
    expect(last).toBe('\x1b[01;32mstudent@quai\x1b[00m:\x1b[01;34m~\x1b[00m$ ')
    expect(session.history).toEqual(['echo ok'])
  })

  test('a pasted here-document of 9000 lines is read in linear time', async () => {
    const s = await openScreen({ rows: 5 })
    const body = Array.from({ length: 9000 }, (_, i) => `row ${i} ${'z'.repeat(80)}`).join('\r')
    const started = performance.now()
    await s.type(`cat > big.txt <<'EOF'\r${body}\rEOF\rwc -l big.txt\r`)
    expect(performance.now() - started).toBeLessThan(10_000)
    expect((await s.lines()).slice(-2)).toEqual(['9000 big.txt', PROMPT])
  })
})

describe('robustness', () => {
  test('binary junk and stray control characters never crash the shell', async () => {
    const s = await openScreen()
    let junk = ''
    for (let i = 0; i < 4000; i++) junk += String.fromCharCode((i * 7919 + 13) % 0x2400)
    junk = junk.replace(/[\r\n\x03\x04\t]/g, '')
    await s.type(junk)
    // Whatever state the junk left (a search, a quoted insert, a "> " line), Ctrl-C ends it.
    await s.type('\x03\x03echo still here\r')
    expect((await s.lines()).slice(-2)).toEqual(['still here', PROMPT])
  })

  test('a command that throws is reported by the interpreter and the shell goes on', async () => {
    const boom: ShellCommand = {
      name: 'boom',
      summary: 'always fails',
      run: async () => {
        throw new Error('kaboom')
      },
    }
    const s = await openScreen({ session: await Session.create({ commands: [boom] }) })
    await s.type('boom\r')
    expect(await s.lines()).toEqual([`${PROMPT}boom`, 'boom: kaboom', PROMPT])
  })

  test('an exception out of the session prints bash: internal error and a fresh prompt', async () => {
    const session = await Session.create()
    const s = await openScreen({ session })
    const spy = vi.spyOn(session, 'run').mockRejectedValueOnce(new Error('state is gone'))
    await s.type('echo hi\r')
    expect(await s.lines()).toEqual([
      `${PROMPT}echo hi`,
      'bash: internal error: state is gone',
      PROMPT,
    ])
    spy.mockRestore()
    await s.type('echo back\r')
    expect((await s.lines()).slice(-2)).toEqual(['back', PROMPT])
  })

  test('input before start() waits for the first prompt', async () => {
    const session = await Session.create()
    const shell = createShellTerminal(session)
    let written = ''
    shell.onOutput((data) => (written += data))
    shell.input('echo early\r')
    expect(written).toBe('')
    shell.start()
    await shell.whenIdle()
    expect(written).toContain('echo early\r\nearly\r\n')
  })

  test('dispose() stops output and a running command', async () => {
    const session = await Session.create({ timing: 'realtime' })
    const shell = createShellTerminal(session)
    let written = ''
    shell.onOutput((data) => (written += data))
    shell.start()
    shell.input('sleep 100; echo after\r')
    await settle()
    const before = written
    shell.dispose()
    await shell.whenIdle()
    shell.input('echo more\r')
    expect(written).toBe(before)
  })
})

describe('programs that use the terminal', () => {
  const reader: ShellCommand = {
    name: 'readkeys',
    summary: 'reads raw keys until q',
    run: (_args, ctx) =>
      new Promise((resolve) => {
        const tty = ctx.tty
        if (tty === undefined) return resolve(output('', 'no tty\n', 1))
        tty.write(`size ${tty.cols}x${tty.rows}\r\n`)
        const seen: string[] = []
        const stopResize = tty.onResize((cols, rows) => tty.write(`resized ${cols}x${rows}\r\n`))
        const stop = tty.onInput((data) => {
          if (data === 'q') {
            stop()
            stopResize()
            resolve(output(`keys: ${JSON.stringify(seen)}\n`))
          } else seen.push(data)
        })
      }),
  }

  test('a program that reads input gets raw keys, Ctrl-C included, and sees resizes', async () => {
    const s = await openScreen({ session: await Session.create({ commands: [reader] }) })
    s.shell.input('readkeys\r')
    await settle()
    s.shell.input('a')
    s.shell.input('\x03')
    s.shell.input(UP)
    s.shell.resize(100, 30)
    s.shell.input('q')
    await s.shell.whenIdle()
    expect(await s.lines()).toEqual([
      `${PROMPT}readkeys`,
      'size 80x24',
      'resized 100x30',
      'keys: ["a","\\u0003","\\u001b[A"]',
      PROMPT,
    ])
  })
})
