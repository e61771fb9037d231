import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeManifests } from '../../../../src/sim/kube/api/manifest'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { servedType } from '../../../../src/sim/kube/api/resources'
import { bareCluster, NAMESPACES } from './fixture'

// ../shared beside the repository (as on every machine and in CI).
const DIR = join(__dirname, '../../../../../shared/corpus/k8s')
const hasCorpus = existsSync(DIR)
if (!hasCorpus) console.warn(`corpus not found at ${DIR}: corpus validation skipped`)

/** Namespaces and service accounts a document needs, made directly in the store. */
function prepare(c: ReturnType<typeof bareCluster>, o: KubeObject): void {
  const ns = o.metadata.namespace ?? 'default'
  if (c.store.get(NAMESPACES, '', ns) === undefined)
    c.store.create(NAMESPACES, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns },
      status: { phase: 'Active' },
    })
  const spec = (o['spec'] ?? {}) as { serviceAccountName?: string }
  for (const sa of ['default', spec.serviceAccountName ?? 'default'])
    if (c.store.get(servedType('ServiceAccount'), ns, sa) === undefined)
      c.store.create(servedType('ServiceAccount'), {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: sa, namespace: ns },
      })
}

describe('the accepted corpus through the API server', () => {
  it.skipIf(!hasCorpus)(
    'defaults and validates every served document under strict field validation',
    () => {
      const failures: string[] = []
      let checked = 0
      for (const file of readdirSync(DIR).filter((f) => f.endsWith('.yaml'))) {
        const c = bareCluster()
        for (const entry of decodeManifests(readFileSync(join(DIR, file), 'utf8'), file).entries) {
          if (!entry.ok) continue
          prepare(c, entry.object)
          const r = c.api.create(entry.type, entry.object, {
            dryRun: true,
            fieldValidation: 'Strict',
          })
          checked++
          if (!r.ok) failures.push(`${file}: ${r.error.message}`)
        }
      }
      // No selector and no template labels: a real API server refuses this one too.
      expect(failures).toEqual([
        'kex__archived__sysdig-cloud__sysdig-rc.yaml: ReplicationController "sysdig-agent" is invalid: spec.selector: Required value',
      ])
      expect(checked).toBeGreaterThan(150)
    },
  )
})
