import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

/** index.html's Content-Security-Policy forbids the inline scripts of hot reload: dev drops it. */
function withoutPolicyInDev(): Plugin {
  return {
    name: 'quai-drop-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
  }
}

export default defineConfig(({ mode }) => ({
  main: {
    build: { outDir: 'out/main' },
  },
  preload: {
    // A sandboxed preload can require only 'electron': bundle zod and the contract into it.
    build: { outDir: 'out/preload', externalizeDeps: false },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react(), withoutPolicyInDev()],
    define: {
      __QUAI_HOST__: JSON.stringify('electron'),
      __QUAI_TEST_HOOKS__: JSON.stringify(mode !== 'production'),
    },
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('src/renderer/index.html') },
    },
  },
}))
