/**
 * `docker run -it ubuntu bash`: the container's main process is the image's shell, reading the
 * student's terminal. Its prompt and line editing are a Quai shell over the container's files
 * (container-shell.ts, as `docker exec -it` has it); when the shell exits, so does the
 * container, with the shell's status.
 */
import type { Tty } from '../../shell/pty'
import { shellOnTty } from '../../shell/terminal'
import type { ContainerRecord } from '../engine/container-record'
import { shellsOf } from '../engine/rootfs'
import type { DockerContext } from './command'
import { openContainerProcess, shellPrompt } from './container-shell'

/** The shell the main process is (`bash`, `sh`), when it is a bare shell waiting for input. */
export function interactiveShellOf(record: ContainerRecord): string | undefined {
  const argv = [...(record.config.Entrypoint ?? []), ...(record.config.Cmd ?? [])]
  if (argv.length !== 1) return undefined
  const base = argv[0]?.split('/').pop() ?? ''
  return shellsOf(record.image).includes(base) ? base : undefined
}

/** Runs the container's shell on the terminal; the container's main process ends with it. */
export async function runShellOnTerminal(
  ctx: DockerContext,
  record: ContainerRecord,
  shell: string,
  tty: Tty,
): Promise<number> {
  const opened = await openContainerProcess(
    ctx.engine,
    record,
    { env: [], workdir: '', user: '', tty: true },
    { fs: ctx.shell.fs, clock: ctx.shell.clock, env: ctx.shell.env, realtime: true },
  )
  if (!opened.ok) {
    tty.write(`${opened.message}\r\n`)
    ctx.engine.mainProcessExited(record.id, 126)
    return 126
  }
  const running = opened.process
  await running.session.run(`PS1='${shellPrompt(record, shell)}'`, { history: false })
  const code = await shellOnTty(running.session, tty, false)
  await running.containerFs.close()
  ctx.engine.mainProcessExited(record.id, code)
  return code
}
