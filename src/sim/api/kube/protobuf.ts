/**
 * kubectl's typed clients (`kubectl create deployment|service|configmap|secret|namespace|job|
 * cronjob|ingress|serviceaccount`, `kubectl autoscale`, the evictions of `kubectl drain`) send
 * their objects as Kubernetes protobuf (`application/vnd.kubernetes.protobuf`): the bytes `k8s\0`, then a
 * runtime.Unknown holding the TypeMeta and the object's message. This decodes those messages into
 * the JSON shape the rest of the API server reads, for the kinds those commands send; other kinds
 * are the API's 415.
 *
 * Field numbers are the k8s.io/api generated.proto ones. gogo-protobuf writes every non-pointer
 * field, zero or not, and pointer fields only when set; Go's JSON drops zero values of omitempty
 * scalars. So a zero scalar is dropped unless the field is a pointer (`p`), a present message is
 * kept (as `{}` when empty, as Go writes a struct), and an empty Time is dropped (Go's null).
 */
import { groupVersion, type ResourceType } from '../../kube/api/resources'

type Kind = string
/** [json name, kind, flags]: kind s string, i integer, b bool, y bytes (base64), t Time, q Quantity, o IntOrString, m:Type message, map:s / map:y / map:q maps; flags r repeated, p pointer, e embedded (inline). */
type Field = readonly [string, Kind, string?]
type Schema = Readonly<Record<number, Field>>

const META: Schema = {
  1: ['name', 's'],
  2: ['generateName', 's'],
  3: ['namespace', 's'],
  5: ['uid', 's'],
  6: ['resourceVersion', 's'],
  7: ['generation', 'i'],
  8: ['creationTimestamp', 't'],
  9: ['deletionTimestamp', 't'],
  10: ['deletionGracePeriodSeconds', 'i', 'p'],
  11: ['labels', 'map:s'],
  12: ['annotations', 'map:s'],
  13: ['ownerReferences', 'm:OwnerReference', 'r'],
  14: ['finalizers', 's', 'r'],
}

