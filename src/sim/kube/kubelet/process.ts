/**
 * What a container's main process does, from its image's behaviour profile and the pod's
 * `command` (the image's ENTRYPOINT replaced) and `args` (its CMD replaced): serve forever, or
 * exit after a while with a code. Commands that are not the image's own are read the way a
 * student writes them — `sleep 3600`, `sh -c 'echo hi; exit 1'`, `tail -f /dev/null`,
 * `while true; do …; done` — without a shell interpreter: enough to know when and how they end.
 */
import { planProcess } from '../../docker/engine/process-model'
import type { CatalogImage, LogLine } from '../../docker/images/catalog-types'

export interface ContainerSpecLike {
  name: string
  image?: string
  command?: string[]
  args?: string[]
  env?: { name: string; value?: string }[]
  stdin?: boolean
  tty?: boolean
}

export interface ProcessBehaviour {
  /** undefined: runs until stopped. */
  readonly exit?: { readonly afterMs: number; readonly code: number }
  readonly logs: readonly LogLine[]
  /**
   * The exit code on SIGTERM; undefined when PID 1 ignores it (a shell or `sleep` as PID 1 has no
   * handler, so it waits out the grace period and is killed: 137).
   */
  readonly sigtermExit?: number
  /** What the process writes as it stops (nginx's "gracefully shutting down"). */
  readonly shutdownLogs: readonly LogLine[]
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh'])
const base = (program: string): string => program.slice(program.lastIndexOf('/') + 1)

/** `sleep 5`, `sleep 1m`, `sleep infinity` → milliseconds (Infinity for infinity). */
function sleepMs(arg: string | undefined): number {
  if (arg === undefined) return 0
  if (arg === 'infinity') return Number.POSITIVE_INFINITY
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg)
  if (m === null) return 0
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] ?? ''] ?? 1000
  return Number(m[1]) * unit
}

const unquote = (word: string): string => word.replace(/^(['"])(.*)\1$/, '$2')

/** Splits a script into simple commands on `;`, `&&`, `||` and newlines (quotes respected). */
function statements(script: string): string[][] {
  const out: string[][] = []
  let words: string[] = []
  let word = ''
  let quote = ''
  const endWord = (): void => {
    if (word !== '') words.push(word)
    word = ''
  }
  const endStatement = (): void => {
    endWord()
    if (words.length > 0) out.push(words)
    words = []
  }
  for (let i = 0; i < script.length; i++) {
    const ch = script.charAt(i)
    if (quote !== '') {
      if (ch === quote) quote = ''
      else word += ch
    } else if (ch === '"' || ch === "'") quote = ch
    else if (ch === ';' || ch === '\n') endStatement()
    else if ((ch === '&' || ch === '|') && script.charAt(i + 1) === ch) {
      endStatement()
      i++
    } else if (ch === ' ' || ch === '\t') endWord()
    else word += ch
  }
  endStatement()
  return out
}

interface ScriptRun {
  exit?: { afterMs: number; code: number }
  logs: LogLine[]
}

/** Plays a script's simple commands: echo writes, sleep waits, exit/false end, loops run forever. */
function runScript(script: string): ScriptRun {
  const logs: LogLine[] = []
  let elapsed = 0
  let pendingDelay = 0
  for (const words of statements(script)) {
    const [program = '', ...args] = words.map(unquote)
    const name = base(program)
    if (name === 'while' || name === 'until' || name === 'for') return { logs }
    if (name === 'tail' && args.includes('-f')) return { logs }
    if (name === 'echo' || name === 'printf') {
      logs.push({
        stream: 'stdout',
        text: args.filter((a) => a !== '-n' && a !== '-e').join(' '),
        ...(pendingDelay > 0 ? { delayMs: pendingDelay } : {}),
      })
      pendingDelay = 0
    } else if (name === 'sleep') {
      const ms = sleepMs(args[0])
      if (!Number.isFinite(ms)) return { logs }
      elapsed += ms
      pendingDelay += ms
    } else if (name === 'exit')
      return { logs, exit: { afterMs: elapsed, code: Number(args[0] ?? 0) || 0 } }
    else if (name === 'false') return { logs, exit: { afterMs: elapsed, code: 1 } }
  }
  return { logs, exit: { afterMs: elapsed, code: 0 } }
}

export function containerBehaviour(
  spec: ContainerSpecLike,
  image: CatalogImage | undefined,
): ProcessBehaviour {
  const config = image?.config
  const profile = image?.profile
  const entrypoint = spec.command ?? config?.Entrypoint ?? null
  // A `command` without `args` drops the image's CMD, as the container runtime does.
  const cmd = spec.args ?? (spec.command !== undefined ? null : (config?.Cmd ?? null))
  const env = (spec.env ?? []).map((e) => `${e.name}=${e.value ?? ''}`)
  const plan = planProcess({
    profile,
    imageCmd: config?.Cmd ?? null,
    imageEntrypoint: config?.Entrypoint ?? null,
    cmd,
    entrypoint,
    env: [...(config?.Env ?? []), ...env],
    interactive: spec.stdin === true,
    firstStart: true,
  })
  const shutdown = profile?.shutdown
  const serviceStop = { sigtermExit: shutdown?.code ?? 143, shutdownLogs: shutdown?.logs ?? [] }
  switch (plan.kind) {
    case 'service':
      return { logs: plan.logs, ...serviceStop }
    case 'exits':
      return { logs: plan.logs, exit: { afterMs: plan.afterMs, code: plan.code }, ...serviceStop }
    case 'waits-for-input':
      return { logs: [], shutdownLogs: [] }
    case 'command': {
      const [program = '', ...rest] = plan.argv
      const name = base(program)
      if (SHELLS.has(name)) {
        const script = rest[0] === '-c' ? (rest[1] ?? '') : ''
        const run = runScript(script)
        return { logs: run.logs, ...(run.exit ? { exit: run.exit } : {}), shutdownLogs: [] }
      }
      const run = runScript(plan.argv.map((w) => (/\s/.test(w) ? `'${w}'` : w)).join(' '))
      // The image's own program under another spelling (`nginx -g 'daemon off;'`) serves.
      const own = [...(config?.Entrypoint ?? []), ...(config?.Cmd ?? [])].map(base)
      if (own.includes(name) && profile !== undefined && profile.exit === undefined)
        return { logs: profile.startup, ...serviceStop }
      const builtin = ['sleep', 'echo', 'printf', 'exit', 'false', 'true', 'tail'].includes(name)
      if (!builtin) return { logs: profile?.startup ?? [], ...serviceStop }
      return { logs: run.logs, ...(run.exit ? { exit: run.exit } : {}), shutdownLogs: [] }
    }
  }
}
