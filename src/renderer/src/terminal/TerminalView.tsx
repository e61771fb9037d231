import { FitAddon } from '@xterm/addon-fit'
import { Unicode11Addon } from '@xterm/addon-unicode11'
import { Terminal } from '@xterm/xterm'
import '@xterm/xterm/css/xterm.css'
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react'
import type { QuaiApi } from '../../../shared/ipc'
import { MAX_INPUT_LENGTH } from '../../../shared/ipc-limits'
import { terminalOptions } from './theme'

/** What the rest of the window may ask of the terminal. */
export interface TerminalHandle {
  focus(): void
}

/** A paste larger than one message allows goes in several. */
function sendInput(host: QuaiApi, data: string): void {
  for (let start = 0; start < data.length; start += MAX_INPUT_LENGTH)
    host.input(data.slice(start, start + MAX_INPUT_LENGTH))
}

/**
 * The xterm view of the session. Keystrokes go to the host untouched (the shell does its own line
 * editing); output is written as it comes. Every listener is released on unmount.
 */
export function TerminalView({
  host,
  ref,
}: {
  host: QuaiApi
  ref?: Ref<TerminalHandle>
}): React.JSX.Element {
  const containerRef = useRef<HTMLDivElement>(null)
  const termRef = useRef<Terminal | null>(null)
  useImperativeHandle(ref, () => ({ focus: () => termRef.current?.focus() }), [])

  useEffect(() => {
    const container = containerRef.current
    if (container === null) return
    const term = new Terminal(terminalOptions)
    const fit = new FitAddon()
    term.loadAddon(fit)
    // The shell's line editor measures characters with Unicode 11 widths (emoji take two cells).
    term.loadAddon(new Unicode11Addon())
    term.unicode.activeVersion = '11'
    term.open(container)
    termRef.current = term

    let sentSize = ''
    const refit = (): void => {
      // A collapsed or hidden container has no size to fit; keep the last one.
      if (container.clientWidth === 0 || container.clientHeight === 0) return
      fit.fit()
      const size = `${term.cols}x${term.rows}`
      if (size === sentSize) return
      sentSize = size
      host.resize(term.cols, term.rows)
    }

    const releases = [
      host.onOutput((data) => term.write(data)),
      host.onExit((code) =>
        term.write(
          `\r\n\x1b[2m[session terminée (code ${code}) — rechargez pour recommencer]\x1b[0m\r\n`,
        ),
      ),
    ]
    const inputSubscription = term.onData((data) => sendInput(host, data))

    let frame = 0
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(refit)
    })
    observer.observe(container)
    // Subscribed first, sized second: the first size starts the shell, so its prompt is not lost.
    refit()
    term.focus()
    if (__QUAI_TEST_HOOKS__) window.__quaiTerm = term

    return () => {
      cancelAnimationFrame(frame)
      observer.disconnect()
      inputSubscription.dispose()
      for (const release of releases) release()
      if (__QUAI_TEST_HOOKS__ && window.__quaiTerm === term) delete window.__quaiTerm
      if (termRef.current === term) termRef.current = null
      term.dispose()
    }
  }, [host])

  // FitAddon measures the element xterm is opened in, so the padding lives on a wrapper.
  return (
    <div className="terminal-frame">
      <div className="terminal" ref={containerRef} />
    </div>
  )
}
