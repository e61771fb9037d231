import { diffArrays } from 'diff'
import type { CommandContext, CommandOutput, ShellCommand } from '../command'
import { baseName, errnoOf, joinPath, strerror } from './file-facts'
import { parseCommandLine, type OptionSpec } from './options'

/**
 * GNU diffutils `diff` (3.8): the normal format, unified (`-u`, `-U N`) with its timestamped
 * headers, `-q`, `-s`, `-N` (absent files as empty) and `-r`, comparing directories the way GNU
 * does: names in sorted order, "Only in", "Common subdirectories", and before each differing
 * pair the `diff OPTIONS a/x b/x` line. Exit status 0 same, 1 different, 2 trouble. The line
 * matching comes from the `diff` package; the formats are GNU's.
 */

const SPEC: OptionSpec = {
  short: 'uU:Nqrs',
  long: {
    unified: { arg: 'optional' },
    'new-file': { short: 'N' },
    brief: { short: 'q' },
    recursive: { short: 'r' },
    'report-identical-files': { short: 's' },
    help: {},
  },
}

const HELP = `Usage: diff [OPTION]... FILES
Compare FILES line by line.

  -q, --brief                   report only when files differ
  -s, --report-identical-files  report when two files are the same
  -u, -U NUM, --unified[=NUM]   output NUM (default 3) lines of unified context
  -r, --recursive                 recursively compare any subdirectories found
  -N, --new-file                  treat absent files as empty

FILES are 'FILE1 FILE2' or 'DIR1 DIR2' or 'DIR FILE' or 'FILE DIR'.
If a FILE is '-', read standard input.
Exit status is 0 if inputs are the same, 1 if different, 2 if trouble.
`

interface Options {
  unified: number | undefined
  newFile: boolean
  brief: boolean
  recursive: boolean
  identical: boolean
  /** The options as typed, for the `diff … a/x b/x` lines of a directory comparison. */
  switches: string
}

/** One side of a comparison: its path as shown, and its text (undefined: absent, read as empty). */
interface Side {
  shown: string
  text: string | undefined
  mtimeMs: number
}

const EPOCH_LABEL = '1970-01-01 00:00:00.000000000 +0000'

