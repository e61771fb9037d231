import { execFileSync } from 'node:child_process'
import { describe, expect, test } from 'vitest'
import { EXPLAIN_SCHEMA } from '../../../../src/sim/kube/api/schema/explain-schema.generated'

describe('explain-schema.generated.ts', () => {
  test('matches what explain-schema.gen.mjs generates from kubernetes-models now', () => {
    const json = execFileSync('node', ['test/sim/kube/api/explain-schema.gen.mjs', '--json'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    expect(EXPLAIN_SCHEMA).toEqual(JSON.parse(json))
  })

  test('documents every field type it names', () => {
    const missing: string[] = []
    for (const type of Object.values(EXPLAIN_SCHEMA.types))
      for (const [code] of Object.values(type.f ?? {})) {
        const key = /#(\w+)$/.exec(code)?.[1]
        if (key !== undefined && !(key in EXPLAIN_SCHEMA.types)) missing.push(key)
      }
    expect(missing).toEqual([])
  })
})
