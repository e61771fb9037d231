/**
 * `minikube logs [-n LINES] [--problems]`: a deterministic excerpt of what minikube gathers — the
 * audit table, the last start's log header, the runtime's container list (crictl's columns) and
 * the kubelet's journal, written from what the cluster recorded (its Events from the kubelet).
 * `--problems` keeps only the kubelet's warnings.
 */
import { Tabwriter } from '../../cli-kit/tabwriter'
import { humanDuration } from '../../cli-kit/go-units'
import type { CommandOutput } from '../../shell/command'
import { servedType } from '../api/resources'
import { MINIKUBE_VERSION } from '../nodes'
import { auditLog } from './audit'
import {
  isProfile,
  loadProfile,
  type Invocation,
  type MinikubeCommand,
  type MinikubeContext,
} from './command'
import { HOST_PLATFORM } from './start'
import { pipeTable } from './table'
import type { MinikubeProfile } from './profiles'

const PODS = servedType('Pod')
const EVENTS = servedType('Event')
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const two = (n: number): string => String(n).padStart(2, '0')
const KUBELET_PID = 1523

/** Go's `02 Jan 06 15:04 MST` in UTC. */
function auditTime(ms: number): string {
  const d = new Date(ms)
  return `${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()] ?? ''} ${two(d.getUTCFullYear() % 100)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`
}

/** journald's short format: `Mar 01 10:00:05`. */
function journalTime(ms: number): string {
  const d = new Date(ms)
  return `${MONTHS[d.getUTCMonth()] ?? ''} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
}

/** klog's header: `I0301 10:00:05.000000`. */
function klogTime(level: string, ms: number): string {
  const d = new Date(ms)
  return `${level}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}000`
}

function auditSection(mctx: MinikubeContext): string {
  const rows = auditLog(mctx.world.kube).map((e) => [
    e.command,
    e.args,
    e.profile,
    e.user,
    MINIKUBE_VERSION,
    auditTime(e.startMs),
    auditTime(e.endMs),
  ])
  return pipeTable(
    ['Command', 'Args', 'Profile', 'User', 'Version', 'Start Time', 'End Time'],
    rows,
  )
}

function lastStart(mctx: MinikubeContext, profile: MinikubeProfile): string {
  const start = [...auditLog(mctx.world.kube)].reverse().find((e) => e.command === 'start')
  const at = start?.startMs ?? profile.cluster.clock.now()
  const d = new Date(at)
  const header = `${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
  return `Log file created at: ${header}
Running on machine: quai
Binary: Built with gc go1.23.4 for linux/amd64
Log line format: [IWEF]mmdd hh:mm:ss.uuuuuu threadid file:line] msg
${klogTime('I', at)}  412817 out.go:345] Setting OutFile to fd 1 ...
${klogTime('I', at)}  412817 out.go:177] ${profile.name === 'minikube' ? '' : `[${profile.name}] `}minikube ${MINIKUBE_VERSION} on ${HOST_PLATFORM}
${klogTime('I', at)}  412817 driver.go:394] Setting default libvirt URI to qemu:///system
${klogTime('I', at)}  412817 start.go:340] selected driver: ${profile.driver}
`
}

interface ContainerStatusLike {
  name: string
  containerID?: string
  imageID?: string
  restartCount?: number
  state?: {
    running?: { startedAt?: string }
    terminated?: { startedAt?: string }
    waiting?: object
  }
}

