import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const SIM = join(import.meta.dirname, '../../src/sim')
const HOST_ONLY =
  /^(electron|react|react-dom|fs|path|os|child_process|http|https|net|crypto|worker_threads|url|util|events|stream|buffer|process)(\/|$)|^node:|^react-dom\/|^react\//

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

describe('src/sim stays host-free', () => {
  it('imports no Electron, React, DOM or Node module anywhere', () => {
    const offenders: string[] = []
    for (const file of sourceFiles(SIM)) {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const spec = match[1] ?? ''
        if (HOST_ONLY.test(spec)) offenders.push(`${file}: ${spec}`)
      }
    }
    expect(offenders).toEqual([])
  })

  it('touches no DOM or Node global', () => {
    const offenders: string[] = []
    for (const file of sourceFiles(SIM)) {
      // String contents are data (an image's server.js may well say `process.env`): only code counts.
      const text = readFileSync(file, 'utf8')
        .replace(/`(?:\\[\s\S]|[^`\\])*`|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, "''")
        .replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')
      for (const global of ['window.', 'document.', 'process.', 'Buffer.', 'require('])
        if (text.includes(global)) offenders.push(`${file}: ${global}`)
    }
    expect(offenders).toEqual([])
  })
})
