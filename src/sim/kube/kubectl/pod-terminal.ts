/**
 * A pod process's shell on the student's terminal (`kubectl exec -ti POD -- bash`, `kubectl run
 * -it --image=busybox -- sh`): its own prompt and line editing (a Quai shell over the container's
 * files), driven through the terminal until it exits. The student's shell waits meanwhile.
 */
import { shellsOf } from '../../docker/engine/rootfs'
import { shellPrompt } from '../../docker/cli/container-shell'
import type { Tty } from '../../shell/pty'
import { shellOnTty } from '../../shell/terminal'
import type { PodProcess } from './pod-process'

const SHELL_NAMES = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'rbash'])

/** Whether `argv` starts an interactive shell the image has (`bash`, `/bin/sh`, `sh -i`). */
export function isInteractiveShell(proc: PodProcess, argv: readonly string[]): boolean {
  const base = argv[0]?.split('/').pop() ?? ''
  return (
    SHELL_NAMES.has(base) &&
    shellsOf(proc.podFs.record.image).includes(base) &&
    (argv.length === 1 || (argv.length === 2 && /^-[il]+$/.test(argv[1] ?? '')))
  )
}

/** Runs the shell on the terminal; resolves with its exit status (130 on Ctrl-C). */
export async function shellOnTerminal(proc: PodProcess, shell: string, tty: Tty): Promise<number> {
  await proc.session.run(`PS1='${shellPrompt(proc.podFs.record, shell)}'`, { history: false })
  const bash = (shell.split('/').pop() ?? '') === 'bash'
  return shellOnTty(proc.session, tty, bash)
}
