import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { offlineServiceWorker } from './scripts/vite/offline-service-worker.mjs'

/**
 * The renderer as a plain web page (out/web): the session runs in a Web Worker instead of
 * Electron's main process. `--mode test` (used by Playwright) keeps the test hooks in.
 * Relative paths (`base: './'`) and a service worker (sw.js) make the folder work from any static
 * server, under any path, and offline after the first visit.
 */
const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

/** index.html's Content-Security-Policy forbids the inline scripts of hot reload: dev drops it. */
function withoutPolicyInDev(): Plugin {
  return {
    name: 'quai-drop-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
  }
}

/**
 * just-bash in a browser Worker: its browser bundle, completed by src/renderer/src/host/
 * just-bash-web.ts. The bundle imports node:zlib for gzip/gunzip/zcat only; a stub stands in.
 */
const justBashForTheWeb = [
  { find: /^just-bash$/, replacement: fromHere('./src/renderer/src/host/just-bash-web.ts') },
  { find: /^node:zlib$/, replacement: fromHere('./src/renderer/src/host/node-zlib.ts') },
]

export default defineConfig(({ mode }) => ({
  root: fromHere('./src/renderer'),
  base: './',
  plugins: [
    react(),
    withoutPolicyInDev(),
    offlineServiceWorker(fromHere('./src/renderer/src/host/service-worker.ts')),
  ],
  define: {
    __QUAI_HOST__: JSON.stringify('web'),
    __QUAI_TEST_HOOKS__: JSON.stringify(mode !== 'production'),
  },
  resolve: { alias: justBashForTheWeb },
  worker: { format: 'es' as const },
  build: {
    outDir: fromHere('./out/web'),
    emptyOutDir: true,
    // The interpreter is one large chunk by design; it loads once, in the Worker.
    chunkSizeWarningLimit: 2048,
    // Building the Worker happens inside one plugin call, which rolldown reports as slow.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
}))
