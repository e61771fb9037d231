/**
 * Generates src/sim/kube/api/schema/fields.generated.ts: for every object type reachable from the
 * kinds Quai decodes, its JSON field names and their Go types, read from kubernetes-models' .d.ts
 * files (the OpenAPI of the Kubernetes release it was generated from) and its compiled validators
 * (int32 versus int64). The API server uses the table to reject unknown fields (strict decoding)
 * and to word Go's `cannot unmarshal` errors. Run: node test/sim/kube/api/schema-table.gen.mjs
 * (schema-table.test.ts fails when the committed table is stale), then prettier.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../../../..')
const modules = join(root, 'node_modules')
const require = createRequire(join(root, 'package.json'))
void require

/** group/version directory in kubernetes-models → the kinds to start from (all its kinds). */
const GROUPS = [
  'v1',
  'apps/v1',
  'batch/v1',
  'autoscaling/v1',
  'autoscaling/v2',
  'networking.k8s.io/v1',
  'storage.k8s.io/v1',
  'rbac.authorization.k8s.io/v1',
  'policy/v1',
  'scheduling.k8s.io/v1',
  'discovery.k8s.io/v1',
  'coordination.k8s.io/v1',
]

const SCALARS = {
  IIoK8sApimachineryPkgApiResourceQuantity: 'quantity',
  IIoK8sApimachineryPkgUtilIntstrIntOrString: 'intstr',
  IIoK8sApimachineryPkgApisMetaV1Time: 'time',
  IIoK8sApimachineryPkgApisMetaV1MicroTime: 'time',
  IIoK8sApimachineryPkgApisMetaV1FieldsV1: 'any',
  IIoK8sApimachineryPkgRuntimeRawExtension: 'any',
}

function resolveImport(fromFile, spec) {
  if (spec.startsWith('.')) return resolve(dirname(fromFile), spec.replace(/\.js$/, '') + '.d.ts')
  if (spec.startsWith('@kubernetes-models/') || spec.startsWith('kubernetes-models/'))
    return join(modules, spec.replace(/\.js$/, '') + '.d.ts')
  return undefined
}

const parsed = new Map()
function parseFile(file) {
  let entry = parsed.get(file)
  if (entry) return entry
  const text = readFileSync(file, 'utf8')
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const imports = new Map()
  let iface
  for (const st of sf.statements) {
    if (
      ts.isImportDeclaration(st) &&
      st.importClause?.namedBindings &&
      ts.isNamedImports(st.importClause.namedBindings)
    ) {
      const target = resolveImport(file, st.moduleSpecifier.text)
      for (const el of st.importClause.namedBindings.elements)
        if (target) imports.set(el.name.text, target)
    }
    if (ts.isInterfaceDeclaration(st) && !iface) iface = st
  }
  // The exported alias (`IIoK8sApiAppsV1Deployment`) is the type's global name.
  const alias = /export type \{ I\w+ as (IIoK8s\w+)/.exec(text)?.[1]
  entry = { file, imports, iface, alias }
  parsed.set(file, entry)
  return entry
}

const table = {}
const queue = []

const shortName = (alias) =>
  alias.replace(/^IIoK8s(ApimachineryPkgApis|ApimachineryPkg|KubeAggregatorPkgApis|Api)?/, '')

function schemaFile(alias) {
  const name = alias.slice(1) // IoK8s…
  const pkg = alias.includes('Apimachinery')
    ? '@kubernetes-models/apimachinery'
    : 'kubernetes-models'
  return join(modules, pkg, '_schemas', `${name}.js`)
}

function typeCode(node, entry, owner, prop) {
  if (ts.isArrayTypeNode(node)) return `[]${typeCode(node.elementType, entry, owner, prop)}`
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText()
    if (name === 'Array') return `[]${typeCode(node.typeArguments[0], entry, owner, prop)}`
    if (SCALARS[name]) return SCALARS[name]
    const file = entry.imports.get(name)
    if (!file) return 'any'
    const target = parseFile(file)
    if (!target.iface) return 'any'
    const alias = target.alias ?? name
    if (SCALARS[alias]) return SCALARS[alias]
    const key = shortName(alias)
    if (!(key in table)) {
      table[key] = null
      queue.push({ key, entry: target, alias })
    }
    return key
  }
  if (ts.isTypeLiteralNode(node)) {
    const index = node.members.find((m) => ts.isIndexSignatureDeclaration(m))
    if (index) return `map:${typeCode(index.type, entry, owner, prop)}`
    return 'any'
  }
  if (ts.isUnionTypeNode(node)) {
    const kinds = new Set(
      node.types.map((t) => (ts.isLiteralTypeNode(t) ? typeof t.literal.text : t.getText())),
    )
    if ([...kinds].every((k) => k === 'string')) return 'string'
    return 'any'
  }
  if (ts.isLiteralTypeNode(node)) return 'string'
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return 'string'
    case ts.SyntaxKind.BooleanKeyword:
      return 'bool'
    case ts.SyntaxKind.NumberKeyword:
      return 'number'
    default:
      return 'any'
  }
}