/** `2026-01-05 09:00:00.123000000 +0000`: GNU's %Y-%m-%d %H:%M:%S.%N %z, in UTC. */
function timestamp(ms: number): string {
  const iso = new Date(ms).toISOString()
  const nanos = `${String(((ms % 1000) + 1000) % 1000).padStart(3, '0')}000000`
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${nanos} +0000`
}

/** Lines with their newline kept, so a last line without one differs from the same with one. */
function linesOf(text: string): string[] {
  const out: string[] = []
  let start = 0
  for (;;) {
    const nl = text.indexOf('\n', start)
    if (nl === -1) break
    out.push(text.slice(start, nl + 1))
    start = nl + 1
  }
  if (start < text.length) out.push(text.slice(start))
  return out
}

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number }

/** The edit script: every line of both files, in order, kept, removed or added. */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const ops: Op[] = []
  let ai = 0
  let bi = 0
  for (const change of diffArrays(a as string[], b as string[])) {
    for (const line of change.value) {
      if (change.removed) ops.push({ kind: '-', line, a: ai++, b: bi })
      else if (change.added) ops.push({ kind: '+', line, a: ai, b: bi++ })
      else ops.push({ kind: ' ', line, a: ai++, b: bi++ })
    }
  }
  return ops
}

/** Runs of changed lines: [start, end) indexes into the edit script. */
function changeBlocks(ops: readonly Op[]): [number, number][] {
  const blocks: [number, number][] = []
  for (let i = 0; i < ops.length; i++) {
    if (ops[i]?.kind === ' ') continue
    const start = i
    while (i < ops.length && ops[i]?.kind !== ' ') i++
    blocks.push([start, i])
  }
  return blocks
}

/** A line as a format prints it, with GNU's marker when the file ends without a newline. */
function printed(prefix: string, line: string): string {
  return line.endsWith('\n')
    ? `${prefix}${line}`
    : `${prefix}${line}\n\\ No newline at end of file\n`
}

const range = (from: number, to: number): string => (from === to ? `${from}` : `${from},${to}`)

/** The normal format: `2c2`, `3a4`, `1,3d0` with their `<` and `>` lines. */
function normalFormat(ops: readonly Op[]): string {
  let out = ''
  for (const [start, end] of changeBlocks(ops)) {
    const block = ops.slice(start, end)
    const removed = block.filter((o) => o.kind === '-')
    const added = block.filter((o) => o.kind === '+')
    const first = ops[start]
    const a0 = first?.a ?? 0
    const b0 = first?.b ?? 0
    if (removed.length === 0) out += `${a0}a${range(b0 + 1, b0 + added.length)}\n`
    else if (added.length === 0) out += `${range(a0 + 1, a0 + removed.length)}d${b0}\n`
    else out += `${range(a0 + 1, a0 + removed.length)}c${range(b0 + 1, b0 + added.length)}\n`
    out += removed.map((o) => printed('< ', o.line)).join('')
    if (removed.length > 0 && added.length > 0) out += '---\n'
    out += added.map((o) => printed('> ', o.line)).join('')
  }
  return out
}

/** `-l,s`: a one-line range drops its count; an empty one names the line before it. */
function hunkRange(start: number, count: number): string {
  if (count === 1) return `${start + 1}`
  return count === 0 ? `${start},0` : `${start + 1},${count}`
}

/** Unified hunks: changes closer than twice the context share a hunk. */
function unifiedHunks(ops: readonly Op[], context: number): string {
  const blocks = changeBlocks(ops)
  let out = ''
  let i = 0
  while (i < blocks.length) {
    let j = i
    while (
      j + 1 < blocks.length &&
      (blocks[j + 1]?.[0] ?? 0) - (blocks[j]?.[1] ?? 0) <= 2 * context
    )
      j++
    const from = Math.max(0, (blocks[i]?.[0] ?? 0) - context)
    const to = Math.min(ops.length, (blocks[j]?.[1] ?? 0) + context)
    const hunk = ops.slice(from, to)
    const first = hunk[0]
    const aCount = hunk.filter((o) => o.kind !== '+').length
    const bCount = hunk.filter((o) => o.kind !== '-').length
    out += `@@ -${hunkRange(first?.a ?? 0, aCount)} +${hunkRange(first?.b ?? 0, bCount)} @@\n`
    out += hunk.map((o) => printed(o.kind, o.line)).join('')
    i = j + 1
  }
  return out
}

interface Compared {
  stdout: string
  status: number
}

/** Compares two files' texts; `header` is printed first when they differ (directory mode). */
function compareTexts(left: Side, right: Side, o: Options, header: string): Compared {
  const a = left.text ?? ''
  const b = right.text ?? ''
  if (a === b)
    return {
      stdout: o.identical ? `Files ${left.shown} and ${right.shown} are identical\n` : '',
      status: 0,
    }
  if (o.brief) return { stdout: `Files ${left.shown} and ${right.shown} differ\n`, status: 1 }
  const ops = editScript(linesOf(a), linesOf(b))
  if (o.unified === undefined) return { stdout: header + normalFormat(ops), status: 1 }
  const label = (s: Side): string =>
    `${s.shown}\t${s.text === undefined ? EPOCH_LABEL : timestamp(s.mtimeMs)}`
  return {
    stdout: `${header}--- ${label(left)}\n+++ ${label(right)}\n${unifiedHunks(ops, o.unified)}`,
    status: 1,
  }
}

type Kind = 'file' | 'dir' | undefined

interface Entry {
  kind: Kind
  mtimeMs: number
}

async function entryOf(ctx: CommandContext, path: string): Promise<Entry | { error: string }> {
  try {
    if (!(await ctx.fs.exists(path))) return { kind: undefined, mtimeMs: 0 }
    const st = await ctx.fs.stat(path)
    return { kind: st.isDirectory ? 'dir' : 'file', mtimeMs: st.mtime.getTime() }
  } catch (e) {
    return { error: strerror(errnoOf(e)) }
  }
}

class Comparison {
  stdout = ''
  stderr = ''
  status = 0

  constructor(
    private readonly ctx: CommandContext,
    private readonly o: Options,
  ) {}

  private note(status: number): void {
    this.status = Math.max(this.status, status)
  }

  private trouble(shown: string, message: string): void {
    this.stderr += `diff: ${shown}: ${message}\n`
    this.note(2)
  }

  private async side(path: string, shown: string, entry: Entry): Promise<Side> {
    if (entry.kind === undefined) return { shown, text: undefined, mtimeMs: 0 }
    if (shown === '-') return { shown, text: this.ctx.stdin, mtimeMs: entry.mtimeMs }
    return { shown, text: await this.ctx.fs.readFile(path), mtimeMs: entry.mtimeMs }
  }

  /** Two operands: files, directories, or a file against the same name in a directory. */
  async top(aShown: string, bShown: string): Promise<void> {
    let aPath = aShown === '-' ? '-' : this.ctx.resolve(aShown)
    let bPath = bShown === '-' ? '-' : this.ctx.resolve(bShown)
    const stdinEntry: Entry = { kind: 'file', mtimeMs: this.ctx.clock.now() }
    let a = aPath === '-' ? stdinEntry : await entryOf(this.ctx, aPath)
    let b = bPath === '-' ? stdinEntry : await entryOf(this.ctx, bPath)
    if ('error' in a) return this.trouble(aShown, a.error)
    if ('error' in b) return this.trouble(bShown, b.error)
    if (a.kind === 'dir' && b.kind === 'file') {
      aShown = joinPath(aShown, baseName(bShown))
      aPath = joinPath(aPath, baseName(bPath))
      const found = await entryOf(this.ctx, aPath)
      if ('error' in found) return this.trouble(aShown, found.error)
      a = found
    } else if (a.kind === 'file' && b.kind === 'dir') {
      bShown = joinPath(bShown, baseName(aShown))
      bPath = joinPath(bPath, baseName(aPath))
      const found = await entryOf(this.ctx, bPath)
      if ('error' in found) return this.trouble(bShown, found.error)
      b = found
    }
    // -N reads an absent operand as empty, as long as the other one is there.
    if (a.kind === undefined && !(this.o.newFile && b.kind !== undefined))
      return this.trouble(aShown, strerror('ENOENT'))
    if (b.kind === undefined && !(this.o.newFile && a.kind !== undefined))
      return this.trouble(bShown, strerror('ENOENT'))
    if (a.kind === 'dir' && b.kind === 'dir') return this.directories(aPath, bPath, aShown, bShown)
    if (a.kind === 'dir' || b.kind === 'dir') {
      // An absent file against a directory under -N: GNU compares nothing sensible; say so.
      this.stdout += `File ${a.kind === 'dir' ? aShown : bShown} is a directory while file ${a.kind === 'dir' ? bShown : aShown} is a regular empty file\n`
      return this.note(1)
    }
    const r = compareTexts(
      await this.side(aPath, aShown, a),
      await this.side(bPath, bShown, b),
      this.o,
      '',
    )
    this.stdout += r.stdout
    this.note(r.status)
  }

  private async directories(aPath: string, bPath: string, aShown: string, bShown: string) {
    const names = new Set([
      ...(await this.ctx.fs.readdir(aPath)),
      ...(await this.ctx.fs.readdir(bPath)),
    ])
    for (const name of [...names].sort()) {
      const ap = joinPath(aPath, name)
      const bp = joinPath(bPath, name)
      const as = joinPath(aShown, name)
      const bs = joinPath(bShown, name)
      const a = await entryOf(this.ctx, ap)
      const b = await entryOf(this.ctx, bp)
      if ('error' in a) {
        this.trouble(as, a.error)
        continue
      }
      if ('error' in b) {
        this.trouble(bs, b.error)
        continue
      }
      if (a.kind === undefined || b.kind === undefined) {
        const present = a.kind === undefined ? b : a
        if (!this.o.newFile || present.kind === 'dir') {
          this.stdout += `Only in ${a.kind === undefined ? bShown : aShown}: ${name}\n`
          this.note(1)
          continue
        }
      }
      if (a.kind === 'dir' && b.kind === 'dir') {
        if (this.o.recursive) await this.directories(ap, bp, as, bs)
        else this.stdout += `Common subdirectories: ${as} and ${bs}\n`
        continue
      }
      if (a.kind === 'dir' || b.kind === 'dir') {
        const dirFirst = a.kind === 'dir'
        this.stdout += `File ${dirFirst ? as : bs} is a directory while file ${dirFirst ? bs : as} is a regular file\n`
        this.note(1)
        continue
      }
      const header = `diff${this.o.switches} ${as} ${bs}\n`
      const r = compareTexts(await this.side(ap, as, a), await this.side(bp, bs, b), this.o, header)
      this.stdout += r.stdout
      this.note(r.status)
    }
  }
}

/** GNU diff words its usage errors with its name before the "Try" line too. */
const usage = (message: string): CommandOutput => ({
  stdout: '',
  stderr: message.replace(/\nTry '/, "\ndiff: Try '"),
  exitCode: 2,
})

/** The option words as typed (with a separate -U value), as GNU's switch_string keeps them. */
function switchString(args: readonly string[]): string {
  const words: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ''
    if (arg === '--') break
    if (!arg.startsWith('-') || arg === '-') continue
    words.push(arg)
    if (arg === '-U' || (/^-[^-]*U$/.test(arg) && arg.length > 1)) words.push(args[++i] ?? '')
  }
  return words.map((w) => ` ${w}`).join('')
}

export const diff: ShellCommand = {
  name: 'diff',
  summary: 'compare files line by line',
  run: async (args, ctx) => {
    const parsed = parseCommandLine('diff', args, SPEC)
    if (!parsed.ok) return usage(parsed.error)
    const o: Options = {
      unified: undefined,
      newFile: false,
      brief: false,
      recursive: false,
      identical: false,
      switches: switchString(args),
    }
    for (const opt of parsed.options) {
      if (opt.name === 'help') return { stdout: HELP, stderr: '', exitCode: 0 }
      if (opt.name === 'u') o.unified = 3
      else if (opt.name === 'U' || opt.name === 'unified') {
        const value = opt.value ?? '3'
        if (!/^\d+$/.test(value))
          return usage(
            `diff: invalid context length '${value}'\nTry 'diff --help' for more information.\n`,
          )
        o.unified = Number(value)
      } else if (opt.name === 'N') o.newFile = true
      else if (opt.name === 'q') o.brief = true
      else if (opt.name === 'r') o.recursive = true
      else if (opt.name === 's') o.identical = true
    }
    const [a, b, extra] = parsed.operands
    if (a === undefined)
      return usage(`diff: missing operand after 'diff'\nTry 'diff --help' for more information.\n`)
    if (b === undefined)
      return usage(`diff: missing operand after '${a}'\nTry 'diff --help' for more information.\n`)
    if (extra !== undefined)
      return usage(`diff: extra operand '${extra}'\nTry 'diff --help' for more information.\n`)
    const comparison = new Comparison(ctx, o)
    await comparison.top(a, b)
    return { stdout: comparison.stdout, stderr: comparison.stderr, exitCode: comparison.status }
  },
}
