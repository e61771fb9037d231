/**
 * The API server's Table conversion (what kube-apiserver answers to `Accept: as=Table`): the
 * printer registered for each served kind, or the default Name / Created At table, producing the
 * same metav1.Table object the HTTP facade will send to a real kubectl.
 */
import type { KubeObject } from '../api/object'
import type { ResourceType } from '../api/resources'
import { EVENT_PRINTER } from './event'
import {
  CONFIG_MAP_PRINTER,
  LEASE_PRINTER,
  LIMIT_RANGE_PRINTER,
  NAMESPACE_PRINTER,
  PERSISTENT_VOLUME_CLAIM_PRINTER,
  PERSISTENT_VOLUME_PRINTER,
  RESOURCE_QUOTA_PRINTER,
  SECRET_PRINTER,
  SERVICE_ACCOUNT_PRINTER,
  STORAGE_CLASS_PRINTER,
} from './misc'
import {
  ENDPOINT_SLICE_PRINTER,
  ENDPOINTS_PRINTER,
  INGRESS_CLASS_PRINTER,
  INGRESS_PRINTER,
  SERVICE_PRINTER,
} from './network'
import { NODE_PRINTER } from './node'
import { POD_PRINTER } from './pod'
import { AGE_DESCRIPTION, col, NAME_COLUMN, type Printer, type Table, type TableRow } from './table'
import {
  CRON_JOB_PRINTER,
  DAEMON_SET_PRINTER,
  DEPLOYMENT_PRINTER,
  HPA_PRINTER,
  JOB_PRINTER,
  REPLICA_SET_PRINTER,
  REPLICATION_CONTROLLER_PRINTER,
  STATEFUL_SET_PRINTER,
} from './workloads'

export type { Table, TableColumnDefinition, TableRow, TableCell } from './table'

const PRINTERS: Readonly<Record<string, Printer>> = {
  Pod: POD_PRINTER,
  Deployment: DEPLOYMENT_PRINTER,
  ReplicaSet: REPLICA_SET_PRINTER,
  ReplicationController: REPLICATION_CONTROLLER_PRINTER,
  DaemonSet: DAEMON_SET_PRINTER,
  StatefulSet: STATEFUL_SET_PRINTER,
  Job: JOB_PRINTER,
  CronJob: CRON_JOB_PRINTER,
  HorizontalPodAutoscaler: HPA_PRINTER,
  Service: SERVICE_PRINTER,
  Endpoints: ENDPOINTS_PRINTER,
  EndpointSlice: ENDPOINT_SLICE_PRINTER,
  Ingress: INGRESS_PRINTER,
  IngressClass: INGRESS_CLASS_PRINTER,
  Node: NODE_PRINTER,
  Event: EVENT_PRINTER,
  Namespace: NAMESPACE_PRINTER,
  ConfigMap: CONFIG_MAP_PRINTER,
  Secret: SECRET_PRINTER,
  ServiceAccount: SERVICE_ACCOUNT_PRINTER,
  PersistentVolume: PERSISTENT_VOLUME_PRINTER,
  PersistentVolumeClaim: PERSISTENT_VOLUME_CLAIM_PRINTER,
  StorageClass: STORAGE_CLASS_PRINTER,
  Lease: LEASE_PRINTER,
  LimitRange: LIMIT_RANGE_PRINTER,
  ResourceQuota: RESOURCE_QUOTA_PRINTER,
}

/** The generic table (tableconvertor.New(DefaultTableColumns)) for kinds without a printer. */
const DEFAULT_PRINTER: Printer = {
  columns: [NAME_COLUMN, col('Created At', 'date', AGE_DESCRIPTION)],
  row: (o) => ({ cells: [o.metadata.name, o.metadata.creationTimestamp ?? null] }),
}

export const printerFor = (t: Pick<ResourceType, 'kind'>): Printer =>
  PRINTERS[t.kind] ?? DEFAULT_PRINTER

/** Converts objects of one type to the Table the API server returns, ages relative to `nowMs`. */
export function toTable(
  t: Pick<ResourceType, 'kind'>,
  objects: readonly KubeObject[],
  nowMs: number,
  resourceVersion?: string,
): Table {
  const printer = printerFor(t)
  const rows: TableRow[] = objects.map((o) => {
    const printed = printer.row(o, nowMs)
    return {
      cells: printed.cells,
      ...(printed.conditions === undefined ? {} : { conditions: printed.conditions }),
      object: {
        kind: 'PartialObjectMetadata',
        apiVersion: 'meta.k8s.io/v1',
        metadata: o.metadata,
      },
    }
  })
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: resourceVersion === undefined ? {} : { resourceVersion },
    columnDefinitions: printer.columns.map((c) => ({ ...c })),
    rows,
  }
}
