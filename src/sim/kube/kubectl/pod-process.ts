/**
 * A process started in a pod's container (`kubectl exec`, `kubectl cp`): a shell interpreter over
 * the container's filesystem (kubelet/container-fs.ts) whose host name is the pod's, whose user
 * is the image's, and whose environment is what the kubelet gave the container: the runtime's
 * PATH and HOSTNAME, the container's `env`, the service links of the pod's namespace (as they
 * were when the container started), the image's own variables, then HOME. Network tools reach
 * the cluster from inside the pod (network/pod-network.ts).
 */
import { imagePrograms } from '../../docker/cli/container-programs'
import type { ContainerProcess } from '../../docker/cli/container-shell'
import type { VirtualFs } from '../../fs/virtual-fs'
import { output, type ShellCommand } from '../../shell/command'
import { Session } from '../../shell/session'
import type { World } from '../../world'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import type { KubeCluster } from '../cluster'
import { openPodContainerFs, podHostname, type PodContainerFs } from '../kubelet/container-fs'
import { podNetworkTools } from '../network/pod-network'

const SERVICES = servedType('Service')
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

interface ServicePortView {
  name?: string
  port: number
  protocol?: string
}

/** `web-api` → `WEB_API`, as the kubelet names a service's variables. */
const envName = (service: string): string => service.toUpperCase().replace(/-/g, '_')

/** The docker-links style variables of one service (kubelet envvars.FromServices). */
export function serviceLinkVars(name: string, ip: string, ports: readonly ServicePortView[]) {
  const prefix = envName(name)
  const first = ports[0]
  if (first === undefined) return []
  const out: string[] = [`${prefix}_SERVICE_HOST=${ip}`, `${prefix}_SERVICE_PORT=${first.port}`]
  for (const p of ports)
    if (p.name !== undefined && p.name !== '')
      out.push(`${prefix}_SERVICE_PORT_${envName(p.name)}=${p.port}`)
  const proto = (p: ServicePortView): string => (p.protocol ?? 'TCP').toLowerCase()
  out.push(`${prefix}_PORT=${proto(first)}://${ip}:${first.port}`)
  for (const p of ports) {
    const base = `${prefix}_PORT_${p.port}_${proto(p).toUpperCase()}`
    out.push(
      `${base}=${proto(p)}://${ip}:${p.port}`,
      `${base}_PROTO=${proto(p)}`,
      `${base}_PORT=${p.port}`,
      `${base}_ADDR=${ip}`,
    )
  }
  return out
}

/**
 * The service links a container gets: `kubernetes` (from default) and every Service of the pod's
 * namespace that has a ClusterIP and existed when the container started.
 */
function serviceEnv(cluster: KubeCluster, pod: KubeObject, startedAtMs: number): string[] {
  const spec = isObj(pod['spec']) ? pod['spec'] : {}
  const ns = pod.metadata.namespace ?? 'default'
  const links = spec['enableServiceLinks'] !== false
  const services = cluster.store
    .list(SERVICES)
    .filter((s) => {
      const sns = s.metadata.namespace ?? 'default'
      if (sns === 'default' && s.metadata.name === 'kubernetes') return true
      return links && sns === ns
    })
    .filter((s) => {
      const created = Date.parse(s.metadata.creationTimestamp ?? '')
      return Number.isNaN(created) || created <= startedAtMs
    })
    .sort((a, b) =>
      a.metadata.name === 'kubernetes'
        ? -1
        : b.metadata.name === 'kubernetes'
          ? 1
          : a.metadata.name.localeCompare(b.metadata.name),
    )
  const out: string[] = []
  for (const svc of services) {
    const sspec = isObj(svc['spec']) ? svc['spec'] : {}
    const ip = sspec['clusterIP']
    if (typeof ip !== 'string' || ip === '' || ip === 'None') continue
    const ports = (Array.isArray(sspec['ports']) ? sspec['ports'] : []) as ServicePortView[]
    out.push(...serviceLinkVars(svc.metadata.name, ip, ports))
  }
  return out
}

/** Adds `entry` unless its name is already set (earlier sources win, as in the kubelet). */
function addEnv(env: string[], entry: string): void {
  const name = entry.slice(0, entry.indexOf('='))
  if (!env.some((e) => e.startsWith(`${name}=`))) env.push(entry)
}

/** The container's `env` entries with a literal value (valueFrom sources resolve to ''). */
function specEnv(container: Obj | undefined): string[] {
  const list = container !== undefined && Array.isArray(container['env']) ? container['env'] : []
  return list
    .filter(isObj)
    .map((e) => `${String(e['name'])}=${typeof e['value'] === 'string' ? e['value'] : ''}`)
}

interface PasswdEntry {
  name: string
  uid: number
  home: string
}

async function passwd(fs: VirtualFs): Promise<PasswdEntry[]> {
  if (!(await fs.exists('/etc/passwd'))) return []
  return (await fs.readFile('/etc/passwd'))
    .split('\n')
    .map((line) => line.split(':'))
    .filter((f) => f.length >= 7)
    .map((f) => ({ name: f[0] ?? '', uid: Number(f[2]), home: f[5] ?? '/' }))
}

