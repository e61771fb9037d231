import type { BrowserWindowConstructorOptions, WindowOpenHandlerResponse } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'

/**
 * Everything security-relevant about the window, as plain values and functions, so a Node test
 * can check it without Electron. Follows the Electron security checklist:
 * https://www.electronjs.org/docs/latest/tutorial/security
 */

export { CONTENT_SECURITY_POLICY }

export const BACKGROUND_COLOR = '#0e1116'

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    title: 'Quai',
    backgroundColor: BACKGROUND_COLOR,
    autoHideMenuBar: true,
    // Shown on 'ready-to-show', so the student never sees a white flash.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  }
}

/** `webContents.setWindowOpenHandler`: the page never opens windows. */
export function denyWindowOpen(): WindowOpenHandlerResponse {
  return { action: 'deny' }
}

/** `will-navigate` (and `will-attach-webview`): the page never leaves the bundled renderer. */
export function blockNavigation(event: { preventDefault(): void }): void {
  event.preventDefault()
}

/** Every permission request (camera, notifications, clipboard read…) is refused. */
export function denyPermission(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false)
}

/** `onHeadersReceived`: adds the policy to every response, replacing any the response carried. */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(
    ([name]) => name.toLowerCase() !== 'content-security-policy',
  )
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
}
