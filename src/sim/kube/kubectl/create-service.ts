/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME` (create_service.go):
 * a Service selecting `app=NAME`, one port per --tcp pair named after the pair (`80-8080`).
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import { kubectlCommand, type KubectlCommand, type KubectlContext } from './command'
import { createAndPrint, generatorFlags, nameFromArgs } from './create-generator'
import { errorLine, requiredFlagMissing } from './write-kit'

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'

const TCP_USAGE = "Port pairs can be specified as '<port>:<targetPort>'."

/** utilsnet.ParsePort (zero allowed) then the target: a number in range or a port name. */
export function parsePortPair(
  spec: string,
): { ok: true; port: number; targetPort: number | string } | { ok: false; error: string } {
  const [portText = '', target] = spec.split(':')
  if (!/^\d+$/.test(portText))
    return { ok: false, error: `strconv.ParseUint: parsing "${portText}": invalid syntax` }
  const port = Number(portText)
  if (port > 65535)
    return { ok: false, error: `strconv.ParseUint: parsing "${portText}": value out of range` }
  if (target === undefined) return { ok: true, port, targetPort: port }
  if (/^[-+]?\d+$/.test(target)) {
    const n = Number(target)
    if (n < 1 || n > 65535) return { ok: false, error: 'must be between 1 and 65535, inclusive' }
    return { ok: true, port, targetPort: n }
  }
  const problems = portNameProblems(target)
  if (problems.length > 0) return { ok: false, error: problems.join(',') }
  return { ok: true, port, targetPort: target }
}

/** validation.IsValidPortName: an IANA_SVC_NAME. */
export function portNameProblems(name: string): string[] {
  const errs: string[] = []
  if (name.length > 15) errs.push('must be no more than 15 characters')
  if (!/^[-a-z0-9]+$/.test(name))
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (name.includes('--')) errs.push('must not contain consecutive hyphens')
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)')
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen')
  return errs
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

interface ServiceValues {
  tcp: string[]
  clusterip?: string
  'node-port'?: number
  'external-name'?: string
}

function serviceObject(
  name: string,
  type: ServiceType,
  values: ServiceValues,
  namespace: string | undefined,
): { ok: true; object: KubeObject } | { ok: false; error: string } {
  const ports: Record<string, unknown>[] = []
  for (const pair of values.tcp) {
    const parsed = parsePortPair(pair)
    if (!parsed.ok) return parsed
    const nodePort = values['node-port'] ?? 0
    ports.push({
      name: pair.replace(/:/g, '-'),
      protocol: 'TCP',
      port: parsed.port,
      targetPort: parsed.targetPort,
      ...(nodePort !== 0 ? { nodePort } : {}),
    })
  }
  const clusterIP = values.clusterip ?? ''
  const externalName = values['external-name'] ?? ''
  return {
    ok: true,
    object: {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: {
        name,
        ...(namespace === undefined ? {} : { namespace }),
        creationTimestamp: null,
        labels: { app: name },
      } as unknown as KubeObject['metadata'],
      spec: {
        ...(ports.length > 0 ? { ports } : {}),
        selector: { app: name },
        ...(clusterIP !== '' ? { clusterIP } : {}),
        type,
        ...(externalName !== '' ? { externalName } : {}),
      },
      status: { loadBalancer: {} },
    },
  }
}

function runService(
  type: ServiceType,
  path: string,
  parsed: {
    values: ServiceValues & Parameters<typeof createAndPrint>[1]
    args: string[]
    argsLenAtDash: number
    changed: readonly string[]
  },
  ctx: KubectlContext,
): CommandOutput | Promise<CommandOutput> {
  if (type === 'ExternalName' && !parsed.changed.includes('external-name'))
    return requiredFlagMissing(ctx.shell.clock.now(), 'external-name')
  const named = nameFromArgs(parsed.args, parsed.argsLenAtDash, path)
  if (!named.ok) return named.output
  const values = parsed.values
  const clusterIP = values.clusterip ?? ''
  if (clusterIP === 'None' && type !== 'ClusterIP')
    return errorLine('ClusterIP=None can only be used with ClusterIP service type')
  if (clusterIP !== 'None' && values.tcp.length === 0 && type !== 'ExternalName')
    return errorLine('at least one tcp port specifier must be provided')
  if (type === 'ExternalName' && !DNS1123_SUBDOMAIN.test(values['external-name'] ?? ''))
    return errorLine(`invalid service external name ${values['external-name'] ?? ''}`)
  const built = serviceObject(
    named.name,
    type,
    values,
    ctx.namespaceExplicit ? ctx.namespace : undefined,
  )
  if (!built.ok) return errorLine(built.error)
  return createAndPrint(built.object, values, ctx, `${type} service`)
}

const tcpFlag = { name: 'tcp', type: 'stringSlice', usage: TCP_USAGE } as const

export const createServiceClusterIP = kubectlCommand({
  path: 'kubectl create service clusterip',
  use: 'NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none]',
  short: 'Create a ClusterIP service',
  long: 'Create a ClusterIP service with the specified name.',
  example: `  # Create a new ClusterIP service named my-cs
  kubectl create service clusterip my-cs --tcp=5678:8080
  
  # Create a new ClusterIP service named my-cs (in headless mode)
  kubectl create service clusterip my-cs --clusterip="None"`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        ...generatorFlags(),
        tcpFlag,
        {
          name: 'clusterip',
          type: 'string',
          usage:
            "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing).",
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  run: (parsed, ctx) => runService('ClusterIP', 'kubectl create service clusterip', parsed, ctx),
})

export const createServiceNodePort = kubectlCommand({
  path: 'kubectl create service nodeport',
  use: 'NAME [--tcp=port:targetPort] [--dry-run=server|client|none]',
  short: 'Create a NodePort service',
  long: 'Create a NodePort service with the specified name.',
  example: `  # Create a new NodePort service named my-ns
  kubectl create service nodeport my-ns --tcp=5678:8080`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        ...generatorFlags(),
        {
          name: 'node-port',
          type: 'int',
          usage: 'Port used to expose the service on each node in a cluster.',
        },
        tcpFlag,
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  run: (parsed, ctx) => runService('NodePort', 'kubectl create service nodeport', parsed, ctx),
})

export const createServiceLoadBalancer = kubectlCommand({
  path: 'kubectl create service loadbalancer',
  use: 'NAME [--tcp=port:targetPort] [--dry-run=server|client|none]',
  short: 'Create a LoadBalancer service',
  long: 'Create a LoadBalancer service with the specified name.',
  example: `  # Create a new LoadBalancer service named my-lbs
  kubectl create service loadbalancer my-lbs --tcp=5678:8080`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet([...generatorFlags(), tcpFlag] as const, { normalizeName: wordSepNormalize }),
  run: (parsed, ctx) =>
    runService('LoadBalancer', 'kubectl create service loadbalancer', parsed, ctx),
})

export const createServiceExternalName = kubectlCommand({
  path: 'kubectl create service externalname',
  use: 'NAME --external-name external.name [--dry-run=server|client|none]',
  short: 'Create an ExternalName service',
  long: `Create an ExternalName service with the specified name.

 ExternalName service references to an external DNS address instead of only pods, which will allow application authors to reference services that exist off platform, on other clusters, or locally.`,
  example: `  # Create a new ExternalName service named my-ns
  kubectl create service externalname my-ns --external-name bar.com`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        ...generatorFlags(),
        tcpFlag,
        { name: 'external-name', type: 'string', usage: 'External name of service' },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  run: (parsed, ctx) =>
    runService('ExternalName', 'kubectl create service externalname', parsed, ctx),
})

/** A parent command with no run of its own (cmdutil.DefaultSubCommandRun): help on stderr, exit 1. */
export function subcommandParent(
  path: string,
  ctx: KubectlContext,
  args: readonly string[],
): CommandOutput {
  if (args.length > 0)
    return errorLine(
      `unknown command ${JSON.stringify(args[0])}\nSee '${path} -h' for help and examples`,
    )
  return { stdout: '', stderr: ctx.help(), exitCode: 1 }
}

export const createService: KubectlCommand = kubectlCommand({
  path: 'kubectl create service',
  use: '',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  long: 'Create a service using a specified subcommand.',
  args: { kind: 'any' },
  subcommands: [
    createServiceClusterIP,
    createServiceExternalName,
    createServiceLoadBalancer,
    createServiceNodePort,
  ],
  flags: () => new FlagSet([] as const, { normalizeName: wordSepNormalize }),
  run: ({ args }, ctx) => subcommandParent('kubectl create service', ctx, args),
})
