/**
 * `kubectl expose (TYPE NAME | TYPE/NAME) [--port] [--target-port] [--type] [--name]`: a Service
 * whose selector and port come from the object (a deployment's or replica set's matchLabels, a
 * pod's labels, a service's selector; the containers' ports) unless given.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import { kubectlCommand } from './command'
import { forServer } from './create-generator'
import { resolveTargets } from './write-targets'
import {
  dryRunFlag,
  dryRunStrategy,
  errorLine,
  fieldManagerFlag,
  filenameFlag,
  kustomizeFlag,
  operationLine,
  printFlags,
  recursiveFlag,
  saveConfigFlag,
} from './write-kit'
import { dataFormat, printIn } from './write-output'

const SERVICES = servedType('Service')

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The selector kubectl introspects from the object, or its refusal. */
function selectorOf(object: KubeObject): Record<string, string> | string {
  const spec = isObj(object['spec']) ? object['spec'] : {}
  switch (object.kind) {
    case 'Pod':
      return object.metadata.labels ?? {}
    case 'Service':
    case 'ReplicationController':
      return (spec['selector'] as Record<string, string> | undefined) ?? {}
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet': {
      const selector = isObj(spec['selector']) ? spec['selector'] : {}
      if (Array.isArray(selector['matchExpressions']) && selector['matchExpressions'].length > 0)
        return `couldn't convert expressions - "${JSON.stringify(selector['matchExpressions'])}" to map-based selector format`
      return (selector['matchLabels'] as Record<string, string> | undefined) ?? {}
    }
  }
  return `cannot expose a ${object.kind}`
}

interface PortSpec {
  name?: string
  port: number
  protocol: string
}

/** The ports kubectl finds: a pod template's containers' ports, or a service's ports. */
function portsOf(object: KubeObject): PortSpec[] {
  const spec = isObj(object['spec']) ? object['spec'] : {}
  if (object.kind === 'Service')
    return (Array.isArray(spec['ports']) ? spec['ports'].filter(isObj) : []).map((p) => ({
      ...(typeof p['name'] === 'string' ? { name: p['name'] } : {}),
      port: Number(p['port']),
      protocol: typeof p['protocol'] === 'string' ? p['protocol'] : 'TCP',
    }))
  const podSpec =
    object.kind === 'Pod'
      ? spec
      : isObj(spec['template']) && isObj(spec['template']['spec'])
        ? spec['template']['spec']
        : {}
  const out: PortSpec[] = []
  for (const c of Array.isArray(podSpec['containers']) ? podSpec['containers'].filter(isObj) : [])
    for (const p of Array.isArray(c['ports']) ? c['ports'].filter(isObj) : [])
      out.push({
        ...(typeof p['name'] === 'string' ? { name: p['name'] } : {}),
        port: Number(p['containerPort']),
        protocol: typeof p['protocol'] === 'string' ? p['protocol'] : 'TCP',
      })
  return out
}

const sorted = (m: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.keys(m)
      .sort()
      .map((k) => [k, m[k] ?? '']),
  )

