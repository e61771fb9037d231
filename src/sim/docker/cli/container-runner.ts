/**
 * The engine's CommandRunner: what runs when a container's command is not its image's own
 * (`docker run alpine echo hi`, `docker run -d busybox sh -c 'sleep 5; echo done'`). The command
 * gets a bash interpreter of its own over the container's filesystem (container-shell.ts, the
 * same process model `docker exec` uses); its output reaches the container's log statement by
 * statement, its sleeps wait on the virtual clock like any process in the background, and what
 * it writes stays in the container's layer, volumes and bind-mounted host files.
 */
import { getCommandNames, parse, serialize } from 'just-bash'
import type { VirtualClock } from '../../core/clock'
import { VirtualFs } from '../../fs/virtual-fs'
import { builtinCommands } from '../../shell/commands'
import type { ContainerRecord } from '../engine/container-record'
import type { CommandRunner, DockerEngine } from '../engine/engine'
import { imageRootFs, shellFamily, shellsOf } from '../engine/rootfs'
import { ContainerFs } from '../engine/container-fs'
import { readApp, registerApp } from '../apps/app-service'
import { processWords } from '../build/shell-lex'
import { runsDefaultCommand } from './container-follow'
import { openContainerProcess, shellLine } from './container-shell'
import { emulatedPrograms, imagePrograms } from './container-programs'

const SHELLS = ['sh', 'bash', 'ash', 'dash', 'rbash', 'zsh']
const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']

/** Programs an image ships besides its distribution's tools, by repository (its own binaries). */
const IMAGE_PROGRAMS: Record<string, readonly string[]> = {
  nginx: ['nginx'],
  httpd: ['httpd', 'apachectl'],
  redis: ['redis-server', 'redis-cli'],
  postgres: ['postgres', 'psql', 'pg_ctl', 'initdb'],
  mysql: ['mysql', 'mysqld', 'mysqladmin'],
  mariadb: ['mariadb', 'mariadbd', 'mysql', 'mysqld'],
  mongo: ['mongod', 'mongosh'],
  python: ['python', 'python3', 'pip', 'pip3'],
  node: ['node', 'npm', 'npx', 'yarn', 'corepack'],
  golang: ['go', 'gofmt'],
  'eclipse-temurin': ['java', 'javac', 'jshell'],
  php: ['php', 'pecl', 'docker-php-ext-install'],
}

/** `--version` answers of the runtimes students ask first, from the image's own version variable. */
const VERSION_ANSWERS: Record<
  string,
  { env: string; flags: string[]; text: (v: string) => string; stderr?: boolean }
> = {
  python: { env: 'PYTHON_VERSION', flags: ['--version', '-V'], text: (v) => `Python ${v}` },
  python3: { env: 'PYTHON_VERSION', flags: ['--version', '-V'], text: (v) => `Python ${v}` },
  node: { env: 'NODE_VERSION', flags: ['--version', '-v'], text: (v) => `v${v}` },
  nginx: {
    env: 'NGINX_VERSION',
    flags: ['-v'],
    text: (v) => `nginx version: nginx/${v}`,
    stderr: true,
  },
  go: { env: 'GOLANG_VERSION', flags: ['version'], text: (v) => `go version go${v} linux/amd64` },
}

const OCI_PREFIX =
  'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: '

let knownCommands: Set<string> | undefined

/** Commands a container's interpreter has (just-bash's, Quai's own, and the process helpers). */
function interpreterCommands(): Set<string> {
  knownCommands ??= new Set([
    ...getCommandNames(),
    ...builtinCommands.map((c) => c.name),
    'env',
    'printenv',
    'hostname',
    'whoami',
    ...SHELLS,
  ])
  return knownCommands
}

function programsOf(record: ContainerRecord): Set<string> {
  const config = record.image.inspect.Config
  const repository = record.image.catalog?.repository ?? ''
  const own = [config.Entrypoint?.[0], config.Cmd?.[0]].flatMap((p) =>
    p === undefined ? [] : [p.split('/').pop() ?? p],
  )
  return new Set([...own, ...(IMAGE_PROGRAMS[repository] ?? [])])
}

