/**
 * RFC 6902 JSON Patch (`kubectl patch --type json`): add, remove, replace, move, copy, test on a
 * copy of the document. Failures carry evanphx/json-patch's wording, which the API server returns
 * as the cause of a 422.
 */
import { err, ok, type Result } from '../../../core/errors'

type Json = unknown

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T))

function pointer(path: string): string[] | undefined {
  if (path === '') return []
  if (!path.startsWith('/')) return undefined
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
}

interface Parent {
  container: Record<string, Json> | Json[]
  key: string
}

function parentOf(doc: Json, parts: string[]): Parent | undefined {
  let current: Json = doc
  for (const p of parts.slice(0, -1)) {
    if (Array.isArray(current)) {
      const i = Number(p)
      if (!/^\d+$/.test(p) || i >= current.length) return undefined
      current = current[i]
    } else if (typeof current === 'object' && current !== null) {
      current = (current as Record<string, Json>)[p]
    } else return undefined
    if (current === undefined) return undefined
  }
  if (typeof current !== 'object' || current === null) return undefined
  return { container: current as Record<string, Json> | Json[], key: parts[parts.length - 1] ?? '' }
}

function getAt(doc: Json, path: string): Json | undefined {
  const parts = pointer(path)
  if (parts === undefined) return undefined
  if (parts.length === 0) return doc
  const parent = parentOf(doc, parts)
  if (parent === undefined) return undefined
  if (Array.isArray(parent.container)) return parent.container[Number(parent.key)]
  return parent.container[parent.key]
}

export type PatchOperation = { op: string; path?: string; from?: string; value?: Json }

export function applyJsonPatch(document: Json, patch: unknown): Result<Json, string> {
  if (!Array.isArray(patch))
    return err('json: cannot unmarshal object into Go value of type jsonpatch.Patch')
  let doc = clone(document)
  for (const raw of patch) {
    const op = raw as PatchOperation
    const path = op.path ?? ''
    const parts = pointer(path)
    if (parts === undefined) return err(`Unexpected kind: ${op.op}`)
    const missing = (): Result<Json, string> =>
      err(`${op.op} operation does not apply: doc is missing path: "${path}": missing value`)
    switch (op.op) {
      case 'add':
      case 'replace': {
        if (!('value' in op)) return err(`Unexpected kind: ${op.op}`)
        const value = clone(op.value)
        if (parts.length === 0) {
          doc = value
          break
        }
        const parent = parentOf(doc, parts)
        if (parent === undefined) return missing()
        if (Array.isArray(parent.container)) {
          const arr = parent.container
          const index = parent.key === '-' ? arr.length : Number(parent.key)
          if (
            !Number.isInteger(index) ||
            index < 0 ||
            index > arr.length ||
            (op.op === 'replace' && index >= arr.length)
          )
            return err(
              `${op.op} operation does not apply: doc is missing path: "${path}": missing value`,
            )
          if (op.op === 'add') arr.splice(index, 0, value)
          else arr[index] = value
        } else {
          if (op.op === 'replace' && !(parent.key in parent.container))
            return err(
              `replace operation does not apply: doc is missing key: ${path}: missing value`,
            )
          parent.container[parent.key] = value
        }
        break
      }
      case 'remove': {
        const parent = parentOf(doc, parts)
        if (parent === undefined || parts.length === 0) return missing()
        if (Array.isArray(parent.container)) {
          const index = Number(parent.key)
          if (!Number.isInteger(index) || index < 0 || index >= parent.container.length)
            return err(`Unable to remove nonexistent key: ${parent.key}: missing value`)
          parent.container.splice(index, 1)
        } else {
          if (!(parent.key in parent.container))
            return err(`Unable to remove nonexistent key: ${parent.key}: missing value`)
          delete parent.container[parent.key]
        }
        break
      }
      case 'test': {
        const actual = getAt(doc, path)
        if (JSON.stringify(actual) !== JSON.stringify(op.value))
          return err(`testing value ${path} failed: test failed`)
        break
      }
      case 'move':
      case 'copy': {
        const value = getAt(doc, op.from ?? '')
        if (value === undefined)
          return err(
            `${op.op} operation does not apply: doc is missing from path: ${op.from ?? ''}: missing value`,
          )
        const copied = clone(value)
        if (op.op === 'move') {
          const removed = applyJsonPatch(doc, [{ op: 'remove', path: op.from }])
          if (!removed.ok) return removed
          doc = removed.value
        }
        const added = applyJsonPatch(doc, [{ op: 'add', path, value: copied }])
        if (!added.ok) return added
        doc = added.value
        break
      }
      default:
        return err(`Unexpected kind: ${String(op.op)}`)
    }
  }
  return ok(doc)
}
