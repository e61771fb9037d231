/**
 * The bounds of the cluster panel's snapshot (snapshot.ts), apart from it so that the IPC
 * schemas (src/shared/ipc.ts, bundled into the preload) can read them without the printers.
 */
/** Bounds of one snapshot, so that a runaway loop cannot flood the IPC channel. */
export const CLUSTER_PANEL_LIMITS = {
  clusters: 8,
  nodes: 50,
  pods: 300,
  /** Deployments, ReplicaSets, StatefulSets, DaemonSets, Services, namespaces. */
  items: 200,
  events: 40,
  /** Labels of one object. */
  labels: 32,
  /** Characters of one text field. */
  text: 2000,
} as const
