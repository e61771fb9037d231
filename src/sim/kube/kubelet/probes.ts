/**
 * Probe results (pkg/probe): an httpGet or tcpSocket probe succeeds when the image's process
 * listens on that port, an exec probe when the command is one a shell would run happily. A
 * container running an app server (`node server.js`, `flask run`: network/pod-apps.ts) is probed
 * against the app itself: its ports, and its routes' status codes (a route it does not have
 * answers 404, which fails the probe). The failure texts are the prober's, as `kubectl describe`
 * shows them after `Liveness probe failed: `.
 */
import type { AppServer } from '../../docker/apps/app-server'
import { isLoopbackHost } from '../../docker/apps/listen-ports'
import type { CatalogImage } from '../../docker/images/catalog-types'

export interface ProbeSpec {
  httpGet?: { path?: string; port: number | string; scheme?: string; host?: string }
  tcpSocket?: { port: number | string; host?: string }
  exec?: { command?: string[] }
  grpc?: { port: number }
  initialDelaySeconds?: number
  periodSeconds?: number
  timeoutSeconds?: number
  successThreshold?: number
  failureThreshold?: number
}

const portNumber = (port: number | string): number => (typeof port === 'number' ? port : Number.NaN)

const listens = (image: CatalogImage | undefined, port: number): boolean =>
  image === undefined || image.generic
    ? true
    : (image.profile.services ?? []).some((s) => s.port === port && s.protocol === 'tcp')

/** kube-probe's User-Agent: the kubelet's minor version. */
const PROBE_USER_AGENT = 'kube-probe/1.32'

/** Whether the app accepts a connection to `port` of the pod's address (not its loopback only). */
const appListens = (app: AppServer, port: number): boolean =>
  app.listens.some((l) => l.port === port && !isLoopbackHost(l.host))

/** The probe against an app server the container runs; undefined when it succeeds. */
function appProbeOutcome(
  probe: ProbeSpec,
  app: AppServer,
  podIP: string,
  nowMs: number,
): string | undefined {
  if (probe.httpGet !== undefined) {
    const port = portNumber(probe.httpGet.port)
    const host = probe.httpGet.host ?? podIP
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase()
    const raw = probe.httpGet.path ?? '/'
    const path = raw.startsWith('/') ? raw : `/${raw}`
    const url = `${scheme}://${host}:${port}${path}`
    if (!appListens(app, port))
      return `Get "${url}": dial tcp ${host}:${port}: connect: connection refused`
    if (scheme === 'https') return `Get "${url}": http: server gave HTTP response to HTTPS client`
    const exchange = app.respond(
      { method: 'GET', path, host: `${host}:${port}`, userAgent: PROBE_USER_AGENT },
      { nowMs, clientIp: podIP.replace(/\.\d+$/, '.1'), clientPort: 0, localIp: podIP },
    )
    const outcome = exchange.outcome
    if (outcome.kind !== 'response') return `Get "${url}": EOF`
    // The prober counts 200–399 as success (a redirect it does not follow is fine).
    return outcome.status >= 200 && outcome.status < 400
      ? undefined
      : `HTTP probe failed with statuscode: ${outcome.status}`
  }
  if (probe.tcpSocket !== undefined) {
    const port = portNumber(probe.tcpSocket.port)
    const host = probe.tcpSocket.host ?? podIP
    return appListens(app, port)
      ? undefined
      : `dial tcp ${host}:${port}: connect: connection refused`
  }
  return probeOutcome(probe, undefined, podIP)
}

/**
 * undefined when the probe succeeds, else the prober's message. `app` is the app server the
 * container runs, when it runs one (network/pod-apps.ts podApp); `nowMs` the probe's instant.
 */
export function probeOutcome(
  probe: ProbeSpec,
  image: CatalogImage | undefined,
  podIP: string,
  app?: AppServer,
  nowMs = 0,
): string | undefined {
  if (app !== undefined) return appProbeOutcome(probe, app, podIP, nowMs)
  if (probe.httpGet !== undefined) {
    const port = portNumber(probe.httpGet.port)
    const host = probe.httpGet.host ?? podIP
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase()
    const path = probe.httpGet.path ?? '/'
    const url = `${scheme}://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`
    if (!listens(image, port))
      return `Get "${url}": dial tcp ${host}:${port}: connect: connection refused`
    const service = image?.profile.services?.find((s) => s.port === port)
    const status = service?.http?.status ?? 200
    if (service?.http !== undefined && path !== '/' && status < 400 && service.kind === 'http')
      return `HTTP probe failed with statuscode: 404`
    return status >= 200 && status < 400
      ? undefined
      : `HTTP probe failed with statuscode: ${status}`
  }
  if (probe.tcpSocket !== undefined) {
    const port = portNumber(probe.tcpSocket.port)
    const host = probe.tcpSocket.host ?? podIP
    return listens(image, port)
      ? undefined
      : `dial tcp ${host}:${port}: connect: connection refused`
  }
  if (probe.exec !== undefined) {
    const command = probe.exec.command ?? []
    const joined = command.join(' ')
    if (/\bfalse\b|exit [1-9]/.test(joined)) return ''
    if (command[0] === 'cat' && command[1] !== undefined && !command[1].startsWith('/etc/'))
      return `cat: can't open '${command[1]}': No such file or directory\n`
    return undefined
  }
  return undefined
}
