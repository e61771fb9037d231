/**
 * `kubectl run NAME --image=IMAGE [--port] [--env] [--labels] [--restart] [--command] -- …`: one
 * Pod labelled run=NAME (or --labels), optionally a ClusterIP Service (--expose). With -i/--attach
 * the command waits for the pod to run and streams its output; --rm deletes it afterwards.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import { kubectlCommand, type KubectlContext } from './command'
import { forServer, withLastApplied } from './create-generator'
import { containerLogs } from '../kubelet/container-logs'
import { attachToContainer } from './attach-session'
import {
  dryRunFlag,
  dryRunStrategy,
  fail,
  fieldManagerFlag,
  filenameFlag,
  kustomizeFlag,
  operationLine,
  printFlags,
  recursiveFlag,
  requiredFlagMissing,
  saveConfigFlag,
  waitUntil,
} from './write-kit'
import { dataFormat, printIn, type DataFormat } from './write-output'

const PODS = servedType('Pod')
const SERVICES = servedType('Service')

const usageError = (message: string): CommandOutput =>
  fail(`error: ${message}\nSee 'kubectl run -h' for help and examples\n`)

const sortedMap = (m: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.keys(m)
      .sort()
      .map((k) => [k, m[k] ?? '']),
  )

/** "a=b,c=d" as kubectl parses --labels. */
function parseLabels(
  text: string,
): { ok: true; value: Record<string, string> } | { ok: false; error: string } {
  const out: Record<string, string> = {}
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=')
    if (eq <= 0 || pair.indexOf('=', eq + 1) >= 0)
      return { ok: false, error: `invalid label spec: ${pair}` }
    out[pair.slice(0, eq)] = pair.slice(eq + 1)
  }
  return { ok: true, value: out }
}

export interface RunPodOptions {
  name: string
  namespace?: string
  image: string
  labels: Record<string, string>
  annotations: Record<string, string>
  args: readonly string[]
  command: boolean
  port: number | undefined
  env: readonly { name: string; value: string }[]
  imagePullPolicy: string
  privileged: boolean
  restart: string
  stdin: boolean
  tty: boolean
}

/** The Pod the run generator builds, fields in Go's order. */
export function runPod(o: RunPodOptions): KubeObject {
  const container: Record<string, unknown> = {
    name: o.name,
    image: o.image,
    ...(o.args.length > 0 ? { [o.command ? 'command' : 'args']: [...o.args] } : {}),
    ...(o.port !== undefined ? { ports: [{ containerPort: o.port }] } : {}),
    ...(o.env.length > 0 ? { env: o.env.map((e) => ({ name: e.name, value: e.value })) } : {}),
    resources: {},
    ...(o.imagePullPolicy !== '' ? { imagePullPolicy: o.imagePullPolicy } : {}),
    ...(o.privileged ? { securityContext: { privileged: true } } : {}),
    ...(o.stdin ? { stdin: true, stdinOnce: true } : {}),
    ...(o.tty ? { tty: true } : {}),
  }
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name: o.name,
      ...(o.namespace === undefined ? {} : { namespace: o.namespace }),
      creationTimestamp: null,
      labels: sortedMap(o.labels),
      ...(Object.keys(o.annotations).length > 0 ? { annotations: sortedMap(o.annotations) } : {}),
    } as unknown as KubeObject['metadata'],
    spec: { containers: [container], restartPolicy: o.restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  }
}

function exposeService(
  name: string,
  namespace: string | undefined,
  port: number,
  labels: Record<string, string>,
): KubeObject {
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: {
      name,
      ...(namespace === undefined ? {} : { namespace }),
      creationTimestamp: null,
    } as unknown as KubeObject['metadata'],
    spec: {
      ports: [{ protocol: 'TCP', port, targetPort: port }],
      selector: sortedMap(labels),
    },
    status: { loadBalancer: {} },
  }
}

type PodStatusView = {
  phase?: string
  containerStatuses?: {
    state?: { terminated?: { exitCode?: number; reason?: string; message?: string } }
  }[]
}

/**
 * handleAttachPod, then RunOptions.Run's wait for the exit code: waits for the pod to run (a
 * pod that already finished shows its logs instead), attaches, and with restartPolicy Never or
 * OnFailure waits for the pod to complete and turns a failure into kubectl's exit code.
 */