function containerSection(profile: MinikubeProfile, now: number): string {
  const w = new Tabwriter({ minwidth: 20, tabwidth: 1, padding: 3, padchar: ' ' })
  let text = 'CONTAINER\tIMAGE\tCREATED\tSTATE\tNAME\tATTEMPT\tPOD ID\tPOD\n'
  const hex = (s: string | undefined): string =>
    (s ?? '')
      .replace(/^.*:\/\//, '')
      .replace(/^sha256:/, '')
      .replace(/^.*@sha256:/, '')
      .replace(/-/g, '')
      .slice(0, 13)
  for (const pod of profile.cluster.store.list(PODS)) {
    const statuses =
      (pod['status'] as { containerStatuses?: ContainerStatusLike[] } | undefined)
        ?.containerStatuses ?? []
    for (const s of statuses) {
      if (s.containerID === undefined) continue
      const started = s.state?.running?.startedAt ?? s.state?.terminated?.startedAt
      const created =
        started === undefined ? 'Unknown' : `${humanDuration(now - Date.parse(started))} ago`
      const state = s.state?.running !== undefined ? 'Running' : 'Exited'
      text += `${hex(s.containerID)}\t${hex(s.imageID)}\t${created}\t${state}\t${s.name}\t${s.restartCount ?? 0}\t${hex(pod.metadata.uid)}\t${pod.metadata.name}\n`
    }
  }
  return w.write(text) + w.flush()
}

interface EventLike {
  type?: string
  reason?: string
  message?: string
  lastTimestamp?: string
  firstTimestamp?: string
  source?: { component?: string; host?: string }
  involvedObject?: { kind?: string; namespace?: string; name?: string }
}

function kubeletLines(profile: MinikubeProfile, problemsOnly: boolean): string[] {
  const lines: string[] = []
  for (const raw of profile.cluster.store.list(EVENTS)) {
    const e = raw as unknown as EventLike
    if (e.source?.component !== 'kubelet') continue
    if (problemsOnly && e.type !== 'Warning') continue
    const at = Date.parse(e.lastTimestamp ?? e.firstTimestamp ?? '') || 0
    const level = e.type === 'Warning' ? 'W' : 'I'
    const obj = e.involvedObject ?? {}
    lines.push(
      `${journalTime(at)} ${e.source.host ?? profile.name} kubelet[${KUBELET_PID}]: ${klogTime(level, at)}    ${KUBELET_PID} event.go:389] "Event occurred" object="${obj.namespace ?? ''}/${obj.name ?? ''}" kind="${obj.kind ?? ''}" reason="${e.reason ?? ''}" message="${e.message ?? ''}"`,
    )
  }
  return lines.sort()
}

async function logs(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const profile = loadProfile(mctx)
  if (!isProfile(profile)) return profile
  const n = Number(inv.values['length'] ?? 60)
  const problems = inv.values['problems'] === true
  const kubelet = kubeletLines(profile, problems)
  const tail = (lines: string[]): string[] => (n > 0 ? lines.slice(-n) : lines)
  if (problems) {
    if (kubelet.length === 0) {
      mctx.out.step('check', 'No problems detected in kubelet')
      return mctx.out.result(0)
    }
    mctx.out.err('failure', `Problems detected in kubelet:`)
    mctx.out.out(
      tail(kubelet)
        .map((l) => `    ${l}\n`)
        .join(''),
    )
    return mctx.out.result(0)
  }
  const now = profile.cluster.clock.now()
  mctx.out.out(
    `\n==> Audit <==\n${auditSection(mctx)}\n\n==> Last Start <==\n${lastStart(mctx, profile)}\n\n==> container status <==\n${containerSection(profile, now)}\n\n==> kubelet <==\n${tail(
      kubelet,
    )
      .map((l) => `${l}\n`)
      .join('')}\n`,
  )
  return mctx.out.result(0)
}

export const logsCommand: MinikubeCommand = {
  name: 'logs',
  short: 'Returns logs to debug a local Kubernetes cluster',
  long: 'Gets the logs of the running instance, used for debugging minikube, not user code.',
  use: 'logs [flags]',
  flags: () => [
    {
      name: 'length',
      shorthand: 'n',
      type: 'int',
      default: 60,
      usage: 'Number of lines back to go within the log',
    },
    {
      name: 'problems',
      type: 'bool',
      usage: 'Show only log entries which point to known problems',
    },
    {
      name: 'follow',
      shorthand: 'f',
      type: 'bool',
      usage:
        'Show only the most recent journal entries, and continuously print new entries as they are appended to the journal.',
    },
    {
      name: 'file',
      type: 'string',
      default: '',
      usage: 'If present, writes to the provided file instead of stdout.',
    },
    {
      name: 'node',
      type: 'string',
      default: '',
      usage: 'The node to get logs from. Defaults to the primary control plane.',
    },
  ],
  run: logs,
}
