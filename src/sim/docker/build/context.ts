/**
 * The build context: the files of a directory of the student's filesystem that `docker build`
 * sends, less those `.dockerignore` excludes (moby/patternmatcher rules: `*`, `?`, `[…]`, `**`,
 * `!` exceptions, the last matching line wins, a matching directory takes its contents along).
 */
import type { IFileSystem } from 'just-bash'

export interface ContextFiles {
  /** Regular files by path relative to the context root (`src/app.js`). */
  readonly files: ReadonlyMap<string, string>
  /** Directories, relative (`src`, `src/lib`). */
  readonly dirs: ReadonlySet<string>
}

export const EMPTY_CONTEXT: ContextFiles = { files: new Map(), dirs: new Set() }

interface Pattern {
  readonly regex: RegExp
  readonly exclusion: boolean
}

export function parseIgnoreFile(text: string): Pattern[] {
  const patterns: Pattern[] = []
  for (const raw of text.split('\n')) {
    let line = raw.replace(/\r$/, '')
    if (line.startsWith('#')) continue
    line = line.trim()
    if (line === '') continue
    let exclusion = false
    if (line.startsWith('!')) {
      exclusion = true
      line = line.slice(1).trim()
    }
    line = cleanPath(line)
    if (line.length > 1 && line.startsWith('/')) line = line.slice(1)
    patterns.push({ regex: toRegExp(line), exclusion })
  }
  return patterns
}

/** Go's path.Clean for relative and absolute patterns. */
function cleanPath(path: string): string {
  const absolute = path.startsWith('/')
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop()
    else if (part !== '..' || !absolute) parts.push(part)
  }
  const joined = parts.join('/')
  return absolute ? `/${joined}` : joined === '' ? '.' : joined
}

function toRegExp(pattern: string): RegExp {
  let re = '^'
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern.charAt(i)
    if (ch === '*') {
      if (pattern.charAt(i + 1) === '*') {
        i++
        if (pattern.charAt(i + 1) === '/') {
          i++
          re += '(.*/)?'
        } else re += '.*'
      } else re += '[^/]*'
    } else if (ch === '?') re += '[^/]'
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1)
      if (end < 0) re += '\\['
      else {
        const body = pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')
        re += `[${body}]`
        i = end
      }
    } else if (ch === '\\' && i + 1 < pattern.length) re += escapeChar(pattern.charAt(++i))
    else re += escapeChar(ch)
  }
  return new RegExp(`${re}$`)
}

function escapeChar(ch: string): string {
  return /[.+^${}()|\\/]/.test(ch) ? `\\${ch}` : ch
}

/** Whether the context leaves a path out (the path or one of its parent directories matches). */
export function isIgnored(path: string, patterns: readonly Pattern[]): boolean {
  let excluded = false
  const parents: string[] = []
  const parts = path.split('/')
  for (let i = 1; i < parts.length; i++) parents.push(parts.slice(0, i).join('/'))
  for (const pattern of patterns) {
    if (pattern.exclusion === excluded) {
      const matches = pattern.regex.test(path) || parents.some((p) => pattern.regex.test(p))
      if (matches) excluded = !pattern.exclusion
    }
  }
  return excluded
}

/** Reads the context directory `root` (absolute), applying the ignore patterns. */
export async function readContext(
  fs: IFileSystem,
  root: string,
  patterns: readonly Pattern[],
): Promise<ContextFiles> {
  const files = new Map<string, string>()
  const dirs = new Set<string>()
  const walk = async (dir: string, rel: string): Promise<void> => {
    const names = (await fs.readdir(dir)).sort()
    for (const name of names) {
      const path = `${dir === '/' ? '' : dir}/${name}`
      const relPath = rel === '' ? name : `${rel}/${name}`
      const st = await fs.stat(path).catch(() => undefined)
      if (st === undefined) continue
      if (st.isDirectory) {
        if (!isIgnored(relPath, patterns) || patterns.some((p) => p.exclusion)) {
          if (!isIgnored(relPath, patterns)) dirs.add(relPath)
          await walk(path, relPath)
        }
      } else if (!isIgnored(relPath, patterns)) files.set(relPath, await fs.readFile(path))
    }
  }
  await walk(root, '')
  for (const path of files.keys()) {
    const parts = path.split('/')
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'))
  }
  return { files, dirs }
}
