/**
 * minikube's audit log (~/.minikube/logs/audit.json): each command with its arguments, profile,
 * user, version and start and end times, as `minikube logs` shows it under `==> Audit <==`.
 */
import type { KubeWorld } from '../kube-world'

export interface AuditEntry {
  readonly command: string
  readonly args: string
  readonly profile: string
  readonly user: string
  readonly startMs: number
  endMs: number
}

const logs = new WeakMap<KubeWorld, AuditEntry[]>()

export function auditLog(world: KubeWorld): AuditEntry[] {
  let log = logs.get(world)
  if (log === undefined) {
    log = []
    logs.set(world, log)
  }
  return log
}

/** Commands that only read: minikube leaves them out of the audit. */
const UNAUDITED = new Set(['logs', 'status', 'version', 'ip', 'profile', 'docker-env'])

export function shouldAudit(command: string): boolean {
  return !UNAUDITED.has(command.split(' ')[0] ?? '')
}
