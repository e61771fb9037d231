/** A two-node cluster with three nginx pods (two on minikube-m02), for the node verbs' tests. */
import type { Session } from '../../../../src/sim/shell/session'
import { clusterSession } from '../fixtures'

export interface Typed {
  stdout: string
  stderr: string
  exitCode: number
}

export async function run(session: Session, line: string): Promise<Typed> {
  const r = await session.run(line)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

export const ok = (stdout: string, stderr = ''): Typed => ({ stdout, stderr, exitCode: 0 })
export const failed = (stderr: string, stdout = ''): Typed => ({ stdout, stderr, exitCode: 1 })

export async function twoNodes(): Promise<Session> {
  const session = await clusterSession({ nodes: 2 })
  await run(session, 'kubectl create deployment web --image=nginx --replicas=3')
  await run(session, 'sleep 30')
  return session
}