/** Files the container has at `path`: its layer, then its image's root filesystem. */
function hasFile(record: ContainerRecord, path: string): boolean {
  return record.files.has(path) || imageRootFs(record.image).files.has(path)
}

/** A fresh shell's script for argv: `sh -c SCRIPT` runs the script itself, anything else as words. */
function scriptFor(argv: readonly string[], shells: readonly string[]): string {
  const base = argv[0]?.split('/').pop() ?? ''
  if (argv.length === 3 && argv[1] === '-c' && shells.includes(base)) return argv[2] ?? ''
  return shellLine(argv)
}

/** How the runner drives a process's shell: a line with its output streamed, or captured. */
interface ShellDriver {
  run(line: string): Promise<{ exitCode: number; exited: boolean }>
  capture(line: string): Promise<string>
}

interface Node {
  type: string
  [key: string]: unknown
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string'

/** The one loop a top-level statement is made of, when its body has no break or continue. */
function loopOf(statement: Node): Node | undefined {
  const pipelines = statement.pipelines
  if (!Array.isArray(pipelines) || pipelines.length !== 1 || statement.background) return undefined
  const pipeline: unknown = pipelines[0]
  if (!isNode(pipeline) || pipeline.negated) return undefined
  const commands = pipeline.commands
  if (!Array.isArray(commands) || commands.length !== 1) return undefined
  const command: unknown = commands[0]
  if (!isNode(command) || !['While', 'Until', 'For'].includes(command.type)) return undefined
  const redirections = command.redirections
  if (Array.isArray(redirections) && redirections.length > 0) return undefined
  if (/"value":"(break|continue)"/.test(JSON.stringify(command.body))) return undefined
  return command
}

const source = (statements: unknown[]): string =>
  serialize({ type: 'Script', statements } as unknown as Parameters<typeof serialize>[0])

/** The statement `statement` with its single command replaced. */
function withCommand(statement: Node, command: Node): Node {
  const pipeline = (statement.pipelines as Node[])[0] as Node
  return { ...statement, pipelines: [{ ...pipeline, commands: [command] }] }
}

const quoteWord = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`

/** Bounds an unrolled loop as the interpreter bounds its own (maxLoopIterations). */
const MAX_ITERATIONS = 50_000

/**
 * Runs a script statement by statement, so its output reaches the log as each one finishes. A
 * top-level loop (`while true; do echo tick; sleep 1; done`, the classic of container logs) is
 * run one iteration, and one body statement, at a time too.
 */
async function runStreaming(
  shell: ShellDriver,
  script: string,
  signal?: AbortSignal,
): Promise<number> {
  let statements: unknown[]
  try {
    statements = (parse(script) as unknown as { statements: unknown[] }).statements
  } catch {
    return (await shell.run(script)).exitCode
  }
  let exitCode = 0
  const step = async (text: string): Promise<boolean> => {
    const result = await shell.run(text)
    exitCode = result.exitCode
    return !result.exited && signal?.aborted !== true
  }
  const runBody = async (body: unknown[]): Promise<boolean> => {
    for (const inner of body) if (!(await step(source([inner])))) return false
    return true
  }
  for (const statement of statements) {
    const loop = isNode(statement) ? loopOf(statement) : undefined
    if (!isNode(statement) || !loop) {
      if (!(await step(source([statement])))) return exitCode
      continue
    }
    const body = Array.isArray(loop.body) ? (loop.body as unknown[]) : []
    exitCode = 0
    if (loop.type === 'For') {
      // The word list, expanded by the shell itself: the loop with a body that prints each word.
      const printer = (
        parse(`printf '%s\\0' "$${String(loop.variable)}"`) as unknown as {
          statements: unknown[]
        }
      ).statements
      const listed = await shell.capture(
        source([withCommand(statement, { ...loop, body: printer })]),
      )
      const words = listed.split('\0').slice(0, -1).slice(0, MAX_ITERATIONS)
      for (const word of words) {
        if (!(await step(`${String(loop.variable)}=${quoteWord(word)}`))) return exitCode
        if (!(await runBody(body))) return exitCode
      }
      continue
    }
    const condition = source(Array.isArray(loop.condition) ? (loop.condition as unknown[]) : [])
    for (let i = 0; i < MAX_ITERATIONS; i++) {
      const tested = await shell.run(condition)
      if (tested.exited || signal?.aborted === true) return tested.exitCode
      if ((tested.exitCode === 0) !== (loop.type === 'While')) break
      if (!(await runBody(body))) return exitCode
    }
  }
  return exitCode
}

/** Words after which a runtime only reports and exits, rather than running an application. */
const ONE_SHOT_FLAGS = new Set([
  '--version',
  '-v',
  '-V',
  'version',
  '--help',
  '-h',
  '-c',
  '-e',
  '-m',
])

/**
 * The command an entrypoint script or init wrapper ends up exec-ing: official images'
 * `docker-entrypoint.sh node server.js` runs `node server.js`; `tini --`, `dumb-init`, `gosu USER`
 * and `su-exec USER` hand over the same way.
 */
function withoutWrappers(argv: readonly string[]): readonly string[] {
  let rest = argv
  for (let guard = 0; guard < 4; guard++) {
    const base = rest[0]?.split('/').pop() ?? ''
    if (/entrypoint(\.sh)?$/.test(base) || base === 'dumb-init') rest = rest.slice(1)
    else if (base === 'tini') rest = rest.slice(rest[1] === '--' ? 2 : 1)
    else if (base === 'gosu' || base === 'su-exec') rest = rest.slice(2)
    else break
  }
  return rest
}

/**
 * The words of a shell-form command (`CMD python app.py` is `/bin/sh -c "python app.py"`) when
 * its script is one plain command, `exec` or not: the shell then runs just that program.
 */
function shellFormCommand(argv: readonly string[]): string[] | undefined {
  const base = argv[0]?.split('/').pop() ?? ''
  if (argv.length !== 3 || argv[1] !== '-c' || !SHELLS.includes(base)) return undefined
  const script = (argv[2] ?? '').trim()
  if (/[;&|<>()`$\n]/.test(script.replace(/'[^']*'|"[^"$`]*"/g, ''))) return undefined
  try {
    const words = processWords(script.replace(/^exec\s+/, ''), new Map())
    return words.length > 0 ? words : undefined
  } catch {
    return undefined
  }
}

