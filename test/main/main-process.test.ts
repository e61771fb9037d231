import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../src/main/window-options'

/**
 * src/main/index.ts against a stand-in for the electron module: checks that the security
 * settings of window-options.ts are the ones actually wired in.
 */
type Handler = (...args: unknown[]) => unknown

const electron = vi.hoisted(() => {
  const appHandlers = new Map<string, Handler>()
  const windows: { options: unknown; loaded: string[] }[] = []
  const session = {
    permissionRequest: undefined as Handler | undefined,
    permissionCheck: undefined as Handler | undefined,
    headers: undefined as Handler | undefined,
  }
  class BrowserWindow {
    readonly webContents = { id: 1, isDestroyed: () => false, send: () => undefined }
    readonly record: { options: unknown; loaded: string[] }
    constructor(options: unknown) {
      this.record = { options, loaded: [] }
      windows.push(this.record)
    }
    static getAllWindows(): unknown[] {
      return windows
    }
    on(): void {}
    once(): void {}
    show(): void {}
    async loadFile(path: string): Promise<void> {
      this.record.loaded.push(path)
    }
    async loadURL(url: string): Promise<void> {
      this.record.loaded.push(url)
    }
  }
  return {
    appHandlers,
    windows,
    session,
    enableSandbox: vi.fn(),
    module: {
      app: {
        enableSandbox: () => undefined,
        on: (event: string, handler: Handler) => appHandlers.set(event, handler),
        whenReady: () => Promise.resolve(),
        quit: () => undefined,
        exit: () => undefined,
      },
      BrowserWindow,
      ipcMain: { on: () => undefined, removeListener: () => undefined },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (h: Handler) => (session.permissionRequest = h),
          setPermissionCheckHandler: (h: Handler) => (session.permissionCheck = h),
          webRequest: { onHeadersReceived: (h: Handler) => (session.headers = h) },
        },
      },
    },
  }
})

vi.mock('electron', () => ({ ...electron.module, default: electron.module }))
vi.mock('../../src/main/session-host', () => ({
  SessionHost: { attach: async () => ({ dispose: () => undefined }) },
}))

beforeAll(async () => {
  electron.module.app.enableSandbox = electron.enableSandbox
  delete process.env['ELECTRON_RENDERER_URL']
  await import('../../src/main/index')
  await vi.waitFor(() => expect(electron.windows).toHaveLength(1))
})

describe('the main process', () => {
  it('sandboxes every renderer', () => {
    expect(electron.enableSandbox).toHaveBeenCalledOnce()
  })

  it('opens one window with the secure preferences and the built page', async () => {
    const window = electron.windows[0]
    expect(window?.options).toMatchObject({
      webPreferences: {
        preload: expect.stringMatching(/[\\/]preload[\\/]index\.js$/),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
      },
    })
    await vi.waitFor(() => expect(window?.loaded[0]).toMatch(/renderer[\\/]index\.html$/))
  })

  it('denies window.open and navigation in every webContents', () => {
    const created = electron.appHandlers.get('web-contents-created')
    const contentsHandlers = new Map<string, Handler>()
    let openHandler: Handler | undefined
    created?.(
      {},
      {
        setWindowOpenHandler: (handler: Handler) => (openHandler = handler),
        on: (event: string, handler: Handler) => contentsHandlers.set(event, handler),
      },
    )
    expect(openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' })
    for (const event of ['will-navigate', 'will-attach-webview']) {
      const preventDefault = vi.fn()
      contentsHandlers.get(event)?.({ preventDefault })
      expect(preventDefault, event).toHaveBeenCalledOnce()
    }
  })

  it('refuses permissions and sends the policy with every response', () => {
    const granted = vi.fn()
    electron.session.permissionRequest?.({}, 'notifications', granted)
    expect(granted).toHaveBeenCalledWith(false)
    expect(electron.session.permissionCheck?.()).toBe(false)
    const respond = vi.fn()
    electron.session.headers?.({ responseHeaders: {} }, respond)
    expect(respond).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })
})