const MESSAGES: Readonly<Record<string, Schema>> = {
  ObjectMeta: META,
  OwnerReference: {
    1: ['kind', 's'],
    3: ['name', 's'],
    4: ['uid', 's'],
    5: ['apiVersion', 's'],
    6: ['controller', 'b', 'p'],
    7: ['blockOwnerDeletion', 'b', 'p'],
  },
  LabelSelector: {
    1: ['matchLabels', 'map:s'],
    2: ['matchExpressions', 'm:LabelSelectorRequirement', 'r'],
  },
  LabelSelectorRequirement: { 1: ['key', 's'], 2: ['operator', 's'], 3: ['values', 's', 'r'] },
  Deployment: {
    1: ['metadata', 'm:ObjectMeta'],
    2: ['spec', 'm:DeploymentSpec'],
    3: ['status', 'm:Opaque'],
  },
  DeploymentSpec: {
    1: ['replicas', 'i', 'p'],
    2: ['selector', 'm:LabelSelector'],
    3: ['template', 'm:PodTemplateSpec'],
    4: ['strategy', 'm:DeploymentStrategy'],
    5: ['minReadySeconds', 'i'],
    6: ['revisionHistoryLimit', 'i', 'p'],
    7: ['paused', 'b'],
    9: ['progressDeadlineSeconds', 'i', 'p'],
  },
  DeploymentStrategy: { 1: ['type', 's'] },
  PodTemplateSpec: { 1: ['metadata', 'm:ObjectMeta'], 2: ['spec', 'm:PodSpec'] },
  PodSpec: {
    2: ['containers', 'm:Container', 'r'],
    3: ['restartPolicy', 's'],
    4: ['terminationGracePeriodSeconds', 'i', 'p'],
    6: ['dnsPolicy', 's'],
    7: ['nodeSelector', 'map:s'],
    8: ['serviceAccountName', 's'],
    10: ['nodeName', 's'],
    19: ['schedulerName', 's'],
    20: ['initContainers', 'm:Container', 'r'],
  },
  Container: {
    1: ['name', 's'],
    2: ['image', 's'],
    3: ['command', 's', 'r'],
    4: ['args', 's', 'r'],
    5: ['workingDir', 's'],
    6: ['ports', 'm:ContainerPort', 'r'],
    7: ['env', 'm:EnvVar', 'r'],
    8: ['resources', 'm:ResourceRequirements'],
    13: ['terminationMessagePath', 's'],
    14: ['imagePullPolicy', 's'],
    16: ['stdin', 'b'],
    17: ['stdinOnce', 'b'],
    18: ['tty', 'b'],
    20: ['terminationMessagePolicy', 's'],
  },
  ContainerPort: {
    1: ['name', 's'],
    2: ['hostPort', 'i'],
    3: ['containerPort', 'i'],
    4: ['protocol', 's'],
    5: ['hostIP', 's'],
  },
  EnvVar: { 1: ['name', 's'], 2: ['value', 's'] },
  ResourceRequirements: { 1: ['limits', 'map:q'], 2: ['requests', 'map:q'] },
  Service: {
    1: ['metadata', 'm:ObjectMeta'],
    2: ['spec', 'm:ServiceSpec'],
    3: ['status', 'm:Opaque'],
  },
  ServiceSpec: {
    1: ['ports', 'm:ServicePort', 'r'],
    2: ['selector', 'map:s'],
    3: ['clusterIP', 's'],
    4: ['type', 's'],
    5: ['externalIPs', 's', 'r'],
    7: ['sessionAffinity', 's'],
    8: ['loadBalancerIP', 's'],
    10: ['externalName', 's'],
    11: ['externalTrafficPolicy', 's'],
  },
  ServicePort: {
    1: ['name', 's'],
    2: ['protocol', 's'],
    3: ['port', 'i'],
    4: ['targetPort', 'o'],
    5: ['nodePort', 'i'],
  },
  ConfigMap: {
    1: ['metadata', 'm:ObjectMeta'],
    2: ['data', 'map:s'],
    3: ['binaryData', 'map:y'],
    4: ['immutable', 'b', 'p'],
  },
  Secret: {
    1: ['metadata', 'm:ObjectMeta'],
    2: ['data', 'map:y'],
    3: ['type', 's'],
    4: ['stringData', 'map:s'],
    5: ['immutable', 'b', 'p'],
  },
  Namespace: {
    1: ['metadata', 'm:ObjectMeta'],
    2: ['spec', 'm:Opaque'],
    3: ['status', 'm:Opaque'],
  },
  ServiceAccount: { 1: ['metadata', 'm:ObjectMeta'] },
  Job: { 1: ['metadata', 'm:ObjectMeta'], 2: ['spec', 'm:JobSpec'], 3: ['status', 'm:Opaque'] },
  JobSpec: {
    1: ['parallelism', 'i', 'p'],
    2: ['completions', 'i', 'p'],
    3: ['activeDeadlineSeconds', 'i', 'p'],
    4: ['selector', 'm:LabelSelector'],
    6: ['template', 'm:PodTemplateSpec'],
    7: ['backoffLimit', 'i', 'p'],
    8: ['ttlSecondsAfterFinished', 'i', 'p'],
    10: ['suspend', 'b', 'p'],
  },
  CronJob: {
    1: ['metadata', 'm:ObjectMeta'],
    2: ['spec', 'm:CronJobSpec'],
    3: ['status', 'm:Opaque'],
  },
  CronJobSpec: {
    1: ['schedule', 's'],
    2: ['startingDeadlineSeconds', 'i', 'p'],
    3: ['concurrencyPolicy', 's'],
    4: ['suspend', 'b', 'p'],
    5: ['jobTemplate', 'm:JobTemplateSpec'],
    6: ['successfulJobsHistoryLimit', 'i', 'p'],
    7: ['failedJobsHistoryLimit', 'i', 'p'],
    8: ['timeZone', 's', 'p'],
  },
  JobTemplateSpec: { 1: ['metadata', 'm:ObjectMeta'], 2: ['spec', 'm:JobSpec'] },
  Ingress: {
    1: ['metadata', 'm:ObjectMeta'],
    2: ['spec', 'm:IngressSpec'],
    3: ['status', 'm:Opaque'],
  },
  IngressSpec: {
    1: ['defaultBackend', 'm:IngressBackend'],
    2: ['tls', 'm:IngressTLS', 'r'],
    3: ['rules', 'm:IngressRule', 'r'],
    4: ['ingressClassName', 's', 'p'],
  },
  IngressTLS: { 1: ['hosts', 's', 'r'], 2: ['secretName', 's'] },
  // IngressRuleValue is embedded in Go (`json:",inline"`): its fields land on the rule.
  IngressRule: { 1: ['host', 's'], 2: ['', 'm:IngressRuleValue', 'e'] },
  IngressRuleValue: { 1: ['http', 'm:HTTPIngressRuleValue'] },
  HTTPIngressRuleValue: { 1: ['paths', 'm:HTTPIngressPath', 'r'] },
  HTTPIngressPath: {
    1: ['path', 's'],
    2: ['backend', 'm:IngressBackend'],
    3: ['pathType', 's', 'p'],
  },
  IngressBackend: { 4: ['service', 'm:IngressServiceBackend'] },
  IngressServiceBackend: { 1: ['name', 's'], 2: ['port', 'm:ServiceBackendPort'] },
  ServiceBackendPort: { 1: ['name', 's'], 2: ['number', 'i'] },
  HorizontalPodAutoscaler: {
    1: ['metadata', 'm:ObjectMeta'],
    2: ['spec', 'm:HorizontalPodAutoscalerSpec'],
    3: ['status', 'm:Opaque'],
  },
  // autoscaling/v1, what `kubectl autoscale` sends.
  HorizontalPodAutoscalerSpec: {
    1: ['scaleTargetRef', 'm:CrossVersionObjectReference'],
    2: ['minReplicas', 'i', 'p'],
    3: ['maxReplicas', 'i'],
    4: ['targetCPUUtilizationPercentage', 'i', 'p'],
  },
  CrossVersionObjectReference: { 1: ['kind', 's'], 2: ['name', 's'], 3: ['apiVersion', 's'] },
  Eviction: { 1: ['metadata', 'm:ObjectMeta'], 2: ['deleteOptions', 'm:DeleteOptions'] },
  DeleteOptions: {
    1: ['gracePeriodSeconds', 'i', 'p'],
    2: ['preconditions', 'm:Preconditions'],
    3: ['orphanDependents', 'b', 'p'],
    4: ['propagationPolicy', 's', 'p'],
    5: ['dryRun', 's', 'r'],
  },
  Preconditions: { 1: ['uid', 's', 'p'], 2: ['resourceVersion', 's', 'p'] },
  // Statuses and empty specs: kept as `{}`, their contents are the server's to fill.
  Opaque: {},
}

