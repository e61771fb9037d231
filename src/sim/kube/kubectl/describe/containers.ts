/**
 * The pod-shaped parts of describe output shared by pods and every workload's `Pod Template:`:
 * containers (state, probes, resources, environment, mounts), volumes, and the template itself.
 */
import type { Container, ContainerStatus, PodTemplateSpec } from '../../api/object'
import {
  formatTime,
  goBool,
  printBool,
  printLabelsMultiline,
  printAnnotationsMultiline,
  printTolerationsMultiline,
  sortedKeys,
  stringOrNone,
  type Toleration,
} from './format'
import { formatLabelSelector } from './label-selector'
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer'
import {
  milliValue,
  parseQuantity,
  parseResourceList,
  quantityString,
  value,
  ZERO,
} from './quantity'

/** Resolves a `fieldRef` env var to its value (EnvValueRetriever); only pods have one. */
export type EnvResolver = (fieldPath: string, apiVersion: string) => string

type State = NonNullable<ContainerStatus['state']>

function describeStatus(name: string, state: State | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`)
    w.write(LEVEL_3, `Started:\t${formatTime(state.running.startedAt)}\n`)
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`)
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`)
  } else if (state?.terminated) {
    const t = state.terminated
    w.write(LEVEL_2, `${name}:\tTerminated\n`)
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`)
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`)
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`)
    if (t.signal !== undefined && t.signal > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`)
    w.write(LEVEL_3, `Started:\t${formatTime(t.startedAt)}\n`)
    w.write(LEVEL_3, `Finished:\t${formatTime(t.finishedAt)}\n`)
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`)
  }
}

type Probe = NonNullable<Container['livenessProbe']>

const intOrString = (v: number | string | undefined): string => (v === undefined ? '' : String(v))

/** Go's net.JoinHostPort. */
const joinHostPort = (host: string, port: string): string =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`

/** DescribeProbe: `http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(probe: Probe): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s #success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`
  if (probe.httpGet) {
    const g = probe.httpGet
    const port = intOrString(g.port)
    const host = port.length > 0 ? joinHostPort(g.host ?? '', port) : (g.host ?? '')
    const scheme = (g.scheme ?? '').toLowerCase()
    let path = g.path ?? ''
    // url.URL.String() puts a slash between host and a relative path.
    if (path !== '' && !path.startsWith('/') && host !== '') path = '/' + path
    const url = `${scheme === '' ? '' : scheme + ':'}${host !== '' || scheme !== '' ? '//' : ''}${host}${path}`
    return `http-get ${url} ${attrs}`
  }
  if (probe.tcpSocket)
    return `tcp-socket ${probe.tcpSocket.host ?? ''}:${intOrString(probe.tcpSocket.port)} ${attrs}`
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`
  return `unknown ${attrs}`
}

/** describeResources: `Limits:` / `Requests:` with one sorted resource per line. */
export function describeResources(
  resources: Container['resources'] | undefined,
  w: PrefixWriter,
  level: number,
): void {
  if (resources === undefined || resources === null) return
  const limits = parseResourceList(resources.limits)
  const requests = parseResourceList(resources.requests)
  if (Object.keys(limits).length > 0) w.write(level, 'Limits:\n')
  for (const name of sortedKeys(limits))
    w.write(level + 1, `${name}:\t${quantityString(limits[name] ?? ZERO)}\n`)
  if (Object.keys(requests).length > 0) w.write(level, 'Requests:\n')
  for (const name of sortedKeys(requests))
    w.write(level + 1, `${name}:\t${quantityString(requests[name] ?? ZERO)}\n`)
}

/** resourcehelper.ExtractContainerResourceValue for `resourceFieldRef` env vars. */
function containerResourceValue(
  ref: { resource: string; divisor?: string | number },
  container: Container,
): string {
  const divisor = parseQuantity(ref.divisor ?? '1')
  const [kind, name = ''] = ref.resource.split('.')
  const list = parseResourceList(
    kind === 'limits' ? container.resources?.limits : container.resources?.requests,
  )
  const q = list[name] ?? ZERO
  if (name === 'cpu') {
    const d = divisor !== undefined && milliValue(divisor) > 0 ? milliValue(divisor) : 1000
    return String(Math.ceil(milliValue(q) / d))
  }
  const d = divisor !== undefined && value(divisor) > 0 ? value(divisor) : 1
  return String(Math.ceil(value(q) / d))
}

function describeEnv(
  container: Container,
  resolve: EnvResolver | undefined,
  w: PrefixWriter,
): void {
  const env = container.env ?? []
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`)
  for (const e of env) {
    const from = e.valueFrom
    if (from === undefined || from === null) {
      ;(e.value ?? '').split('\n').forEach((line, i) => {
        w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`)
      })
    } else if (from.fieldRef) {
      const value =
        resolve === undefined
          ? ''
          : resolve(from.fieldRef.fieldPath, from.fieldRef.apiVersion ?? '')
      w.write(
        LEVEL_3,
        `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath})\n`,
      )
    } else if (from.resourceFieldRef) {
      let v = containerResourceValue(from.resourceFieldRef, container)
      const resource = from.resourceFieldRef.resource
      if (v === '0' && (resource === 'limits.cpu' || resource === 'limits.memory'))
        v = 'node allocatable'
      w.write(LEVEL_3, `${e.name}:\t${v} (${resource})\n`)
    } else if (from.secretKeyRef) {
      const r = from.secretKeyRef
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${r.key}' in secret '${r.name ?? ''}'>\tOptional: ${goBool(r.optional)}\n`,
      )
    } else if (from.configMapKeyRef) {
      const r = from.configMapKeyRef
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${r.key}' of config map '${r.name ?? ''}'>\tOptional: ${goBool(r.optional)}\n`,
      )
    }
  }
}

