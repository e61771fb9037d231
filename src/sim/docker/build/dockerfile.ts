/**
 * Reading a Dockerfile the way BuildKit's dockerfile frontend does (frontend/dockerfile/parser,
 * instructions/parse.go): parser directives, instructions with their flags, JSON or shell form,
 * heredocs, build stages and their names, and the errors with the line they point at.
 * dockerfile-ast does the tokenising; the rules and messages here are BuildKit's.
 */
import { DockerfileParser, type Instruction as AstInstruction } from 'dockerfile-ast'
import { splitWords } from './shell-lex'

/** 1-based, inclusive line numbers of an instruction, as BuildKit's source maps hold them. */
export interface LineRange {
  readonly start: number
  readonly end: number
}

export interface Heredoc {
  readonly name: string
  readonly content: string
  /** `<<-EOF`: leading tabs removed. */
  readonly chomp: boolean
  /** `<<EOF` expands variables; `<<'EOF'` and `<<"EOF"` do not. */
  readonly expand: boolean
}

export interface Flag {
  readonly name: string
  readonly value: string | null
}

export interface Instruction {
  /** Upper case: `RUN`. */
  readonly keyword: string
  /** As written: `run`, `Run`. */
  readonly written: string
  /**
   * BuildKit's node.Original: the instruction's lines with continuations joined (and, for a
   * heredoc, only the line that opens it). Vertex names and error excerpts come from it.
   */
  readonly original: string
  readonly range: LineRange
  readonly flags: readonly Flag[]
  /** The arguments after the flags, continuations joined, not yet expanded. */
  readonly text: string
  /** The JSON (exec) form's strings, when the arguments are a JSON array of strings. */
  readonly json: readonly string[] | undefined
  readonly heredocs: readonly Heredoc[]
}

export interface Stage {
  readonly from: Instruction
  /** The image or stage named after FROM (before ARG expansion). */
  readonly base: string
  /** Lower-cased `AS` name, or undefined. */
  readonly name: string | undefined
  readonly platform: string | undefined
  readonly commands: Instruction[]
}

export interface ParsedDockerfile {
  readonly directives: ReadonlyMap<string, string>
  readonly escape: string
  /** ARG instructions before the first FROM. */
  readonly metaArgs: readonly Instruction[]
  readonly stages: readonly Stage[]
  readonly instructions: readonly Instruction[]
}

/** A Dockerfile error: the message BuildKit gives, and the lines its excerpt shows. */
export class DockerfileError extends Error {
  constructor(
    message: string,
    readonly range: LineRange | undefined,
  ) {
    super(message)
    this.name = 'DockerfileError'
  }
}

/** Every instruction BuildKit knows (command/command.go), in its order. */
export const INSTRUCTIONS = [
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
] as const

