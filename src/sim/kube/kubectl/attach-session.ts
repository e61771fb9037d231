/**
 * Attaching to a container's main process (attach.go's Run, shared by `kubectl attach` and
 * `kubectl run -i/-it`): the TTY negotiation, the prompt hint, then either the main process's
 * shell on the student's terminal (its exit ends the container: the kubelet decides what
 * follows), a script piped to that shell, or the process's output as it is written until it
 * ends or Ctrl-C. A raw-terminal session ends with the hint on how to come back.
 */
import type { CommandOutput } from '../../shell/command'
import { toTerminalNewlines } from '../../shell/pty'
import { runToEnd } from '../../docker/cli/container-shell'
import { interactiveShellOf } from '../../docker/cli/run-interactive'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import type { KubeCluster } from '../cluster'
import { containerLogs } from '../kubelet/container-logs'
import { endMainProcess } from '../kubelet/kubelet'
import type { KubectlContext } from './command'
import { TTY_UNAVAILABLE } from './exec'
import { OutputStreams } from './output/streams'
import { openPodProcess } from './pod-process'
import { shellOnTerminal } from './pod-terminal'
import { fail } from './write-kit'

const PODS = servedType('Pod')

/** With no terminal, following a process that never ends gives up after this much virtual time. */
const INSTANT_FOLLOW_LIMIT_MS = 60 * 60 * 1000
const TERMINAL_POLL_MS = 100

export const PROMPT_HINT = "If you don't see a command prompt, try pressing enter.\n"

export interface AttachOptions {
  readonly container: string
  readonly stdin: boolean
  readonly tty: boolean
  readonly quiet: boolean
  /** Show the output the process wrote before attaching (run attaches to a pod it just made). */
  readonly fromStart: boolean
  /** What kubectl said before attaching (the "Defaulted container" notice). */
  readonly notice?: string
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

function containerSpec(pod: KubeObject, name: string): Obj | undefined {
  const spec = isObj(pod['spec']) ? pod['spec'] : {}
  const list = Array.isArray(spec['containers']) ? spec['containers'] : []
  return list.filter(isObj).find((c) => c['name'] === name)
}

/** Whether the container still runs the instance we attached to (the pod may be gone). */
function stillRunning(cluster: KubeCluster, pod: KubeObject, container: string): boolean {
  const live = cluster.api.get(PODS, pod.metadata.namespace ?? 'default', pod.metadata.name)
  if (!live.ok || live.value.metadata.uid !== pod.metadata.uid) return false
  const status = isObj(live.value['status']) ? live.value['status'] : {}
  const statuses = Array.isArray(status['containerStatuses']) ? status['containerStatuses'] : []
  const c = statuses.filter(isObj).find((s) => s['name'] === container)
  const state = c !== undefined && isObj(c['state']) ? c['state'] : {}
  return state['running'] !== undefined
}

/** The process's output from now on (or from its start) until it ends or the user interrupts. */
async function streamOutput(
  ctx: KubectlContext,
  cluster: KubeCluster,
  pod: KubeObject,
  o: AttachOptions,
  streams: OutputStreams,
): Promise<number> {
  const ns = pod.metadata.namespace ?? 'default'
  const read = (): { stream: string; text: string }[] => {
    const r = containerLogs(cluster, ns, pod.metadata.name, o.container)
    return r.ok ? r.value : []
  }
  let shown = o.fromStart ? 0 : read().length
  const startedAt = ctx.shell.clock.now()
  for (;;) {
    const entries = read()
    for (const e of entries.slice(shown)) {
      const line = e.text.endsWith('\n') ? e.text : `${e.text}\n`
      if (e.stream === 'stderr' && !o.tty) streams.err(line)
      else streams.out(line)
    }
    shown = Math.max(shown, entries.length)
    if (!stillRunning(cluster, pod, o.container)) return 0
    if (ctx.shell.signal.aborted) return 130
    let step = TERMINAL_POLL_MS
    if (ctx.shell.tty === undefined) {
      const due = ctx.shell.clock.nextDueAt()
      if (due === undefined || due - startedAt > INSTANT_FOLLOW_LIMIT_MS) return 0
      step = due - ctx.shell.clock.now()
    }
    streams.goLive()
    if (!(await ctx.shell.sleep(Math.max(step, 1)))) return 130
  }
}

/**
 * Attaches to `o.container` of the running `pod`. `commandName` is how the student reattaches
 * (`kubectl attach`), named in the message a raw-terminal session ends with.
 */
export async function attachToContainer(
  ctx: KubectlContext,
  cluster: KubeCluster,
  pod: KubeObject,
  o: AttachOptions,
  commandName: string,
): Promise<CommandOutput> {
  let stderr = o.notice ?? ''
  const spec = containerSpec(pod, o.container)
  // A TTY is the container's to give: asked for without one, refused; given, always used.
  let tty = o.tty
  if (tty && spec?.['tty'] !== true) {
    tty = false
    if (!o.quiet)
      stderr += `error: Unable to use a TTY - container ${o.container} did not allocate one\n`
  } else if (!tty && spec?.['tty'] === true) tty = true
  // SetupTTY: no stdin, no TTY; a TTY needs the student's input to be a terminal.
  const terminal = ctx.shell.tty
  let raw = false
  if (!o.stdin) tty = false
  else if (tty) {
    if (terminal === undefined) {
      tty = false
      if (!o.quiet) stderr += TTY_UNAVAILABLE
    } else raw = true
  }
  if (!o.quiet) stderr += PROMPT_HINT
  const ns = pod.metadata.namespace ?? 'default'
  const proc = await openPodProcess(ctx.world, cluster, pod, o.container, {
    tty: raw,
    realtime: raw,
    clock: ctx.shell.clock,
  })
  if (proc === undefined)
    return fail(
      `${stderr}error: unable to upgrade connection: container not found ("${o.container}")\n`,
    )
  const shell = o.stdin ? interactiveShellOf(proc.podFs.record) : undefined
  const reattach =
    o.quiet || !raw
      ? ''
      : `Session ended, resume using '${commandName} ${pod.metadata.name} -c ${o.container} -i -t' command when the pod is running\n`
  if (shell !== undefined && raw && terminal !== undefined) {
    terminal.write(toTerminalNewlines(stderr))
    const code = await shellOnTerminal(proc, shell, terminal)
    await proc.podFs.close()
    // Ctrl-C detaches (kubectl's own interrupt); the shell's exit is the main process's.
    if (code === 130) return { stdout: '', stderr: '', exitCode: 130 }
    endMainProcess(cluster, ns, pod.metadata.name, o.container, code)
    return { stdout: reattach, stderr: '', exitCode: 0 }
  }
  if (shell !== undefined) {
    // The main process reads the piped input to its end, then exits with its last status.
    const result = await runToEnd(proc, [shell], ctx.shell.stdin)
    await proc.podFs.close()
    endMainProcess(cluster, ns, pod.metadata.name, o.container, result.exitCode)
    return {
      stdout: tty ? toTerminalNewlines(result.stdout + result.stderr) : result.stdout,
      stderr: stderr + (tty ? '' : result.stderr),
      exitCode: 0,
    }
  }
  await proc.podFs.close()
  const streams = new OutputStreams(terminal)
  streams.err(stderr)
  const code = await streamOutput(ctx, cluster, pod, { ...o, tty }, streams)
  const result = streams.result(code === 130 ? 130 : 0)
  return raw && code !== 130 ? { ...result, stdout: result.stdout + reattach } : result
}
