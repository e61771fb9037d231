import type { CommandContext } from '../../shell/command'
import { toTerminalNewlines } from '../../shell/pty'

/**
 * docker/cli's prompt.Confirm: prints `<message> [y/N] ` on standard output and reads one line;
 * only `y` or `Y` (spaces trimmed) agrees. On the terminal with nothing piped in, the student
 * types the answer (echoed, Backspace works); otherwise the first line of stdin is the answer.
 * `shown` is the prompt text to put at the head of the command's stdout when it was not typed.
 */
export async function confirm(
  ctx: CommandContext,
  message: string,
): Promise<{ yes: boolean; shown: string }> {
  const prompt = `${message} [y/N] `
  const agrees = (answer: string): boolean => answer.trim().toLowerCase() === 'y'
  const tty = ctx.tty
  if (tty === undefined || ctx.stdin !== '') {
    const answer = ctx.stdin.split('\n')[0] ?? ''
    return { yes: ctx.stdin !== '' && agrees(answer), shown: prompt }
  }
  tty.write(toTerminalNewlines(prompt))
  const answer = await new Promise<string | undefined>((resolve) => {
    let typed = ''
    const onAbort = (): void => {
      stop()
      tty.write('\r\n')
      resolve(undefined)
    }
    const stop = tty.onInput((data) => {
      for (const ch of data) {
        if (ch === '\r' || ch === '\n') {
          stop()
          ctx.signal.removeEventListener('abort', onAbort)
          tty.write('\r\n')
          resolve(typed)
          return
        }
        if (ch === '\x7f' || ch === '\b') {
          if (typed !== '') {
            typed = typed.slice(0, -1)
            tty.write('\b \b')
          }
        } else if (ch === '\x04' && typed === '') {
          stop()
          ctx.signal.removeEventListener('abort', onAbort)
          tty.write('\r\n')
          resolve('')
          return
        } else if (ch >= ' ') {
          typed += ch
          tty.write(ch)
        }
      }
    })
    ctx.signal.addEventListener('abort', onAbort, { once: true })
  })
  return { yes: answer !== undefined && agrees(answer), shown: '' }
}
