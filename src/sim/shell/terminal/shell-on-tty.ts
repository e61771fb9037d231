/**
 * A nested interactive shell (`docker exec -it c bash`, `kubectl exec -ti pod -- sh`) driven
 * through the student's terminal until it exits; the student's own shell waits meanwhile, as it
 * does around the real clients.
 */
import type { Session } from '../session'
import type { Tty } from '../pty'
import { createShellTerminal } from './shell-terminal'

/** Resolves with the nested shell's exit status, 130 when the terminal interrupts it. */
export function shellOnTty(session: Session, tty: Tty, bash: boolean): Promise<number> {
  const terminal = createShellTerminal(session, { cols: tty.cols, rows: tty.rows })
  return new Promise<number>((resolve) => {
    const stops: Array<() => void> = []
    let done = false
    let lastInput = ''
    const finish = (code: number): void => {
      if (done) return
      done = true
      for (const stop of stops) stop()
      terminal.dispose()
      // bash echoes "exit" when its exit builtin ends it, not when Ctrl-D's line editor does.
      if (bash && code !== 130 && !lastInput.endsWith('\x04')) tty.write('exit\r\n')
      resolve(code)
    }
    stops.push(terminal.onOutput((data) => tty.write(data)))
    stops.push(
      tty.onInput((data) => {
        lastInput = data
        terminal.input(data)
      }),
    )
    stops.push(tty.onResize((cols, rows) => terminal.resize(cols, rows)))
    const onAbort = (): void => finish(130)
    tty.signal.addEventListener('abort', onAbort, { once: true })
    stops.push(() => tty.signal.removeEventListener('abort', onAbort))
    terminal.onExit(finish)
    terminal.start()
  })
}
