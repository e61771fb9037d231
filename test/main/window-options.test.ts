import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import {
  blockNavigation,
  CONTENT_SECURITY_POLICY,
  denyPermission,
  denyWindowOpen,
  windowOptions,
  withContentSecurityPolicy,
} from '../../src/main/window-options'

describe('the window', () => {
  const options = windowOptions('/app/out/preload/index.js')

  it('isolates and sandboxes the page, with no Node and full web security', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  // Exactly these: a later `experimentalFeatures: true` or `enableBlinkFeatures` must fail here.
  // (electronegativity cannot see them: its checks match only `new BrowserWindow({…})` literals.)
  it('sets no other web preference', () => {
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.js',
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
    })
  })

  it('stays hidden until its first paint is ready', () => {
    expect(options.show).toBe(false)
  })
})

describe('the Content-Security-Policy', () => {
  it('allows only the page’s own origin', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'",
    )
  })

  it('names no remote origin and never allows eval or inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|ws:|\*|unsafe-eval/)
    const scripts = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'))
    expect(scripts).toBe("script-src 'self'")
  })

  it('is the policy index.html carries in its <meta> tag', () => {
    const html = readFileSync(new URL('../../src/renderer/index.html', import.meta.url), 'utf8')
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY)
  })

  it('is added to every response, replacing any policy the response had', () => {
    expect(
      withContentSecurityPolicy({
        'content-type': ['text/html'],
        'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
      }),
    ).toEqual({
      'content-type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    })
    expect(withContentSecurityPolicy(undefined)).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    })
  })
})

describe('the page cannot leave or multiply', () => {
  it('denies every window.open', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' })
  })

  it('cancels every navigation', () => {
    const event = { preventDefault: vi.fn() }
    blockNavigation(event)
    expect(event.preventDefault).toHaveBeenCalledOnce()
  })

  it('refuses every permission request', () => {
    const callback = vi.fn()
    denyPermission({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
  })
})
