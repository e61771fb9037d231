/**
 * PodSpec validation (pkg/apis/core/validation), for Pods and every workload template: the checks
 * students trip over, in the order the API server runs them so multi-error messages line up.
 */
import {
  duplicate,
  forbidden,
  type FieldError,
  invalidValue,
  notFoundValue,
  notSupported,
  required,
} from './field-errors'
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isEnvVarName,
  isValidPortName,
  isValidPortNum,
} from './names'
import { validateLabels } from './meta'
import { parseQuantity } from './quantity'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map((x) => (isObj(x) ? x : {})) : [])
const str = (v: unknown): string => (typeof v === 'string' ? v : '')

const PROTOCOLS = ['SCTP', 'TCP', 'UDP']

export function validatePorts(ports: unknown, path: string): FieldError[] {
  const errs: FieldError[] = []
  const names = new Set<string>()
  list(ports).forEach((p, i) => {
    const at = `${path}[${i}]`
    const name = str(p['name'])
    if (name !== '') {
      for (const msg of isValidPortName(name)) errs.push(invalidValue(`${at}.name`, name, msg))
      if (names.has(name)) errs.push(duplicate(`${at}.name`, name))
      names.add(name)
    }
    const containerPort = typeof p['containerPort'] === 'number' ? p['containerPort'] : 0
    if (containerPort === 0) errs.push(required(`${at}.containerPort`))
    else
      for (const msg of isValidPortNum(containerPort))
        errs.push(invalidValue(`${at}.containerPort`, containerPort, msg))
    const hostPort = typeof p['hostPort'] === 'number' ? p['hostPort'] : 0
    if (hostPort !== 0)
      for (const msg of isValidPortNum(hostPort))
        errs.push(invalidValue(`${at}.hostPort`, hostPort, msg))
    const protocol = str(p['protocol'])
    if (protocol === '') errs.push(required(`${at}.protocol`))
    else if (!PROTOCOLS.includes(protocol))
      errs.push(notSupported(`${at}.protocol`, protocol, PROTOCOLS))
  })
  return errs
}

function validateEnv(env: unknown, path: string): FieldError[] {
  const errs: FieldError[] = []
  list(env).forEach((e, i) => {
    const at = `${path}[${i}]`
    const name = str(e['name'])
    if (name === '') errs.push(required(`${at}.name`))
    else for (const msg of isEnvVarName(name)) errs.push(invalidValue(`${at}.name`, name, msg))
    const from = e['valueFrom']
    if (isObj(from)) {
      const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter(
        (k) => from[k] !== undefined && from[k] !== null,
      )
      if (sources.length === 0)
        errs.push(
          invalidValue(
            `${at}.valueFrom`,
            '',
            'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
          ),
        )
      if (e['value'] !== undefined && e['value'] !== '' && sources.length > 0)
        errs.push(
          invalidValue(`${at}.valueFrom`, '', 'may not be specified when `value` is not empty'),
        )
      for (const k of ['configMapKeyRef', 'secretKeyRef']) {
        const ref = from[k]
        if (!isObj(ref)) continue
        if (str(ref['key']) === '') errs.push(required(`${at}.valueFrom.${k}.key`))
        if (str(ref['name']) === '') errs.push(required(`${at}.valueFrom.${k}.name`))
      }
    }
  })
  return errs
}

const RESOURCE_NAMES = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage'])

function validateResources(resources: unknown, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (!isObj(resources)) return errs
  const limits = isObj(resources['limits']) ? resources['limits'] : {}
  const requests = isObj(resources['requests']) ? resources['requests'] : {}
  for (const [k, v] of Object.entries(requests)) {
    if (!RESOURCE_NAMES.has(k) && !k.includes('/')) continue
    const limit = limits[k]
    const req = parseQuantity(v as string | number)
    const lim = limit === undefined ? undefined : parseQuantity(limit as string | number)
    if (req !== undefined && lim !== undefined && req > lim)
      errs.push(
        invalidValue(
          `${path}.requests`,
          String(v),
          `must be less than or equal to ${k} limit of ${String(limit)}`,
        ),
      )
  }
  return errs
}

function validateProbe(probe: unknown, path: string): FieldError[] {
  if (!isObj(probe)) return []
  const handlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'].filter((k) => isObj(probe[k]))
  if (handlers.length === 0) return [required(path, 'must specify a handler type')]
  if (handlers.length > 1)
    return [forbidden(`${path}.${handlers[1] ?? ''}`, 'may not specify more than 1 handler type')]
  return []
}

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never']

