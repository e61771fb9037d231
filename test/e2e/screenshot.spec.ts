import { dirname, join } from 'node:path'
import { expect, test } from '@playwright/test'
import { openQuai, run, terminalLines } from './terminal'

/**
 * The web host after `echo Bonjour`. Saved under test-results/ on every run; with
 * QUAI_UPDATE_SCREENSHOT=1 it also replaces docs/screenshot.png, the picture in the docs.
 */
test('screenshot of the web host after echo Bonjour', async ({ page }, testInfo) => {
  await openQuai(page)
  await run(page, 'echo Bonjour')
  expect(await terminalLines(page)).toContain('Bonjour')
  // A steady cursor, so the picture does not depend on the blink phase.
  await page.evaluate(() => {
    if (window.__quaiTerm !== undefined) window.__quaiTerm.options.cursorBlink = false
  })
  await page.waitForTimeout(300)
  await page.screenshot({ path: testInfo.outputPath('web-host.png') })
  if (process.env.QUAI_UPDATE_SCREENSHOT === '1')
    await page.screenshot({
      path: join(dirname(testInfo.config.configFile ?? '.'), 'docs', 'screenshot.png'),
    })
})
