import type { Tty } from '../pty'
import type { KeyQueue } from './input-queue'
import type { Screen } from './screen-buffer'

/**
 * What every full-screen editor does around its key loop: take the alternate screen, feed raw
 * input to its key queue, follow resizes, end the queue on an abort (status 130), and put the
 * terminal back however the loop ends.
 */
export async function runOnTty(
  tty: Tty,
  screen: Screen,
  keys: KeyQueue,
  onResize: (cols: number, rows: number) => void,
  loop: () => Promise<number>,
): Promise<number> {
  if (tty.signal.aborted) return 130
  const onAbort = (): void => keys.close()
  const stopInput = tty.onInput((data) => keys.push(data))
  const stopResize = tty.onResize(onResize)
  tty.signal.addEventListener('abort', onAbort, { once: true })
  screen.enter()
  try {
    return await loop()
  } finally {
    stopInput()
    stopResize()
    tty.signal.removeEventListener('abort', onAbort)
    screen.leave()
  }
}