function describeEnvFrom(container: Container, w: PrefixWriter): void {
  const envFrom = container.envFrom ?? []
  w.write(LEVEL_2, `Environment Variables from:${envFrom.length === 0 ? '\t<none>' : ''}\n`)
  for (const e of envFrom) {
    let from = ''
    let name = ''
    let optional = false
    if (e.configMapRef) {
      from = 'ConfigMap'
      name = e.configMapRef.name ?? ''
      optional = e.configMapRef.optional === true
    } else if (e.secretRef) {
      from = 'Secret'
      name = e.secretRef.name ?? ''
      optional = e.secretRef.optional === true
    }
    if (!e.prefix) w.write(LEVEL_3, `${name}\t${from}\tOptional: ${goBool(optional)}\n`)
    else
      w.write(
        LEVEL_3,
        `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${goBool(optional)}\n`,
      )
  }
}

function describeMounts(container: Container, w: PrefixWriter): void {
  const mounts = [...(container.volumeMounts ?? [])]
  w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`)
  mounts.sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0))
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw']
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`)
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`)
  }
  const devices = [...(container.volumeDevices ?? [])]
  if (devices.length > 0) {
    w.write(LEVEL_2, 'Devices:\n')
    devices.sort((a, b) => (a.devicePath < b.devicePath ? -1 : a.devicePath > b.devicePath ? 1 : 0))
    for (const d of devices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`)
  }
}

const portList = (ports: Container['ports'], host: boolean): string =>
  (ports ?? [])
    .map((p) => `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? ''}`)
    .join(', ')

/** describeContainers: the `Containers:` (or `Init Containers:`) section. */
export function describeContainers(
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  resolve: EnvResolver | undefined,
  w: PrefixWriter,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]))
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`)
  for (const c of containers) {
    const status = byName.get(c.name)
    w.write(LEVEL_1, `${space.length > 0 ? ' ' : ''}${c.name}:\n`)
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`)
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`)
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID}\n`)
    const ports = portList(c.ports, false)
    if (ports.includes(',')) w.write(LEVEL_2, `Ports:\t${ports}\n`)
    else w.write(LEVEL_2, `Port:\t${stringOrNone(ports)}\n`)
    const hostPorts = portList(c.ports, true)
    if (hostPorts.includes(',')) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`)
    else w.write(LEVEL_2, `Host Port:\t${stringOrNone(hostPorts)}\n`)
    const seccomp = c.securityContext?.seccompProfile
    if (seccomp) {
      w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`)
      if (seccomp.type === 'Localhost')
        w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`)
    }
    if ((c.command ?? []).length > 0) {
      w.write(LEVEL_2, 'Command:\n')
      for (const part of c.command ?? [])
        for (const s of part.split('\n')) w.write(LEVEL_3, `${s}\n`)
    }
    if ((c.args ?? []).length > 0) {
      w.write(LEVEL_2, 'Args:\n')
      for (const part of c.args ?? []) for (const s of part.split('\n')) w.write(LEVEL_3, `${s}\n`)
    }
    if (status) {
      describeStatus('State', status.state, w)
      if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w)
      w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`)
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount}\n`)
    }
    describeResources(c.resources, w, LEVEL_2)
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`)
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`)
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`)
    if ((c.envFrom ?? []).length > 0) describeEnvFrom(c, w)
    describeEnv(c, resolve, w)
    describeMounts(c, w)
  }
}

type Volume = NonNullable<NonNullable<PodTemplateSpec['spec']>['volumes']>[number]

/** Go's `%v` of a *bool: `<nil>` when unset. */
const boolPtr = (v: boolean | undefined): string =>
  v === undefined || v === null ? '<nil>' : goBool(v)