async function attachAndWait(
  ctx: KubectlContext,
  pod: KubeObject,
  o: { stdin: boolean; tty: boolean; quiet: boolean; timeoutMs: number; leaveStdinOpen: boolean },
): Promise<CommandOutput> {
  const connected = ctx.connect()
  if (!connected.ok) return connected.error
  const cluster = connected.value
  const ns = pod.metadata.namespace ?? ctx.namespace
  const name = pod.metadata.name
  const live = (): KubeObject | undefined => {
    const got = cluster.api.get(PODS, ns, name)
    return got.ok && got.value.metadata.uid === pod.metadata.uid ? got.value : undefined
  }
  const status = (): PodStatusView => (live()?.['status'] ?? { phase: 'Gone' }) as PodStatusView
  const finished = (): boolean => ['Succeeded', 'Failed'].includes(status().phase ?? '')
  const ready = (): boolean => {
    const conditions = (status() as { conditions?: { type: string; status: string }[] }).conditions
    return (
      status().phase === 'Running' &&
      (conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
    )
  }
  const gone = (): boolean => live() === undefined
  const started = await waitUntil(ctx.shell, () => ready() || finished() || gone(), o.timeoutMs)
  if (started === 'interrupted') return { stdout: '', stderr: '', exitCode: 130 }
  if (started === 'timeout') return fail('error: timed out waiting for the condition\n')
  if (gone()) return fail(`Error from server (NotFound): pods "${name}" not found\n`)
  let attached: CommandOutput
  const current = live() ?? pod
  if (finished()) {
    // A pod that already ran to completion: its logs stand for the session.
    const logs = containerLogs(cluster, ns, name, name)
    const text = logs.ok
      ? logs.value.map((e) => (e.text.endsWith('\n') ? e.text : `${e.text}\n`)).join('')
      : ''
    attached = { stdout: text, stderr: '', exitCode: 0 }
  } else
    attached = await attachToContainer(
      ctx,
      cluster,
      current,
      { container: name, stdin: o.stdin, tty: o.tty, quiet: o.quiet, fromStart: true },
      'kubectl attach',
    )
  if (attached.exitCode !== 0) return attached
  const restart = ((pod['spec'] ?? {}) as { restartPolicy?: string }).restartPolicy
  if (o.leaveStdinOpen || (restart !== 'Never' && restart !== 'OnFailure')) return attached
  // Never: completed either way; OnFailure: only success ends it.
  const done = (): boolean =>
    gone() || (restart === 'Never' ? finished() : (status().phase ?? '') === 'Succeeded')
  const waited = await waitUntil(ctx.shell, done, o.timeoutMs)
  if (waited === 'interrupted') return { ...attached, exitCode: 130 }
  if (waited === 'timeout')
    return {
      ...attached,
      stderr: `${attached.stderr}error: timed out waiting for the condition\n`,
      exitCode: 1,
    }
  const final = status()
  if (final.phase === 'Succeeded') return attached
  if (final.phase !== 'Failed')
    return {
      ...attached,
      stderr: `${attached.stderr}error: pod ${ns}/${name} left in phase ${final.phase ?? ''}\n`,
      exitCode: 1,
    }
  const terminated = final.containerStatuses?.[0]?.state?.terminated
  const rc = terminated?.exitCode ?? 0
  if (terminated === undefined || rc === 0)
    return {
      ...attached,
      stderr: `${attached.stderr}error: pod ${ns}/${name} failed with unknown exit code\n`,
      exitCode: 1,
    }
  const message = `pod ${ns}/${name} terminated (${terminated.reason ?? ''})\n${terminated.message ?? ''}`
  return {
    ...attached,
    stderr: attached.stderr + (message.endsWith('\n') ? message : `${message}\n`),
    exitCode: rc,
  }
}

export const run = kubectlCommand({
  path: 'kubectl run',
  use: 'NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  short: 'Run a particular image on the cluster',
  long: 'Create and run a particular image in a pod.',
  example: `# Start a nginx pod
kubectl run nginx --image=nginx

# Start a hazelcast pod and let the container expose port 5701
kubectl run hazelcast --image=hazelcast/hazelcast --port=5701

# Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container
kubectl run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"

# Start a hazelcast pod and set labels "app=hazelcast" and "env=prod" in the container
kubectl run hazelcast --image=hazelcast/hazelcast --labels="app=hazelcast,env=prod"

# Dry run; print the corresponding API objects without creating them
kubectl run nginx --image=nginx --dry-run=client

# Start a nginx pod, but overload the spec with a partial set of values parsed from JSON
kubectl run nginx --image=nginx --overrides='{ "apiVersion": "v1", "spec": { ... } }'

# Start a busybox pod and keep it in the foreground, don't restart it if it exits
kubectl run -i -t busybox --image=busybox --restart=Never

# Start the nginx pod using the default command, but use custom arguments (arg1 .. argN) for that command
kubectl run nginx --image=nginx -- <arg1> <arg2> ... <argN>

# Start the nginx pod using a different command and custom arguments
kubectl run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        ...printFlags(),
        { name: 'annotations', type: 'stringArray', usage: 'Annotations to apply to the pod.' },
        {
          name: 'attach',
          type: 'bool',
          usage:
            "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned.",
        },
        {
          name: 'cascade',
          type: 'string',
          default: 'background',
          noOptDefVal: 'background',
          usage:
            'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
        },
        {
          name: 'command',
          type: 'bool',
          usage:
            "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.",
        },
        dryRunFlag,
        {
          name: 'env',
          type: 'stringArray',
          usage: 'Environment variables to set in the container.',
        },
        {
          name: 'expose',
          type: 'bool',
          usage: 'If true, create a ClusterIP service associated with the pod.  Requires `--port`.',
        },
        fieldManagerFlag('kubectl-run'),
        filenameFlag('to use to replace the resource.'),
        {
          name: 'force',
          type: 'bool',
          usage:
            'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
        },
        {
          name: 'grace-period',
          type: 'int',
          default: -1,
          usage:
            'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
        },
        { name: 'image', type: 'string', usage: 'The image for the container to run.' },
        {
          name: 'image-pull-policy',
          type: 'string',
          usage:
            'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.',
        },
        kustomizeFlag(
          "Process a kustomization directory. This flag can't be used together with -f or -R.",
        ),
        {
          name: 'labels',
          shorthand: 'l',
          type: 'string',
          usage: 'Comma separated labels to apply to the pod. Will override previous values.',
        },
        {
          name: 'leave-stdin-open',
          type: 'bool',
          usage:
            'If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.',
        },
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
          name: 'pod-running-timeout',
          type: 'duration',
          default: 60_000_000_000,
          usage:
            'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
        },
        { name: 'port', type: 'string', usage: 'The port that this container exposes.' },
        {
          name: 'privileged',
          type: 'bool',
          usage: 'If true, run the container in privileged mode.',
        },
        {
          name: 'quiet',
          shorthand: 'q',
          type: 'bool',
          usage: 'If true, suppress prompt messages.',
        },
        recursiveFlag,
        {
          name: 'restart',
          type: 'string',
          default: 'Always',
          usage: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].',
        },
        {
          name: 'rm',
          type: 'bool',
          usage:
            "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'.",
        },
        saveConfigFlag,
        {
          name: 'stdin',
          shorthand: 'i',
          type: 'bool',
          usage: 'Keep stdin open on the container in the pod, even if nothing is attached.',
        },
        {
          name: 'timeout',
          type: 'duration',
          usage:
            'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object',
        },
        {
          name: 'tty',
          shorthand: 't',
          type: 'bool',
          usage: 'Allocate a TTY for the container in the pod.',
        },
        {
          name: 'wait',
          type: 'bool',
          usage:
            'If true, wait for resources to be gone before returning. This waits for finalizers.',
        },
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args, argsLenAtDash, changed }, ctx): Promise<CommandOutput> {
    const now = ctx.shell.clock.now()
    if (!changed.includes('image')) return requiredFlagMissing(now, 'image')
    const nameCount = argsLenAtDash === -1 ? args.length : argsLenAtDash
    if (nameCount < 1) return usageError('NAME is required for run')
    const name = args[0] ?? ''
    const rest = args.slice(1)
    const dry = dryRunStrategy(values['dry-run'], now)
    if (!dry.ok) return dry.output
    // --attach defaults to -i's value unless given.
    const attaching = changed.includes('attach') ? values.attach : values.stdin
    if (values.tty && !values.stdin)
      return usageError('-i/--stdin is required for containers with -t/--tty=true')
    if (dry.value !== 'none' && attaching)
      return usageError(
        "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)",
      )
    if (!['Always', 'OnFailure', 'Never'].includes(values.restart))
      return usageError(`invalid restart policy: ${values.restart}`)
    if (values.rm && !attaching)
      return usageError('--rm should only be used for attached containers')
    if (values.expose && values.port === '')
      return usageError('--port must be set when exposing a service')
    let port: number | undefined
    if (values.port !== '') {
      if (!/^[-+]?\d+$/.test(values.port))
        return fail(`error: strconv.Atoi: parsing "${values.port}": invalid syntax\n`)
      port = Number(values.port)
    }
    const env: { name: string; value: string }[] = []
    for (const e of values.env) {
      const eq = e.indexOf('=')
      if (eq <= 0) return fail(`error: invalid env: ${e}\n`)
      env.push({ name: e.slice(0, eq), value: e.slice(eq + 1) })
    }
    let labels: Record<string, string> = { run: name }
    if (values.labels !== '') {
      const parsed = parseLabels(values.labels)
      if (!parsed.ok) return fail(`error: ${parsed.error}\n`)
      labels = parsed.value
    }
    const annotations: Record<string, string> = {}
    for (const a of values.annotations) {
      const eq = a.indexOf('=')
      if (eq <= 0) return fail(`error: invalid annotation spec: ${a}\n`)
      annotations[a.slice(0, eq)] = a.slice(eq + 1)
    }
    let format: DataFormat | undefined
    if (values.output !== '' || values.template !== '') {
      const parsed = await dataFormat({ output: values.output, template: values.template }, ctx)
      if (!parsed.ok) return parsed.output
      format = parsed.format
    }
    const namespace = ctx.namespaceExplicit ? ctx.namespace : undefined
    let pod = runPod({
      name,
      ...(namespace === undefined ? {} : { namespace }),
      image: values.image,
      labels,
      annotations,
      args: rest,
      command: values.command,
      port,
      env,
      imagePullPolicy: values['image-pull-policy'],
      privileged: values.privileged,
      restart: values.restart,
      stdin: values.stdin,
      tty: values.tty,
    })
    if (values['save-config']) pod = withLastApplied(pod)
    const objects: KubeObject[] = []
    if (values.expose && port !== undefined)
      objects.push(exposeService(name, namespace, port, labels))
    objects.push(pod)
    let stdout = ''
    let stderr = dry.warning
    const printed: KubeObject[] = []
    for (const object of objects) {
      const t = object.kind === 'Service' ? SERVICES : PODS
      let result = object
      if (dry.value !== 'client') {
        const connected = ctx.connect()
        if (!connected.ok) return { ...connected.error, stderr: stderr + connected.error.stderr }
        const created = connected.value.api.create(t, forServer(object, ctx.namespace, true), {
          dryRun: dry.value === 'server',
          fieldManager: values['field-manager'],
        })
        if (!created.ok)
          return {
            stdout,
            stderr: `${stderr}Error from server (${created.error.status.reason}): ${created.error.status.message}\n`,
            exitCode: 1,
          }
        result = created.value
      }
      if (format !== undefined) printed.push(result)
      else if (!attaching) stdout += operationLine(t, result.metadata.name, 'created', dry.value)
      if (t === PODS) pod = result
    }
    if (format !== undefined) {
      // Several objects print one after the other, each its own document.
      const parts = printed.map((o) => printIn(format, [o]).stdout)
      stdout += format.kind === 'yaml' ? parts.join('---\n') : parts.join('')
    }
    if (!attaching) return { stdout, stderr, exitCode: 0 }
    const attached = await attachAndWait(ctx, pod, {
      stdin: values.stdin,
      tty: values.tty,
      quiet: values.quiet,
      timeoutMs: values['pod-running-timeout'] / 1e6,
      leaveStdinOpen: values['leave-stdin-open'],
    })
    stdout += attached.stdout
    stderr += attached.stderr
    // RunOptions.Run deletes what it created on its way out, whatever the session's outcome.
    if (values.rm) {
      const connected = ctx.connect()
      if (connected.ok) {
        const gone = connected.value.api.delete(
          PODS,
          pod.metadata.namespace ?? ctx.namespace,
          name,
          {},
        )
        if (gone.ok && !values.quiet) stdout += `pod "${name}" deleted\n`
      }
    }
    return { stdout, stderr, exitCode: attached.exitCode }
  },
})
