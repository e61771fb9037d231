/**
 * Builds every Dockerfile of the shared corpus (../shared/corpus/dockerfiles, read at test time,
 * never copied here) in a context made up for it: each file a COPY or ADD names from the context
 * is created with plausible content. A build may fail, but only the way docker's does (a base
 * image the offline catalog lacks, a download no sandbox can verify): never with an error of
 * Quai's own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'
import { corpusContext } from './corpus-context'

const CORPUS = resolve(__dirname, '../../../../../shared/corpus/dockerfiles')
const available = existsSync(CORPUS)
if (!available) console.log(`corpus Dockerfiles skipped: ${CORPUS} is absent`)

const files = available
  ? readdirSync(CORPUS)
      .filter((f) => f.endsWith('.Dockerfile'))
      .sort()
  : []

describe.skipIf(!available)('the corpus Dockerfiles build as docker builds them', () => {
  test.each(files)('%s', async (file) => {
    const text = readFileSync(join(CORPUS, file), 'utf8')
    const session = await Session.create()
    const dir = `/home/student/${file.replace(/\W+/g, '-')}`
    await session.fs.mkdir(dir, { recursive: true })
    await session.fs.writeFile(`${dir}/Dockerfile`, text)
    for (const [path, content] of corpusContext(text)) {
      const full = `${dir}/${path}`
      await session.fs.mkdir(full.slice(0, full.lastIndexOf('/')), { recursive: true })
      await session.fs.writeFile(full, content)
    }
    const result = await session.run(`cd ${dir} && docker build --progress=plain -t corpus-test .`)
    const lastLine = result.stderr.trimEnd().split('\n').pop() ?? ''
    // The Dockerfile excerpt quotes the file itself, which may say anything.
    const ours = result.stderr
      .split('\n')
      .filter((l) => !/^ {1,3}\d+ \| /.test(l))
      .join('\n')
    expect(ours).not.toMatch(/internal error|Quai|undefined|NaN|\[object /)
    if (result.exitCode !== 0) expect(lastLine).toMatch(/^ERROR: failed to solve: /)
    console.log(`${file}: ${result.exitCode === 0 ? 'built' : lastLine}`)
  })
})
