/**
 * Per-kind validation on create and update (the registry strategies' Validate/ValidateUpdate):
 * metadata names by each kind's rule, workload selectors against template labels, Service ports,
 * Job and CronJob fields, ConfigMap/Secret keys, and the fields that may not change.
 */
import type { KubeObject } from '../object'
import { fromLabelSelector, matches, type Selector } from '../label-selector'
import {
  type FieldError,
  forbidden,
  GoMap,
  GoRaw,
  goQuote,
  invalidValue,
  notSupported,
  required,
} from './field-errors'
import { validateLabels, validateObjectMeta, NAME_RULES, type NameRule } from './meta'
import { isConfigMapKey, isDNS1123Label, isValidPortName, isValidPortNum } from './names'
import { validatePodSpec, validatePodTemplateSpec } from './pod-spec'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const obj = (v: unknown): Obj => (isObj(v) ? v : {})
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map((x) => (isObj(x) ? x : {})) : [])
const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const labelsOf = (v: unknown): Record<string, string> | undefined =>
  isObj(v) ? (v as Record<string, string>) : undefined

/** Which name rule each kind's registry uses (most: DNS-1123 subdomain). */
const NAME_RULE_OF: Record<string, NameRule> = {
  Namespace: NAME_RULES.label as NameRule,
  Service: NAME_RULES.dns1035 as NameRule,
  ConfigMap: NAME_RULES.subdomain as NameRule,
  Node: NAME_RULES.subdomain as NameRule,
  ReplicationController: NAME_RULES.subdomain as NameRule,
  StatefulSet: NAME_RULES.label as NameRule,
  CronJob: NAME_RULES.subdomain as NameRule,
  Role: NAME_RULES.path as NameRule,
  ClusterRole: NAME_RULES.path as NameRule,
  RoleBinding: NAME_RULES.path as NameRule,
  ClusterRoleBinding: NAME_RULES.path as NameRule,
}

