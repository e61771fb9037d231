import type { EditorFiles } from '../../../../src/sim/shell/editors/editor-files'
import type { Tty } from '../../../../src/sim/shell/pty'
import { VirtualTerminal } from './virtual-terminal'

/** Lets every pending promise (the editor's key loop, the fake filesystem) run to completion. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/** A terminal for tests: output goes to a `VirtualTerminal`, input is typed with `type()`. */
export class FakeTty implements Tty {
  readonly term: VirtualTerminal
  output = ''
  private readonly inputs = new Set<(data: string) => void>()
  private readonly resizes = new Set<(cols: number, rows: number) => void>()
  private readonly controller = new AbortController()

  constructor(
    public cols = 80,
    public rows = 24,
  ) {
    this.term = new VirtualTerminal(cols, rows)
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  write(data: string): void {
    this.output += data
    this.term.write(data)
  }

  onInput(listener: (data: string) => void): () => void {
    this.inputs.add(listener)
    return () => this.inputs.delete(listener)
  }

  onResize(listener: (cols: number, rows: number) => void): () => void {
    this.resizes.add(listener)
    return () => this.resizes.delete(listener)
  }

  get listening(): boolean {
    return this.inputs.size > 0
  }

  /** Sends each chunk as one burst of terminal input, letting the editor settle after each. */
  async type(...chunks: string[]): Promise<void> {
    for (const chunk of chunks) {
      for (const listener of [...this.inputs]) listener(chunk)
      await settle()
    }
  }

  async resize(cols: number, rows: number): Promise<void> {
    this.cols = cols
    this.rows = rows
    this.term.resize(cols, rows)
    for (const listener of [...this.resizes]) listener(cols, rows)
    await settle()
  }

  abort(): void {
    this.controller.abort()
  }

  lines(): string[] {
    return this.term.lines()
  }

  line(row: number): string {
    return this.term.line(row)
  }
}

function errno(code: string, text: string, syscall: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${text}, ${syscall} '${path}'`), { code })
}

/** An in-memory filesystem with the error behaviour of just-bash's. */
export class FakeFiles implements EditorFiles {
  readonly files = new Map<string, string>()
  readonly dirs = new Set<string>(['/', '/home', '/home/student', '/tmp'])
  /** Paths whose writes fail with the given errno code. */
  readonly failing = new Map<string, string>()
  readonly writes: string[] = []

  constructor(files: Record<string, string> = {}) {
    for (const [path, content] of Object.entries(files)) this.files.set(path, content)
  }

  async readFile(path: string): Promise<string> {
    if (this.dirs.has(path)) throw errno('EISDIR', 'illegal operation on a directory', 'read', path)
    const content = this.files.get(path)
    if (content === undefined) throw errno('ENOENT', 'no such file or directory', 'open', path)
    return content
  }

  async writeFile(path: string, content: string): Promise<void> {
    const failure = this.failing.get(path)
    if (failure === 'ENOSPC') throw errno('ENOSPC', 'no space left on device', 'write', path)
    if (failure !== undefined) throw errno(failure, 'failed', 'write', path)
    if (this.dirs.has(path)) throw errno('EISDIR', 'illegal operation on a directory', 'open', path)
    const parent = path.slice(0, path.lastIndexOf('/')) || '/'
    if (!this.dirs.has(parent)) throw errno('ENOENT', 'no such file or directory', 'open', path)
    this.files.set(path, content)
    this.writes.push(path)
  }

  async exists(path: string): Promise<boolean> {
    return this.dirs.has(path) || this.files.has(path)
  }

  async stat(path: string): Promise<{ isDirectory: boolean }> {
    if (this.dirs.has(path)) return { isDirectory: true }
    if (this.files.has(path)) return { isDirectory: false }
    throw errno('ENOENT', 'no such file or directory', 'stat', path)
  }
}

/** Runs an editor to its end in the background and remembers its exit status. */
export function track(run: Promise<number>): { readonly code: number | undefined } {
  const state: { code: number | undefined } = { code: undefined }
  void run.then((code) => {
    state.code = code
  })
  return state
}

/** Control characters by name, for readable test input. */
export const ctrl = (letter: string): string =>
  String.fromCharCode(letter.toUpperCase().charCodeAt(0) - 0x40)

export const KEYS = {
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  home: '\x1b[H',
  end: '\x1b[F',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
  delete: '\x1b[3~',
  backspace: '\x7f',
  enter: '\r',
  escape: '\x1b',
  tab: '\t',
} as const
