import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

/**
 * Launches the built Electron app (`npm run build` first). The Electron binary cannot be
 * downloaded on every machine, so it is looked up where the electron package puts it, never
 * through `require('electron')` (which would try to download it), and the test is skipped when
 * it is missing.
 */
const NOT_PRESENT = 'Electron binary not present: launch test did not run'

function electronBinary(root: string): string | undefined {
  const packageDir = join(root, 'node_modules', 'electron')
  const dist = join(packageDir, 'dist')
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(dist) || !existsSync(pathFile)) return undefined
  const binary = join(dist, readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : undefined
}

test('the Electron app opens a sandboxed window with a working prompt', async () => {
  const root = dirname(test.info().config.configFile ?? '.')
  const binary = electronBinary(root)
  if (binary === undefined) {
    console.log(NOT_PRESENT)
    test.skip(true, NOT_PRESENT)
    return
  }
  expect(existsSync(join(root, 'out', 'main', 'index.js')), 'run `npm run build`').toBe(true)
  const { ELECTRON_RUN_AS_NODE: _ignored, ...env } = process.env
  // Chromium refuses to start as root with its sandbox on; the renderer is still sandboxed.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : []
  const app = await electron.launch({
    executablePath: binary,
    args: [...rootArgs, root],
    cwd: root,
    env: { ...env, ELECTRON_ENABLE_LOGGING: '1' },
  })
  try {
    const page = await app.firstWindow()
    await expect(page.locator('.top-bar__badge')).toHaveText('Electron')
    await expect(page.locator('.xterm-rows')).toContainText('student@quai', { timeout: 15_000 })
    const seen = await page.evaluate(() => ({
      api: Object.keys(window.quai).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }))
    expect(seen).toEqual({
      api: ['input', 'interrupt', 'onExit', 'onOutput', 'resize'],
      require: 'undefined',
      process: 'undefined',
    })
    await page.locator('.xterm-helper-textarea').focus()
    await page.keyboard.type('echo Bonjour')
    await page.keyboard.press('Enter')
    await expect(page.locator('.xterm-rows')).toContainText('Bonjour')
  } finally {
    await app.close()
  }
})
