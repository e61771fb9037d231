/**
 * `kubectl get`: resolves the type arguments, asks the API server for the objects (by name, or a
 * list filtered by -l / --field-selector, in one namespace or all), then prints them as the
 * server's tables (one per type, kind-prefixed names when several types print) or as data
 * (-o json|yaml|name|jsonpath|go-template|custom-columns). -w keeps printing rows as the objects
 * change, until Ctrl-C.
 */
import { FlagSet } from '../../cli-kit/flags'
import { fromJSON } from '../../cli-kit/go-value'
import { JSONPath } from '../../cli-kit/jsonpath'
import { KUBECTL_TABWRITER, tabwrite } from '../../cli-kit/tabwriter'
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import type { ResourceType } from '../api/resources'
import type { KubeCluster } from '../cluster'
import { toTable } from '../printers'
import { kubectlCommand } from './command'
import { parseOutputFormat } from './output/format'
import { printData } from './output/objects'
import { tableText, type TableOptions } from './output/table'
import { kindPrefix, parseResourceArgs, type ResourceRequest } from './resource-args'
import { watchObjects } from './get-watch'

const FLAGS = [
  {
    name: 'all-namespaces',
    shorthand: 'A',
    type: 'bool',
    usage:
      'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
  },
  {
    name: 'allow-missing-template-keys',
    type: 'bool',
    default: true,
    usage:
      'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
  },
  {
    name: 'chunk-size',
    type: 'int64',
    default: 500,
    usage:
      'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.',
  },
  {
    name: 'field-selector',
    type: 'string',
    usage:
      "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
  },
  {
    name: 'filename',
    shorthand: 'f',
    type: 'stringSlice',
    usage: 'Filename, directory, or URL to files identifying the resource to get from a server.',
  },
  {
    name: 'ignore-not-found',
    type: 'bool',
    usage: 'If the requested object does not exist the command will return exit code 0.',
  },
  {
    name: 'kustomize',
    shorthand: 'k',
    type: 'string',
    usage: "Process the kustomization directory. This flag can't be used together with -f or -R.",
  },
  {
    name: 'label-columns',
    shorthand: 'L',
    type: 'stringSlice',
    usage:
      'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...',
  },
  {
    name: 'no-headers',
    type: 'bool',
    usage:
      "When using the default or custom-column output format, don't print headers (default print headers).",
  },
  {
    name: 'output',
    shorthand: 'o',
    type: 'string',
    usage:
      'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].',
  },
  {
    name: 'output-watch-events',
    type: 'bool',
    usage:
      'Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.',
  },
  {
    name: 'raw',
    type: 'string',
    usage:
      'Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.',
  },
  {
    name: 'recursive',
    shorthand: 'R',
    type: 'bool',
    usage:
      'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
  },
  {
    name: 'selector',
    shorthand: 'l',
    type: 'string',
    usage:
      "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
  },
  {
    name: 'server-print',
    type: 'bool',
    default: true,
    usage:
      'If true, have the server return the appropriate table output. Supports extension APIs and CRDs.',
  },
  {
    name: 'show-kind',
    type: 'bool',
    usage: 'If present, list the resource type for the requested object(s).',
  },
  {
    name: 'show-labels',
    type: 'bool',
    usage: 'When printing, show all labels as the last column (default hide labels column)',
  },
  {
    name: 'show-managed-fields',
    type: 'bool',
    usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
  },
  {
    name: 'sort-by',
    type: 'string',
    usage:
      "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string.",
  },
  {
    name: 'subresource',
    type: 'string',
    usage:
      'If specified, gets the subresource of the requested object. This flag is beta and may change in the future.',
  },
  {
    name: 'template',
    type: 'string',
    usage:
      'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
  },
  {
    name: 'watch',
    shorthand: 'w',
    type: 'bool',
    usage: 'After listing/getting the requested object, watch for changes.',
  },
  {
    name: 'watch-only',
    type: 'bool',
    usage: 'Watch for changes to the requested object(s), without listing/getting first.',
  },
] as const

