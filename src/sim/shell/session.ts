import { Bash, decodeBytesToUtf8, defineCommand, parse, serialize } from 'just-bash'
import type { ExecResult } from 'just-bash'
import { VirtualClock } from '../core/clock'
import { SeededRandom } from '../core/random'
import { withVirtualGlobals, withVirtualGlobalsSync } from '../core/virtual-globals'
import {
  MissingDirectoryError,
  NoSpaceLeftError,
  VirtualFs,
  type FsSnapshot,
} from '../fs/virtual-fs'
import { loadCarriedState, type CarriedState } from './bash-bridge'
import { CommandRegistry, type CommandContext, type ShellCommand } from './command'
import { builtinCommands } from './commands'
import { editorCommands } from './commands/editors'
import { World } from '../world'
import { dockerShellCommand } from '../docker/cli/docker'
import { networkToolCommands } from './commands/network'
import { kubectlShellCommand } from '../kube/kubectl/kubectl'
import { minikubeShellCommand } from '../kube/minikube/minikube-cli'
import { dockerComposeV1Command } from '../compose/cli/docker-compose'
import { functionDefinitionsIn, planLine, type FunctionDefinition } from './statements'
import { HOME, HOSTNAME, USER, initialEnv, seedFiles } from './user-environment'
import type { Tty } from './pty'

export interface SessionOptions {
  seed?: number
  clock?: VirtualClock
  /**
   * 'instant': a sleep moves the clock at once (tests, scripts, graders).
   * 'realtime': a sleep waits for the host to move the clock (the terminal hosts).
   */
  timing?: 'instant' | 'realtime'
  fsLimitBytes?: number
  commands?: readonly ShellCommand[]
  /** Another machine's shell (`docker exec -it web sh`) instead of the student's own. */
  machine?: SessionMachine
}

/**
 * Who and where a shell runs when it is not the student's machine: a container's filesystem,
 * user, host name and environment. It has no docker CLI of its own.
 */
export interface SessionMachine {
  readonly fs: VirtualFs
  readonly user: string
  readonly uid: number
  readonly hostname: string
  readonly cwd: string
  readonly env: Readonly<Record<string, string>>
}

/** What the prompt's \u, \h and \$ show. */
export interface SessionIdentity {
  readonly user: string
  readonly uid: number
  readonly hostname: string
}

export interface RunOptions {
  stdin?: string
  tty?: Tty
  signal?: AbortSignal
  /** Called as each statement of the line finishes, so a terminal can show output in order. */
  onChunk?: (chunk: OutputChunk) => void
  /** Record the line in history (default true). */
  history?: boolean
}

export interface OutputChunk {
  stream: 'stdout' | 'stderr'
  text: string
}

export type StateDomain = 'fs' | 'cwd' | 'env' | 'history'

export interface RunResult {
  stdout: string
  stderr: string
  exitCode: number
  /** stdout and stderr in the order they were produced. */
  chunks: OutputChunk[]
  /** The line ran `exit`: the shell is over. */
  exited: boolean
  changed: StateDomain[]
}

export interface SessionSnapshot {
  version: 1
  seed: number
  random: [number, number, number, number]
  clockMs: number
  fs: FsSnapshot
  env: Record<string, string>
  exported: string[]
  cwd: string
  previousDir: string
  lastExitCode: number
  history: string[]
  /** Function definitions as bash source, re-parsed on restore. */
  functions: string[]
}

const EXECUTION_LIMITS = {
  // Bounds that stop `while true; do :; done` or a fork bomb within a second or so.
  maxCommandCount: 50_000,
  maxLoopIterations: 50_000,
  maxCallDepth: 100,
  // The interpreter reads its deadline from Date, which is the virtual clock while a line runs:
  // this bounds how much virtual time one line may wait (`sleep 30`, an attached `docker run`).
  maxExecutionTimeMs: 24 * 60 * 60 * 1000,
  maxOutputSize: 16 * 1024 * 1024,
}

export class Session {
  readonly clock: VirtualClock
  readonly random: SeededRandom
  readonly fs: VirtualFs
  readonly commands = new CommandRegistry()
  /** The simulated machine: its Docker daemon (later its cluster). */
  readonly world: World
  readonly seed: number
  readonly timing: 'instant' | 'realtime'
  /** Set for another machine's shell; the student's own uses Quai's constants. */
  readonly identity: SessionIdentity | undefined
  private readonly home: string
  private readonly bash: Bash
  private carried: CarriedState
  private functionSources = new Map<string, string>()
  private readonly historyLines: string[] = []
  private running: { tty: Tty | undefined; signal: AbortSignal } | undefined
  private queue: Promise<void> = Promise.resolve()

