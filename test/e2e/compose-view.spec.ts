import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { openQuai, PROMPT, run, terminalLines } from './terminal'

/**
 * The compose view in the Docker panel: a project written with a heredoc and started with
 * `docker compose up -d`, its services' health, and which services share which network.
 */

const COMPOSE_FILE = [
  'services:',
  '  front:',
  '    image: nginx',
  '    ports: ["8080:80"]',
  '    networks: [frontend]',
  '  api:',
  '    image: httpd',
  '    networks: [frontend, backend]',
  '    depends_on:',
  '      db:',
  '        condition: service_healthy',
  '  db:',
  '    image: postgres:16',
  '    environment:',
  '      POSTGRES_PASSWORD: secret',
  '    volumes: [dbdata:/var/lib/postgresql/data]',
  '    networks: [backend]',
  '    healthcheck:',
  '      test: ["CMD-SHELL", "pg_isready -U postgres"]',
  '      interval: 2s',
  '      retries: 5',
  'networks:',
  '  frontend:',
  '  backend:',
  'volumes:',
  '  dbdata:',
]

/** Types a heredoc line by line, as a student would, and waits for the prompt after it. */
async function writeWithHeredoc(page: Page, path: string, lines: readonly string[]): Promise<void> {
  const before = (await terminalLines(page)).filter((l) => PROMPT.test(l)).length
  for (const line of [`cat > ${path} <<'EOF'`, ...lines, 'EOF']) {
    await page.keyboard.type(line)
    await page.keyboard.press('Enter')
  }
  await expect
    .poll(async () => (await terminalLines(page)).filter((l) => PROMPT.test(l)).length)
    .toBeGreaterThan(before)
}

/** `run`, for a command that takes a while (image pulls, waiting for a healthy dependency). */
async function runLong(page: Page, line: string): Promise<void> {
  const before = (await terminalLines(page)).filter((l) => PROMPT.test(l)).length
  await page.keyboard.type(line)
  await page.keyboard.press('Enter')
  await expect
    .poll(async () => (await terminalLines(page)).filter((l) => PROMPT.test(l)).length, {
      timeout: 60_000,
    })
    .toBeGreaterThan(before)
}

test.beforeEach(async ({ page }) => {
  await openQuai(page)
})

test('the compose view shows db healthy and which services share which network', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const panel = page.getByTestId('docker-panel')
  await run(page, 'mkdir shop && cd shop')
  await writeWithHeredoc(page, 'compose.yaml', COMPOSE_FILE)
  // Pulls and the healthcheck take virtual time: ×10 makes seconds of it.
  await page
    .getByRole('toolbar', { name: 'Horloge simulée' })
    .getByRole('button', { name: '×10' })
    .click()
  await page.locator('.xterm-helper-textarea').focus()
  await runLong(page, 'docker compose up -d')
  const screen = (await terminalLines(page)).join('\n')
  // At a terminal compose draws its progress as a table: ` ✔ Container shop-db-1     Healthy`.
  expect(screen).toMatch(/✔ Container shop-db-1 +Healthy/)
  expect(screen).toMatch(/✔ Container shop-front-1 +Started/)

  const project = panel.locator('[data-compose-project="shop"]')
  await expect(project).toBeVisible()
  await expect(project.locator('[data-service]')).toHaveCount(3)
  const db = project.locator('[data-service="db"]')
  await expect(db).toHaveAttribute('data-health', 'healthy')
  await expect(db.getByTestId('health')).toHaveText('healthy')
  await expect(db).toHaveAttribute('data-state', 'running')
  await expect(project.locator('[data-service="front"]')).toHaveAttribute('data-state', 'running')
  await expect(project.locator('[data-service="api"]')).toHaveAttribute('data-state', 'running')

  // Front/back isolation: the front end and the database share no network; the api is on both.
  const members = (network: string) =>
    project.locator(`[data-compose-network="${network}"] .compose-network__service`)
  await expect(members('frontend')).toHaveText(['api', 'front'])
  await expect(members('backend')).toHaveText(['api', 'db'])
  await expect(project.locator('[data-compose-volume="dbdata"]')).toContainText('db')

  await page.screenshot({ path: join('docs', 'screenshots', 'compose-view.png') })

  await run(page, 'docker compose stop api')
  await expect(project.locator('[data-service="api"]')).toHaveAttribute('data-state', 'exited')
  await run(page, 'docker compose down')
  await expect(panel.locator('[data-compose-project]')).toHaveCount(0)
})
