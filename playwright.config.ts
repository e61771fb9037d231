import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests of the web host in Debian's Chromium (Playwright's own browsers cannot be
 * downloaded here). The server builds the web host in test mode, which exposes
 * `window.__quaiTerm`, then serves out/web.
 */
const PORT = 4173

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // Two cores: one browser at a time keeps the timings of `sleep` and Ctrl-C honest.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npm run build:web -- --mode test && npx vite preview --config vite.web.config.mts --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    // A server already on the port may be a production build without the test hooks.
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
