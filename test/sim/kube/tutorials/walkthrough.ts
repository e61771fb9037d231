/**
 * What the tutorial walkthroughs share: a line typed in the main terminal, and a "second terminal"
 * for the commands the tutorials start in another window and leave running (`kubectl proxy`,
 * `kubectl port-forward`, `minikube tunnel`). Quai's Session runs one line at a time, so the
 * second terminal calls the command directly, with a terminal of its own whose Ctrl-C ends it.
 */
import { expect } from 'vitest'
import type { Session } from '../../../../src/sim/shell/session'
import { FakeTty } from '../../shell/editors/harness'

export interface Typed {
  stdout: string
  stderr: string
  exitCode: number
}

/** Runs `line` in the main terminal. */
export async function type(session: Session, line: string): Promise<Typed> {
  const r = await session.run(line)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

/** Runs `line` and expects exactly this stdout, no stderr, exit 0. */
export async function expectOut(session: Session, line: string, stdout: string): Promise<void> {
  expect(await type(session, line)).toEqual({ stdout, stderr: '', exitCode: 0 })
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

export async function waitFor(test: () => boolean, rounds = 400): Promise<void> {
  for (let i = 0; i < rounds && !test(); i++) await settle()
  if (!test()) throw new Error('waitFor: condition never became true')
}

export interface SecondTerminal {
  readonly tty: FakeTty
  /** What the command wrote on its terminal so far, with \r\n turned back into \n. */
  screen(): string
  /** Ctrl-C; resolves with the command's exit code. */
  interrupt(): Promise<number>
}

/** Starts `argv` in a second terminal and waits until it has written `ready`. */
export async function secondTerminal(
  session: Session,
  argv: readonly string[],
  ready: string,
): Promise<SecondTerminal> {
  const [name = '', ...args] = argv
  const command = session.commands.get(name)
  if (command === undefined) throw new Error(`no command ${name}`)
  const tty = new FakeTty()
  const controller = new AbortController()
  const signal = controller.signal
  // Its waits follow the virtual clock as the main terminal moves it, as a real terminal's would.
  const sleep = (ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      if (signal.aborted) return resolve(false)
      const timer = session.clock.setTimer(ms, () => resolve(!signal.aborted))
      signal.addEventListener(
        'abort',
        () => {
          session.clock.clearTimer(timer)
          resolve(false)
        },
        { once: true },
      )
    })
  const done = command.run(args, { ...session.commandContext(signal), tty, sleep })
  const screen = (): string => tty.output.replace(/\r\n/g, '\n')
  await waitFor(() => screen().includes(ready))
  return {
    tty,
    screen,
    interrupt: async () => {
      controller.abort()
      return (await done).exitCode
    },
  }
}
