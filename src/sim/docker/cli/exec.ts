import { FlagSet, listOpts } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import { shellOnTty } from '../../shell/terminal'
import { execDied, execStart } from '../engine/container-observe'
import type { ContainerRecord } from '../engine/container-record'
import { shellsOf } from '../engine/rootfs'
import { daemonFailure, dockerCommand, type DockerContext } from './command'
import { cannotExec, openContainerProcess, runToEnd, shellPrompt } from './container-shell'

const fail = (stderr: string, exitCode = 1): CommandOutput => ({ stdout: '', stderr, exitCode })

/** The shell's own words for a dead end (`Error response from daemon:` is the daemon's). */
const SHELL_NAMES = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'rbash'])

/** Reads an --env-file as docker/cli opts.ParseEnvFile does: `#` comments, blank lines skipped. */
async function envFile(path: string, ctx: DockerContext): Promise<string[] | string> {
  const full = ctx.shell.resolve(path)
  if (!(await ctx.shell.fs.exists(full))) return `open ${path}: no such file or directory`
  const text = await ctx.shell.fs.readFile(full)
  const out: string[] = []
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^\s+/, '')
    if (line === '' || line.startsWith('#')) continue
    const eq = line.indexOf('=')
    const name = eq === -1 ? line : line.slice(0, eq)
    if (/\s/.test(name)) return `variable '${name}' contains whitespaces`
    out.push(eq === -1 ? name : `${name}=${line.slice(eq + 1)}`)
  }
  return out
}

function isInteractiveShell(record: ContainerRecord, argv: readonly string[]): boolean {
  const base = argv[0]?.split('/').pop() ?? ''
  return SHELL_NAMES.has(base) && shellsOf(record.image).includes(base) && argv.length <= 2
}

export const containerExec = dockerCommand({
  path: 'docker container exec',
  use: '[OPTIONS] CONTAINER COMMAND [ARG...]',
  short: 'Execute a command in a running container',
  aliases: ['docker container exec', 'docker exec'],
  args: { kind: 'min', count: 2 },
  flags: () =>
    new FlagSet(
      [
        {
          name: 'detach',
          shorthand: 'd',
          type: 'bool',
          usage: 'Detached mode: run command in the background',
        },
        {
          name: 'detach-keys',
          type: 'string',
          usage: 'Override the key sequence for detaching a container',
        },
        listOpts({ name: 'env', shorthand: 'e', usage: 'Set environment variables' }),
        listOpts({ name: 'env-file', usage: 'Read in a file of environment variables' }),
        {
          name: 'interactive',
          shorthand: 'i',
          type: 'bool',
          usage: 'Keep STDIN open even if not attached',
        },
        { name: 'privileged', type: 'bool', usage: 'Give extended privileges to the command' },
        { name: 'tty', shorthand: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
        {
          name: 'user',
          shorthand: 'u',
          type: 'string',
          usage: 'Username or UID (format: "<name|uid>[:<group|gid>]")',
        },
        {
          name: 'workdir',
          shorthand: 'w',
          type: 'string',
          usage: 'Working directory inside the container',
        },
      ] as const,
      { interspersed: false },
    ),
  async run({ values, args }, ctx) {
    const [ref = '', ...argv] = args
    const env: string[] = []
    for (const file of values['env-file']) {
      const read = await envFile(file, ctx)
      if (typeof read === 'string') return fail(`${read}\n`)
      env.push(...read)
    }
    env.push(...values.env)
    // docker/cli inspects first, so "No such container" wins over a missing terminal.
    const record = ctx.engine.findContainer(ref)
    if (!record) return daemonFailure(`No such container: ${ref}`)
    const tty = ctx.shell.tty
    if (!values.detach && values.tty && values.interactive && tty === undefined)
      return fail('the input device is not a TTY\n')
    const started = execStart(ctx.engine, ref, argv)
    if (!started.ok) return daemonFailure(started.error.message)
    const exec = started.value
    const opened = await openContainerProcess(
      ctx.engine,
      record,
      { env, workdir: values.workdir, user: values.user, tty: values.tty },
      {
        fs: ctx.shell.fs,
        clock: ctx.shell.clock,
        env: ctx.shell.env,
        realtime: tty !== undefined && !values.detach,
      },
    )
    const refuse = (message: string, exitCode: number): CommandOutput => {
      execDied(ctx.engine, exec, exitCode)
      if (values.detach) return fail(`Error response from daemon: ${message}\n`)
      return { stdout: `${message}\r\n`, stderr: '', exitCode }
    }
    if (!opened.ok) return refuse(opened.message, 126)
    const proc = opened.process
    const refused = await cannotExec(proc, record, argv[0] ?? '')
    if (refused) return refuse(refused.message, refused.exitCode)
    if (values.tty && values.interactive && tty !== undefined && !values.detach) {
      if (isInteractiveShell(record, argv)) {
        await proc.session.run(`PS1='${shellPrompt(record, argv[0] ?? 'sh')}'`, {
          history: false,
        })
        const bash = (argv[0] ?? '').split('/').pop() === 'bash'
        const code = await shellOnTty(proc.session, tty, bash)
        await proc.containerFs.close()
        execDied(ctx.engine, exec, code)
        return { stdout: '', stderr: '', exitCode: code }
      }
    }
    const stdin = values.interactive && !values.tty ? ctx.shell.stdin : undefined
    const result = await runToEnd(proc, argv, stdin)
    await proc.containerFs.close()
    execDied(ctx.engine, exec, result.exitCode)
    if (values.detach) return { stdout: '', stderr: '', exitCode: 0 }
    // With a pseudo-TTY both streams arrive as one, with the terminal's CR LF line endings.
    if (values.tty)
      return {
        stdout: (result.stdout + result.stderr).replace(/\r?\n/g, '\r\n'),
        stderr: '',
        exitCode: result.exitCode,
      }
    return result
  },
})
