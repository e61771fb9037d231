/**
 * `kubectl cluster-info`: the control plane's URL and every kube-system service labelled
 * `kubernetes.io/cluster-service=true` (CoreDNS), colored as go-colortext does on a terminal.
 */
import { FlagSet } from '../../cli-kit/flags'
import { servedType } from '../api/resources'
import { kubectlCommand } from './command'

const SERVICES = servedType('Service')

const HINT = "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n"

export const clusterInfoCommand = kubectlCommand({
  path: 'kubectl cluster-info',
  use: '[flags]',
  short: 'Display cluster information',
  long: `Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.`,
  example: `# Print the address of the control plane and cluster services
kubectl cluster-info`,
  args: { kind: 'any' },
  flags: () => new FlagSet([] as const),
  run(_parsed, ctx) {
    const connected = ctx.connect()
    if (!connected.ok) return connected.error
    const loaded = ctx.kubeconfig.load()
    const config = loaded.ok ? loaded.value.config : undefined
    const context = config?.contexts.find(
      (c) => c.name === (ctx.globals.context ?? config.currentContext),
    )
    const host =
      ctx.globals.server ??
      config?.clusters.find((c) => c.name === (ctx.globals.cluster ?? context?.value.cluster))
        ?.value.server ??
      ''
    const color = ctx.shell.tty !== undefined
    const line = (name: string, link: string): string =>
      color
        ? `\x1b[0;32m${name}\x1b[0m is running at \x1b[0;33m${link}\x1b[0m\n`
        : `${name} is running at ${link}\n`
    let stdout = line('Kubernetes control plane', host)
    const listed = connected.value.api.list(SERVICES, {
      namespace: 'kube-system',
      labelSelector: 'kubernetes.io/cluster-service=true',
    })
    for (const svc of listed.ok ? listed.value.items : []) {
      const name = svc.metadata.labels?.['kubernetes.io/name'] ?? svc.metadata.name
      const ports = (svc['spec'] as { ports?: { name?: string }[] } | undefined)?.ports ?? []
      const portName = ports[0]?.name
      const target = portName ? `${svc.metadata.name}:${portName}` : svc.metadata.name
      stdout += line(name, `${host}/api/v1/namespaces/kube-system/services/${target}/proxy`)
    }
    return { stdout: stdout + HINT, stderr: '', exitCode: 0 }
  },
})