/** Top-level kinds by `apiVersion/kind`, as the envelope's TypeMeta names them. */
const TOP_LEVEL: Readonly<Record<string, string>> = {
  'apps/v1/Deployment': 'Deployment',
  'v1/Service': 'Service',
  'v1/ConfigMap': 'ConfigMap',
  'v1/Secret': 'Secret',
  'v1/Namespace': 'Namespace',
  'v1/ServiceAccount': 'ServiceAccount',
  'batch/v1/Job': 'Job',
  'batch/v1/CronJob': 'CronJob',
  'networking.k8s.io/v1/Ingress': 'Ingress',
  'autoscaling/v1/HorizontalPodAutoscaler': 'HorizontalPodAutoscaler',
  'policy/v1/Eviction': 'Eviction',
  'v1/DeleteOptions': 'DeleteOptions',
  'meta.k8s.io/v1/DeleteOptions': 'DeleteOptions',
}

export const PROTOBUF_TYPE = 'application/vnd.kubernetes.protobuf'

class Reader {
  private at = 0
  constructor(private readonly bytes: Uint8Array) {}
  get done(): boolean {
    return this.at >= this.bytes.length
  }
  varint(): bigint {
    let result = 0n
    let shift = 0n
    for (;;) {
      const b = this.bytes[this.at++]
      if (b === undefined) throw new Error('truncated varint')
      result |= BigInt(b & 0x7f) << shift
      shift += 7n
      if ((b & 0x80) === 0) return result
    }
  }
  take(n: number): Uint8Array {
    if (this.at + n > this.bytes.length) throw new Error('truncated field')
    const out = this.bytes.subarray(this.at, this.at + n)
    this.at += n
    return out
  }
  /** Each field as [number, wire type, value]: a bigint for varints, bytes otherwise. */
  *fields(): Generator<[number, number, bigint | Uint8Array]> {
    while (!this.done) {
      const key = this.varint()
      const number = Number(key >> 3n)
      const wire = Number(key & 7n)
      if (wire === 0) yield [number, wire, this.varint()]
      else if (wire === 2) yield [number, wire, this.take(Number(this.varint()))]
      else if (wire === 1) yield [number, wire, this.take(8)]
      else if (wire === 5) yield [number, wire, this.take(4)]
      else throw new Error(`unsupported wire type ${wire}`)
    }
  }
}

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes)

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
function base64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += (B64[(n >> 18) & 63] ?? '') + (B64[(n >> 12) & 63] ?? '')
    out += i + 1 < bytes.length ? (B64[(n >> 6) & 63] ?? '') : '='
    out += i + 2 < bytes.length ? (B64[n & 63] ?? '') : '='
  }
  return out
}

