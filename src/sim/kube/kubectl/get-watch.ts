/**
 * `kubectl get -w` / `--watch-only`: the list first (unless --watch-only), then one row per change
 * as the API server's watch reports it, through one tabwriter whose columns never narrow (kubectl's
 * RememberWidths), until Ctrl-C. Without a terminal (scripts, tests) it stops once nothing more is
 * scheduled on the virtual clock or after an hour of virtual time.
 */
import { Tabwriter, KUBECTL_TABWRITER } from '../../cli-kit/tabwriter'
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import type { KubeCluster } from '../cluster'
import { toTable } from '../printers'
import type { KubectlContext } from './command'
import { tableOptionsFor, type GetOptions } from './get'
import type { OutputFormat } from './output/format'
import { nameOf } from './output/objects'
import { OutputStreams } from './output/streams'
import { headerLine, rowLines } from './output/table'
import type { ResourceRequest } from './resource-args'

export interface WatchOptions extends GetOptions {
  watchOnly: boolean
  labelColumns: readonly string[]
  showLabels: boolean
  noHeaders: boolean
  showKind: boolean
}

const INSTANT_WAIT_LIMIT_MS = 60 * 60 * 1000
const TERMINAL_POLL_MS = 100

export async function watchObjects(
  ctx: KubectlContext,
  cluster: KubeCluster,
  requests: readonly ResourceRequest[],
  format: OutputFormat,
  options: WatchOptions,
): Promise<CommandOutput> {
  const request = requests[0]
  if (requests.length !== 1 || request === undefined)
    return {
      stdout: '',
      stderr: 'error: you may only specify a single resource type\n',
      exitCode: 1,
    }
  const t = request.type
  const shell = ctx.shell
  const streams = new OutputStreams(shell.tty)
  const writer = new Tabwriter(KUBECTL_TABWRITER)
  const tableOptions = tableOptionsFor(t, format.kind === 'table' ? format : { wide: false }, {
    allNamespaces: options.allNamespaces,
    showKind: options.showKind,
    labelColumns: options.labelColumns,
    showLabels: options.showLabels,
    noHeaders: options.noHeaders,
  })
  let headerShown = options.noHeaders
  const print = (objects: readonly KubeObject[]): void => {
    if (objects.length === 0) return
    if (format.kind === 'name') {
      streams.out(objects.map((o) => nameOf(o) + '\n').join(''))
      return
    }
    const table = toTable(t, objects, cluster.clock.now())
    let text = ''
    if (!headerShown) {
      text += headerLine(table, tableOptions)
      headerShown = true
    }
    text += rowLines(table, tableOptions)
    streams.out(writer.write(text) + writer.flush())
  }
  const named = (o: KubeObject): boolean =>
    request.names.length === 0 || request.names.includes(o.metadata.name)
  if (!options.watchOnly) {
    const initial: KubeObject[] = []
    if (request.names.length > 0) {
      for (const name of request.names) {
        const got = cluster.api.get(t, ctx.namespace, name)
        if (got.ok) initial.push(got.value)
        else
          return {
            stdout: '',
            stderr: `Error from server (${got.error.status.reason}): ${got.error.status.message}\n`,
            exitCode: 1,
          }
      }
    } else {
      const listed = cluster.api.list(t, {
        ...(options.allNamespaces || !t.namespaced ? {} : { namespace: ctx.namespace }),
        ...(options.labelSelector === '' ? {} : { labelSelector: options.labelSelector }),
        ...(options.fieldSelector === '' ? {} : { fieldSelector: options.fieldSelector }),
      })
      if (!listed.ok)
        return {
          stdout: '',
          stderr: `Error from server (${listed.error.status.reason}): ${listed.error.status.message}\n`,
          exitCode: 1,
        }
      initial.push(...listed.value.items)
    }
    print(initial)
  }
  const pending: KubeObject[] = []
  const subscribed = cluster.api.watch(
    t,
    {
      ...(options.allNamespaces || !t.namespaced ? {} : { namespace: ctx.namespace }),
      ...(options.labelSelector === '' ? {} : { labelSelector: options.labelSelector }),
      ...(options.fieldSelector === '' ? {} : { fieldSelector: options.fieldSelector }),
    },
    (event) => {
      if (named(event.object)) pending.push(event.object)
    },
  )
  if (!subscribed.ok)
    return {
      stdout: '',
      stderr: `Error from server (${subscribed.error.status.reason}): ${subscribed.error.status.message}\n`,
      exitCode: 1,
    }
  const startedAt = shell.clock.now()
  try {
    for (;;) {
      print(pending.splice(0))
      if (shell.signal.aborted) break
      let step = TERMINAL_POLL_MS
      if (!shell.tty) {
        const due = shell.clock.nextDueAt()
        if (due === undefined || due - startedAt > INSTANT_WAIT_LIMIT_MS) break
        step = Math.max(due - shell.clock.now(), 1)
      }
      streams.goLive()
      if (!(await shell.sleep(step))) break
    }
    print(pending.splice(0))
  } finally {
    subscribed.value()
  }
  return streams.result(0)
}
