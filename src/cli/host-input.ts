import { fstatSync } from 'node:fs'
import { readFile } from 'node:fs/promises'

/** Everything on a stream until it ends. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const parts: Buffer[] = []
  for await (const part of stream) parts.push(typeof part === 'string' ? Buffer.from(part) : part)
  return Buffer.concat(parts).toString('utf8')
}

/**
 * Standard input for the commands of `quai -c` and `quai FILE`, when something was redirected
 * or piped in. The session takes stdin as one string, so quai must read it before running:
 * it does so only for a file or a pipe (`quai -c cat < f`, `echo hi | quai -c cat`). A socket
 * (what Node's child_process gives by default) may never be closed by its parent, and a
 * terminal is for interactive use: waiting on either would hang a line that reads nothing.
 */
export async function redirectedStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined
  let redirected = false
  try {
    const stat = fstatSync(0)
    redirected = stat.isFile() || stat.isFIFO()
  } catch {
    return undefined
  }
  return redirected ? readAll(process.stdin) : undefined
}

export type ScriptFile = { text: string } | { error: string; status: number }

/** Reads a script from this computer, failing with bash's words and statuses. */
export async function readScriptFile(path: string): Promise<ScriptFile> {
  try {
    return { text: await readFile(path, 'utf8') }
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined
    if (code === 'ENOENT') return { error: `${path}: No such file or directory`, status: 127 }
    if (code === 'EISDIR') return { error: `${path}: Is a directory`, status: 126 }
    if (code === 'EACCES') return { error: `${path}: Permission denied`, status: 126 }
    return {
      error: `${path}: ${error instanceof Error ? error.message : String(error)}`,
      status: 126,
    }
  }
}
