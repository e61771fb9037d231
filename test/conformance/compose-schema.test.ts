import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stripTags } from '../../src/sim/compose/load/merge'
import { validateDocument } from '../../src/sim/compose/load/validate'
import { parseComposeYaml } from '../../src/sim/compose/load/yaml-parse'

/**
 * Oracle: Quai's zod validation of a compose document must accept exactly what the official
 * Compose Specification JSON schema accepts (ajv, draft 2020-12), for every real-world compose
 * file of the shared corpus and for hundreds of mutated variants of them.
 */

// ../shared beside the repository (as on every machine and in CI).
const CORPUS = join(__dirname, '../../../shared/corpus')
const SCHEMA = join(CORPUS, 'schema/compose-spec.json')
const COMPOSE_DIRS = [join(CORPUS, 'compose'), join(CORPUS, 'visible/compose')]

const composeDir = COMPOSE_DIRS.find((d) => existsSync(d))
const available = existsSync(SCHEMA) && composeDir !== undefined
if (!available)
  console.warn(`compose schema oracle skipped: ${SCHEMA} or ${COMPOSE_DIRS.join(' / ')} not found`)

function loadOracle(): (doc: unknown) => boolean {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>
  delete schema.$schema
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  const check = ajv.compile(schema)
  return (doc) => check(doc) === true
}

function corpusDocuments(): { file: string; doc: unknown }[] {
  if (composeDir === undefined) return []
  return readdirSync(composeDir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .flatMap((file) =>
      parseComposeYaml(readFileSync(join(composeDir, file), 'utf8'), file).map((doc) => ({
        file,
        doc: stripTags(doc),
      })),
    )
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

/** Every path to a value inside `doc` (objects and arrays included). */
function paths(doc: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix]
  if (Array.isArray(doc)) doc.forEach((v, i) => out.push(...paths(v, [...prefix, i])))
  else if (doc !== null && typeof doc === 'object') {
    for (const [k, v] of Object.entries(doc)) out.push(...paths(v, [...prefix, k]))
  }
  return out
}

function clone<T>(v: T): T {
  return structuredClone(v)
}

function at(doc: Json, path: (string | number)[]): Json | undefined {
  let cur: Json | undefined = doc
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string | number, Json>)[p]
  }
  return cur
}

const WRONG_VALUES: Json[] = [
  null,
  true,
  0,
  -1,
  1.5,
  101,
  '',
  'x',
  'nope',
  '80:80',
  [],
  ['a'],
  ['a', 'a'],
  [1],
  {},
  { a: 1 },
  { 'x-a': 1 },
  { 'bad key': 1 },
]

const NEW_KEYS = [
  'foo',
  'x-extra',
  'image',
  'ports',
  'build',
  'condition',
  'external',
  'name',
  'target',
  'bad key',
]

/** A mutation: replace a value, add a key, or delete a key, at a path chosen by index. */
const mutation = fc.record({
  kind: fc.constantFrom('replace', 'add', 'delete'),
  pathIndex: fc.nat(),
  value: fc.constantFrom(...WRONG_VALUES),
  key: fc.constantFrom(...NEW_KEYS),
})

function mutate(doc: Json, m: { kind: string; pathIndex: number; value: Json; key: string }): Json {
  const copy = clone(doc)
  const all = paths(copy)
  const path = all[m.pathIndex % all.length] ?? []
  if (path.length === 0) {
    if (m.kind === 'add' && copy !== null && typeof copy === 'object' && !Array.isArray(copy))
      copy[m.key] = m.value
    return copy
  }
  const parent = at(copy, path.slice(0, -1))
  const last = path[path.length - 1] as string | number
  if (parent === null || typeof parent !== 'object' || parent === undefined) return copy
  if (m.kind === 'replace') (parent as Record<string | number, Json>)[last] = m.value
  else if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1)
    else delete (parent as Record<string, Json>)[String(last)]
  } else {
    const target = (parent as Record<string | number, Json>)[last]
    if (target !== null && typeof target === 'object' && !Array.isArray(target))
      target[m.key] = m.value
    else if (Array.isArray(target)) target.push(m.value)
  }
  return copy
}

describe('compose schema validation matches the official JSON schema', () => {
  it.skipIf(!available)('accepts and rejects every corpus compose file as ajv does', () => {
    const oracle = loadOracle()
    const docs = corpusDocuments()
    expect(docs.length).toBeGreaterThan(20)
    const disagreements = docs
      .filter(({ doc }) => oracle(doc) !== (validateDocument(doc) === undefined))
      .map(
        ({ file, doc }) => `${file}: ajv ${oracle(doc)}, quai ${validateDocument(doc) ?? 'valid'}`,
      )
    expect(disagreements).toEqual([])
  })

  it.skipIf(!available)(
    'gives ajv verdict on mutated corpus files (unknown keys, wrong types, deletions)',
    () => {
      const oracle = loadOracle()
      const docs = corpusDocuments().map((d) => d.doc as Json)
      let rejected = 0
      fc.assert(
        fc.property(
          fc.nat({ max: docs.length - 1 }),
          fc.array(mutation, { minLength: 1, maxLength: 3 }),
          (i, ms) => {
            let doc = docs[i] as Json
            for (const m of ms) doc = mutate(doc, m)
            const expected = oracle(doc)
            const message = validateDocument(doc)
            if (!expected) rejected++
            expect({ valid: message === undefined, message }).toMatchObject({ valid: expected })
          },
        ),
        { numRuns: 600, seed: 20240601 },
      )
      // The mutations must exercise rejections too, or the comparison proves little.
      expect(rejected).toBeGreaterThan(100)
    },
  )
})
