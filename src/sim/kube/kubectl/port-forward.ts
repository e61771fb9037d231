/**
 * `kubectl port-forward TYPE/NAME [LOCAL_PORT:]REMOTE_PORT…`: listens on the host's loopback
 * (127.0.0.1 and [::1], network/loopback.ts) and hands each connection to the pod's port, as the
 * kubelet's stream does: `curl localhost:7080` then reaches the pod while the command runs, which
 * writes `Handling connection for 7080`. A Service stands for one of its pods, its port
 * translated to the pod's target port. It runs until Ctrl-C; without a terminal (a script) it
 * stops after a minute of virtual time, as `kubectl proxy` does here.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { Connection } from '../../docker/engine/reach'
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import { isListening, listen } from '../network/loopback'
import { podConnection } from '../network/pod-endpoint'
import { kubectlCommand, type KubectlContext } from './command'
import { podRunningTimeoutFlag } from './exec'
import { OutputStreams } from './output/streams'
import { podPhase, resolvePod } from './pod-target'
import { errorLine, fail, klog } from './write-kit'

const PODS = servedType('Pod')
const SCRIPT_LIMIT_MS = 60_000

const usageError = (message: string): CommandOutput =>
  fail(`error: ${message}\nSee 'kubectl port-forward -h' for help and examples\n`)

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

interface PortPair {
  /** undefined: the same as the remote port (`80`); 0: a free port is picked (`:80`). */
  local: number | undefined
  remote: string
}

interface ServicePortView {
  name?: string
  port: number
  targetPort?: number | string
}

interface ContainerPortView {
  name?: string
  containerPort: number
}

function containerPorts(pod: KubeObject): ContainerPortView[] {
  const spec = isObj(pod['spec']) ? pod['spec'] : {}
  const containers = Array.isArray(spec['containers']) ? spec['containers'].filter(isObj) : []
  return containers.flatMap(
    (c) => (Array.isArray(c['ports']) ? c['ports'] : []) as ContainerPortView[],
  )
}

/** `8080:80` → {8080, '80'}, `80` → {80, '80'}, `:80` → {0, '80'} (0: a free port is picked). */
function parsePorts(
  specs: readonly string[],
): { ok: true; pairs: PortPair[] } | { ok: false; message: string } {
  const pairs: PortPair[] = []
  for (const spec of specs) {
    const parts = spec.split(':')
    if (parts.length > 2) return { ok: false, message: `invalid port format '${spec}'` }
    const [localText = '', remote = ''] = parts.length === 2 ? parts : ['', spec]
    if (parts.length === 1) {
      pairs.push({ local: undefined, remote })
      continue
    }
    if (localText !== '' && !/^\d+$/.test(localText))
      return {
        ok: false,
        message: `Error parsing local port '${localText}': strconv.ParseUint: parsing "${localText}": invalid syntax`,
      }
    pairs.push({ local: localText === '' ? 0 : Number(localText), remote })
  }
  return { ok: true, pairs }
}

/** The pod port a remote port names: a number, a container port name, or (Service) its port. */
function podPort(
  pod: KubeObject,
  service: KubeObject | undefined,
  remote: string,
): { ok: true; port: number } | { ok: false; message: string } {
  if (service !== undefined) {
    const spec = isObj(service['spec']) ? service['spec'] : {}
    const ports = (Array.isArray(spec['ports']) ? spec['ports'] : []) as ServicePortView[]
    const sp = /^\d+$/.test(remote)
      ? ports.find((p) => p.port === Number(remote))
      : ports.find((p) => p.name === remote)
    if (sp === undefined)
      return {
        ok: false,
        message: /^\d+$/.test(remote)
          ? `Service ${service.metadata.name} does not have a service port ${remote}`
          : `Service '${service.metadata.name}' does not have a named port '${remote}'`,
      }
    const target = sp.targetPort ?? sp.port
    if (typeof target === 'number') return { ok: true, port: target }
    if (/^\d+$/.test(target)) return { ok: true, port: Number(target) }
    const named = containerPorts(pod).find((p) => p.name === target)
    return named === undefined
      ? { ok: false, message: `Pod '${pod.metadata.name}' does not have a named port '${target}'` }
      : { ok: true, port: named.containerPort }
  }
  if (/^\d+$/.test(remote)) return { ok: true, port: Number(remote) }
  const named = containerPorts(pod).find((p) => p.name === remote)
  return named === undefined
    ? { ok: false, message: `Pod '${pod.metadata.name}' does not have a named port '${remote}'` }
    : { ok: true, port: named.containerPort }
}

/** `localhost` listens on both loopbacks; other addresses as given. */
function listenAddresses(flag: readonly string[]): string[] {
  const out: string[] = []
  for (const a of flag.flatMap((f) => f.split(',')))
    if (a === 'localhost') out.push('127.0.0.1', '::1')
    else if (a !== '') out.push(a)
  return out
}

const shown = (address: string): string => (address.includes(':') ? `[${address}]` : address)

