import type { VirtualFs } from '../../fs/virtual-fs'
import type { CommandContext } from '../command'
import { errnoOf, parentOf, statPath } from './file-facts'

/**
 * Filesystem steps the file commands share, with the kernel's errors. The in-memory filesystem
 * quietly creates missing parent directories on write; coreutils never do, so every create goes
 * through `parentProblem` first.
 */

/** The student's umask: new files are 0644 and new directories 0755. */
export const UMASK = 0o022

export type Found = 'file' | 'directory' | 'symlink' | undefined

export async function kindOf(fs: VirtualFs, path: string, follow: boolean): Promise<Found> {
  const result = await statPath(fs, path, follow)
  if ('errno' in result) return undefined
  const st = result.stat
  return st.isSymbolicLink ? 'symlink' : st.isDirectory ? 'directory' : 'file'
}

/** Why a new entry cannot be created at `path`: its directory is missing or not a directory. */
export async function parentProblem(fs: VirtualFs, path: string): Promise<string | undefined> {
  const parent = parentOf(path)
  const result = await statPath(fs, parent, true)
  if ('errno' in result) return result.errno
  return result.stat.isDirectory ? undefined : 'ENOTDIR'
}

/** A file's text, or why it cannot be read (EISDIR for a directory). */
export async function readText(
  fs: VirtualFs,
  path: string,
): Promise<{ text: string } | { errno: string }> {
  const result = await statPath(fs, path, true)
  if ('errno' in result) return result
  if (result.stat.isDirectory) return { errno: 'EISDIR' }
  try {
    return { text: await fs.readFile(path) }
  } catch (error) {
    return { errno: errnoOf(error) }
  }
}

/** Reads each operand, `-` (or none at all) meaning standard input. */
export async function readInput(
  ctx: CommandContext,
  operand: string,
): Promise<{ text: string } | { errno: string }> {
  if (operand === '-') return { text: ctx.stdin }
  return readText(ctx.fs, ctx.resolve(operand))
}

/** Splits text into lines, keeping whether the last one ended with a newline. */
export function splitLines(text: string): { lines: string[]; trailingNewline: boolean } {
  if (text === '') return { lines: [], trailingNewline: false }
  const trailingNewline = text.endsWith('\n')
  const lines = (trailingNewline ? text.slice(0, -1) : text).split('\n')
  return { lines, trailingNewline }
}

/** Lines as GNU tools write them back: every line newline-terminated. */
export function joinLines(lines: readonly string[]): string {
  return lines.map((l) => l + '\n').join('')
}

/**
 * Asks a yes/no question the way `rm -i` and `cp -i` do: the prompt goes to stderr and the
 * answer is a line read from standard input; on a terminal with no input piped in, the student
 * types it. Returns the answer's verdict and the stderr text to show when it was not typed live.
 */
export async function confirm(
  ctx: CommandContext,
  prompt: string,
  stdinLines: string[],
): Promise<{ yes: boolean; shown: string }> {
  if (ctx.tty !== undefined && ctx.stdin === '') {
    const tty = ctx.tty
    tty.write(prompt)
    const answer = await new Promise<string>((resolve) => {
      let typed = ''
      const stop = tty.onInput((data) => {
        for (const ch of data) {
          if (ch === '\r' || ch === '\n') {
            stop()
            tty.write('\r\n')
            resolve(typed)
            return
          }
          if (ch === '\x7f' || ch === '\b') {
            if (typed !== '') {
              typed = typed.slice(0, -1)
              tty.write('\b \b')
            }
          } else if (ch >= ' ') {
            typed += ch
            tty.write(ch)
          }
        }
      })
      ctx.signal.addEventListener('abort', () => {
        stop()
        resolve('')
      })
    })
    return { yes: /^[yY]/.test(answer), shown: '' }
  }
  const answer = stdinLines.shift()
  return { yes: answer !== undefined && /^[yY]/.test(answer), shown: prompt }
}

/**
 * Adding, removing or renaming an entry changes its directory's modification time, as on any
 * Unix filesystem; the in-memory filesystem leaves directories' times alone, so commands call this.
 */
export async function touchParent(ctx: CommandContext, path: string): Promise<void> {
  const now = new Date(ctx.clock.now())
  try {
    await ctx.fs.utimes(parentOf(path), now, now)
  } catch {
    // The directory is gone too (rm -r); nothing to stamp.
  }
}