function describeVolumeSource(v: Volume, w: PrefixWriter): void {
  if (v.hostPath) {
    w.write(
      LEVEL_2,
      `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`,
    )
  } else if (v.emptyDir) {
    const limit = v.emptyDir.sizeLimit
    const q = parseQuantity(limit)
    const size = q !== undefined && q.mantissa > 0n ? quantityString(q) : '<unset>'
    w.write(
      LEVEL_2,
      `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${size}\n`,
    )
  } else if (v.secret) {
    w.write(
      LEVEL_2,
      `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${goBool(v.secret.optional)}\n`,
    )
  } else if (v.configMap) {
    w.write(
      LEVEL_2,
      `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${goBool(v.configMap.optional)}\n`,
    )
  } else if (v.nfs) {
    w.write(
      LEVEL_2,
      `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${v.nfs.server}\n    Path:\t${v.nfs.path}\n    ReadOnly:\t${goBool(v.nfs.readOnly)}\n`,
    )
  } else if (v.persistentVolumeClaim) {
    w.write(
      LEVEL_2,
      `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${goBool(v.persistentVolumeClaim.readOnly)}\n`,
    )
  } else if (v.downwardAPI) {
    w.write(
      LEVEL_2,
      'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n',
    )
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`)
      if (item.resourceFieldRef)
        w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`)
    }
  } else if (v.projected) {
    w.write(
      LEVEL_2,
      'Type:\tProjected (a volume that contains injected data from multiple sources)\n',
    )
    for (const s of v.projected.sources ?? []) {
      // kubectl 1.32 prints the *bool Optional fields with %v: `<nil>` when unset.
      if (s.secret)
        w.write(
          LEVEL_2,
          `SecretName:\t${s.secret.name ?? ''}\n    SecretOptionalName:\t${boolPtr(s.secret.optional)}\n`,
        )
      else if (s.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n')
      else if (s.configMap)
        w.write(
          LEVEL_2,
          `ConfigMapName:\t${s.configMap.name ?? ''}\n    ConfigMapOptional:\t${boolPtr(s.configMap.optional)}\n`,
        )
      else if (s.serviceAccountToken)
        w.write(
          LEVEL_2,
          `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 0}\n`,
        )
    }
  } else if (v.csi) {
    w.write(
      LEVEL_2,
      `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${v.csi.driver}\n    FSType:\t${v.csi.fsType ?? ''}\n    ReadOnly:\t${goBool(v.csi.readOnly)}\n`,
    )
    const attrs = v.csi.volumeAttributes ?? {}
    const keys = sortedKeys(attrs)
    w.write(LEVEL_2, 'VolumeAttributes:\t')
    if (keys.length === 0) w.writeLine('<none>')
    keys.forEach((k, i) => {
      if (i !== 0) w.write(LEVEL_2, '\t')
      w.write(LEVEL_2, `${k}=${attrs[k] ?? ''}\n`)
    })
  } else if (v.ephemeral) {
    w.write(
      LEVEL_2,
      'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n',
    )
  } else {
    w.write(LEVEL_1, '<unknown>\n')
  }
}

/** describeVolumes: `Volumes:` with each volume's source. */
export function describeVolumes(
  volumes: readonly Volume[] | undefined,
  w: PrefixWriter,
  space: string,
): void {
  if (volumes === undefined || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`)
    return
  }
  w.write(LEVEL_0, `${space}Volumes:\n`)
  for (const v of volumes) {
    w.write(LEVEL_1, `${space.length > 0 ? ' ' : ''}${v.name}:\n`)
    describeVolumeSource(v, w)
  }
}

interface SpreadConstraint {
  topologyKey: string
  whenUnsatisfiable: string
  maxSkew: number
  labelSelector?: Parameters<typeof formatLabelSelector>[0]
}

/** describeTopologySpreadConstraints (printed only when there are some). */
export function describeTopologySpreadConstraints(
  tscs: readonly SpreadConstraint[] | undefined,
  w: PrefixWriter,
  space: string,
): void {
  if (tscs === undefined || tscs.length === 0) return
  const sorted = [...tscs].sort((a, b) =>
    a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0,
  )
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`)
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`)
    let text = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`
    if (t.labelSelector) text += ` for selector ${formatLabelSelector(t.labelSelector)}`
    w.write(LEVEL_0, text + '\n')
  })
}

/** DescribePodTemplate: the `Pod Template:` section of every workload. */
export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n')
  if (template === undefined || template === null) {
    w.write(LEVEL_1, '<unset>')
    return
  }
  const meta = template.metadata ?? {}
  const spec = template.spec
  printLabelsMultiline(w, '  Labels', meta.labels)
  if (Object.keys(meta.annotations ?? {}).length > 0)
    printAnnotationsMultiline(w, '  Annotations', meta.annotations)
  if (spec?.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`)
  if ((spec?.initContainers ?? []).length > 0)
    describeContainers('Init Containers', spec?.initContainers ?? [], undefined, undefined, w, '  ')
  describeContainers('Containers', spec?.containers ?? [], undefined, undefined, w, '  ')
  describeVolumes(spec?.volumes, w, '  ')
  describeTopologySpreadConstraints(
    spec?.topologySpreadConstraints as SpreadConstraint[] | undefined,
    w,
    '  ',
  )
  if (spec?.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`)
  printLabelsMultiline(w, '  Node-Selectors', spec?.nodeSelector)
  printTolerationsMultiline(w, '  Tolerations', spec?.tolerations as Toleration[] | undefined)
}
