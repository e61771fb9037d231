import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { lastLine, openQuai, PROMPT, run, terminalLines, waitForScreen } from './terminal'

/**
 * The web host never needs the network beyond the server it came from (127.0.0.1 here), keeps
 * working with no server at all once visited (service worker), and keeps each student's session
 * in their own browser (IndexedDB) across reloads.
 */

/** Schemes that never reach a network: the page's inline favicon, object URLs. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:'])

function staysOnLoopback(url: string): boolean {
  const parsed = new URL(url)
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true
  return (
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname === '127.0.0.1'
  )
}

/** Records every request of the page, its Worker and its service worker; refuses non-loopback. */
async function watchNetwork(
  context: BrowserContext,
): Promise<{ seen: string[]; refused: string[] }> {
  const seen: string[] = []
  const refused: string[] = []
  context.on('request', (request) => seen.push(request.url()))
  await context.route('**', async (route) => {
    const url = route.request().url()
    if (staysOnLoopback(url)) await route.continue()
    else {
      refused.push(url)
      await route.abort('blockedbyclient')
    }
  })
  return { seen, refused }
}

/** After a reload: the terminal is back and shows a prompt. */
async function waitForQuai(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__quaiTerm !== undefined)
  await expect.poll(() => lastLine(page)).toMatch(PROMPT)
  await page.locator('.xterm-helper-textarea').focus()
}

async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true)
}

/** The record the Worker saved in IndexedDB, as the page sees it. */
function savedSession(page: Page): Promise<{ history?: unknown; cwd?: unknown } | undefined> {
  return page.evaluate(
    () =>
      new Promise<{ history?: unknown; cwd?: unknown } | undefined>((resolve, reject) => {
        const open = indexedDB.open('quai', 1)
        open.onupgradeneeded = () => open.result.createObjectStore('sessions')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const get = open.result.transaction('sessions').objectStore('sessions').get('current')
          get.onerror = () => reject(get.error)
          get.onsuccess = () => {
            open.result.close()
            resolve(get.result as { history?: unknown; cwd?: unknown } | undefined)
          }
        }
      }),
  )
}

async function hasCommand(page: Page, probe: string): Promise<boolean> {
  await run(page, `${probe} >/dev/null 2>&1; echo "probe=$?"`)
  return (await terminalLines(page)).includes('probe=0')
}

test('a whole session, page, Worker and service worker, never leaves 127.0.0.1', async ({
  context,
  page,
}) => {
  test.setTimeout(90_000)
  const network = await watchNetwork(context)
  await openQuai(page)
  await waitForServiceWorker(page)

  await run(page, 'mkdir -p ~/site && cd ~/site')
  await run(page, "printf '<h1>Bonjour</h1>\\n' > index.html && cat index.html | wc -c")
  expect(await terminalLines(page)).toContain('17')
  await run(page, 'ls -l && pwd')
  expect(await terminalLines(page)).toContain('/home/student/site')
  await run(page, 'for i in 1 2 3; do echo "ligne $i" >> log.txt; done; grep -c ligne log.txt')
  expect(await terminalLines(page)).toContain('3')

  // The Docker part of the scenario, with whichever of these commands the simulation has.
  if (await hasCommand(page, 'docker run --help')) {
    await page.keyboard.type('docker run -d --name web -p 8080:80 nginx')
    await page.keyboard.press('Enter')
    await waitForScreen(page, /^[0-9a-f]{64}$/m)
    await expect.poll(() => lastLine(page), { timeout: 30_000 }).toMatch(PROMPT)
    await run(page, 'docker ps')
    await waitForScreen(page, /0\.0\.0\.0:8080->80\/tcp.*\sweb$/m)
    if (await hasCommand(page, 'type curl')) {
      await run(page, 'curl localhost:8080')
      await waitForScreen(page, /Welcome to nginx!/)
    } else test.info().annotations.push({ type: 'skipped', description: 'no curl command yet' })
  } else test.info().annotations.push({ type: 'skipped', description: 'no docker run yet' })

  // A second visit goes through the service worker, with the session restored from storage.
  await page.reload()
  await waitForQuai(page)
  await run(page, 'cat ~/site/index.html')
  expect(await terminalLines(page)).toContain('<h1>Bonjour</h1>')

  expect(network.refused).toEqual([])
  expect(network.seen.filter((url) => !staysOnLoopback(url))).toEqual([])
  // What was watched: the page, its scripts, the session Worker and the service worker.
  const paths = network.seen.map((url) => new URL(url).pathname)
  expect(paths).toContain('/')
  expect(paths).toContain('/sw.js')
  expect(paths.some((path) => /\/assets\/session\.worker-[\w-]+\.js$/.test(path))).toBe(true)
  expect(paths.some((path) => /\/assets\/index-[\w-]+\.js$/.test(path))).toBe(true)
})

test('after one visit the app opens and runs with the network off', async ({ context, page }) => {
  await openQuai(page)
  await waitForServiceWorker(page)
  await context.setOffline(true)
  const response = await page.reload()
  expect(response?.fromServiceWorker()).toBe(true)
  await waitForQuai(page)
  await run(page, 'echo hors-ligne')
  expect(await terminalLines(page)).toContain('hors-ligne')
})

test('the session survives a reload, and ?reset starts a new one', async ({ page }) => {
  await openQuai(page)
  await run(page, 'echo bonjour > note.txt && cd /tmp')
  await expect.poll(async () => (await savedSession(page))?.cwd).toBe('/tmp')

  await page.reload()
  await waitForQuai(page)
  await waitForScreen(page, /Session reprise/)
  expect(await lastLine(page)).toMatch(/student@quai:\/tmp\$/)
  await run(page, 'cat ~/note.txt')
  expect(await terminalLines(page)).toContain('bonjour')

  await page.goto('/?reset')
  await waitForQuai(page)
  expect(new URL(page.url()).search).toBe('')
  await run(page, 'cat ~/note.txt')
  expect(await terminalLines(page)).toContain(
    'cat: /home/student/note.txt: No such file or directory',
  )
})

test('an unreadable saved session gives a fresh one and says so', async ({ page }) => {
  await openQuai(page)
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('quai', 1)
        open.onupgradeneeded = () => open.result.createObjectStore('sessions')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const transaction = open.result.transaction('sessions', 'readwrite')
          transaction.objectStore('sessions').put({ version: 1, fs: 'not a filesystem' }, 'current')
          transaction.oncomplete = () => {
            open.result.close()
            resolve()
          }
          transaction.onerror = () => reject(transaction.error)
        }
      }),
  )
  await page.reload()
  await waitForQuai(page)
  await waitForScreen(page, /session enregistrée dans ce navigateur était illisible/)
  await run(page, 'pwd')
  expect(await terminalLines(page)).toContain('/home/student')
})