  private constructor(options: SessionOptions, fs: VirtualFs, random?: SeededRandom) {
    this.seed = options.seed ?? 1
    this.clock = options.clock ?? new VirtualClock()
    this.random = random ?? new SeededRandom(this.seed)
    this.timing = options.timing ?? 'instant'
    this.fs = fs
    this.world = new World(this.clock, this.seed, fs)
    const machine = options.machine
    this.identity = machine && { user: machine.user, uid: machine.uid, hostname: machine.hostname }
    this.home = machine?.env.HOME ?? HOME
    const env = machine ? { ...machine.env } : initialEnv()
    const cwd = machine?.cwd ?? HOME
    const toolCommands = machine
      ? []
      : [
          dockerShellCommand(this.world),
          dockerComposeV1Command(this.world),
          kubectlShellCommand(this.world),
          minikubeShellCommand(this.world),
          ...networkToolCommands(this.world),
        ]
    for (const command of [
      ...builtinCommands,
      ...editorCommands,
      ...toolCommands,
      ...(options.commands ?? []),
    ])
      this.commands.register(command)
    // The interpreter writes its /bin stubs now: under virtual time, so they are deterministic.
    this.bash = withVirtualGlobalsSync(
      this.clock,
      this.random,
      () =>
        new Bash({
          fs,
          cwd,
          env,
          defenseInDepth: false,
          executionLimits: EXECUTION_LIMITS,
          processInfo: machine
            ? { pid: 1, ppid: 0, uid: machine.uid, gid: machine.uid }
            : { pid: 4242, ppid: 4241, uid: 1000, gid: 1000 },
          sleep: (ms) => this.sleep(ms).then(() => undefined),
          customCommands: this.commands.all().map((c) => this.adapt(c)),
        }),
    )
    this.carried = {
      env,
      exported: Object.keys(env),
      cwd,
      previousDir: cwd,
      lastExitCode: 0,
      functions: new Map(),
    }
  }

  static async create(options: SessionOptions = {}): Promise<Session> {
    if (options.machine) return new Session(options, options.machine.fs)
    // The root directories get the virtual clock's time, like every file after them.
    const clock = options.clock ?? new VirtualClock()
    const fs = withVirtualGlobalsSync(
      clock,
      new SeededRandom(0),
      () => new VirtualFs(options.fsLimitBytes),
    )
    const session = new Session({ ...options, clock }, fs)
    await withVirtualGlobals(session.clock, session.random, () => seedFiles(fs))
    fs.revision = 0
    return session
  }

  get cwd(): string {
    return this.carried.cwd
  }

  get env(): Readonly<Record<string, string>> {
    return this.carried.env
  }

  get history(): readonly string[] {
    return this.historyLines
  }

  get lastExitCode(): number {
    return this.carried.lastExitCode
  }

  /** The alias table, as `alias` lists it (just-bash keeps aliases as BASH_ALIAS_* variables). */
  aliases(): Map<string, string> {
    const found = new Map<string, string>()
    for (const [key, value] of Object.entries(this.carried.env))
      if (key.startsWith('BASH_ALIAS_')) found.set(key.slice('BASH_ALIAS_'.length), value)
    return found
  }

  functionNames(): string[] {
    return [...this.functionSources.keys()].sort()
  }

  /** Sets `$?`, as a shell does when Ctrl-C cancels the line being edited (130). */
  setLastExitCode(code: number): void {
    this.carried.lastExitCode = code
  }

  /**
   * Runs one command line (which may hold several statements) and reports what it did. Runs
   * never overlap: a second call waits for the first, as lines typed ahead wait in a real tty.
   */
  run(line: string, options: RunOptions = {}): Promise<RunResult> {
    const next = this.queue.then(() => this.runNow(line, options))
    this.queue = next.then(
      () => undefined,
      () => undefined,
    )
    return next
  }

