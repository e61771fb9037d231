#!/usr/bin/env node
// Launches the bundled terminal host. The bundle is built, not committed: see scripts/build-cli.mjs.
import { existsSync } from 'node:fs'

const bundle = new URL('../out/cli/quai.mjs', import.meta.url)
if (!existsSync(bundle)) {
  process.stderr.write('quai: out/cli/quai.mjs is missing: run `npm run build:cli` first\n')
  process.exit(1)
}
await import(bundle.href)
