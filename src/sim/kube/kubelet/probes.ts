/**
 * Probe results (pkg/probe): an httpGet or tcpSocket probe succeeds when the image's process
 * listens on that port, an exec probe when the command is one a shell would run happily. The
 * failure texts are the prober's, as `kubectl describe` shows them after `Liveness probe failed: `.
 */
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

/** undefined when the probe succeeds, else the prober's message. */
export function probeOutcome(
  probe: ProbeSpec,
  image: CatalogImage | undefined,
  podIP: string,
): string | undefined {
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
