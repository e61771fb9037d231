/**
 * Server-side printing: a client that accepts `application/json;as=Table;v=v1;g=meta.k8s.io`
 * (kubectl get) receives a meta.k8s.io Table made by the same printers Quai's own kubectl uses,
 * each row carrying the object as includeObject asks (Metadata by default, the whole Object for
 * `--sort-by` and friends, None).
 */
import type { KubeObject } from '../../kube/api/object'
import { groupVersion, type ResourceType } from '../../kube/api/resources'
import { toTable, type Table } from '../../kube/printers'
import { mediaParams } from './discovery'

export type IncludeObject = 'Object' | 'Metadata' | 'None'

/** Whether the Accept header asks for a Table (v1 or v1beta1) before plain JSON. */
export function wantsTable(accept: string | undefined): boolean {
  for (const part of (accept ?? '').split(',')) {
    const params = mediaParams(part)
    if (
      params.get('as') === 'Table' &&
      params.get('g') === 'meta.k8s.io' &&
      (params.get('v') === 'v1' || params.get('v') === 'v1beta1')
    )
      return true
    const media = part.split(';')[0]?.trim()
    if (media === 'application/json' || media === '*/*') return false
  }
  return false
}

export function parseIncludeObject(value: string | undefined): IncludeObject | undefined {
  if (value === undefined || value === '') return 'Metadata'
  return value === 'Object' || value === 'Metadata' || value === 'None' ? value : undefined
}

/** The object as it travels on its own: apiVersion and kind set. */
export function withType(t: ResourceType, o: KubeObject): KubeObject {
  return { ...o, apiVersion: groupVersion(t), kind: t.kind }
}

/** The Table for `objects`, ages computed against the cluster's now. */
export function tableOf(
  t: ResourceType,
  objects: readonly KubeObject[],
  nowMs: number,
  include: IncludeObject,
  metadata: Table['metadata'],
): Record<string, unknown> {
  const table = toTable(t, objects, nowMs)
  const rows = table.rows.map((row, i) => {
    const { object, ...rest } = row
    if (include === 'None') return rest
    const o = objects[i]
    return { ...rest, object: include === 'Object' && o !== undefined ? withType(t, o) : object }
  })
  return { ...table, metadata, rows }
}
