import { expect, test } from '@playwright/test'
import { openQuai, run } from './terminal'

test.beforeEach(async ({ page }) => {
  await openQuai(page)
})

test('the Docker panel follows docker run, the selected container and docker stop', async ({
  page,
}) => {
  const panel = page.getByTestId('docker-panel')
  await expect(panel).toContainText('Aucun conteneur')

  await run(page, 'docker run -d --name web -p 8080:80 nginx')
  const web = panel.locator('[data-container="web"]')
  await expect(web).toHaveAttribute('data-state', 'running')
  await expect(web.getByTestId('state-badge')).toHaveText('running')
  await expect(web.getByTestId('port')).toHaveText('8080→80')
  await expect(web).toContainText('bridge')
  await expect(panel.locator('[data-image="nginx:latest"]')).toBeVisible()
  await expect(panel.locator('[data-network="bridge"]')).toContainText('web')

  await web.click()
  await expect(web).toHaveAttribute('aria-pressed', 'true')
  const details = page.getByRole('region', { name: 'Détails de web' })
  await expect(details).toContainText('bridge : 172.17.0.2')
  await expect(details).toContainText('8080→80')
  await expect(page.getByTestId('container-logs')).toContainText('start worker process')

  // Back to the shell: a request shows up in the selected container's recent logs.
  await page.locator('.xterm-helper-textarea').focus()
  await run(page, 'curl -s -o /dev/null localhost:8080')
  await expect(page.getByTestId('container-logs')).toContainText('"GET / HTTP/1.1" 200 615')

  await run(page, 'docker stop web')
  await expect(web).toHaveAttribute('data-state', 'exited')
  await expect(web.getByTestId('state-badge')).toHaveText('exited')
  await expect(web.getByTestId('port')).toHaveCount(0)
  await expect(panel.locator('[data-network="bridge"]')).toContainText('aucun conteneur')
})