/** Flags whose next word is the program itself: `node -e CODE`, `python -c CODE`. */
const INLINE_CODE_FLAGS = new Set(['-e', '--eval', '-c'])

/**
 * Inline code that keeps its process alive: it listens on a socket, serves forever, or loops or
 * ticks without end (`node -e "http.createServer(…).listen(3000)"`, `python -c "while True: …"`).
 */
const SERVING_CODE =
  /\.listen\s*\(|serve_forever|\bapp\.run\s*\(|setInterval\s*\(|while\s*\(?\s*(?:True|true|1)\s*\)?\s*:?/

/** `python -m MODULE` that serves: the standard library's web server, and app servers. */
const SERVING_MODULES = new Set([
  'http.server',
  'SimpleHTTPServer',
  'flask',
  'uvicorn',
  'gunicorn',
  'django',
])

/**
 * Whether `argv` starts an application that keeps running: a runtime given a script or an app
 * (`node server.js`, `python app.py`, `java -jar app.jar`, `dotnet App.dll`), a package script
 * (`npm start`, `yarn dev`), or an application server (`flask run`, `gunicorn …`, `uvicorn …`).
 */
export function runsAsServer(command: readonly string[]): boolean {
  const argv = withoutWrappers(command)
  const base = argv[0]?.split('/').pop() ?? ''
  const first = argv[1] ?? ''
  if (
    ['gunicorn', 'uvicorn', 'hypercorn', 'waitress-serve', 'nodemon', 'pm2-runtime'].includes(base)
  )
    return argv.length > 1 && !ONE_SHOT_FLAGS.has(first)
  if (base === 'flask') return first === 'run'
  if (base === 'npm' || base === 'yarn' || base === 'pnpm' || base === 'bun')
    return ['start', 'run', 'dev', 'serve'].includes(first)
  if (base === 'rails') return first === 'server' || first === 's'
  if (base === 'php') return first === '-S' || (first === 'artisan' && argv[2] === 'serve')
  if (base === 'go') return first === 'run'
  if (['node', 'python', 'python3', 'java', 'dotnet', 'ruby', 'deno'].includes(base)) {
    if (INLINE_CODE_FLAGS.has(first)) return SERVING_CODE.test(argv[2] ?? '')
    if (first === '-m') return SERVING_MODULES.has(argv[2] ?? '')
    return argv.length > 1 && !ONE_SHOT_FLAGS.has(first)
  }
  return false
}

export class ContainerCommandRunner implements CommandRunner {
  private engine: DockerEngine | undefined
  private active = 0
  private sleeping = 0
  private waiters: Array<() => void> = []
  /** The shared clock, seen through a view that counts the timers processes sleep on. */
  private readonly processClock: VirtualClock

  constructor(
    private readonly clock: VirtualClock,
    private readonly hostFs: VirtualFs | undefined,
  ) {
    const view = Object.create(clock) as VirtualClock
    view.setTimer = (ms, callback) => {
      this.sleeping++
      this.wake()
      return clock.setTimer(ms, () => {
        this.sleeping--
        callback()
      })
    }
    view.clearTimer = (timer) => {
      this.sleeping--
      clock.clearTimer(timer)
      this.wake()
    }
    this.processClock = view
  }

  /** The engine it serves (the engine takes the runner at construction, hence afterwards). */
  attach(engine: DockerEngine): void {
    this.engine = engine
  }

  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve()
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  private isIdle(): boolean {
    return this.active === 0 || this.sleeping >= this.active
  }

  private wake(): void {
    if (!this.isIdle()) return
    const waiters = this.waiters
    this.waiters = []
    for (const resolve of waiters) resolve()
  }

  cannotStart(
    record: ContainerRecord,
    argv: readonly string[],
  ): { message: string; exitCode: number } | undefined {
    if (runsDefaultCommand(record)) return undefined
    const program = argv[0] ?? ''
    const base = program.split('/').pop() ?? program
    const shells = shellsOf(record.image)
    const missingShell = SHELLS.includes(base) && !shells.includes(base)
    const noSystem =
      shellFamily(record.image) === 'none' || record.image.catalog?.profile.shell === null
    const known =
      !missingShell &&
      (programsOf(record).has(base) ||
        emulatedPrograms(record).has(base) ||
        (!noSystem && interpreterCommands().has(base)))
    if (program.includes('/')) {
      const inBin = PATH_DIRS.includes(program.slice(0, program.lastIndexOf('/')))
      // The image's own ENTRYPOINT/CMD binary exists in it, wherever it lives (`/portainer`).
      const config = record.image.inspect.Config
      const own = program === config.Entrypoint?.[0] || program === config.Cmd?.[0]
      if (own || hasFile(record, program) || (known && inBin)) return undefined
      return {
        message: `${OCI_PREFIX}"${program}": stat ${program}: no such file or directory: unknown`,
        exitCode: 127,
      }
    }
    if (known || PATH_DIRS.some((dir) => hasFile(record, `${dir}/${program}`))) return undefined
    return {
      message: `${OCI_PREFIX}"${program}": executable file not found in $PATH: unknown`,
      exitCode: 127,
    }
  }

  /**
   * A tool image's entrypoint script (curlimages/curl's /entrypoint.sh): arguments that are
   * options, or whose first word is no command, get the tool put in front; a command runs as is.
   */
  private throughEntrypointScript(
    record: ContainerRecord,
    argv: readonly string[],
  ): readonly string[] {
    const prepends = record.image.catalog?.profile.tool?.prepends
    const script = record.image.inspect.Config.Entrypoint?.[0]
    if (prepends === undefined || script === undefined || argv[0] !== script) return argv
    const rest = argv.slice(1)
    const first = rest[0] ?? ''
    const command =
      first !== '' &&
      !first.startsWith('-') &&
      (interpreterCommands().has(first) ||
        emulatedPrograms(record).has(first) ||
        imagePrograms(record).has(first) ||
        (first.includes('/') && hasFile(record, first)))
    return command ? rest : [prepends, ...rest]
  }

  /**
   * Reads the app from the container's files as its process starts, so connections to its ports
   * find it (apps/app-service.ts), and writes its start-up lines. Counted as active meanwhile:
   * the engine settles only once the app is listening.
   */
  private async startApp(
    engine: DockerEngine,
    record: ContainerRecord,
    argv: readonly string[],
    io: { write(stream: 'stdout' | 'stderr', text: string): void },
  ): Promise<void> {
    this.active++
    try {
      const startedMs = this.clock.now()
      const containerFs = await ContainerFs.open(engine, record, this.hostFs)
      const server = await readApp(containerFs.fs, record, argv, startedMs)
      if (server === undefined) return
      registerApp(record, server)
      for (const line of server.startup) io.write(line.stream, `${line.text}\n`)
    } finally {
      this.active--
      this.wake()
    }
  }

  async run(
    record: ContainerRecord,
    argv: readonly string[],
    io?: { write(stream: 'stdout' | 'stderr', text: string): void; signal: AbortSignal },
  ): Promise<{ stdout: string; stderr: string; exitCode: number }> {
    const engine = this.engine
    if (!engine) return { stdout: '', stderr: '', exitCode: 0 }
    argv = this.throughEntrypointScript(record, argv)
    const base = argv[0]?.split('/').pop() ?? ''
    const answer = VERSION_ANSWERS[base]
    if (answer && answer.flags.includes(argv[1] ?? '') && argv.length === 2) {
      const version = record.config.Env.find((e) => e.startsWith(`${answer.env}=`))?.slice(
        answer.env.length + 1,
      )
      const text = `${answer.text(version ?? '')}\n`
      return answer.stderr
        ? { stdout: '', stderr: text, exitCode: 0 }
        : { stdout: text, stderr: '', exitCode: 0 }
    }
    // An application server started as the main process (`node server.js`, `flask run`,
    // `gunicorn app:app`…) serves until the container is stopped, as the real one would.
    const serverArgv = withoutWrappers(shellFormCommand(argv) ?? argv)
    const app = serverArgv[0]?.split('/').pop() ?? ''
    if (
      io !== undefined &&
      runsAsServer(serverArgv) &&
      (programsOf(record).has(app) || imagePrograms(record).has(app))
    ) {
      await this.startApp(engine, record, serverArgv, io)
      return new Promise((resolve) => {
        if (io.signal.aborted) resolve({ stdout: '', stderr: '', exitCode: 143 })
        else
          io.signal.addEventListener('abort', () =>
            resolve({ stdout: '', stderr: '', exitCode: 143 }),
          )
      })
    }
    // An image's own program that Quai does not emulate runs, and ends, without a word.
    if (
      !interpreterCommands().has(base) &&
      !emulatedPrograms(record).has(base) &&
      programsOf(record).has(base)
    )
      return { stdout: '', stderr: '', exitCode: 0 }
    this.active++
    try {
      const opened = await openContainerProcess(
        engine,
        record,
        { env: [], workdir: '', user: '', tty: record.config.Tty },
        {
          fs: this.hostFs ?? new VirtualFs(),
          clock: this.processClock,
          env: new Map(),
          realtime: true,
        },
      )
      if (!opened.ok) return { stdout: '', stderr: `${opened.message}\n`, exitCode: 126 }
      const running = opened.process
      let stdout = ''
      let stderr = ''
      const write = (stream: 'stdout' | 'stderr', text: string): void => {
        if (io) io.write(stream, text)
        else if (stream === 'stdout') stdout += text
        else stderr += text
      }
      const signal = io ? { signal: io.signal } : {}
      const exitCode = await runStreaming(
        {
          run: (line) =>
            running.session.run(line, {
              history: false,
              ...signal,
              onChunk: (chunk) => write(chunk.stream, chunk.text),
            }),
          capture: async (line) =>
            (await running.session.run(line, { history: false, ...signal })).stdout,
        },
        scriptFor(argv, shellsOf(record.image)),
        io?.signal,
      )
      await running.containerFs.close()
      return { stdout, stderr, exitCode }
    } finally {
      this.active--
      this.wake()
    }
  }
}
