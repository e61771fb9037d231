// Bundles the terminal host (src/cli/quai.ts) and the benchmarks (src/cli/bench*.ts) into
// out/cli/*.mjs: plain ESM for Node 20 with every dependency inside, so `bin/quai.mjs` runs
// without TypeScript tooling. Usage: node scripts/build-cli.mjs
import { rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// QUAI_CLI_OUTDIR lets a second build (another worktree's trial) live beside the usual one.
const outdir = process.env.QUAI_CLI_OUTDIR ?? join(root, 'out', 'cli')

await rm(outdir, { recursive: true, force: true })
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    quai: 'src/cli/quai.ts',
    bench: 'src/cli/bench.ts',
    'bench-docker': 'src/cli/bench-docker.ts',
    'bench-kube': 'src/cli/bench-kube.ts',
    'bench-compose': 'src/cli/bench-compose.ts',
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // just-bash loads rarely used commands (sqlite3, compression, yaml…) with import(): separate
  // chunks keep them out of the start-up parse of every `quai -c`.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Optional native compressors of just-bash (zstd, xz); it falls back without them.
  external: ['@mongodb-js/zstd', 'node-liblzma'],
  // CommonJS dependencies call require() on Node built-ins, which an ES module lacks.
  banner: {
    js: "import { createRequire as __quaiCreateRequire } from 'node:module'\nconst require = __quaiCreateRequire(import.meta.url)",
  },
  logLevel: 'warning',
  metafile: true,
})

const outputs = Object.entries(result.metafile.outputs)
const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`
for (const [file, output] of outputs.filter(([file]) => !file.includes('/chunks/')))
  console.log(`${file}  ${megabytes(output.bytes)}`)
const chunks = outputs.filter(([file]) => file.includes('/chunks/'))
const chunkBytes = chunks.reduce((sum, [, output]) => sum + output.bytes, 0)
console.log(`out/cli/chunks/  ${chunks.length} files, ${megabytes(chunkBytes)}`)