  private async runNow(line: string, options: RunOptions): Promise<RunResult> {
    const fsRevision = this.fs.revision
    const before = { cwd: this.carried.cwd, env: JSON.stringify(this.carried.env) }
    const changed = new Set<StateDomain>()
    if (options.history !== false && line.trim() !== '') {
      if (this.historyLines[this.historyLines.length - 1] !== line) this.historyLines.push(line)
      changed.add('history')
    }
    const signal = options.signal ?? new AbortController().signal
    const chunks: OutputChunk[] = []
    const emit = (stream: OutputChunk['stream'], text: string): void => {
      if (text === '') return
      const chunk = { stream, text }
      chunks.push(chunk)
      options.onChunk?.(chunk)
    }
    let exitCode = this.carried.lastExitCode
    let exited = false
    this.running = { tty: options.tty, signal }
    try {
      await withVirtualGlobals(this.clock, this.random, async () => {
        let pieces = planLine(line, options.stdin !== undefined)
        for (let i = 0; i < pieces.length; i++) {
          let piece = pieces[i]
          if (piece === undefined || signal.aborted) break
          // Under `set -e` the interpreter must see the rest of the line at once, to stop it
          // at the first failure the way bash does.
          if (i > 0 && errexitIsOn(this.carried.env)) {
            const [rest] = planLine(line.slice(piece.start), true)
            if (rest === undefined) break
            piece = rest
            pieces = []
          }
          const result = await this.exec(piece.text, options.stdin, signal)
          emit('stdout', result.stdout)
          // On Ctrl-C bash prints nothing but the ^C the terminal already echoed.
          emit(
            'stderr',
            inQuaiWords(signal.aborted ? dropAbortNotice(result.stderr) : result.stderr),
          )
          exitCode = result.exitCode
          this.carried.lastExitCode = exitCode
          // After `exit`, just-bash hands back the environment it started from, which never
          // holds `?`; a script that ends any other way reports its final `?`.
          if (result.env === undefined || (result.env['?'] === undefined && piece.runsExit)) {
            exited = true
            break
          }
          this.absorb(result.env, piece.functions)
        }
      })
    } finally {
      this.running = undefined
    }
    if (signal.aborted && !exited) {
      exitCode = 130
      this.carried.lastExitCode = 130
    }
    if (this.fs.revision !== fsRevision) changed.add('fs')
    if (this.carried.cwd !== before.cwd) changed.add('cwd')
    if (JSON.stringify(this.carried.env) !== before.env) changed.add('env')
    return {
      stdout: chunks
        .filter((c) => c.stream === 'stdout')
        .map((c) => c.text)
        .join(''),
      stderr: chunks
        .filter((c) => c.stream === 'stderr')
        .map((c) => c.text)
        .join(''),
      exitCode,
      chunks,
      exited,
      changed: [...changed],
    }
  }

