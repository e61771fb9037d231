/**
 * From kubeconfig + global flags to a cluster, as client-go's clientcmd does: the context
 * (--context, else current-context), its cluster (--cluster overrides), the server URL (-s
 * overrides), the namespace (-n, else the context's, else `default`). A URL with no cluster behind
 * it in the KubeWorld is a refused connection, exactly as kubectl words it.
 */
import { err, ok, type Result } from '../../core/errors'
import type { CommandOutput } from '../../shell/command'
import type { KubeWorld } from '../kube-world'
import type { KubeCluster } from '../cluster'
import { findNamed, type Kubeconfig } from '../kubeconfig'
import type { KubectlGlobals } from './command'

export interface ClientTarget {
  /** The context in use ('' when none). */
  readonly contextName: string
  /** The server URL ('' when the config names none: client-go then uses localhost:8080). */
  readonly server: string
  readonly namespace: string
  readonly namespaceExplicit: boolean
  /** A configuration error kubectl reports before any request (`Error in configuration: …`). */
  readonly configError?: string
}

const failure = (stderr: string): CommandOutput => ({ stdout: '', stderr, exitCode: 1 })

/** clientcmd.DirectClientConfig: which context, cluster, server and namespace apply. */
export function resolveTarget(config: Kubeconfig, globals: KubectlGlobals): ClientTarget {
  const contextName = globals.context ?? config.currentContext
  const context = findNamed(config.contexts, contextName)
  let configError: string | undefined
  if (contextName !== '' && context === undefined)
    configError = `context was not found for specified context: ${contextName}`
  const clusterName = globals.cluster ?? context?.cluster ?? ''
  const cluster = findNamed(config.clusters, clusterName)
  if (globals.cluster !== undefined && cluster === undefined && configError === undefined)
    configError = `cluster "${globals.cluster}" does not exist`
  const server = globals.server ?? cluster?.server ?? ''
  const namespace =
    globals.namespace !== undefined && globals.namespace !== ''
      ? globals.namespace
      : context?.namespace !== undefined && context.namespace !== ''
        ? context.namespace
        : 'default'
  return {
    contextName,
    server,
    namespace,
    namespaceExplicit: globals.namespace !== undefined && globals.namespace !== '',
    ...(configError === undefined ? {} : { configError }),
  }
}

/** `https://192.168.49.2:8443/` → `192.168.49.2:8443`; no scheme means http (client-go). */
export function serverHost(server: string): string {
  if (server === '') return 'localhost:8080'
  const withoutScheme = server.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//, '')
  return withoutScheme.split('/')[0] ?? withoutScheme
}

/** `https://192.168.49.2:8443/` and `192.168.49.2:8443` name the same server. */
export function normalizeServer(server: string): string {
  let s = server.replace(/\/+$/, '')
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(s)) s = `http://${s}`
  return s
}

export function connectionRefused(server: string): CommandOutput {
  return failure(
    `The connection to the server ${serverHost(server)} was refused - did you specify the right host or port?\n`,
  )
}

/** The cluster answering at the target's server, or what kubectl prints when none does. */
export function connectTo(
  world: KubeWorld,
  target: ClientTarget,
): Result<KubeCluster, CommandOutput> {
  if (target.configError !== undefined)
    return err(failure(`Error in configuration: ${target.configError}\n`))
  if (target.server === '') return err(connectionRefused(''))
  const wanted = normalizeServer(target.server)
  const found =
    world.at(target.server) ?? world.all().find(([url]) => normalizeServer(url) === wanted)?.[1]
  if (found === undefined) return err(connectionRefused(target.server))
  return ok(found)
}
