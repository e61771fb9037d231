import { beforeAll, describe, expect, test } from 'vitest'
import { output, type ShellCommand } from '../../../../src/sim/shell/command'
import { Session } from '../../../../src/sim/shell/session'
import {
  applyCompletion,
  findCompletions,
  listingRows,
  quoteInsertion,
  type Candidate,
  type CompletionSource,
} from '../../../../src/sim/shell/terminal/completion'

const kube: ShellCommand = {
  name: 'kube',
  summary: 'a command with its own completer',
  run: async () => output(''),
  complete: ({ words }) =>
    words.length === 2
      ? ['get', 'describe', 'delete', 'logs']
      : words[1] === 'get'
        ? ['pods', 'nodes']
        : words[1] === 'cp'
          ? ['web-1:', 'web-2:']
          : undefined,
}

let session: Session
let source: CompletionSource

beforeAll(async () => {
  session = await Session.create({ commands: [kube] })
  await session.run(
    'mkdir -p docs/guides data "my dir" && touch notes.txt "my file" data/a.csv data/b.csv && alias ll="ls -l"',
  )
  source = { commands: session.commands, fs: session.fs, cwd: session.cwd, env: session.env }
})

/** What one Tab does to `line` (cursor at the | or at the end). */
async function tab(line: string): Promise<string> {
  const cursor = line.includes('|') ? line.indexOf('|') : line.length
  const text = line.replace('|', '')
  const completion = await findCompletions(text, cursor, { ...source, env: session.env })
  if (completion.candidates.length === 0) return `${line} (no match)`
  const next = applyCompletion(completion, text, cursor)
  const shown = `${next.text.slice(0, next.cursor)}|${next.text.slice(next.cursor)}`
  return line.includes('|') ? shown : shown.replace(/\|$/, '')
}

async function candidates(line: string): Promise<string[]> {
  return (await findCompletions(line, line.length, source)).candidates.map((c) => c.display)
}

describe('completion', () => {
  test('the first word completes to commands: interpreter, Quai, builtins, aliases', async () => {
    expect(await tab('ech')).toBe('echo ')
    expect(await tab('whoa')).toBe('whoami ')
    expect(await tab('expo')).toBe('export ')
    expect(await tab('ll')).toBe('ll ')
    expect(await candidates('his')).toEqual(['history'])
    expect(await tab('sudo ech')).toBe('sudo echo ')
    expect(await tab('ls; ech')).toBe('ls; echo ')
    expect(await tab('FOO=1 ech')).toBe('FOO=1 echo ')
  })

  test("a command's candidate ending in ':' keeps the cursor on the word (kubectl cp POD:)", async () => {
    expect(await tab('kube cp web-1')).toBe('kube cp web-1:')
    expect(await tab('kube get po')).toBe('kube get pods ')
  })

  test('several commands complete to what they share', async () => {
    expect(await candidates('he')).toEqual(['head', 'help'])
    expect(await tab('he')).toBe('he')
    expect(await candidates('gu')).toEqual(['gunzip'])
  })

  test('file names: directories get a slash, files a space', async () => {
    expect(await tab('cat no')).toBe('cat notes.txt ')
    expect(await tab('ls do')).toBe('ls docs/')
    expect(await tab('ls docs/g')).toBe('ls docs/guides/')
    expect(await tab('ls data/')).toBe('ls data/')
    expect(await candidates('ls data/')).toEqual(['a.csv', 'b.csv'])
    expect(await tab('cat /etc/host')).toBe('cat /etc/hostname ')
    expect(await tab('cat ~/.ba')).toBe('cat ~/.bashrc ')
    expect(await tab('cat ../student/no')).toBe('cat ../student/notes.txt ')
  })

  test('names with spaces are escaped, or completed inside the quote already open', async () => {
    expect(await tab('cat my\\ f')).toBe('cat my\\ file ')
    expect(await tab('cat "my f')).toBe('cat "my file" ')
    expect(await tab("cat 'my f")).toBe("cat 'my file' ")
    expect(await tab('cd "my d')).toBe('cd "my dir/')
    expect(await candidates('ls my')).toEqual(['my dir/', 'my file'])
    expect(await tab('ls my')).toBe('ls my\\ ')
  })

  test('hidden files match an empty word; . and .. once a dot is typed', async () => {
    expect(await candidates('ls ')).toEqual([
      '.bashrc',
      'data/',
      'docs/',
      'my dir/',
      'my file',
      'notes.txt',
    ])
    expect(await candidates('ls .')).toEqual(['./', '../', '.bashrc'])
  })

  test('cd completes directories only', async () => {
    expect(await candidates('cd ')).toEqual(['data/', 'docs/', 'my dir/'])
  })

  test('in the middle of a line: no space is added, the rest stays', async () => {
    expect(await tab('cat no| > out')).toBe('cat notes.txt| > out')
  })

  test("a command's own completer decides its arguments; undefined falls back to files", async () => {
    expect(await candidates('kube ')).toEqual(['delete', 'describe', 'get', 'logs'])
    expect(await tab('kube g')).toBe('kube get ')
    expect(await tab('kube get p')).toBe('kube get pods ')
    expect(await tab('kube logs no')).toBe('kube logs notes.txt ')
  })

  test('a completer that throws completes nothing', async () => {
    const broken: ShellCommand = {
      name: 'broken',
      summary: 'x',
      run: async () => output(''),
      complete: () => {
        throw new Error('completer bug')
      },
    }
    session.commands.register(broken)
    expect(await candidates('broken ')).toEqual([])
  })

  test('variables and users', async () => {
    expect(await candidates('echo $HO')).toEqual(['$HOME', '$HOSTNAME'])
    expect(await tab('echo $HOM')).toBe('echo $HOME ')
    expect(await tab('echo ${HOS')).toBe('echo ${HOSTNAME} ')
    expect(await tab('ls ~stu')).toBe('ls ~student/')
  })

  test('after a redirection the word is a file name', async () => {
    expect(await tab('echo hi > no')).toBe('echo hi > notes.txt ')
  })

  test('quoting for insertion', () => {
    expect(quoteInsertion('a b$(c)', '', false)).toBe('a\\ b\\$\\(c\\)')
    expect(quoteInsertion('~x#y', '', true)).toBe('\\~x#y')
    expect(quoteInsertion('say "hi" $x', '"', false)).toBe('say \\"hi\\" \\$x')
    expect(quoteInsertion("it's", "'", false)).toBe("it'\\''s")
  })

  test('listings go down then across, as wide as the longest name allows', () => {
    const names = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta'].sort()
    const list: Candidate[] = names.map((n) => ({ value: n, display: n, suffix: ' ' }))
    expect(listingRows(list, 30)).toEqual([
      'alpha    epsilon  zeta',
      'beta     eta',
      'delta    gamma',
    ])
    expect(listingRows(list, 8)).toEqual(names)
    const dirs: Candidate[] = [
      { value: 'data', display: 'data/', suffix: '/' },
      { value: 'docs', display: 'docs/', suffix: '/' },
      { value: 'ab', display: 'ab', suffix: ' ' },
    ]
    // The slash of a directory is not counted in the column width, as in readline.
    expect(listingRows(dirs, 80)).toEqual(['data/ docs/ ab'])
  })
})