async function numberKinds(alias, fields) {
  const numeric = Object.entries(fields).filter(([, c]) => c === 'number' || c === '[]number')
  if (numeric.length === 0) return
  const { validate } = await import(pathToFileURL(schemaFile(alias)).href)
  for (const [prop, code] of numeric) {
    const wrap = (v) => (code.startsWith('[]') ? [v] : v)
    validate({ [prop]: wrap(2 ** 40) })
    const int32 = (validate.errors ?? []).some((e) => e.params?.format === 'int32')
    validate({ [prop]: wrap(1.5) })
    const integer = (validate.errors ?? []).some((e) => e.params?.type === 'integer')
    const kind = int32 ? 'int32' : integer ? 'int64' : 'float64'
    fields[prop] = code.startsWith('[]') ? `[]${kind}` : kind
  }
}

const kinds = {}
for (const gv of GROUPS) {
  const dir = join(modules, 'kubernetes-models', gv)
  const index = readFileSync(join(dir, 'index.d.ts'), 'utf8')
  for (const m of index.matchAll(/export \* from "\.\/(\w+)\.js"/g)) {
    const file = join(dir, `${m[1]}.d.ts`)
    const text = readFileSync(file, 'utf8')
    if (!/static apiVersion: /.test(text) && !/"apiVersion": "/.test(text)) continue
    const kind = /"kind": "(\w+)"/.exec(text)?.[1]
    if (!kind || kind.endsWith('List')) continue
    const entry = parseFile(file)
    const key = shortName(entry.alias)
    kinds[`${gv}/${kind}`] = key
    if (!(key in table)) {
      table[key] = null
      queue.push({ key, entry, alias: entry.alias })
    }
  }
}

while (queue.length > 0) {
  const { key, entry, alias } = queue.shift()
  const fields = {}
  for (const member of entry.iface.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue
    const prop = member.name.text ?? member.name.getText().replace(/"/g, '')
    fields[prop] = typeCode(member.type, entry, key, prop)
  }
  await numberKinds(alias, fields)
  table[key] = fields
}

const sorted = Object.fromEntries(
  Object.keys(table)
    .sort()
    .map((k) => [k, table[k]]),
)
const kindsSorted = Object.fromEntries(
  Object.keys(kinds)
    .sort()
    .map((k) => [k, kinds[k]]),
)
const out = `/**
 * GENERATED by test/sim/kube/api/schema-table.gen.mjs from kubernetes-models (do not edit): each
 * object type's JSON fields and their Go types, for strict decoding (unknown fields) and Go's
 * \`cannot unmarshal\` errors. Codes: string, bool, int32, int64, float64, quantity, intstr, time,
 * any (free-form), \`[]X\` (list), \`map:X\` (map of X), or another type's name.
 */
export const KIND_TYPES: Readonly<Record<string, string>> = ${JSON.stringify(kindsSorted, null, 2)}

export const FIELD_TYPES: Readonly<Record<string, Readonly<Record<string, string>>>> = ${JSON.stringify(sorted)}
`
const target = join(root, 'src/sim/kube/api/schema/fields.generated.ts')
if (process.argv.includes('--json')) {
  // The committed file is prettier-formatted: compare data, not text (schema-table.test.ts).
  process.stdout.write(JSON.stringify({ kinds: kindsSorted, fields: sorted }))
} else {
  writeFileSync(target, out)
  process.stdout.write(`${Object.keys(sorted).length} types, ${out.length} bytes\n`)
}
