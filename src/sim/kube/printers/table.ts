/**
 * metav1.Table, the server-side printing kube-apiserver does for `kubectl get` (Accept:
 * as=Table): column definitions (priority 1 for `-o wide` only) and one row of cells per object,
 * each carrying the object's metadata (PartialObjectMetadata) so the client can add labels and
 * namespaces. Ages are rendered by the server against its clock, hence `nowMs`.
 */
import { kubeHumanDuration } from '../../cli-kit/go-units'
import type { KubeObject, ObjectMeta } from '../api/object'

export interface TableColumnDefinition {
  name: string
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date'
  format: string
  description: string
  priority: number
}

export type TableCell = string | number | boolean | null

export interface TableRow {
  cells: TableCell[]
  /** TableRowCondition (`Completed` for finished pods). */
  conditions?: { type: string; status: string; reason?: string; message?: string }[]
  object: { kind: 'PartialObjectMetadata'; apiVersion: 'meta.k8s.io/v1'; metadata: ObjectMeta }
}

export interface Table {
  kind: 'Table'
  apiVersion: 'meta.k8s.io/v1'
  metadata: { resourceVersion?: string }
  columnDefinitions: TableColumnDefinition[]
  rows: TableRow[]
}

/** What a printer computes per object: the cells and, for pods, the row conditions. */
export interface PrintedRow {
  cells: TableCell[]
  conditions?: TableRow['conditions']
}

export interface Printer {
  columns: readonly TableColumnDefinition[]
  row(object: KubeObject, nowMs: number): PrintedRow
}

export const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names'

export const AGE_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'

/** A column definition: `col('Ready', 'string', 'The aggregate readiness…')`, wide-only with priority 1. */
export function col(
  name: string,
  type: TableColumnDefinition['type'],
  description: string,
  priority = 0,
  format = '',
): TableColumnDefinition {
  return { name, type, format, description, priority }
}

export const NAME_COLUMN = col('Name', 'string', NAME_DESCRIPTION, 0, 'name')
export const AGE_COLUMN = col('Age', 'string', AGE_DESCRIPTION)
export const CONTAINERS_COLUMN = col(
  'Containers',
  'string',
  'Names of each container in the template.',
  1,
)
export const IMAGES_COLUMN = col(
  'Images',
  'string',
  'Images referenced by each container in the template.',
  1,
)

/** `time.Time` from an RFC 3339 string; NaN when absent. */
export const parseTime = (value: unknown): number =>
  typeof value === 'string' && value !== '' ? Date.parse(value) : NaN

/** translateTimestampSince: the AGE column (`<unknown>` without a timestamp). */
export function since(timestamp: unknown, nowMs: number): string {
  const t = parseTime(timestamp)
  if (Number.isNaN(t)) return '<unknown>'
  return kubeHumanDuration(nowMs - t)
}

export const ageOf = (o: KubeObject, nowMs: number): string =>
  since(o.metadata.creationTimestamp, nowMs)

/** Lays out all the containers of a template on one line (names, images). */
export function containerCells(
  containers: readonly { name?: string; image?: string }[] | undefined,
): [string, string] {
  const list = containers ?? []
  return [list.map((c) => c.name ?? '').join(','), list.map((c) => c.image ?? '').join(',')]
}

/** labels.FormatLabels: `k=v` pairs sorted as strings, `<none>` when empty. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined | null): string {
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`)
  if (pairs.length === 0) return '<none>'
  return pairs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(',')
}

/** Reads a nested field without caring about types (printers are forgiving, as Go's zero values). */
export function field(object: unknown, ...path: string[]): unknown {
  let v: unknown = object
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<string, unknown>)[p]
  }
  return v
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : '')
export const num = (v: unknown): number => (typeof v === 'number' ? v : 0)
export const arr = <T = unknown>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : [])
export const rec = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
