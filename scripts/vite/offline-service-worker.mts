import { createHash } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { build } from 'esbuild'
import type { Plugin } from 'vite'

/**
 * Writes `sw.js` next to a finished web build: the service worker of `source`, bundled with the
 * list of every file the build wrote (so it can cache them all at install) and a cache name that
 * changes whenever any of those files does. No plugin dependency: the list is the output folder.
 */
export const SERVICE_WORKER_FILE = 'sw.js'

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => file !== SERVICE_WORKER_FILE && !file.endsWith('.map'))
    .sort()
}

export function offlineServiceWorker(source: string): Plugin {
  let outDir = ''
  return {
    name: 'quai-offline-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    async closeBundle() {
      const files = await filesUnder(outDir)
      const hash = createHash('sha256')
      for (const file of files)
        hash
          .update(file)
          .update('\0')
          .update(await readFile(join(outDir, file)))
      const result = await build({
        entryPoints: [source],
        bundle: true,
        write: false,
        format: 'iife',
        target: 'es2022',
        minify: true,
        legalComments: 'none',
        logLevel: 'warning',
        define: {
          __QUAI_PRECACHE__: JSON.stringify(files),
          __QUAI_CACHE_NAME__: JSON.stringify(`quai-offline-${hash.digest('hex').slice(0, 16)}`),
        },
      })
      const script = result.outputFiles[0]
      if (script === undefined) throw new Error(`esbuild wrote nothing for ${source}`)
      await writeFile(join(outDir, SERVICE_WORKER_FILE), script.text)
    },
  }
}
