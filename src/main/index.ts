import { join } from 'node:path'
import { app, BrowserWindow, ipcMain, session } from 'electron'
import { SessionHost } from './session-host'
import {
  blockNavigation,
  denyPermission,
  denyWindowOpen,
  windowOptions,
  withContentSecurityPolicy,
} from './window-options'

/**
 * Electron's main process: one window, one simulated session behind it. Kept thin; the session
 * wiring is in session-host.ts and every security setting in window-options.ts.
 */

// electron-vite sets this when the renderer is served by its dev server (`npm run dev`).
const devServerUrl = process.env['ELECTRON_RENDERER_URL']

app.enableSandbox()

// Applies to every webContents the app ever creates, not only the main window's.
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(denyWindowOpen)
  contents.on('will-navigate', blockNavigation)
  contents.on('will-attach-webview', blockNavigation)
})

async function openWindow(): Promise<void> {
  const window = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.js')))
  const host = await SessionHost.attach(ipcMain, window.webContents)
  window.on('closed', () => host.dispose())
  window.once('ready-to-show', () => window.show())
  if (devServerUrl !== undefined) await window.loadURL(devServerUrl)
  else await window.loadFile(join(__dirname, '../renderer/index.html'))
}

function secureDefaultSession(): void {
  const defaultSession = session.defaultSession
  defaultSession.setPermissionRequestHandler(denyPermission)
  defaultSession.setPermissionCheckHandler(() => false)
  // The built page also carries the policy in a <meta> tag. The dev server is left alone: Vite's
  // hot reload needs inline scripts that the policy forbids.
  if (devServerUrl === undefined) {
    defaultSession.webRequest.onHeadersReceived((details, callback) =>
      callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }),
    )
  }
}

function reportOpenFailure(error: unknown): void {
  console.error('[quai] could not open the window', error)
}

app
  .whenReady()
  .then(async () => {
    secureDefaultSession()
    await openWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow().catch(reportOpenFailure)
    })
  })
  .catch((error: unknown) => {
    reportOpenFailure(error)
    app.exit(1)
  })

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
