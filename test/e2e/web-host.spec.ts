import { expect, test } from '@playwright/test'
import { lastLine, openQuai, PROMPT, run, terminalLines, waitForScreen } from './terminal'

test.beforeEach(async ({ page }) => {
  await openQuai(page)
})

test('the page shows the title, the host badge and a prompt', async ({ page }) => {
  await expect(page.locator('.top-bar__title')).toHaveText('Quai')
  await expect(page.locator('.top-bar__badge')).toHaveText('Web')
  expect(await lastLine(page)).toMatch(PROMPT)
})

test('folding the guide widens the terminal and leaves the keyboard on it', async ({ page }) => {
  const cols = () => page.evaluate(() => window.__quaiTerm?.cols ?? 0)
  const before = await cols()
  await page.getByRole('button', { name: 'Guide' }).click()
  await expect(page.getByRole('button', { name: 'Guide' })).toHaveAttribute('aria-pressed', 'false')
  await expect.poll(cols).toBeGreaterThan(before)
  await run(page, 'echo still-typing')
  expect(await terminalLines(page)).toContain('still-typing')
  await page.getByRole('button', { name: 'Guide' }).click()
  await expect.poll(cols).toBe(before)
})

test('mkdir -p, cd and pwd print the new directory', async ({ page }) => {
  await run(page, 'mkdir -p a/b && cd a/b && pwd')
  const lines = await terminalLines(page)
  expect(lines).toContain('/home/student/a/b')
  expect(await lastLine(page)).toMatch(/student@quai:~\/a\/b\$/)
})

test('a file written in nano is on disk for cat', async ({ page }) => {
  await page.keyboard.type('nano notes.txt')
  await page.keyboard.press('Enter')
  await waitForScreen(page, /GNU nano/)
  await page.keyboard.type('Bonjour depuis nano')
  await page.keyboard.press('Control+O')
  await waitForScreen(page, /File Name to Write/)
  await page.keyboard.press('Enter')
  await waitForScreen(page, /Wrote \d+ lines?/)
  await page.keyboard.press('Control+X')
  await expect.poll(() => lastLine(page)).toMatch(PROMPT)
  await run(page, 'cat notes.txt')
  expect(await terminalLines(page)).toContain('Bonjour depuis nano')
})

test('Tab completes a command name', async ({ page }) => {
  await page.keyboard.type('ech')
  await page.keyboard.press('Tab')
  await expect.poll(() => lastLine(page)).toMatch(/\$ echo ?$/)
  await run(page, 'tab-ok')
  const lines = await terminalLines(page)
  expect(lines.some((line) => /\$ echo tab-ok$/.test(line))).toBe(true)
  expect(lines).toContain('tab-ok')
})

test('the Up arrow recalls the previous command', async ({ page }) => {
  await run(page, 'echo premier')
  await page.keyboard.press('ArrowUp')
  await expect.poll(() => lastLine(page)).toMatch(/\$ echo premier$/)
  await page.keyboard.press('Enter')
  await expect
    .poll(async () => (await terminalLines(page)).filter((line) => line === 'premier').length)
    .toBe(2)
})

test('Ctrl-C interrupts a running sleep and gives the prompt back', async ({ page }) => {
  await page.keyboard.type('sleep 100')
  await page.keyboard.press('Enter')
  // Still sleeping: the cursor is not on a prompt.
  await page.waitForTimeout(500)
  expect(await lastLine(page)).not.toMatch(PROMPT)
  await page.keyboard.press('Control+C')
  await expect.poll(() => lastLine(page), { timeout: 3_000 }).toMatch(PROMPT)
  await run(page, 'echo $?')
  expect(await terminalLines(page)).toContain('130')
})