const int = (v: bigint | Uint8Array): number =>
  typeof v === 'bigint' ? Number(BigInt.asIntN(64, v)) : 0

function message(bytes: Uint8Array, type: string): Record<string, unknown> {
  const schema = MESSAGES[type] ?? {}
  const out: Record<string, unknown> = {}
  for (const [number, , raw] of new Reader(bytes).fields()) {
    const field = schema[number]
    if (field === undefined) continue
    const [name, kind, flags = ''] = field
    const value = scalar(kind, raw)
    if (value === undefined) continue
    if (flags.includes('e')) {
      Object.assign(out, value)
      continue
    }
    if (flags.includes('r')) {
      const list = (out[name] as unknown[] | undefined) ?? []
      list.push(value)
      out[name] = list
      continue
    }
    if (kind.startsWith('map:')) {
      const [k, v] = value as [string, unknown]
      out[name] = { ...((out[name] as Record<string, unknown> | undefined) ?? {}), [k]: v }
      continue
    }
    const zero = value === '' || value === 0 || value === false
    if (zero && !flags.includes('p')) continue
    out[name] = value
  }
  return out
}

function scalar(kind: string, raw: bigint | Uint8Array): unknown {
  if (kind === 'i') return int(raw)
  if (kind === 'b') return typeof raw === 'bigint' ? raw !== 0n : false
  if (typeof raw === 'bigint') return undefined
  switch (kind) {
    case 's':
      return text(raw)
    case 'y':
      return base64(raw)
    case 't': {
      let seconds = 0
      for (const [n, , v] of new Reader(raw).fields()) if (n === 1) seconds = int(v)
      return seconds === 0
        ? undefined
        : new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')
    }
    case 'q': {
      for (const [n, , v] of new Reader(raw).fields())
        if (n === 1 && typeof v !== 'bigint') return text(v)
      return '0'
    }
    case 'o': {
      let type = 0
      let intVal = 0
      let strVal = ''
      for (const [n, , v] of new Reader(raw).fields()) {
        if (n === 1) type = int(v)
        else if (n === 2) intVal = int(v)
        else if (n === 3 && typeof v !== 'bigint') strVal = text(v)
      }
      return type === 1 ? strVal : intVal
    }
  }
  if (kind.startsWith('m:')) return message(raw, kind.slice(2))
  if (kind.startsWith('map:')) {
    let key = ''
    let value: unknown = kind === 'map:q' ? '0' : ''
    for (const [n, , v] of new Reader(raw).fields()) {
      if (n === 1 && typeof v !== 'bigint') key = text(v)
      else if (n === 2) value = scalar(kind.slice(4), v)
    }
    return [key, value]
  }
  return undefined
}

export type ProtobufDecoded =
  { ok: true; value: Record<string, unknown> } | { ok: false; message: string }

const MAGIC = [0x6b, 0x38, 0x73, 0x00]

/** Decodes a `k8s\0` envelope into the object's JSON shape, apiVersion and kind included. */
export function decodeKubeProtobuf(bytes: Uint8Array, t?: ResourceType): ProtobufDecoded {
  if (bytes.length < 4 || MAGIC.some((b, i) => bytes[i] !== b))
    return {
      ok: false,
      message:
        'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]',
    }
  try {
    let apiVersion = ''
    let kind = ''
    let raw: Uint8Array | undefined
    for (const [n, , v] of new Reader(bytes.subarray(4)).fields()) {
      if (typeof v === 'bigint') continue
      if (n === 1)
        for (const [m, , w] of new Reader(v).fields()) {
          if (typeof w === 'bigint') continue
          if (m === 1) apiVersion = text(w)
          else if (m === 2) kind = text(w)
        }
      else if (n === 2) raw = v
    }
    if (apiVersion === '' && t !== undefined) apiVersion = groupVersion(t)
    if (kind === '' && t !== undefined) kind = t.kind
    const type = TOP_LEVEL[`${apiVersion}/${kind}`]
    if (type === undefined)
      return {
        ok: false,
        message: `no protobuf decoding for ${apiVersion}, Kind=${kind} in this simulation`,
      }
    return { ok: true, value: { apiVersion, kind, ...message(raw ?? new Uint8Array(), type) } }
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) }
  }
}
