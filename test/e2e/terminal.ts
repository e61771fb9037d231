import { expect, type Page } from '@playwright/test'

/**
 * Drives the terminal as a student would (keys into xterm's textarea) and reads it exactly, from
 * the buffer of the xterm instance that test builds expose as `window.__quaiTerm`.
 */

export const PROMPT = /student@quai:[^$]*\$/

export async function openQuai(page: Page): Promise<void> {
  await page.goto('/')
  await page.waitForFunction(() => window.__quaiTerm !== undefined)
  await expect.poll(() => lastLine(page)).toMatch(PROMPT)
  await page.locator('.xterm-helper-textarea').focus()
}

/** Every line of the terminal, scrollback included, without trailing blanks. */
export async function terminalLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const term = window.__quaiTerm
    if (term === undefined) return []
    const buffer = term.buffer.active
    const lines: string[] = []
    for (let i = 0; i < buffer.length; i++)
      lines.push(buffer.getLine(i)?.translateToString(true) ?? '')
    return lines
  })
}

/** The line the cursor is on. */
export async function lastLine(page: Page): Promise<string> {
  return page.evaluate(() => {
    const buffer = window.__quaiTerm?.buffer.active
    if (buffer === undefined) return ''
    return buffer.getLine(buffer.baseY + buffer.cursorY)?.translateToString(true) ?? ''
  })
}

/** Types a line and presses Enter, then waits for the next prompt. */
export async function run(page: Page, line: string): Promise<void> {
  const before = (await terminalLines(page)).filter((l) => PROMPT.test(l)).length
  await page.keyboard.type(line)
  await page.keyboard.press('Enter')
  await expect
    .poll(async () => (await terminalLines(page)).filter((l) => PROMPT.test(l)).length)
    .toBeGreaterThan(before)
  await expect.poll(() => lastLine(page)).toMatch(PROMPT)
}

export async function waitForScreen(page: Page, pattern: RegExp): Promise<void> {
  await expect.poll(async () => (await terminalLines(page)).join('\n')).toMatch(pattern)
}