const REQUIRED_RESOURCE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`

export interface GetOptions {
  allNamespaces: boolean
  labelSelector: string
  fieldSelector: string
  ignoreNotFound: boolean
}

interface Fetched {
  request: ResourceRequest
  objects: KubeObject[]
}

/** Reads what one request names: its named objects, or the list in scope. */
function fetch(
  cluster: KubeCluster,
  request: ResourceRequest,
  namespace: string,
  options: GetOptions,
): { objects: KubeObject[]; errors: string } {
  const t = request.type
  if (request.names.length > 0) {
    const objects: KubeObject[] = []
    let errors = ''
    for (const name of request.names) {
      const got = cluster.api.get(t, namespace, name)
      if (got.ok) objects.push(got.value)
      else if (!(options.ignoreNotFound && got.error.status.reason === 'NotFound'))
        errors += `Error from server (${got.error.status.reason}): ${got.error.status.message}\n`
    }
    return { objects, errors }
  }
  const listed = cluster.api.list(t, {
    ...(options.allNamespaces || !t.namespaced ? {} : { namespace }),
    ...(options.labelSelector === '' ? {} : { labelSelector: options.labelSelector }),
    ...(options.fieldSelector === '' ? {} : { fieldSelector: options.fieldSelector }),
  })
  if (!listed.ok) {
    // The resource builder rewords a BadRequest or NotFound list error, keeping the Status.
    const { reason, message } = listed.error.status
    const gvr = `"${t.group}/${t.version}, Resource=${t.resource}"`
    const framed =
      reason !== 'BadRequest' && reason !== 'NotFound'
        ? message
        : options.labelSelector === '' && options.fieldSelector === ''
          ? `Unable to list ${gvr}: ${message}`
          : `Unable to find ${gvr} that match label selector "${options.labelSelector}", field selector "${options.fieldSelector}": ${message}`
    return { objects: [], errors: `Error from server (${reason}): ${framed}\n` }
  }
  return { objects: listed.value.items, errors: '' }
}

/** --sort-by: values compared as numbers when both are, else as strings (kubectl's sorter). */
function sortObjects(objects: KubeObject[], sortBy: string): string | undefined {
  const expr = sortBy.startsWith('{') ? sortBy : `{${sortBy.startsWith('.') ? '' : '.'}${sortBy}}`
  const parsed = JSONPath.parse(expr)
  if (!parsed.ok) return `error: ${parsed.error.message}`
  const keyed = objects.map((o) => {
    const r = parsed.jsonpath.execute(fromJSON(o), { allowMissingKeys: true, outputJSON: true })
    const values = r.ok ? (JSON.parse(r.output) as unknown[]) : []
    return { o, v: values[0] }
  })
  keyed.sort((a, b) => {
    if (a.v === undefined || a.v === null) return b.v === undefined || b.v === null ? 0 : -1
    if (b.v === undefined || b.v === null) return 1
    if (typeof a.v === 'number' && typeof b.v === 'number') return a.v - b.v
    const x = typeof a.v === 'string' ? a.v : JSON.stringify(a.v)
    const y = typeof b.v === 'string' ? b.v : JSON.stringify(b.v)
    return x < y ? -1 : x > y ? 1 : 0
  })
  objects.splice(0, objects.length, ...keyed.map((k) => k.o))
  return undefined
}

export function tableOptionsFor(
  t: ResourceType,
  format: { wide: boolean },
  values: {
    allNamespaces: boolean
    showKind: boolean
    labelColumns: readonly string[]
    showLabels: boolean
    noHeaders: boolean
  },
): TableOptions {
  return {
    wide: format.wide,
    withNamespace: values.allNamespaces && t.namespaced,
    ...(values.showKind ? { kindPrefix: kindPrefix(t) } : {}),
    labelColumns: values.labelColumns.flatMap((l) => l.split(',')).filter((l) => l !== ''),
    showLabels: values.showLabels,
    noHeaders: values.noHeaders,
  }
}

export const getCommand = kubectlCommand({
  path: 'kubectl get',
  use: '[(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  short: 'Display one or many resources',
  long: `Display one or many resources.

 Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.

 By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: `# List all pods in ps output format
kubectl get pods

# List all pods in ps output format with more information (such as node name)
kubectl get pods -o wide

# List a single replication controller with specified NAME in ps output format
kubectl get replicationcontroller web

# List deployments in JSON output format, in the "v1" version of the "apps" API group
kubectl get deployments.v1.apps -o json

# List a single pod in JSON output format
kubectl get -o json pod web-pod-13je7

# List a pod identified by type and name specified in "pod.yaml" in JSON output format
kubectl get -f pod.yaml -o json

# List resources from a directory with kustomization.yaml - e.g. dir/kustomization.yaml
kubectl get -k dir/

# Return only the phase value of the specified pod
kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}

# List resource information in custom columns
kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image

# List all replication controllers and services together in ps output format
kubectl get rc,services

# List one or more resources by their type and names
kubectl get rc/web service/frontend pods/web-pod-13je7

# List the 'status' subresource for a single pod
kubectl get pod web-pod-13je7 --subresource status

# List all deployments in namespace 'backend'
kubectl get deployments.apps --namespace backend

# List all pods existing in all namespaces
kubectl get pods --all-namespaces`,
  args: { kind: 'any' },
  flags: () => new FlagSet(FLAGS),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    const format = await parseOutputFormat(values.output, values.template, ctx.shell)
    if (!format.ok) return { stdout: '', stderr: `error: ${format.error}\n`, exitCode: 1 }
    if (args.length === 0) {
      if (values.filename.length > 0)
        return {
          stdout: '',
          stderr: 'error: reading objects from files is not simulated here: name the resources\n',
          exitCode: 1,
        }
      return { stdout: '', stderr: REQUIRED_RESOURCE, exitCode: 1 }
    }
    const parsed = parseResourceArgs(args)
    if (!parsed.ok) return { stdout: '', stderr: `error: ${parsed.error}\n`, exitCode: 1 }
    const connected = ctx.connect()
    if (!connected.ok) return connected.error
    const cluster = connected.value
    const options: GetOptions = {
      allNamespaces: values['all-namespaces'],
      labelSelector: values.selector,
      fieldSelector: values['field-selector'],
      ignoreNotFound: values['ignore-not-found'],
    }
    const requests = parsed.value.requests
    if (values.watch || values['watch-only'])
      return watchObjects(ctx, cluster, requests, format.value, {
        ...options,
        watchOnly: values['watch-only'],
        labelColumns: values['label-columns'],
        showLabels: values['show-labels'],
        noHeaders: values['no-headers'],
        showKind: values['show-kind'],
      })
    const fetched: Fetched[] = []
    let stderr = ''
    for (const request of requests) {
      const r = fetch(cluster, request, ctx.namespace, options)
      stderr += r.errors
      if (values['sort-by'] !== '') {
        const problem = sortObjects(r.objects, values['sort-by'])
        if (problem !== undefined) return { stdout: '', stderr: problem + '\n', exitCode: 1 }
      }
      fetched.push({ request, objects: r.objects })
    }
    const exitCode = stderr === '' ? 0 : 1
    const all = fetched.flatMap((f) => f.objects)
    if (format.value.kind !== 'table') {
      const printed = printData(format.value, all, {
        single: parsed.value.singleItem,
        showManagedFields: values['show-managed-fields'],
        allowMissingTemplateKeys: values['allow-missing-template-keys'],
        noHeaders: values['no-headers'],
      })
      return {
        stdout: printed.stdout,
        stderr: stderr + printed.stderr,
        exitCode: printed.exitCode !== 0 ? printed.exitCode : exitCode,
      }
    }
    const showKind = values['show-kind'] || requests.length > 1
    const now = cluster.clock.now()
    const tables: string[] = []
    for (const { request, objects } of fetched) {
      if (objects.length === 0) continue
      const table = toTable(request.type, objects, now)
      const text = tableText(
        table,
        tableOptionsFor(request.type, format.value, {
          allNamespaces: options.allNamespaces,
          showKind,
          labelColumns: values['label-columns'],
          showLabels: values['show-labels'],
          noHeaders: values['no-headers'],
        }),
      )
      tables.push(tabwrite(text, KUBECTL_TABWRITER))
    }
    if (tables.length === 0 && stderr === '' && !requests.some((r) => r.names.length > 0)) {
      const scoped = !options.allNamespaces && requests.every((r) => r.type.namespaced)
      stderr = scoped
        ? `No resources found in ${ctx.namespace} namespace.\n`
        : 'No resources found\n'
    }
    return { stdout: tables.join('\n'), stderr, exitCode }
  },
})