/** `env` and `printenv`, printing the process's variables in the order it got them. */
function envCommand(name: string, order: readonly string[]): ShellCommand {
  const names = order.map((e) => e.slice(0, e.indexOf('=')))
  return {
    name,
    summary: 'print the environment',
    run: async (args, ctx) => {
      const exported = new Map(ctx.env)
      if (name === 'printenv' && args.length > 0) {
        const found = args.map((a) => exported.get(a)).filter((v) => v !== undefined)
        return output(found.map((v) => `${v}\n`).join(''), '', found.length === args.length ? 0 : 1)
      }
      const lines: string[] = []
      for (const key of names) {
        const value = exported.get(key)
        if (value !== undefined) lines.push(`${key}=${value}\n`)
      }
      for (const [key, value] of exported) if (!names.includes(key)) lines.push(`${key}=${value}\n`)
      return output(lines.join(''))
    },
  }
}

/** A process in a pod container, shaped as Docker's so its shell helpers apply. */
export interface PodProcess extends ContainerProcess {
  readonly podFs: PodContainerFs
}

/**
 * Opens a process in `container` of `pod` (which must be running); `tty` adds TERM, `realtime`
 * lets sleeps wait for the host's clock (an interactive terminal).
 */
export async function openPodProcess(
  world: World,
  cluster: KubeCluster,
  pod: KubeObject,
  container: string,
  options: { tty: boolean; realtime: boolean; clock: Session['clock'] },
): Promise<PodProcess | undefined> {
  const podFs = await openPodContainerFs(world, cluster, pod, container)
  if (podFs === undefined) return undefined
  const record = podFs.record
  const fs = podFs.fs
  const users = await passwd(fs)
  const wanted = record.config.User.split(':')[0] ?? ''
  const entry =
    wanted === ''
      ? (users.find((u) => u.uid === 0) ?? { name: 'root', uid: 0, home: '/root' })
      : /^\d+$/.test(wanted)
        ? (users.find((u) => u.uid === Number(wanted)) ?? {
            name: wanted,
            uid: Number(wanted),
            home: '/',
          })
        : (users.find((u) => u.name === wanted) ?? { name: wanted, uid: 0, home: '/' })
  const cwd = record.config.WorkingDir || '/'
  if (!(await fs.exists(cwd))) fs.mkdirSync(cwd, { recursive: true })
  const hostname = podHostname(pod)
  const spec = isObj(pod['spec']) ? pod['spec'] : {}
  const containerSpec = [
    ...(Array.isArray(spec['containers']) ? spec['containers'] : []),
    ...(Array.isArray(spec['initContainers']) ? spec['initContainers'] : []),
  ]
    .filter(isObj)
    .find((c) => c['name'] === container)
  const env: string[] = [`PATH=${DEFAULT_PATH}`, `HOSTNAME=${hostname}`]
  if (options.tty) env.push('TERM=xterm')
  for (const e of specEnv(containerSpec)) {
    const at = env.findIndex((x) => x.startsWith(`${e.slice(0, e.indexOf('='))}=`))
    if (at === -1) env.push(e)
    else env[at] = e
  }
  for (const e of serviceEnv(cluster, pod, record.state.startedAtMs ?? 0)) addEnv(env, e)
  for (const e of record.config.Env) if (e.includes('=')) addEnv(env, e)
  addEnv(env, `HOME=${entry.home}`)
  const envRecord: Record<string, string> = {}
  for (const e of env) envRecord[e.slice(0, e.indexOf('='))] = e.slice(e.indexOf('=') + 1)
  const has = imagePrograms(record)
  const ns = pod.metadata.namespace ?? 'default'
  const commands: ShellCommand[] = [
    envCommand('env', env),
    envCommand('printenv', env),
    {
      name: 'hostname',
      summary: "show the system's host name",
      run: async () => output(`${hostname}\n`),
    },
    {
      name: 'whoami',
      summary: 'print effective user name',
      run: async () => output(`${entry.name}\n`),
    },
    ...podNetworkTools(world, cluster, ns, pod.metadata.name).filter((c) => has.has(c.name)),
  ]
  const session = await Session.create({
    clock: options.clock,
    // Seeded from the pod's uid: the same exec in the same pod behaves the same.
    seed: parseInt((pod.metadata.uid ?? '1').slice(0, 8), 16) || 1,
    timing: options.realtime ? 'realtime' : 'instant',
    commands,
    machine: { fs, user: entry.name, uid: entry.uid, hostname, cwd, env: envRecord },
  })
  // The interpreter's own start-up (its command stubs) is not a change the container made.
  fs.revision = 0
  return {
    session,
    containerFs: podFs.containerFs,
    env,
    user: entry.name,
    uid: entry.uid,
    cwd,
    podFs,
  }
}