const FLAGS: Record<string, readonly string[]> = {
  FROM: ['platform'],
  COPY: ['chown', 'from', 'chmod', 'link', 'parents', 'exclude'],
  ADD: ['chown', 'chmod', 'link', 'keep-git-dir', 'checksum', 'exclude', 'unpack'],
  RUN: ['mount', 'network', 'security', 'device'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
}
const BOOLEAN_FLAGS = new Set(['link', 'parents', 'keep-git-dir', 'unpack'])
const REPEATABLE_FLAGS = new Set(['mount', 'exclude', 'device'])

const VALID_STAGE_NAME = /^[a-z][a-z0-9-_.]*$/

/** BuildKit's util/suggest: the closest known word within an edit distance of 2. */
export function suggest(
  value: string,
  options: readonly string[],
  caseSensitive: boolean,
): string | undefined {
  const wanted = caseSensitive ? value : value.toLowerCase()
  let best: string | undefined
  let bestDistance = 3
  for (const option of options) {
    const candidate = caseSensitive ? option : option.toLowerCase()
    if (candidate === wanted) return undefined
    const distance = levenshtein(wanted, candidate)
    if (distance < bestDistance) {
      bestDistance = distance
      best = caseSensitive ? option : matchCase(candidate, value)
    }
  }
  return best
}

function matchCase(value: string, original: string): string {
  if (original === original.toLowerCase()) return value.toLowerCase()
  if (original === original.toUpperCase()) return value.toUpperCase()
  return value
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0
      row[j] = Math.min(
        (row[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        previous + (a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1),
      )
      previous = current
    }
  }
  return row[b.length] ?? 0
}

const parseError = (line: number, message: string, range: LineRange): DockerfileError =>
  new DockerfileError(`dockerfile parse error on line ${line}: ${message}`, range)

/** Parses a Dockerfile; throws DockerfileError with BuildKit's message. */
export function parseDockerfile(text: string): ParsedDockerfile {
  if (text.length === 0) throw new DockerfileError('the Dockerfile cannot be empty', undefined)
  const ast = DockerfileParser.parse(text)
  const directives = new Map<string, string>()
  for (const d of ast.getDirectives()) directives.set(d.getName().toLowerCase(), d.getValue())
  const escape = ast.getEscapeCharacter()
  const lines = text.split('\n')
  const astInstructions = ast.getInstructions()
  if (astInstructions.length === 0)
    throw new DockerfileError('file with no instructions', undefined)
  const instructions = astInstructions.map((i) => toInstruction(i, lines, escape))
  const metaArgs: Instruction[] = []
  const stages: Stage[] = []
  for (const instruction of instructions) {
    validate(instruction)
    if (instruction.keyword === 'FROM') {
      stages.push(toStage(instruction))
      continue
    }
    const current = stages[stages.length - 1]
    if (current === undefined) {
      if (instruction.keyword === 'ARG') {
        metaArgs.push(instruction)
        continue
      }
      throw new DockerfileError('no build stage in current context', instruction.range)
    }
    current.commands.push(instruction)
  }
  if (stages.length === 0)
    throw new DockerfileError('dockerfile contains no stages to build', undefined)
  return { directives, escape, metaArgs, stages, instructions }
}

function toInstruction(
  node: AstInstruction,
  lines: readonly string[],
  escape: string,
): Instruction {
  const range = node.getRange()
  const start = range.start.line
  const heredocs = ('getHeredocs' in node ? readHeredocs(node, lines) : []) as Heredoc[]
  const firstHeredocLine = heredocStartLine(node)
  const lastLine = firstHeredocLine ?? range.end.line
  const original = joinContinuations(lines.slice(start, lastLine + 1), escape)
  const flags =
    'getFlags' in node && typeof node.getFlags === 'function'
      ? (node.getFlags() as Array<{ getName(): string; getValue(): string | null }>).map((f) => ({
          name: f.getName(),
          value: f.getValue(),
        }))
      : []
  const written = node.getInstruction()
  const keyword = written.toUpperCase()
  const text = argumentsText(original, written, flags.length)
  return {
    keyword,
    written,
    original,
    range: { start: start + 1, end: range.end.line + 1 },
    flags,
    text,
    json: jsonForm(text),
    heredocs,
  }
}

function heredocStartLine(node: AstInstruction): number | undefined {
  if (!('getHeredocs' in node)) return undefined
  const docs = (
    node as unknown as { getHeredocs(): Array<{ getStartRange(): { start: { line: number } } }> }
  ).getHeredocs()
  const first = docs[0]
  return first === undefined ? undefined : first.getStartRange().start.line
}

function readHeredocs(node: AstInstruction, lines: readonly string[]): Heredoc[] {
  const docs = (
    node as unknown as {
      getHeredocs(): Array<{
        getName(): string
        getStartRange(): { start: { line: number; character: number } }
        getContentRange(): { start: { line: number } } | null
        getDelimiterRange(): { start: { line: number } } | null
      }>
    }
  ).getHeredocs()
  return docs.map((doc) => {
    const opener = lines[doc.getStartRange().start.line] ?? ''
    const marker = new RegExp(`<<(-?)\\s*(["']?)${escapeRegExp(doc.getName())}\\2`).exec(opener)
    const chomp = marker?.[1] === '-'
    const quoted = (marker?.[2] ?? '') !== ''
    const from = doc.getContentRange()?.start.line
    const to = doc.getDelimiterRange()?.start.line
    let body = ''
    if (from !== undefined && to !== undefined)
      body = lines
        .slice(from, to)
        .map((l) => `${chomp ? l.replace(/^\t+/, '') : l}\n`)
        .join('')
    return { name: doc.getName(), content: body, chomp, expand: !quoted }
  })
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Joins an instruction's physical lines: an escape character at the end of a line continues it;
 * comment lines and empty lines inside a continuation are dropped (parser.go).
 */
function joinContinuations(lines: readonly string[], escape: string): string {
  let out = ''
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '')
    if (i > 0 && (line.trim() === '' || line.trimStart().startsWith('#'))) return
    const trimmed = line.replace(/\s+$/, '')
    if (trimmed.endsWith(escape) && i < lines.length - 1) out += trimmed.slice(0, -escape.length)
    else out += line
  })
  return out.trim()
}

/** The arguments part of the original: after the keyword and the `--flag` words. */
function argumentsText(original: string, written: string, flagCount: number): string {
  let rest = original.slice(written.length).trimStart()
  for (let i = 0; i < flagCount; i++) {
    const word = splitWords(rest)[0] ?? ''
    rest = rest.slice(rest.indexOf(word) + word.length).trimStart()
  }
  return rest
}