  /** Waits `ms` on the virtual clock; resolves false when interrupted first. */
  sleep(ms: number, signal: AbortSignal | undefined = this.running?.signal): Promise<boolean> {
    if (this.timing === 'instant') return this.advanceInstantly(ms, signal)
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve(false)
      const onAbort = (): void => {
        this.clock.clearTimer(timer)
        resolve(false)
      }
      const timer = this.clock.setTimer(ms, () => {
        signal?.removeEventListener('abort', onAbort)
        resolve(true)
      })
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /**
   * Instant timing moves the clock at once, but timer by timer: what the daemon's containers do
   * in between (a command's next statement, a restart) runs before the next timer fires, as it
   * would while real time passes.
   */
  private async advanceInstantly(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
    const target = this.clock.now() + Math.max(ms, 0)
    for (let step = 0; step < 10_000; step++) {
      const due = this.clock.nextDueAt()
      if (due === undefined || due > target) break
      this.clock.advance(Math.max(due - this.clock.now(), 1))
      await this.world.docker.settle()
    }
    if (target > this.clock.now()) this.clock.advance(target - this.clock.now())
    return signal?.aborted !== true
  }

  private async exec(
    script: string,
    stdin: string | undefined,
    signal: AbortSignal,
  ): Promise<ExecResult> {
    loadCarriedState(this.bash, this.carried)
    try {
      return await this.bash.exec(script, {
        signal,
        rawScript: true,
        ...(stdin === undefined ? {} : { stdin }),
      })
    } catch (error) {
      // The interpreter lets filesystem errors escape; a shell reports them and goes on.
      const env = { ...this.carried.env, '?': '1' }
      if (error instanceof MissingDirectoryError) {
        const path = error.data?.path ?? ''
        const shown = path.startsWith(`${this.carried.cwd}/`)
          ? path.slice(this.carried.cwd.length + 1)
          : path
        return { stdout: '', stderr: `bash: ${shown}: ${error.message}\n`, exitCode: 1, env }
      }
      if (error instanceof NoSpaceLeftError)
        return { stdout: '', stderr: `bash: ${error.message}\n`, exitCode: 1, env }
      const message = error instanceof Error ? error.message : String(error)
      return { stdout: '', stderr: `bash: internal error: ${message}\n`, exitCode: 1, env }
    }
  }

  private absorb(env: Record<string, string>, functions: Map<string, FunctionDefinition>): void {
    const next = { ...env }
    delete next['?']
    this.carried.env = next
    this.carried.previousDir = next.OLDPWD ?? this.carried.previousDir
    this.carried.cwd = next.PWD ?? this.carried.cwd
    this.absorbFunctions(functions)
  }

  private adapt(command: ShellCommand) {
    return defineCommand(command.name, async (args, ctx) => {
      const context: CommandContext = {
        cwd: ctx.cwd,
        env: ctx.env,
        stdin: decodeBytesToUtf8(ctx.stdin),
        fs: this.fs,
        clock: this.clock,
        random: this.random,
        tty: this.running?.tty,
        signal: this.running?.signal ?? new AbortController().signal,
        history: this.historyLines,
        commands: this.commands,
        resolve: (path) =>
          this.fs.resolvePath(ctx.cwd, path.startsWith('~') ? this.home + path.slice(1) : path),
        sleep: (ms) => this.sleep(ms),
        ...(ctx.exec === undefined
          ? {}
          : {
              exec: async (line: string) => {
                const r = await ctx.exec?.(line, { cwd: ctx.cwd })
                return {
                  stdout: r?.stdout ?? '',
                  stderr: r?.stderr ?? '',
                  exitCode: r?.exitCode ?? 127,
                }
              },
            }),
      }
      return command.run(args, context)
    })
  }

  /**
   * A context for calling a command directly, without bash (benchmarks, hosts' panels actions):
   * the session's working directory and exported environment.
   */
  commandContext(signal: AbortSignal = new AbortController().signal): CommandContext {
    const cwd = this.carried.cwd
    return {
      cwd,
      env: new Map(Object.entries(this.carried.env)),
      stdin: '',
      fs: this.fs,
      clock: this.clock,
      random: this.random,
      tty: undefined,
      signal,
      history: this.historyLines,
      commands: this.commands,
      resolve: (path) =>
        this.fs.resolvePath(cwd, path.startsWith('~') ? this.home + path.slice(1) : path),
      sleep: (ms) => this.sleep(ms),
    }
  }

  async snapshot(): Promise<SessionSnapshot> {
    return {
      version: 1,
      seed: this.seed,
      random: this.random.state(),
      clockMs: this.clock.now(),
      fs: await this.fs.snapshot(),
      env: { ...this.carried.env },
      exported: [...this.carried.exported],
      cwd: this.carried.cwd,
      previousDir: this.carried.previousDir,
      lastExitCode: this.carried.lastExitCode,
      history: [...this.historyLines],
      functions: [...this.functionSources.values()],
    }
  }

  static async restore(
    snapshot: SessionSnapshot,
    options: Omit<SessionOptions, 'seed' | 'clock'> = {},
  ): Promise<Session> {
    const fs = await VirtualFs.fromSnapshot(snapshot.fs)
    const session = new Session(
      { ...options, seed: snapshot.seed, clock: new VirtualClock(snapshot.clockMs) },
      fs,
      SeededRandom.fromState(snapshot.random),
    )
    session.historyLines.push(...snapshot.history)
    session.carried = {
      env: { ...snapshot.env },
      exported: [...snapshot.exported],
      cwd: snapshot.cwd,
      previousDir: snapshot.previousDir,
      lastExitCode: snapshot.lastExitCode,
      functions: new Map(),
    }
    for (const source of snapshot.functions) session.absorbFunctions(functionDefinitionsIn(source))
    return session
  }

  private absorbFunctions(definitions: Map<string, FunctionDefinition>): void {
    if (definitions.size === 0) return
    for (const [name, definition] of definitions) {
      this.functionSources.set(name, definition.source)
      const functions = new Map(this.carried.functions)
      functions.set(name, definition.node)
      this.carried.functions = functions
    }
  }
}

export { HOME, HOSTNAME, USER, serialize, parse }

/** The interpreter's limit messages name its own settings; a student needs to know what happened. */
function inQuaiWords(stderr: string): string {
  return stderr
    .replace(/, increase executionLimits\.\w+/g, ' (stopped by Quai)')
    .replace(
      /^bash: syntax error: Parse error at 1:1: Input too large: (\d+) bytes exceeds limit of (\d+)$/m,
      'bash: command line too long: $1 bytes (Quai reads at most $2)',
    )
}

function errexitIsOn(env: Readonly<Record<string, string>>): boolean {
  return (env.SHELLOPTS ?? '').split(':').includes('errexit')
}

function dropAbortNotice(stderr: string): string {
  return stderr.replace(/^bash: execution aborted\n?/m, '')
}
