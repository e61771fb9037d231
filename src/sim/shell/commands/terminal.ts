import type { CommandContext } from '../command'

/**
 * Whether a command's standard output is the terminal, which changes how GNU tools format it
 * (`ls` prints columns and quotes names there, one plain name per line into a pipe or a file).
 *
 * The context says only whether a terminal is attached to the session, not where this command's
 * output goes. Until it does, the line being run (the newest history entry) decides: a line with
 * a pipe, an output redirection or a command substitution anywhere counts as not writing to the
 * terminal, so that `ls | wc -l` counts files, at the cost of `ls; echo x | cat` losing columns.
 */
export function stdoutIsTerminal(ctx: CommandContext): boolean {
  if (ctx.tty === undefined) return false
  const line = ctx.history[ctx.history.length - 1] ?? ''
  const unquoted = line
    .replace(/'[^']*'/g, "''")
    .replace(/"(?:[^"\\]|\\.)*"/g, (quoted) =>
      quoted.includes('$(') || quoted.includes('`') ? '$(' : '""',
    )
  // Redirecting standard error (2>file, 2>&1) leaves standard output where it was.
  const stdoutOnly = unquoted.replace(/\b2>>?\s*(?:&\d|\S+)/g, '').replace(/\d>&\d/g, '')
  return !/(?<!\|)\|(?!\|)|>|`|\$\(|<\(/.test(stdoutOnly)
}

/** The line width GNU tools fit output to: the terminal's, else $COLUMNS, else 80. */
export function terminalWidth(ctx: CommandContext): number {
  if (ctx.tty !== undefined && ctx.tty.cols > 0) return ctx.tty.cols
  const columns = ctx.env.get('COLUMNS') ?? ''
  if (/^\d+$/.test(columns) && Number(columns) > 0) return Number(columns)
  return 80
}
