import type { Session } from '../sim/shell/session'

/** Where a non-interactive run sends its bytes: the host's stdout and stderr. */
export interface OutputSink {
  stdout(text: string): void
  stderr(text: string): void
}

export interface ScriptOptions {
  /** Positional parameters `$1…` (from `quai FILE ARG…` or `quai -c LINE NAME ARG…`). */
  args?: readonly string[]
  /** What the script's commands read from standard input. */
  stdin?: string
}

/** Quotes a word for bash so it comes back unchanged: 'it'\''s'. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`
}

/**
 * Runs a `-c` line or a whole script the way `bash -c` / `bash FILE` would: statement after
 * statement in one shell (cwd, variables and functions carry on), output as it is produced,
 * and the status of the last command, or N after `exit N`.
 *
 * The whole text goes to one `session.run`: the session splits it into complete top-level
 * statements itself (an `if`, a `for`, a function or a heredoc stays whole), stops at `exit`
 * and reports each statement's output in order. A non-interactive bash keeps no history.
 */
export async function runScript(
  session: Session,
  source: string,
  sink: OutputSink,
  options: ScriptOptions = {},
): Promise<number> {
  const args = options.args ?? []
  if (args.length > 0)
    await session.run(`set -- ${args.map(shellQuote).join(' ')}`, { history: false })
  const result = await session.run(source, {
    history: false,
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
    onChunk: (chunk) =>
      chunk.stream === 'stdout' ? sink.stdout(chunk.text) : sink.stderr(chunk.text),
  })
  return result.exitCode
}
