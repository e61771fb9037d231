/**
 * What an editor needs of the filesystem: a subset of just-bash's IFileSystem, which the session
 * passes in. Paths are absolute.
 */
export interface EditorFiles {
  /** Rejects with an Error whose message contains 'ENOENT' when the file is missing. */
  readFile(path: string): Promise<string>
  /** Rejects on failure, e.g. ENOSPC, EISDIR, or ENOENT for a missing parent directory. */
  writeFile(path: string, content: string): Promise<void>
  exists(path: string): Promise<boolean>
  stat(path: string): Promise<{ isDirectory: boolean }>
}

export interface EditorOptions {
  /**
   * The shell's working directory, against which names typed inside the editor (nano's "File Name
   * to Write", vi's `:w NAME`) resolve. Defaults to what `path` and `displayName` imply.
   */
  readonly cwd?: string
  /** Milliseconds since the epoch, for vim's "N seconds ago" undo messages. */
  readonly now?: () => number
}

const ERRNO_TEXT: ReadonlyArray<readonly [string, string]> = [
  ['ENOSPC', 'No space left on device'],
  ['EISDIR', 'Is a directory'],
  ['ENOTDIR', 'Not a directory'],
  ['ENOENT', 'No such file or directory'],
  ['EACCES', 'Permission denied'],
  ['EPERM', 'Operation not permitted'],
  ['EROFS', 'Read-only file system'],
  ['EEXIST', 'File exists'],
]

/** The errno code carried by a filesystem error (in `code` or in the message), if any. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code
  }
  const message = error instanceof Error ? error.message : String(error)
  return /\b(E[A-Z]{2,})\b/.exec(message)?.[1]
}

/** strerror(3) for the error, as nano prints it after "Error writing NAME: ". */
export function describeError(error: unknown): string {
  const code = errnoCode(error)
  const known = ERRNO_TEXT.find(([c]) => c === code)
  if (known !== undefined) return known[1]
  const message = error instanceof Error ? error.message : String(error)
  return message.length > 0 ? message : 'Input/output error'
}

/** Joins `name` onto `cwd` and folds `.` and `..`, as the kernel would. */
export function resolvePath(cwd: string, name: string): string {
  const parts = (name.startsWith('/') ? name : `${cwd}/${name}`).split('/')
  const out: string[] = []
  for (const part of parts) {
    if (part === '' || part === '.') continue
    if (part === '..') out.pop()
    else out.push(part)
  }
  return '/' + out.join('/')
}

export function dirname(path: string): string {
  const trimmed = path.replace(/\/+$/, '')
  const slash = trimmed.lastIndexOf('/')
  if (slash < 0) return '.'
  if (slash === 0) return '/'
  return trimmed.slice(0, slash)
}

/**
 * The working directory the session must have used to turn `displayName` into `path`, when the
 * caller did not say: `notes/a.txt` opened as `/home/u/notes/a.txt` means `/home/u`.
 */
export function impliedCwd(path: string | undefined, displayName: string): string {
  if (path === undefined || displayName.startsWith('/')) return '/'
  const tail = resolvePath('/', displayName)
  if (tail !== '/' && path.endsWith(tail)) {
    const head = path.slice(0, path.length - tail.length)
    if (!displayName.includes('..')) return head === '' ? '/' : head
  }
  return dirname(path)
}
