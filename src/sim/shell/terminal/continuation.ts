import { parse } from 'just-bash'

/**
 * Whether a command line still needs more lines, the way bash decides to show PS2 (`> `):
 * an open quote or `$(`, a here-document without its delimiter line, a trailing backslash,
 * a pipeline or list that ends in `|`, `&&` or `||`, a compound command without its closer.
 */
export interface Continuation {
  /**
   * 'backslash': the next line continues this one; bash joins them without the newline.
   * 'text': the next line is more text of the same command, joined with a newline.
   */
  readonly how: 'backslash' | 'text'
  /** The here-document still open: until its delimiter line, lines need no parsing. */
  readonly hereDoc?: { readonly delimiter: string; readonly stripTabs: boolean }
}

/** Parse errors at the end of input that bash reports at once instead of asking for more. */
const FINAL_ERRORS = [/Expected redirection target/, /DBRACK_END/]

type Node = { type?: unknown; [key: string]: unknown }

function isObject(value: unknown): value is Node {
  return typeof value === 'object' && value !== null
}

/** The first here-document (in source order) whose delimiter line has not come yet. */
function openHereDoc(value: unknown): Continuation['hereDoc'] | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = openHereDoc(item)
      if (found !== undefined) return found
    }
    return undefined
  }
  if (!isObject(value)) return undefined
  if (value.type === 'HereDoc' && value.terminated === false) {
    const delimiter = typeof value.delimiter === 'string' ? value.delimiter : ''
    return { delimiter, stripTabs: value.stripTabs === true }
  }
  return openHereDoc(Object.values(value))
}

function isEmptyCommand(value: unknown): boolean {
  return (
    isObject(value) &&
    value.type === 'SimpleCommand' &&
    value.name === null &&
    Array.isArray(value.args) &&
    value.args.length === 0 &&
    Array.isArray(value.assignments) &&
    value.assignments.length === 0 &&
    Array.isArray(value.redirections) &&
    value.redirections.length === 0
  )
}

/** `a |`, `a &&`, `a ||`: just-bash accepts these, with an empty command after the operator. */
function endsWithOperator(script: unknown): boolean {
  if (!isObject(script) || !Array.isArray(script.statements)) return false
  const statement: unknown = script.statements[script.statements.length - 1]
  if (!isObject(statement) || !Array.isArray(statement.pipelines)) return false
  const pipeline: unknown = statement.pipelines[statement.pipelines.length - 1]
  if (!isObject(pipeline) || !Array.isArray(pipeline.commands)) return false
  const last: unknown = pipeline.commands[pipeline.commands.length - 1]
  const joined = pipeline.commands.length > 1 || statement.pipelines.length > 1
  return joined && isEmptyCommand(last)
}

/** Whether the last line ends in a backslash that escapes the newline (not in a comment). */
function endsWithEscapedNewline(text: string): boolean {
  let quote: '' | "'" | '"' = ''
  let escaped = false
  let inComment = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i)
    if (inComment) {
      if (c === '\n') inComment = false
      continue
    }
    if (escaped) {
      escaped = false
      continue
    }
    if (quote === "'") {
      if (c === "'") quote = ''
      continue
    }
    if (c === '\\') {
      if (i === text.length - 1) return true
      escaped = true
    } else if (quote === '"') {
      if (c === '"') quote = ''
    } else if (c === "'" || c === '"') quote = c
    else if (c === '#' && (i === 0 || /\s/.test(text.charAt(i - 1)))) inComment = true
  }
  return false
}

function isIncompleteError(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  if (/unexpected EOF while looking for matching/.test(error.message)) return true
  const token = (error as { token?: unknown }).token
  const atEnd = isObject(token) && token.type === 'EOF'
  return atEnd && !FINAL_ERRORS.some((pattern) => pattern.test(error.message))
}

/** How `text` continues onto the next line, or undefined when it is complete. */
export function continuationOf(text: string): Continuation | undefined {
  let script: unknown
  try {
    script = parse(text)
  } catch (error) {
    return isIncompleteError(error) ? { how: 'text' } : undefined
  }
  const hereDoc = openHereDoc(script)
  if (hereDoc !== undefined) return { how: 'text', hereDoc }
  if (endsWithEscapedNewline(text)) return { how: 'backslash' }
  if (endsWithOperator(script)) return { how: 'text' }
  return undefined
}

/**
 * Adds the next line to a command that needed more, as bash's history keeps it (cmdhist with
 * lithist: the newlines stay, a backslash-newline pair goes).
 */
export function joinContinuation(before: string, continuation: Continuation, line: string): string {
  return continuation.how === 'backslash' ? before.slice(0, -1) + line : `${before}\n${line}`
}

/**
 * How the command continues once `line` is added: inside a here-document a line that is not
 * its delimiter changes nothing, which keeps pasting a long here-document linear.
 */
export function continueWith(
  before: string,
  continuation: Continuation,
  line: string,
): { text: string; continuation: Continuation | undefined } {
  const text = joinContinuation(before, continuation, line)
  const hereDoc = continuation.hereDoc
  if (hereDoc !== undefined) {
    const bare = hereDoc.stripTabs ? line.replace(/^\t+/, '') : line
    if (bare !== hereDoc.delimiter) return { text, continuation }
  }
  return { text, continuation: continuationOf(text) }
}
