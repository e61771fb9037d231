/**
 * Processes inside a container: `docker exec` (and anything else that runs a command in one)
 * opens the container's filesystem, runs the command with a bash interpreter of its own whose
 * user, host name and environment are the container's, and writes the changes back.
 *
 * The process environment is the daemon's (moby container.CreateDaemonEnvironment): PATH,
 * HOSTNAME and TERM (with -t) first, the container's Env over them, the exec's -e over that,
 * then HOME from the user's passwd entry if still unset.
 */
import type { VirtualClock } from '../../core/clock'
import type { VirtualFs } from '../../fs/virtual-fs'
import { output, type CommandOutput, type ShellCommand } from '../../shell/command'
import { Session } from '../../shell/session'
import { ContainerFs } from '../engine/container-fs'
import type { ContainerRecord } from '../engine/container-record'
import type { DockerEngine } from '../engine/engine'
import { shellFamily, shellsOf } from '../engine/rootfs'
import { containerPrograms, emulatedPrograms } from './container-programs'

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

export interface ProcessSpec {
  /** `-e` values: `NAME=value`, or `NAME` to pass the client's own value. */
  env: readonly string[]
  /** `-w`; '' for the container's working directory. */
  workdir: string
  /** `-u`; '' for the container's user. */
  user: string
  tty: boolean
}

/** ReplaceOrAppendEnvValues: later entries replace earlier ones with the same name. */
function mergeEnv(base: string[], overrides: readonly string[]): string[] {
  const out = [...base]
  for (const entry of overrides) {
    const name = entry.split('=')[0] ?? entry
    const at = out.findIndex((e) => (e.split('=')[0] ?? e) === name)
    if (!entry.includes('=')) {
      // A bare name removes the variable (the client left it out: unset on its side).
      if (at !== -1) out.splice(at, 1)
      continue
    }
    if (at === -1) out.push(entry)
    else out[at] = entry
  }
  return out
}

interface PasswdEntry {
  name: string
  uid: number
  gid: number
  home: string
  shell: string
}

async function passwd(fs: VirtualFs): Promise<PasswdEntry[]> {
  if (!(await fs.exists('/etc/passwd'))) return []
  const text = await fs.readFile('/etc/passwd')
  return text
    .split('\n')
    .map((line) => line.split(':'))
    .filter((f) => f.length >= 7)
    .map((f) => ({
      name: f[0] ?? '',
      uid: Number(f[2]),
      gid: Number(f[3]),
      home: f[5] ?? '/',
      shell: f[6] ?? '',
    }))
}

/** A process started in a container: its shell session and how to finish it. */
export interface ContainerProcess {
  readonly session: Session
  readonly containerFs: ContainerFs
  /** The environment as the process got it, in order (what `env` prints). */
  readonly env: readonly string[]
  readonly user: string
  readonly uid: number
  readonly cwd: string
}

export type OpenResult = { ok: true; process: ContainerProcess } | { ok: false; message: string }

/** `env` and `printenv` as the process sees them: its environment, in the order it got it. */
function envCommand(name: string, order: readonly string[]): ShellCommand {
  const names = order.map((e) => e.split('=')[0] ?? e)
  return {
    name,
    summary: 'print the environment',
    run: async (args, ctx) => {
      const exported = new Map(ctx.env)
      const lines: string[] = []
      for (const key of names) {
        const value = exported.get(key)
        if (value !== undefined) lines.push(`${key}=${value}`)
      }
      if (name === 'printenv' && args.length > 0) {
        const found = args.map((a) => exported.get(a)).filter((v) => v !== undefined)
        return output(found.map((v) => `${v}\n`).join(''), '', found.length === args.length ? 0 : 1)
      }
      return output(lines.map((l) => `${l}\n`).join(''))
    },
  }
}