function validateContainers(
  containers: unknown,
  volumes: ReadonlySet<string>,
  path: string,
  requireOne: boolean,
): FieldError[] {
  const errs: FieldError[] = []
  const items = list(containers)
  if (items.length === 0 && requireOne) errs.push(required(path))
  const names = new Set<string>()
  items.forEach((c, i) => {
    const at = `${path}[${i}]`
    const name = str(c['name'])
    if (name === '') errs.push(required(`${at}.name`))
    else for (const msg of isDNS1123Label(name)) errs.push(invalidValue(`${at}.name`, name, msg))
    if (str(c['image']) === '') errs.push(required(`${at}.image`))
    const tmp = str(c['terminationMessagePolicy'])
    if (tmp !== '' && tmp !== 'File' && tmp !== 'FallbackToLogsOnError')
      errs.push(
        notSupported(`${at}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']),
      )
    const pull = str(c['imagePullPolicy'])
    if (pull !== '' && !PULL_POLICIES.includes(pull))
      errs.push(notSupported(`${at}.imagePullPolicy`, pull, PULL_POLICIES))
    errs.push(...validateResources(c['resources'], `${at}.resources`))
    errs.push(...validatePorts(c['ports'], `${at}.ports`))
    errs.push(...validateEnv(c['env'], `${at}.env`))
    const mountPaths = new Set<string>()
    list(c['volumeMounts']).forEach((m, j) => {
      const mat = `${at}.volumeMounts[${j}]`
      const mname = str(m['name'])
      if (mname === '') errs.push(required(`${mat}.name`))
      else if (!volumes.has(mname)) errs.push(notFoundValue(`${mat}.name`, mname))
      const mountPath = str(m['mountPath'])
      if (mountPath === '') errs.push(required(`${mat}.mountPath`))
      else if (mountPaths.has(mountPath))
        errs.push(invalidValue(`${mat}.mountPath`, mountPath, 'must be unique'))
      mountPaths.add(mountPath)
    })
    if (name !== '') {
      if (names.has(name)) errs.push(duplicate(`${at}.name`, name))
      names.add(name)
    }
    errs.push(...validateProbe(c['livenessProbe'], `${at}.livenessProbe`))
    errs.push(...validateProbe(c['readinessProbe'], `${at}.readinessProbe`))
    errs.push(...validateProbe(c['startupProbe'], `${at}.startupProbe`))
  })
  return errs
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never']
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']

/** `claimNames`: a StatefulSet's volumeClaimTemplates, which its pods mount like volumes. */
export function validatePodSpec(
  spec: unknown,
  path: string,
  claimNames: readonly string[] = [],
): FieldError[] {
  const errs: FieldError[] = []
  const s = isObj(spec) ? spec : {}
  const volumes = new Set<string>()
  list(s['volumes']).forEach((v, i) => {
    const at = `${path}.volumes[${i}]`
    const name = str(v['name'])
    if (name === '') errs.push(required(`${at}.name`))
    else for (const msg of isDNS1123Label(name)) errs.push(invalidValue(`${at}.name`, name, msg))
    if (name !== '' && volumes.has(name)) errs.push(duplicate(`${at}.name`, name))
    volumes.add(name)
    const sources = Object.keys(v).filter(
      (k) => k !== 'name' && v[k] !== null && v[k] !== undefined,
    )
    if (sources.length === 0) errs.push(required(at, 'must specify a volume type'))
    else if (sources.length > 1)
      errs.push(forbidden(`${at}.${sources[1] ?? ''}`, 'may not specify more than 1 volume type'))
    const claim = v['persistentVolumeClaim']
    if (isObj(claim) && str(claim['claimName']) === '')
      errs.push(required(`${at}.persistentVolumeClaim.claimName`))
    const cm = v['configMap']
    if (isObj(cm) && str(cm['name']) === '') errs.push(required(`${at}.configMap.name`))
    const secret = v['secret']
    if (isObj(secret) && str(secret['secretName']) === '')
      errs.push(required(`${at}.secret.secretName`))
  })
  const mountable = new Set([...volumes, ...claimNames])
  errs.push(...validateContainers(s['containers'], mountable, `${path}.containers`, true))
  errs.push(...validateContainers(s['initContainers'], mountable, `${path}.initContainers`, false))
  const restart = str(s['restartPolicy'])
  if (restart === '') errs.push(required(`${path}.restartPolicy`))
  else if (!RESTART_POLICIES.includes(restart))
    errs.push(notSupported(`${path}.restartPolicy`, restart, RESTART_POLICIES))
  const dns = str(s['dnsPolicy'])
  if (dns !== '' && !DNS_POLICIES.includes(dns))
    errs.push(notSupported(`${path}.dnsPolicy`, dns, DNS_POLICIES))
  if (isObj(s['nodeSelector']))
    errs.push(
      ...validateLabels(s['nodeSelector'] as Record<string, string>, `${path}.nodeSelector`),
    )
  const sa = str(s['serviceAccountName'])
  if (sa !== '')
    for (const msg of isDNS1123Subdomain(sa))
      errs.push(invalidValue(`${path}.serviceAccountName`, sa, msg))
  const node = str(s['nodeName'])
  if (node !== '')
    for (const msg of isDNS1123Subdomain(node))
      errs.push(invalidValue(`${path}.nodeName`, node, msg))
  const deadline = s['activeDeadlineSeconds']
  if (typeof deadline === 'number' && deadline <= 0)
    errs.push(
      invalidValue(
        `${path}.activeDeadlineSeconds`,
        deadline,
        'must be between 1 and 2147483647, inclusive',
      ),
    )
  const hostname = str(s['hostname'])
  if (hostname !== '')
    for (const msg of isDNS1123Label(hostname))
      errs.push(invalidValue(`${path}.hostname`, hostname, msg))
  return errs
}

/** A workload's pod template: labels, then the spec. */
export function validatePodTemplateSpec(
  template: unknown,
  path: string,
  claimNames: readonly string[] = [],
): FieldError[] {
  if (!isObj(template)) return [required(path)]
  const meta = isObj(template['metadata']) ? template['metadata'] : {}
  const errs: FieldError[] = []
  if (isObj(meta['labels']))
    errs.push(
      ...validateLabels(meta['labels'] as Record<string, string>, `${path}.metadata.labels`),
    )
  errs.push(...validatePodSpec(template['spec'], `${path}.spec`, claimNames))
  return errs
}
