/**
 * The renderer's Content-Security-Policy: nothing leaves the page's own origin. Styles allow
 * 'unsafe-inline' because xterm and the panel library set element styles at run time. No
 * frame-ancestors: a <meta> policy ignores it, and Electron's main process denies framing anyway.
 * https://www.electronjs.org/docs/latest/tutorial/security#7-define-a-content-security-policy
 *
 * src/renderer/index.html carries the same policy in a <meta> tag (both builds ship it; the dev
 * servers strip it, since hot reload needs inline scripts); test/main/window-options.test.ts
 * checks that the two agree.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')