/** Opens a process's view of the container: filesystem, user, environment, working directory. */
export async function openContainerProcess(
  engine: DockerEngine,
  record: ContainerRecord,
  spec: ProcessSpec,
  host: { fs: VirtualFs; clock: VirtualClock; env: ReadonlyMap<string, string>; realtime: boolean },
): Promise<OpenResult> {
  const containerFs = await ContainerFs.open(engine, record, host.fs)
  const fs = containerFs.fs
  const users = await passwd(fs)
  const wanted = spec.user !== '' ? spec.user : record.config.User
  const [userPart = '', groupPart] = wanted.split(':')
  let entry: PasswdEntry | undefined
  if (userPart === '')
    entry = users.find((u) => u.uid === 0) ?? {
      name: 'root',
      uid: 0,
      gid: 0,
      home: '/root',
      shell: '/bin/sh',
    }
  else if (/^\d+$/.test(userPart))
    entry = users.find((u) => u.uid === Number(userPart)) ?? {
      name: userPart,
      uid: Number(userPart),
      gid: Number(groupPart ?? userPart),
      home: '/',
      shell: '',
    }
  else entry = users.find((u) => u.name === userPart)
  if (!entry)
    return {
      ok: false,
      message: `unable to find user ${userPart}: no matching entries in passwd file`,
    }
  const cwd = spec.workdir !== '' ? spec.workdir : record.config.WorkingDir || '/'
  if (!(await fs.exists(cwd))) {
    if (spec.workdir !== '')
      return {
        ok: false,
        message: `OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("${cwd}") set in config.json failed: no such file or directory: unknown`,
      }
    fs.mkdirSync(cwd, { recursive: true })
  }
  let env = [`PATH=${DEFAULT_PATH}`, `HOSTNAME=${record.config.Hostname}`]
  if (spec.tty) env.push('TERM=xterm')
  env = mergeEnv(env, record.config.Env)
  env = mergeEnv(
    env,
    spec.env.map((e) => (e.includes('=') ? e : `${e}=${host.env.get(e) ?? ''}`)),
  )
  if (!env.some((e) => e.startsWith('HOME='))) env.push(`HOME=${entry.home}`)
  const envRecord: Record<string, string> = {}
  for (const e of env) {
    const eq = e.indexOf('=')
    envRecord[e.slice(0, eq)] = e.slice(eq + 1)
  }
  const user = entry.name
  const uid = entry.uid
  const hostname = record.config.Hostname
  const commands: ShellCommand[] = [
    envCommand('env', env),
    envCommand('printenv', env),
    {
      name: 'hostname',
      summary: "show the system's host name",
      run: async () => output(`${hostname}\n`),
    },
    { name: 'whoami', summary: 'print effective user name', run: async () => output(`${user}\n`) },
    ...containerPrograms(engine, record),
  ]
  const session = await Session.create({
    clock: host.clock,
    seed: engine.services.random.nextUint32(),
    timing: host.realtime ? 'realtime' : 'instant',
    commands,
    machine: { fs, user, uid, hostname, cwd, env: envRecord },
  })
  // The interpreter's own start-up (its command stubs) is not a change the container made.
  fs.revision = 0
  return { ok: true, process: { session, containerFs, env, user, uid, cwd } }
}

/** Words as a shell line, quoted where the shell would split or expand them. */
export function shellLine(argv: readonly string[]): string {
  return argv
    .map((word) =>
      word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)
        ? word
        : `'${word.replace(/'/g, `'\\''`)}'`,
    )
    .join(' ')
}

/**
 * Why the runtime cannot start `argv[0]` in this container (runc's "executable file not found"),
 * with the exit code docker gives it; undefined when it can.
 */
export async function cannotExec(
  proc: ContainerProcess,
  record: ContainerRecord,
  program: string,
): Promise<{ message: string; exitCode: number } | undefined> {
  const fs = proc.containerFs.fs
  const shells = shellsOf(record.image)
  const base = program.split('/').pop() ?? program
  const isShell = ['sh', 'bash', 'ash', 'dash', 'rbash'].includes(base)
  const noShell = isShell && !shells.includes(base)
  // The image's shells all exist, whatever the interpreter calls them (BusyBox's ash is sh here).
  if (isShell && !noShell && !program.includes('/')) return undefined
  const noSystem =
    shellFamily(record.image) === 'none' || record.image.catalog?.profile.shell === null
  const prefix = 'OCI runtime exec failed: exec failed: unable to start container process: exec: '
  if (program.includes('/')) {
    const path = program.startsWith('/') ? program : `${proc.cwd}/${program}`
    if (!noShell && !(noSystem && !record.image.files.has(path)) && (await fs.exists(path)))
      return undefined
    return {
      message: `${prefix}"${program}": stat ${program}: no such file or directory: unknown`,
      exitCode: 127,
    }
  }
  if (!noShell && !noSystem) {
    if (emulatedPrograms(record).has(program)) return undefined
    const path = proc.env.find((e) => e.startsWith('PATH='))?.slice(5) ?? DEFAULT_PATH
    for (const dir of path.split(':'))
      if (dir !== '' && (await fs.exists(`${dir}/${program}`))) return undefined
  }
  return {
    message: `${prefix}"${program}": executable file not found in $PATH: unknown`,
    exitCode: 127,
  }
}

/** Runs `argv` to its end in the process, without a terminal. */
export async function runToEnd(
  proc: ContainerProcess,
  argv: readonly string[],
  stdin: string | undefined,
): Promise<CommandOutput> {
  // The interpreter is one shell under many names: ash and dash run as its sh.
  const [program = '', ...rest] = argv
  const base = program.split('/').pop() ?? program
  const words = ['ash', 'dash', 'rbash'].includes(base) ? ['sh', ...rest] : argv
  const result = await proc.session.run(shellLine(words), {
    history: false,
    ...(stdin === undefined ? {} : { stdin }),
  })
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }
}

/** PS1 for the image's shell: BusyBox ash `/ # `, bash `root@host:/# `, dash `# `. */
export function shellPrompt(record: ContainerRecord, shell: string): string {
  const base = shell.split('/').pop() ?? shell
  if (shellFamily(record.image) === 'alpine') return '\\w \\$ '
  if (base === 'bash') return '\\u@\\h:\\w\\$ '
  return '\\$ '
}