export const expose = kubectlCommand({
  path: 'kubectl expose',
  use: '(-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]',
  short:
    'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  long: `Expose a resource as a new Kubernetes service.

 Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.

 Possible resources include (case insensitive):

 pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)`,
  example: `  # Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000
  kubectl expose rc nginx --port=80 --target-port=8000
  
  # Create a service for a replication controller identified by type and name specified in "nginx-controller.yaml", which serves on port 80 and connects to the containers on port 8000
  kubectl expose -f nginx-controller.yaml --port=80 --target-port=8000
  
  # Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"
  kubectl expose pod valid-pod --port=444 --name=frontend
  
  # Create a second service based on the above service, exposing the container port 8443 as port 443 with the name "nginx-https"
  kubectl expose service nginx --port=443 --target-port=8443 --name=nginx-https
  
  # Create a service for a replicated streaming application on port 4100 balancing UDP traffic and named 'video-stream'.
  kubectl expose rc streamer --port=4100 --protocol=UDP --name=video-stream
  
  # Create a service for a replicated nginx using replica set, which serves on port 80 and connects to the containers on port 8000
  kubectl expose rs nginx --port=80 --target-port=8000
  
  # Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000
  kubectl expose deployment nginx --port=80 --target-port=8000`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        ...printFlags(),
        {
          name: 'cluster-ip',
          type: 'string',
          usage:
            "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service.",
        },
        dryRunFlag,
        {
          name: 'external-ip',
          type: 'string',
          usage:
            'Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.',
        },
        fieldManagerFlag('kubectl-expose'),
        filenameFlag(
          'Filename, directory, or URL to files identifying the resource to expose a service',
        ),
        kustomizeFlag(
          "Process the kustomization directory. This flag can't be used together with -f or -R.",
        ),
        {
          name: 'labels',
          shorthand: 'l',
          type: 'string',
          usage: 'Labels to apply to the service created by this call.',
        },
        {
          name: 'load-balancer-ip',
          type: 'string',
          usage:
            'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).',
        },
        { name: 'name', type: 'string', usage: 'The name for the newly created object.' },
        {
          name: 'override-type',
          type: 'string',
          default: 'merge',
          usage: 'The method used to override the generated object: json, merge, or strategic.',
        },
        {
          name: 'overrides',
          type: 'string',
          usage:
            'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.',
        },
        {
          name: 'port',
          type: 'string',
          usage:
            'The port that the service should serve on. Copied from the resource being exposed, if unspecified',
        },
        {
          name: 'protocol',
          type: 'string',
          usage: "The network protocol for the service to be created. Default is 'TCP'.",
        },
        recursiveFlag,
        saveConfigFlag,
        {
          name: 'selector',
          type: 'string',
          usage:
            'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)',
        },
        {
          name: 'session-affinity',
          type: 'string',
          usage:
            "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'",
        },
        {
          name: 'target-port',
          type: 'string',
          usage:
            'Name or number for the port on the container that the service should direct traffic to. Optional.',
        },
        {
          name: 'type',
          type: 'string',
          usage:
            "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'.",
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    const dry = dryRunStrategy(values['dry-run'], ctx.shell.clock.now())
    if (!dry.ok) return dry.output
    let format
    if (values.output !== '' || values.template !== '') {
      const parsed = await dataFormat({ output: values.output, template: values.template }, ctx)
      if (!parsed.ok) return parsed.output
      format = parsed.format
    }
    const targets = await resolveTargets(args, values, ctx)
    if (!targets.ok) return targets.output
    let stdout = ''
    let stderr = dry.warning + targets.stderr
    for (const { object } of targets.found) {
      let selector: Record<string, string>
      if (values.selector !== '') {
        selector = {}
        for (const pair of values.selector.split(',')) {
          const eq = pair.indexOf('=')
          selector[pair.slice(0, eq)] = pair.slice(eq + 1)
        }
      } else {
        const found = selectorOf(object)
        if (typeof found === 'string') {
          stderr += `error: couldn't retrieve selectors via --selector flag or introspection: ${found}\n`
          continue
        }
        selector = found
      }
      let ports: PortSpec[]
      if (values.port !== '') {
        if (!/^[-+]?\d+$/.test(values.port)) {
          stderr += `error: strconv.Atoi: parsing "${values.port}": invalid syntax\n`
          continue
        }
        ports = [
          { port: Number(values.port), protocol: values.protocol === '' ? 'TCP' : values.protocol },
        ]
      } else {
        ports = portsOf(object).map((p) =>
          values.protocol === '' ? p : { ...p, protocol: values.protocol },
        )
        if (ports.length === 0) {
          stderr += `error: couldn't find port via --port flag or introspection\n`
          continue
        }
      }
      const targetPort = (p: PortSpec): number | string =>
        values['target-port'] !== ''
          ? /^\d+$/.test(values['target-port'])
            ? Number(values['target-port'])
            : values['target-port']
          : p.port
      const labels =
        values.labels !== ''
          ? Object.fromEntries(
              values.labels.split(',').map((pair) => pair.split('=') as [string, string]),
            )
          : (object.metadata.labels ?? {})
      const service: KubeObject = {
        kind: 'Service',
        apiVersion: 'v1',
        metadata: {
          name: values.name !== '' ? values.name : object.metadata.name,
          ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}),
          creationTimestamp: null,
          ...(Object.keys(labels).length > 0 ? { labels: sorted(labels) } : {}),
        } as unknown as KubeObject['metadata'],
        spec: {
          ports: ports.map((p, i) => ({
            ...(ports.length > 1 ? { name: p.name ?? `port-${i + 1}` } : {}),
            protocol: p.protocol,
            port: p.port,
            targetPort: targetPort(p),
          })),
          selector: sorted(selector),
          ...(values['cluster-ip'] !== '' ? { clusterIP: values['cluster-ip'] } : {}),
          ...(values.type !== '' ? { type: values.type } : {}),
          ...(values['external-ip'] !== '' ? { externalIPs: [values['external-ip']] } : {}),
          ...(values['session-affinity'] !== ''
            ? { sessionAffinity: values['session-affinity'] }
            : {}),
          ...(values['load-balancer-ip'] !== ''
            ? { loadBalancerIP: values['load-balancer-ip'] }
            : {}),
        },
        status: { loadBalancer: {} },
      }
      let result = service
      if (dry.value !== 'client') {
        const created = targets.cluster.api.create(
          SERVICES,
          forServer(service, object.metadata.namespace ?? ctx.namespace, true),
          { dryRun: dry.value === 'server', fieldManager: values['field-manager'] },
        )
        if (!created.ok) {
          stderr += `Error from server (${created.error.status.reason}): ${created.error.status.message}\n`
          continue
        }
        result = created.value
      }
      stdout +=
        format !== undefined
          ? printIn(format, [result]).stdout
          : operationLine(SERVICES, result.metadata.name, 'exposed', dry.value)
    }
    if (targets.found.length === 0 && stderr === dry.warning)
      return errorLine('no objects passed to expose')
    return { stdout, stderr, exitCode: stderr.includes('rror') ? 1 : 0 }
  },
})