export const portForward = kubectlCommand({
  path: 'kubectl port-forward',
  use: 'TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  short: 'Forward one or more local ports to a pod',
  long: `Forward one or more local ports to a pod.

 Use resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to 'pod' if omitted.

 If there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends when the selected pod terminates, and a rerun of the command is needed to resume forwarding.`,
  example: `  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod
  kubectl port-forward pod/mypod 5000 6000
  
  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in a pod selected by the deployment
  kubectl port-forward deployment/mydeployment 5000 6000
  
  # Listen on port 8443 locally, forwarding to the targetPort of the service's port named "https" in a pod selected by the service
  kubectl port-forward service/myservice 8443:https
  
  # Listen on port 8888 locally, forwarding to 5000 in the pod
  kubectl port-forward pod/mypod 8888:5000
  
  # Listen on port 8888 on all addresses, forwarding to 5000 in the pod
  kubectl port-forward --address 0.0.0.0 pod/mypod 8888:5000
  
  # Listen on port 8888 on localhost and selected IP, forwarding to 5000 in the pod
  kubectl port-forward --address localhost,10.19.21.23 pod/mypod 8888:5000
  
  # Listen on a random port locally, forwarding to 5000 in the pod
  kubectl port-forward pod/mypod :5000`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        {
          name: 'address',
          type: 'stringSlice',
          default: ['localhost'],
          usage:
            'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.',
        },
        podRunningTimeoutFlag(60_000_000_000),
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    if (args.length < 2)
      return usageError('TYPE/NAME and list of ports are required for port-forward')
    const [ref = '', ...portSpecs] = args
    const parsed = parsePorts(portSpecs)
    if (!parsed.ok) return errorLine(parsed.message)
    const connected = ctx.connect()
    if (!connected.ok) return connected.error
    const cluster = connected.value
    const found = resolvePod(cluster, ctx, ref)
    if (!found.ok) return found.output
    const pod = found.pod
    let service: KubeObject | undefined
    if (/^(svc|services?)(\.v1)?\//i.test(ref)) {
      const name = ref.slice(ref.indexOf('/') + 1)
      const got = cluster.api.get(servedType('Service'), ctx.namespace, name)
      if (got.ok) service = got.value
    }
    if (podPhase(pod) !== 'Running')
      return errorLine(
        `unable to forward port because pod is not running. Current status=${podPhase(pod)}`,
      )
    const forwards: { local: number; remote: number }[] = []
    for (const pair of parsed.pairs) {
      const port = podPort(pod, service, pair.remote)
      if (!port.ok) return errorLine(port.message)
      const local =
        pair.local === undefined
          ? /^\d+$/.test(pair.remote)
            ? Number(pair.remote)
            : port.port
          : pair.local === 0
            ? 32_768 + ctx.shell.random.nextInt(28_000)
            : pair.local
      forwards.push({ local, remote: port.port })
    }
    return forward(ctx, pod, forwards, listenAddresses(values.address))
  },
})

async function forward(
  ctx: KubectlContext,
  pod: KubeObject,
  forwards: readonly { local: number; remote: number }[],
  addresses: readonly string[],
): Promise<CommandOutput> {
  const { shell, world } = ctx
  const streams = new OutputStreams(shell.tty)
  const closers: Array<() => void> = []
  const ns = pod.metadata.namespace ?? ctx.namespace
  const connected = ctx.connect()
  if (!connected.ok) return connected.error
  const cluster = connected.value
  for (const f of forwards) {
    const failures: string[] = []
    for (const address of addresses) {
      const accept = (nowMs: number): Connection => {
        streams.out(`Handling connection for ${f.local}\n`)
        // The stream goes to the pod picked at the start, as long as it lives.
        const live = cluster.store.get(PODS, ns, pod.metadata.name)
        if (live === undefined || live.metadata.uid !== pod.metadata.uid) {
          streams.err(
            klog(
              'E',
              nowMs,
              'portforward.go:424',
              `"Unhandled Error" err="an error occurred forwarding ${f.local} -> ${f.remote}: error forwarding port ${f.remote} to pod ${pod.metadata.uid ?? ''}, uid : network namespace for sandbox is closed"`,
            ),
          )
          return { kind: 'reset' }
        }
        const connection = podConnection(live, f.remote, '127.0.0.1', nowMs, cluster)
        if (connection.kind === 'open') return connection
        streams.err(
          klog(
            'E',
            nowMs,
            'portforward.go:424',
            `"Unhandled Error" err="an error occurred forwarding ${f.local} -> ${f.remote}: error forwarding port ${f.remote} to pod ${pod.metadata.uid ?? ''}, uid : failed to connect to localhost:${f.remote} inside namespace, IPv4: dial tcp4 127.0.0.1:${f.remote}: connect: connection refused IPv6 dial tcp6 [::1]:${f.remote}: connect: connection refused "`,
          ),
        )
        // kubectl accepted the connection before the pod refused it: the client sees it close.
        return { kind: 'reset' }
      }
      const family = address.includes(':') ? 'tcp6' : 'tcp4'
      if (isListening(world, address, f.local)) {
        failures.push(
          `unable to create listener: Error listen ${family} ${shown(address)}:${f.local}: bind: address already in use`,
        )
        continue
      }
      const opened = listen(world, address, f.local, accept)
      if (!opened.ok) {
        failures.push(
          `unable to create listener: Error listen ${family} ${shown(address)}:${f.local}: bind: address already in use`,
        )
        continue
      }
      closers.push(opened.value)
      streams.out(`Forwarding from ${shown(address)}:${f.local} -> ${f.remote}\n`)
    }
    if (failures.length === addresses.length) {
      for (const close of closers) close()
      return {
        ...streams.result(1),
        stderr: `${streams.result(1).stderr}Unable to listen on port ${f.local}: Listeners failed to create with the following errors: [${failures.join(' ')}]\nerror: unable to listen on any of the requested ports: [{${f.local} ${f.remote}}]\n`,
      }
    }
  }
  streams.goLive()
  try {
    if (shell.tty === undefined) await shell.sleep(SCRIPT_LIMIT_MS)
    else if (!shell.signal.aborted)
      await new Promise<void>((resolve) =>
        shell.signal.addEventListener('abort', () => resolve(), { once: true }),
      )
  } finally {
    for (const close of closers) close()
  }
  // kubectl catches the interrupt and stops forwarding cleanly.
  return streams.result(0)
}
