import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { openQuai, run, waitForScreen } from './terminal'

/**
 * The Kubernetes tab of the state panels, driven as a student would: commands typed in the
 * terminal, the clock controls and the node buttons clicked in the panel.
 */

test.beforeEach(async ({ page }) => {
  await openQuai(page)
})

async function openClusterTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Kubernetes' }).click()
  await expect(page.getByRole('tab', { name: 'Kubernetes' })).toHaveAttribute(
    'aria-selected',
    'true',
  )
}

/** Back to the shell after clicking in the panel. */
async function focusTerminal(page: Page): Promise<void> {
  await page.locator('.xterm-helper-textarea').focus()
}

test('the cluster panel shows three nodes, pods on each, and a stopped node losing its pod', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await openClusterTab(page)
  const panel = page.getByTestId('cluster-panel')
  await expect(panel).toContainText('Aucun cluster — lancez minikube start')

  // Minutes of cluster life in seconds: the ×60 control runs the virtual clock 60 times faster.
  const clock = page.getByRole('toolbar', { name: 'Horloge simulée' })
  await clock.getByRole('button', { name: '×60' }).click()
  await expect(clock).toHaveAttribute('data-rate', '60')

  await focusTerminal(page)
  await run(page, 'minikube start --nodes 3')
  await expect(panel.locator('[data-node]')).toHaveCount(3)
  await expect(panel.locator('[data-node="minikube"]')).toContainText('control-plane')
  await expect(panel.locator('[data-node="minikube-m02"]')).toHaveAttribute('data-status', 'Ready')

  await run(page, 'kubectl create deployment web --image=nginx --replicas=3')
  const running = panel.locator('[data-pod^="web-"][data-tone="running"]')
  await expect(running).toHaveCount(3)
  for (const node of ['minikube', 'minikube-m02', 'minikube-m03'])
    await expect(panel.locator(`[data-node="${node}"] [data-pod^="web-"]`)).toHaveCount(1)
  await expect(
    panel.locator('[data-workload="Deployment/web"] [data-testid="ready-ratio"]').first(),
  ).toHaveText('3/3')
  await expect(panel.getByTestId('events')).toContainText('Started container nginx')

  // System pods are hidden until asked for; a label selector narrows the view.
  await expect(panel.locator('[data-pod^="coredns-"]')).toHaveCount(0)
  await panel.getByRole('checkbox', { name: 'kube-system' }).check()
  await expect(panel.locator('[data-pod^="coredns-"]')).toHaveCount(1)
  await panel.getByRole('textbox', { name: 'Labels' }).fill('app=web')
  await expect(panel.locator('[data-pod]')).toHaveCount(3)
  await panel.getByRole('textbox', { name: 'Labels' }).fill('')
  await panel.getByRole('checkbox', { name: 'kube-system' }).uncheck()

  await focusTerminal(page)
  await run(page, 'minikube node stop minikube-m02')
  const m02 = panel.locator('[data-node="minikube-m02"]')
  await expect(m02).toHaveAttribute('data-machine', 'stopped')
  // The node lifecycle controller's grace period (40 s), then the 300 s eviction toleration.
  await expect(m02).toHaveAttribute('data-status', 'NotReady', { timeout: 30_000 })
  await expect(m02.getByTestId('node-status')).toHaveText('NotReady')
  await expect(m02.locator('[data-pod^="web-"][data-tone="terminating"]')).toHaveCount(1, {
    timeout: 60_000,
  })
  await expect(running).toHaveCount(3)
  await expect(m02.locator('[data-pod^="web-"][data-tone="running"]')).toHaveCount(0)
  await expect(panel.getByTestId('events')).toContainText('NodeNotReady')

  await page.screenshot({ path: join('docs', 'screenshots', 'cluster-panel.png') })

  // The node's button types the command a student would, and the node comes back.
  await m02.getByRole('button', { name: 'Démarrer le nœud' }).click()
  await waitForScreen(page, /\$ minikube node start minikube-m02\n/)
  await expect(m02).toHaveAttribute('data-machine', 'running')
  await expect(m02).toHaveAttribute('data-status', 'Ready', { timeout: 30_000 })
})

test('the clock controls pause and step the virtual clock', async ({ page }) => {
  const clock = page.getByRole('toolbar', { name: 'Horloge simulée' })
  const time = clock.getByTestId('clock-time')
  await clock.getByRole('button', { name: 'Pause' }).click()
  await expect(clock).toHaveAttribute('data-rate', '0')
  await expect(clock).toContainText('en pause')
  const paused = await time.textContent()
  await page.waitForTimeout(1500)
  await expect(time).toHaveText(paused ?? '')
  const seconds = (text: string | null): number => Date.parse(`${text?.replace(' ', 'T')}Z`)
  await clock.getByRole('button', { name: '+10 s' }).click()
  await expect.poll(async () => seconds(await time.textContent()) - seconds(paused)).toBe(10_000)
  await clock.getByRole('button', { name: 'Temps réel' }).click()
  await expect(clock).toHaveAttribute('data-rate', '1')
  await expect
    .poll(async () => seconds(await time.textContent()) - seconds(paused))
    .toBeGreaterThan(10_000)
})

test('the chosen tab is kept after a reload', async ({ page }) => {
  await openClusterTab(page)
  await page.reload()
  await expect(page.getByRole('tab', { name: 'Kubernetes' })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await expect(page.getByTestId('cluster-panel')).toBeVisible()
})
