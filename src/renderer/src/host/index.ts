import type { QuaiApi } from '../../../shared/ipc'

/**
 * The host the renderer talks to. `__QUAI_HOST__` is fixed at build time, so each build keeps only
 * its own branch: the Electron build has no Worker, the web build never looks for `window.quai`.
 */
export async function loadHost(): Promise<QuaiApi> {
  if (__QUAI_HOST__ === 'web') {
    const { createWebHost } = await import('./web-host')
    return createWebHost()
  }
  // Typed as always present, but a preload that failed to load leaves it undefined.
  const api: QuaiApi | undefined = window.quai
  if (api === undefined) throw new Error('window.quai is missing: the preload script did not run')
  return api
}

export const HOST_NAME: string = __QUAI_HOST__ === 'web' ? 'Web' : 'Electron'