/** `v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}` */
export function goLabelSelector(selector: unknown): GoRaw {
  if (!isObj(selector)) return new GoRaw('(*v1.LabelSelector)(nil)')
  const ml = labelsOf(selector['matchLabels'])
  const labels = ml === undefined ? 'map[string]string(nil)' : new GoMap(ml).toString()
  const exprs = list(selector['matchExpressions'])
  const expressions =
    selector['matchExpressions'] === undefined
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${exprs
          .map(
            (e) =>
              `v1.LabelSelectorRequirement{Key:${goQuote(str(e['key']))}, Operator:${goQuote(str(e['operator']))}, Values:${
                Array.isArray(e['values'])
                  ? `[]string{${(e['values'] as unknown[]).map((v) => goQuote(String(v))).join(', ')}}`
                  : '[]string(nil)'
              }}`,
          )
          .join(', ')}}`
  return new GoRaw(`v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${expressions}}`)
}

function validateSelectorAndTemplate(
  spec: Obj,
  kind: string,
  path: string,
  templatePath = `${path}.template`,
  claimNames: readonly string[] = [],
): FieldError[] {
  const errs: FieldError[] = []
  const selector = spec['selector']
  let parsed: Selector | undefined
  if (selector === undefined || selector === null) errs.push(required(`${path}.selector`))
  else {
    const s = obj(selector)
    errs.push(...validateLabels(labelsOf(s['matchLabels']), `${path}.selector.matchLabels`))
    list(s['matchExpressions']).forEach((e, i) => {
      const op = str(e['operator'])
      const at = `${path}.selector.matchExpressions[${i}]`
      if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(op))
        errs.push(invalidValue(`${at}.operator`, op, 'not a valid selector operator'))
      const values = Array.isArray(e['values']) ? e['values'] : []
      if ((op === 'In' || op === 'NotIn') && values.length === 0)
        errs.push(required(`${at}.values`, "must be specified when `operator` is 'In' or 'NotIn'"))
      if ((op === 'Exists' || op === 'DoesNotExist') && values.length > 0)
        errs.push(
          forbidden(
            `${at}.values`,
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        )
    })
    const empty =
      Object.keys(obj(s['matchLabels'])).length + list(s['matchExpressions']).length === 0
    if (empty)
      errs.push(
        invalidValue(
          `${path}.selector`,
          goLabelSelector(s),
          `empty selector is invalid for ${kind}`,
        ),
      )
  }
  const result = fromLabelSelector(selector as never)
  if (result.ok) parsed = result.value
  const template = spec['template']
  if (!isObj(template)) {
    errs.push(required(templatePath))
    return errs
  }
  const labels = labelsOf(obj(template['metadata'])['labels'])
  if (
    parsed !== undefined &&
    !(parsed.requirements.length === 0 && !parsed.nothing) &&
    !matches(parsed, labels)
  )
    errs.push(
      invalidValue(
        `${templatePath}.metadata.labels`,
        new GoMap(labels ?? {}),
        '`selector` does not match template `labels`',
      ),
    )
  errs.push(...validatePodTemplateSpec(template, templatePath, claimNames))
  return errs
}

function nonNegative(spec: Obj, field: string, path: string): FieldError[] {
  const v = spec[field]
  return typeof v === 'number' && v < 0
    ? [invalidValue(`${path}.${field}`, v, 'must be greater than or equal to 0')]
    : []
}

function restartAlways(spec: Obj, path: string): FieldError[] {
  const template = obj(spec['template'])
  const policy = str(obj(template['spec'])['restartPolicy'])
  return policy !== '' && policy !== 'Always'
    ? [notSupported(`${path}.template.spec.restartPolicy`, policy, ['Always'])]
    : []
}

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']
const PROTOCOLS = ['SCTP', 'TCP', 'UDP']

function validateServiceSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = []
  const type = str(spec['type'])
  if (!SERVICE_TYPES.includes(type)) errs.push(notSupported('spec.type', type, SERVICE_TYPES))
  const ports = list(spec['ports'])
  const headless = spec['clusterIP'] === 'None'
  if (ports.length === 0 && !headless && type !== 'ExternalName') errs.push(required('spec.ports'))
  if (type === 'ExternalName') {
    const name = str(spec['externalName'])
    if (name === '') errs.push(required('spec.externalName'))
  }
  const names = new Set<string>()
  ports.forEach((p, i) => {
    const at = `spec.ports[${i}]`
    const name = str(p['name'])
    if (ports.length > 1 && name === '') errs.push(required(`${at}.name`))
    else if (name !== '') {
      for (const msg of isDNS1123Label(name)) errs.push(invalidValue(`${at}.name`, name, msg))
      if (names.has(name))
        errs.push({ type: 'FieldValueDuplicate', field: `${at}.name`, badValue: name })
      names.add(name)
    }
    const port = typeof p['port'] === 'number' ? p['port'] : 0
    for (const msg of isValidPortNum(port)) errs.push(invalidValue(`${at}.port`, port, msg))
    const protocol = str(p['protocol'])
    if (protocol === '') errs.push(required(`${at}.protocol`))
    else if (!PROTOCOLS.includes(protocol))
      errs.push(notSupported(`${at}.protocol`, protocol, PROTOCOLS))
    const target = p['targetPort']
    if (typeof target === 'number')
      for (const msg of isValidPortNum(target))
        errs.push(invalidValue(`${at}.targetPort`, target, msg))
    else if (typeof target === 'string')
      for (const msg of isValidPortName(target))
        errs.push(invalidValue(`${at}.targetPort`, target, msg))
    if (p['nodePort'] !== undefined && p['nodePort'] !== 0 && type === 'ClusterIP')
      errs.push(forbidden(`${at}.nodePort`, "may not be used when `type` is 'ClusterIP'"))
  })
  if (isObj(spec['selector']))
    errs.push(...validateLabels(spec['selector'] as Record<string, string>, 'spec.selector'))
  return errs
}

/** Five fields, each `*`, a number, range, list or step, or a predefined `@daily`-style macro. */
function validateSchedule(schedule: string): string | undefined {
  if (schedule === '') return undefined
  const macros = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']
  if (schedule.startsWith('@')) {
    if (macros.includes(schedule) || schedule.startsWith('@every ')) return undefined
    return `unrecognized descriptor: ${schedule}`
  }
  const withoutTz = schedule.replace(/^(CRON_)?TZ=\S+\s+/, '')
  const fields = withoutTz.trim().split(/\s+/)
  if (fields.length !== 5)
    return `expected exactly 5 fields, found ${fields.length}: ${JSON.stringify(fields).replace(/"/g, '').replace(/,/g, ' ')}`
  const ok =
    /^(\*|\?|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/\d+)?(,(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/\d+)?)*$/
  for (const f of fields)
    if (!ok.test(f))
      return `failed to parse int from ${f}: strconv.Atoi: parsing ${goQuote(f)}: invalid syntax`
  return undefined
}

const VALIDATORS: Record<string, (o: Obj) => FieldError[]> = {
  Pod: (o) => validatePodSpec(o['spec'], 'spec'),
  Deployment(o) {
    const spec = obj(o['spec'])
    const errs = nonNegative(spec, 'replicas', 'spec')
    errs.push(...validateSelectorAndTemplate(spec, 'deployment', 'spec'))
    errs.push(...restartAlways(spec, 'spec'))
    const strategy = obj(spec['strategy'])
    const type = str(strategy['type'])
    if (type !== 'RollingUpdate' && type !== 'Recreate')
      errs.push(notSupported('spec.strategy.type', type, ['Recreate', 'RollingUpdate']))
    if (type === 'Recreate' && strategy['rollingUpdate'] !== undefined)
      errs.push(
        forbidden(
          'spec.strategy.rollingUpdate',
          "may not be specified when strategy `type` is 'Recreate'",
        ),
      )
    errs.push(...nonNegative(spec, 'revisionHistoryLimit', 'spec'))
    errs.push(...nonNegative(spec, 'minReadySeconds', 'spec'))
    return errs
  },
  ReplicaSet(o) {
    const spec = obj(o['spec'])
    return [
      ...nonNegative(spec, 'replicas', 'spec'),
      ...validateSelectorAndTemplate(spec, 'replicaset', 'spec'),
      ...restartAlways(spec, 'spec'),
    ]
  },
  DaemonSet(o) {
    const spec = obj(o['spec'])
    return [
      ...validateSelectorAndTemplate(spec, 'daemonset', 'spec'),
      ...restartAlways(spec, 'spec'),
    ]
  },
  StatefulSet(o) {
    const spec = obj(o['spec'])
    const errs = nonNegative(spec, 'replicas', 'spec')
    const claims = list(spec['volumeClaimTemplates']).map((c) => str(obj(c['metadata'])['name']))
    errs.push(...validateSelectorAndTemplate(spec, 'statefulset', 'spec', 'spec.template', claims))
    errs.push(...restartAlways(spec, 'spec'))
    return errs
  },
  ReplicationController(o) {
    const spec = obj(o['spec'])
    const errs = nonNegative(spec, 'replicas', 'spec')
    const selector = labelsOf(spec['selector'])
    if (selector === undefined || Object.keys(selector).length === 0)
      errs.push(required('spec.selector'))
    const template = spec['template']
    if (!isObj(template)) errs.push(required('spec.template'))
    else {
      const labels = labelsOf(obj(template['metadata'])['labels'])
      if (selector !== undefined && Object.entries(selector).some(([k, v]) => labels?.[k] !== v))
        errs.push(
          invalidValue(
            'spec.template.metadata.labels',
            new GoMap(labels ?? {}),
            '`selector` does not match template `labels`',
          ),
        )
      errs.push(...validatePodTemplateSpec(template, 'spec.template'))
      errs.push(...restartAlways(spec, 'spec'))
    }
    return errs
  },
  Job(o) {
    const spec = obj(o['spec'])
    const errs: FieldError[] = []
    for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit'])
      errs.push(...nonNegative(spec, f, 'spec'))
    const template = obj(spec['template'])
    const policy = str(obj(template['spec'])['restartPolicy'])
    errs.push(...validatePodTemplateSpec(spec['template'], 'spec.template'))
    if (policy !== 'OnFailure' && policy !== 'Never')
      errs.push(notSupported('spec.template.spec.restartPolicy', policy, ['OnFailure', 'Never']))
    return errs
  },
  CronJob(o) {
    const spec = obj(o['spec'])
    const errs: FieldError[] = []
    const schedule = str(spec['schedule'])
    if (schedule === '') errs.push(required('spec.schedule'))
    else {
      const problem = validateSchedule(schedule)
      if (problem !== undefined) errs.push(invalidValue('spec.schedule', schedule, problem))
    }
    const policy = str(spec['concurrencyPolicy'])
    if (!['Allow', 'Forbid', 'Replace'].includes(policy))
      errs.push(notSupported('spec.concurrencyPolicy', policy, ['Allow', 'Forbid', 'Replace']))
    const name = o['metadata'] !== undefined ? str(obj(o['metadata'])['name']) : ''
    if (name.length > 52)
      errs.push(invalidValue('metadata.name', name, 'must be no more than 52 characters'))
    const jobSpec = obj(obj(spec['jobTemplate'])['spec'])
    const template = obj(jobSpec['template'])
    const restart = str(obj(template['spec'])['restartPolicy'])
    errs.push(...validatePodTemplateSpec(jobSpec['template'], 'spec.jobTemplate.spec.template'))
    if (restart !== 'OnFailure' && restart !== 'Never')
      errs.push(
        notSupported('spec.jobTemplate.spec.template.spec.restartPolicy', restart, [
          'OnFailure',
          'Never',
        ]),
      )
    return errs
  },
  Service: (o) => validateServiceSpec(obj(o['spec'])),
  ConfigMap(o) {
    const errs: FieldError[] = []
    const binary = obj(o['binaryData'])
    for (const key of Object.keys(obj(o['data']))) {
      for (const msg of isConfigMapKey(key)) errs.push(invalidValue(`data[${key}]`, key, msg))
      if (key in binary)
        errs.push(invalidValue(`data[${key}]`, key, 'duplicate of key present in binaryData'))
    }
    for (const key of Object.keys(binary))
      for (const msg of isConfigMapKey(key)) errs.push(invalidValue(`binaryData[${key}]`, key, msg))
    return errs
  },
  Secret(o) {
    const errs: FieldError[] = []
    for (const key of Object.keys(obj(o['data'])))
      for (const msg of isConfigMapKey(key)) errs.push(invalidValue(`data[${key}]`, key, msg))
    return errs
  },
  PersistentVolumeClaim(o) {
    const spec = obj(o['spec'])
    const errs: FieldError[] = []
    const modes = Array.isArray(spec['accessModes']) ? spec['accessModes'] : []
    if (modes.length === 0)
      errs.push(required('spec.accessModes', 'at least 1 access mode is required'))
    const supported = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod']
    modes.forEach((m) => {
      if (typeof m === 'string' && !supported.includes(m))
        errs.push(notSupported('spec.accessModes', m, supported))
    })
    const storage = obj(obj(spec['resources'])['requests'])['storage']
    if (storage === undefined) errs.push(required('spec.resources[storage]'))
    return errs
  },
  Ingress(o) {
    const spec = obj(o['spec'])
    const errs: FieldError[] = []
    const types = ['Exact', 'ImplementationSpecific', 'Prefix']
    list(spec['rules']).forEach((rule, i) => {
      list(obj(rule['http'])['paths']).forEach((p, j) => {
        const at = `spec.rules[${i}].http.paths[${j}]`
        const pathType = p['pathType']
        if (pathType === undefined)
          errs.push(required(`${at}.pathType`, 'pathType must be specified'))
        else if (!types.includes(str(pathType)))
          errs.push(notSupported(`${at}.pathType`, str(pathType), types))
        const path = str(p['path'])
        if (path !== '' && !path.startsWith('/') && pathType !== 'ImplementationSpecific')
          errs.push(invalidValue(`${at}.path`, path, 'must be an absolute path'))
      })
    })
    if (list(spec['rules']).length === 0 && spec['defaultBackend'] === undefined)
      errs.push(
        invalidValue(
          'spec',
          new GoRaw('networking.IngressSpec{…}'),
          'either `defaultBackend` or `rules` must be specified',
        ),
      )
    return errs
  },
}

/** Everything wrong with a new object (empty: valid). */
export function validateCreate(kind: string, namespaced: boolean, o: KubeObject): FieldError[] {
  const rule = NAME_RULE_OF[kind] ?? (NAME_RULES.subdomain as NameRule)
  const errs = validateObjectMeta(o.metadata, namespaced, rule)
  errs.push(...(VALIDATORS[kind]?.(o as unknown as Obj) ?? []))
  return errs
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/** Everything wrong with an update: the object's own checks, then what may not change. */
export function validateUpdate(
  kind: string,
  namespaced: boolean,
  o: KubeObject,
  old: KubeObject,
): FieldError[] {
  const errs = validateCreate(kind, namespaced, o)
  const spec = obj(o['spec'])
  const oldSpec = obj(old['spec'])
  switch (kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
      if (!same(spec['selector'], oldSpec['selector']))
        errs.push(
          invalidValue('spec.selector', goLabelSelector(spec['selector']), 'field is immutable'),
        )
      if (kind === 'StatefulSet') {
        const mutable = [
          'replicas',
          'ordinals',
          'template',
          'updateStrategy',
          'persistentVolumeClaimRetentionPolicy',
          'minReadySeconds',
          'selector',
        ]
        const strip = (s: Obj): Obj =>
          Object.fromEntries(Object.entries(s).filter(([k]) => !mutable.includes(k)))
        if (!same(strip(spec), strip(oldSpec)))
          errs.push(
            forbidden(
              'spec',
              "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
            ),
          )
      }
      break
    case 'Job':
      if (!same(spec['selector'], oldSpec['selector']))
        errs.push(
          invalidValue('spec.selector', goLabelSelector(spec['selector']), 'field is immutable'),
        )
      if (!same(spec['template'], oldSpec['template']))
        errs.push(
          invalidValue('spec.template', new GoRaw('core.PodTemplateSpec{…}'), 'field is immutable'),
        )
      if (!same(spec['completions'], oldSpec['completions']))
        errs.push(
          invalidValue(
            'spec.completions',
            (spec['completions'] as number | undefined) ?? null,
            'field is immutable',
          ),
        )
      break
    case 'Service': {
      const oldIP = str(oldSpec['clusterIP'])
      const ip = str(spec['clusterIP'])
      if (oldIP !== '' && ip !== oldIP && !(oldSpec['type'] === 'ExternalName'))
        errs.push(
          invalidValue(
            'spec.clusterIPs[0]',
            new GoRaw(`[]string{${goQuote(ip)}}`),
            'may not change once set',
          ),
        )
      break
    }
    case 'PersistentVolumeClaim': {
      const strip = (s: Obj): Obj => {
        const copy = { ...s }
        delete copy['resources']
        delete copy['volumeAttributesClassName']
        // The PV controller sets volumeName once, when it binds the claim.
        if (str(oldSpec['volumeName']) === '') delete copy['volumeName']
        return copy
      }
      if (!same(strip(spec), strip(oldSpec)))
        errs.push(
          forbidden(
            'spec',
            'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
          ),
        )
      break
    }
    case 'Pod': {
      const mutable = (s: Obj): Obj => {
        const copy: Obj = { ...s }
        for (const k of [
          'activeDeadlineSeconds',
          'tolerations',
          'terminationGracePeriodSeconds',
          'nodeName',
        ])
          delete copy[k]
        for (const k of ['containers', 'initContainers'])
          copy[k] = list(s[k]).map((c) => ({ ...c, image: undefined }))
        return copy
      }
      if (!same(mutable(spec), mutable(oldSpec)))
        errs.push(
          forbidden(
            'spec',
            'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
          ),
        )
      break
    }
    case 'Namespace':
      break
  }
  if (old.metadata.namespace !== o.metadata.namespace && namespaced)
    errs.push(invalidValue('metadata.namespace', o.metadata.namespace ?? '', 'field is immutable'))
  return errs
}
