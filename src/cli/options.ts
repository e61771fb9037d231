import { version } from '../../package.json'

/**
 * The `quai` command line, read the way bash reads its own: options first, then either the
 * `-c` command string or a script file, and everything after that belongs to the script
 * (`bash FILE -x` passes `-x` to the script). A first operand naming a subcommand
 * (`quai api …`) hands the rest of the line to that subcommand instead.
 */
export type Invocation =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'usage-error'; message: string }
  /** `quai -c LINE [NAME [ARG…]]`: NAME would be `$0` in bash; ARGs become `$1…`. */
  | { kind: 'command'; seed: number; line: string; args: string[] }
  /** `quai FILE [ARG…]` */
  | { kind: 'script'; seed: number; path: string; args: string[] }
  /** `quai` or `quai - [ARG…]`: interactive on a terminal, else a script read from stdin. */
  | { kind: 'shell'; seed: number; args: string[] }
  | { kind: 'subcommand'; seed: number; name: string; args: string[] }

export const VERSION = version
export const DEFAULT_SEED = 1

export const USAGE = `Usage: quai [--seed N] [FILE [ARG...]]
       quai [--seed N] -c COMMAND [NAME [ARG...]]
`

/** What `quai NAME …` can name instead of a script (see src/cli/subcommands.ts). */
export interface SubcommandSummary {
  name: string
  summary: string
}

const MODES: readonly [string, string][] = [
  ['quai', 'interactive shell (when standard input is a terminal)'],
  ['quai < FILE', 'run the script read from standard input'],
  ['quai FILE [ARG...]', 'run the script FILE (read from this computer)'],
  ['quai -c COMMAND', 'run COMMAND and exit with its status'],
]

const OPTIONS: readonly [string, string][] = [
  ['-c', 'read commands from the first operand'],
  ['--seed N', `seed of the simulated machine's randomness (default ${DEFAULT_SEED})`],
  ['--help', 'show this help and exit'],
  ['--version', 'show the version and exit'],
]

function table(rows: readonly (readonly [string, string])[]): string {
  return rows.map(([left, right]) => `  ${left.padEnd(20)}  ${right}\n`).join('')
}

export function helpText(subcommands: readonly SubcommandSummary[]): string {
  const sections = [
    USAGE,
    'Quai: a simulated bash with docker, kubectl and friends, for learning offline.\n' +
      'Nothing typed into Quai touches this computer: its files and processes are simulated.\n',
    table(MODES),
    `Options:\n${table(OPTIONS)}`,
  ]
  if (subcommands.length > 0)
    sections.push(`Subcommands:\n${table(subcommands.map((s) => [`${s.name} ...`, s.summary]))}`)
  return sections.join('\n')
}

/** The largest seed SeededRandom keeps (it folds seeds to 32 bits). */
const MAX_SEED = 0xffff_ffff

function parseSeed(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined
  const seed = Number(text)
  return seed <= MAX_SEED ? seed : undefined
}

export function parseArguments(
  argv: readonly string[],
  subcommands: ReadonlySet<string>,
): Invocation {
  let seed = DEFAULT_SEED
  let commandMode = false
  let at = 0
  for (; at < argv.length; at++) {
    const arg = argv[at] ?? ''
    if (arg === '--') {
      at++
      break
    }
    if (arg === '--help') return { kind: 'help' }
    if (arg === '--version') return { kind: 'version' }
    if (arg === '--seed' || arg.startsWith('--seed=')) {
      const value = arg === '--seed' ? argv[++at] : arg.slice('--seed='.length)
      if (value === undefined)
        return { kind: 'usage-error', message: '--seed: option requires an argument' }
      const parsed = parseSeed(value)
      if (parsed === undefined)
        return { kind: 'usage-error', message: `--seed: ${value}: invalid number` }
      seed = parsed
      continue
    }
    if (arg === '-' || !arg.startsWith('-')) break
    if (arg.startsWith('--')) return { kind: 'usage-error', message: `${arg}: invalid option` }
    // Short options may be grouped, as in bash (`-cc`); -c is the only one Quai knows.
    for (const letter of arg.slice(1)) {
      if (letter !== 'c') return { kind: 'usage-error', message: `-${letter}: invalid option` }
      commandMode = true
    }
  }
  const operands = argv.slice(at)
  const first = operands[0]
  if (commandMode) {
    if (first === undefined)
      return { kind: 'usage-error', message: '-c: option requires an argument' }
    // bash -c LINE NAME ARG…: NAME is $0, which the session does not model; ARGs are $1….
    return { kind: 'command', seed, line: first, args: operands.slice(2) }
  }
  if (first === undefined) return { kind: 'shell', seed, args: [] }
  if (first === '-') return { kind: 'shell', seed, args: operands.slice(1) }
  if (subcommands.has(first))
    return { kind: 'subcommand', seed, name: first, args: operands.slice(1) }
  return { kind: 'script', seed, path: first, args: operands.slice(1) }
}
