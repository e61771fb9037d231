import { test } from 'vitest'
import { clusterSessionWithCluster } from '../fixtures'

test('probe', async () => {
  const { session } = await clusterSessionWithCluster()
  const lines = (process.env.LINES ?? '').split(';;')
  for (const line of lines) {
    const t0 = session.clock.now()
    const r = await session.run(line)
    console.log(`$ ${line}  [+${(session.clock.now() - t0) / 1000}s]\n${r.stdout}${r.stderr ? 'STDERR:' + r.stderr : ''}rc=${r.exitCode}`)
  }
})