function jsonForm(text: string): string[] | undefined {
  const trimmed = text.trim()
  if (!trimmed.startsWith('[')) return undefined
  try {
    const value: unknown = JSON.parse(trimmed)
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[]
  } catch {
    return undefined
  }
  return undefined
}

function validate(instruction: Instruction): void {
  const { keyword, range } = instruction
  const line = range.start
  if (!(INSTRUCTIONS as readonly string[]).includes(keyword)) {
    const hint = suggest(instruction.written, INSTRUCTIONS, false)
    throw parseError(
      line,
      `unknown instruction: ${instruction.written}${hint === undefined ? '' : ` (did you mean ${hint}?)`}`,
      range,
    )
  }
  const allowed = FLAGS[keyword] ?? []
  const seen = new Set<string>()
  for (const flag of instruction.flags) {
    if (!allowed.includes(flag.name)) throw parseError(line, `Unknown flag: ${flag.name}`, range)
    if (seen.has(flag.name) && !REPEATABLE_FLAGS.has(flag.name))
      throw parseError(line, `Duplicate flag specified: ${flag.name}`, range)
    seen.add(flag.name)
    if (flag.value === null && !BOOLEAN_FLAGS.has(flag.name))
      throw parseError(line, `Missing a value on flag: ${flag.name}`, range)
  }
  const words = splitWords(instruction.text)
  const atLeastOne = `${keyword} requires at least one argument`
  switch (keyword) {
    case 'COPY':
    case 'ADD':
      if ((instruction.json?.length ?? words.length) < 2)
        throw parseError(
          line,
          `${keyword} requires at least two arguments, but only one was provided. Destination could not be determined`,
          range,
        )
      break
    case 'WORKDIR':
    case 'USER':
    case 'STOPSIGNAL':
    case 'MAINTAINER':
      if (keyword === 'MAINTAINER' ? instruction.text === '' : words.length !== 1)
        throw parseError(line, `${keyword} requires exactly one argument`, range)
      break
    case 'EXPOSE':
    case 'VOLUME':
    case 'ARG':
    case 'ONBUILD':
    case 'HEALTHCHECK':
    case 'ENV':
    case 'LABEL':
      if (instruction.text === '') throw parseError(line, atLeastOne, range)
      break
    case 'SHELL':
      if (instruction.json === undefined)
        throw parseError(line, `SHELL requires the arguments to be in JSON form`, range)
      if (instruction.json.length === 0) throw parseError(line, atLeastOne, range)
      break
    case 'FROM': {
      if (words.length === 3 && words[1]?.toLowerCase() === 'as') {
        const name = words[2] ?? ''
        if (!VALID_STAGE_NAME.test(name.toLowerCase()))
          throw parseError(
            line,
            `invalid name for build stage: "${name}", name can't start with a number or contain symbols`,
            range,
          )
      } else if (words.length !== 1)
        throw parseError(line, 'FROM requires either one or three arguments', range)
      break
    }
  }
  if (keyword === 'ONBUILD') {
    const trigger = (words[0] ?? '').toUpperCase()
    if (trigger === 'ONBUILD')
      throw parseError(line, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", range)
    if (trigger === 'MAINTAINER' || trigger === 'FROM')
      throw parseError(line, `${trigger} isn't allowed as an ONBUILD trigger`, range)
  }
}

function toStage(from: Instruction): Stage {
  const words = splitWords(from.text)
  const name = words.length === 3 ? (words[2] ?? '').toLowerCase() : undefined
  const platform = from.flags.find((f) => f.name === 'platform')?.value ?? undefined
  return { from, base: words[0] ?? '', name, platform, commands: [] }
}

/**
 * Key/value pairs of ENV, LABEL and ARG-like instructions (parser/line_parsers.go parseNameVal):
 * `KEY=value …` pairs, or the legacy `KEY value with spaces` form.
 */
export function keyValuePairs(
  instruction: Instruction,
  escape: string,
): { pairs: Array<{ key: string; value: string }>; legacy: boolean } {
  const words = splitWords(instruction.text, escape)
  const first = words[0] ?? ''
  if (!first.includes('=')) {
    const match = /^(\S+)\s+([\s\S]*)$/.exec(instruction.text)
    if (match === null)
      throw new DockerfileError(`${instruction.keyword} must have two arguments`, instruction.range)
    return { pairs: [{ key: match[1] ?? '', value: match[2] ?? '' }], legacy: true }
  }
  const pairs = words.map((word) => {
    const eq = word.indexOf('=')
    if (eq < 0)
      throw new DockerfileError(
        `Syntax error - can't find = in "${word}". Must be of the form: name=value`,
        instruction.range,
      )
    if (eq === 0)
      throw new DockerfileError(`${instruction.keyword} names can not be blank`, instruction.range)
    return { key: word.slice(0, eq), value: word.slice(eq + 1) }
  })
  return { pairs, legacy: false }
}
