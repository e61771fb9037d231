import type { Terminal } from '@xterm/xterm'
import type { QuaiApi } from '../../shared/ipc'

declare global {
  /** Which host the build talks to; set by `define` in each Vite config. */
  const __QUAI_HOST__: 'electron' | 'web'
  /** True in development and test builds: exposes `window.__quaiTerm`. */
  const __QUAI_TEST_HOOKS__: boolean

  interface Window {
    /** Set by the Electron preload; absent in the web build. */
    quai: QuaiApi
    /** The terminal, for end-to-end tests that read its buffer (test builds only). */
    __quaiTerm?: Terminal
  }
}

export {}
