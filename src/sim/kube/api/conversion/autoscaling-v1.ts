/**
 * autoscaling/v1 HorizontalPodAutoscaler, served beside the stored autoscaling/v2 one. The real
 * API server converts through its internal type (pkg/apis/autoscaling/v1/conversion.go, 1.32):
 *
 * - v2 → v1: the first cpu Resource metric's averageUtilization becomes
 *   spec.targetCPUUtilizationPercentage and the cpu current utilization
 *   status.currentCPUUtilizationPercentage; what v1 cannot hold travels in annotations — the
 *   other metrics (`…/metrics`, v1 MetricSpec JSON), every current metric
 *   (`…/current-metrics`), the conditions (`…/conditions`) and the behavior (`…/behavior`,
 *   marshalled from the internal Go type, hence its capitalised keys).
 * - v1 → v2: the reverse, the annotations lifted back into fields and dropped; with no metric at
 *   all, cpu at 80 % (autoscaling/v1 used to apply that default in the controller).
 *
 * Both directions are pure functions of plain JSON objects.
 */
import type { KubeObject } from '../object'
import { servedType, type ResourceType } from '../resources'

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : [])

export const METRICS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/metrics'
export const CURRENT_METRICS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/current-metrics'
export const CONDITIONS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/conditions'
export const BEHAVIOR_ANNOTATION = 'autoscaling.alpha.kubernetes.io/behavior'
const ROUND_TRIP = [
  METRICS_ANNOTATION,
  CURRENT_METRICS_ANNOTATION,
  CONDITIONS_ANNOTATION,
  BEHAVIOR_ANNOTATION,
]

/** autoscaling.DefaultCPUUtilization. */
const DEFAULT_CPU_UTILIZATION = 80

const HPA = servedType('HorizontalPodAutoscaler')

/** The HorizontalPodAutoscaler as autoscaling/v1 addresses it (same resource, other version). */
export const HPA_V1: ResourceType = { ...HPA, version: 'v1' }

/** A version served beside a type's stored one, with the conversions between them. */
export interface ConvertedVersion {
  /** The type as the request addresses it (autoscaling/v1). */
  readonly type: ResourceType
  /** The type the store holds (autoscaling/v2). */
  readonly stored: ResourceType
  /** A stored object as this version shows it. */
  fromStored(o: KubeObject): KubeObject
  /** A body in this version as the stored version (apiVersion and kind set). */
  toStored(o: Obj, options?: { defaultMetrics?: boolean }): Obj
}

export const HPA_V1_VERSION: ConvertedVersion = {
  type: HPA_V1,
  stored: HPA,
  fromStored: hpaV2ToV1,
  toStored: hpaV1ToV2,
}

/** Every version served besides the stored ones: `kubectl api-versions` lists them too. */
export const CONVERTED_VERSIONS: readonly ConvertedVersion[] = [HPA_V1_VERSION]

/** Copies `keys` of `from` that are set, in that order. */
function pick(from: Obj, keys: readonly string[]): Obj {
  const out: Obj = {}
  for (const k of keys) if (from[k] !== undefined && from[k] !== null) out[k] = from[k]
  return out
}

/** A non-pointer Quantity: Go writes "0" when it is unset. */
const quantity = (v: unknown): unknown => (v === undefined || v === null ? '0' : v)

function targetRefV1(ref: unknown): Obj {
  const r = isObj(ref) ? ref : {}
  return {
    kind: r['kind'] ?? '',
    name: r['name'] ?? '',
    ...(r['apiVersion'] ? { apiVersion: r['apiVersion'] } : {}),
  }
}

// ---- v2 → v1 ----

function metricSpecV1(m: Obj): Obj {
  const type = m['type']
  const source = isObj(m) ? m : {}
  const res = isObj(source['resource']) ? source['resource'] : undefined
  const pods = isObj(source['pods']) ? source['pods'] : undefined
  const object = isObj(source['object']) ? source['object'] : undefined
  const external = isObj(source['external']) ? source['external'] : undefined
  const container = isObj(source['containerResource']) ? source['containerResource'] : undefined
  const target = (s: Obj): Obj => (isObj(s['target']) ? s['target'] : {})
  const metric = (s: Obj): Obj => (isObj(s['metric']) ? s['metric'] : {})
  return {
    type,
    ...(object
      ? {
          object: {
            target: targetRefV1(object['describedObject']),
            metricName: metric(object)['name'] ?? '',
            targetValue: quantity(target(object)['value']),
            ...pick(metric(object), ['selector']),
            ...(target(object)['averageValue'] !== undefined
              ? { averageValue: target(object)['averageValue'] }
              : {}),
          },
        }
      : {}),
    ...(pods
      ? {
          pods: {
            metricName: metric(pods)['name'] ?? '',
            targetAverageValue: quantity(target(pods)['averageValue']),
            ...pick(metric(pods), ['selector']),
          },
        }
      : {}),
    ...(res
      ? {
          resource: {
            name: res['name'] ?? '',
            ...renameKeys(target(res), {
              averageUtilization: 'targetAverageUtilization',
              averageValue: 'targetAverageValue',
            }),
          },
        }
      : {}),
    ...(container
      ? {
          containerResource: {
            name: container['name'] ?? '',
            ...renameKeys(target(container), {
              averageUtilization: 'targetAverageUtilization',
              averageValue: 'targetAverageValue',
            }),
            container: container['container'] ?? '',
          },
        }
      : {}),
    ...(external
      ? {
          external: {
            metricName: metric(external)['name'] ?? '',
            ...renameKeys(metric(external), { selector: 'metricSelector' }),
            ...renameKeys(target(external), {
              value: 'targetValue',
              averageValue: 'targetAverageValue',
            }),
          },
        }
      : {}),
  }
}

function metricStatusV1(m: Obj): Obj {
  const current = (s: Obj): Obj => (isObj(s['current']) ? s['current'] : {})
  const metric = (s: Obj): Obj => (isObj(s['metric']) ? s['metric'] : {})
  const sub = (key: string): Obj | undefined => (isObj(m[key]) ? m[key] : undefined)
  const object = sub('object')
  const pods = sub('pods')
  const res = sub('resource')
  const container = sub('containerResource')
  const external = sub('external')
  return {
    type: m['type'] ?? '',
    ...(object
      ? {
          object: {
            target: targetRefV1(object['describedObject']),
            metricName: metric(object)['name'] ?? '',
            currentValue: quantity(current(object)['value']),
            ...pick(metric(object), ['selector']),
            ...(current(object)['averageValue'] !== undefined
              ? { averageValue: current(object)['averageValue'] }
              : {}),
          },
        }
      : {}),
    ...(pods
      ? {
          pods: {
            metricName: metric(pods)['name'] ?? '',
            currentAverageValue: quantity(current(pods)['averageValue']),
            ...pick(metric(pods), ['selector']),
          },
        }
      : {}),
    ...(res
      ? {
          resource: {
            name: res['name'] ?? '',
            ...renameKeys(current(res), { averageUtilization: 'currentAverageUtilization' }),
            currentAverageValue: quantity(current(res)['averageValue']),
          },
        }
      : {}),
    ...(container
      ? {
          containerResource: {
            name: container['name'] ?? '',
            ...renameKeys(current(container), { averageUtilization: 'currentAverageUtilization' }),
            currentAverageValue: quantity(current(container)['averageValue']),
            container: container['container'] ?? '',
          },
        }
      : {}),
    ...(external
      ? {
          external: {
            metricName: metric(external)['name'] ?? '',
            ...renameKeys(metric(external), { selector: 'metricSelector' }),
            currentValue: quantity(current(external)['value']),
            ...renameKeys(current(external), { averageValue: 'currentAverageValue' }),
          },
        }
      : {}),
  }
}

/** `from`'s keys named in `names`, renamed, in `names` order; unset ones left out. */
function renameKeys(from: Obj, names: Readonly<Record<string, string>>): Obj {
  const out: Obj = {}
  for (const [k, to] of Object.entries(names))
    if (from[k] !== undefined && from[k] !== null) out[to] = from[k]
  return out
}

/** The internal Go type's JSON: no json tags, so field names as declared, nil pointers null. */
function internalBehavior(behavior: Obj): Obj {
  const rules = (r: unknown): Obj | null => {
    if (!isObj(r)) return null
    return {
      StabilizationWindowSeconds: r['stabilizationWindowSeconds'] ?? null,
      SelectPolicy: r['selectPolicy'] ?? null,
      Policies: Array.isArray(r['policies'])
        ? objects(r['policies']).map((p) => ({
            Type: p['type'] ?? '',
            Value: p['value'] ?? 0,
            PeriodSeconds: p['periodSeconds'] ?? 0,
          }))
        : null,
    }
  }
  return { ScaleUp: rules(behavior['scaleUp']), ScaleDown: rules(behavior['scaleDown']) }
}

const isCpuResource = (m: Obj): m is Obj & { resource: Obj } =>
  m['type'] === 'Resource' && isObj(m['resource']) && m['resource']['name'] === 'cpu'

function withoutRoundTrip(annotations: unknown): Record<string, string> | undefined {
  if (!isObj(annotations)) return undefined
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(annotations))
    if (!ROUND_TRIP.includes(k)) out[k] = typeof v === 'string' ? v : String(v)
  return out
}

/** Go encodes a map's keys sorted. */
function sortedMap(map: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const k of Object.keys(map).sort()) out[k] = map[k] ?? ''
  return out
}

/** A stored (autoscaling/v2) HorizontalPodAutoscaler as autoscaling/v1 shows it. */
export function hpaV2ToV1(o: KubeObject): KubeObject {
  const spec = isObj(o['spec']) ? o['spec'] : {}
  const status = isObj(o['status']) ? o['status'] : undefined
  const metrics = objects(spec['metrics'])
  const currentMetrics = status === undefined ? [] : objects(status['currentMetrics'])
  const conditions = status === undefined ? [] : objects(status['conditions'])
  const behavior = isObj(spec['behavior']) ? spec['behavior'] : undefined

  let annotations = withoutRoundTrip(o.metadata.annotations)
  const extra: Record<string, string> = {}
  const others = metrics.filter((m) => !(isCpuResource(m) && utilizationOf(m) !== undefined))
  if (others.length > 0) extra[METRICS_ANNOTATION] = JSON.stringify(others.map(metricSpecV1))
  if (currentMetrics.length > 0)
    extra[CURRENT_METRICS_ANNOTATION] = JSON.stringify(currentMetrics.map(metricStatusV1))
  if (conditions.length > 0)
    extra[CONDITIONS_ANNOTATION] = JSON.stringify(
      conditions.map((c) => ({
        type: c['type'] ?? '',
        status: c['status'] ?? '',
        lastTransitionTime: c['lastTransitionTime'] ?? null,
        ...pick(c, ['reason', 'message']),
      })),
    )
  if (behavior !== undefined)
    extra[BEHAVIOR_ANNOTATION] = JSON.stringify(internalBehavior(behavior))
  if (Object.keys(extra).length > 0) annotations = { ...(annotations ?? {}), ...extra }

  const cpu = metrics.find(isCpuResource)
  const cpuTarget = cpu === undefined ? undefined : utilizationOf(cpu)
  let cpuCurrent: unknown
  for (const m of currentMetrics)
    if (isCpuResource(m)) {
      const current = isObj(m.resource['current']) ? m.resource['current'] : {}
      if (current['averageUtilization'] !== undefined) cpuCurrent = current['averageUtilization']
    }
  const { annotations: dropped, ...metadata } = o.metadata
  void dropped
  return {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v1',
    metadata: {
      ...metadata,
      ...(annotations === undefined || Object.keys(annotations).length === 0
        ? {}
        : { annotations: sortedMap(annotations) }),
    },
    spec: {
      scaleTargetRef: targetRefV1(spec['scaleTargetRef']),
      ...pick(spec, ['minReplicas']),
      maxReplicas: spec['maxReplicas'] ?? 0,
      ...(cpuTarget === undefined ? {} : { targetCPUUtilizationPercentage: cpuTarget }),
    },
    ...(status === undefined
      ? {}
      : {
          status: {
            ...pick(status, ['observedGeneration', 'lastScaleTime']),
            currentReplicas: status['currentReplicas'] ?? 0,
            desiredReplicas: status['desiredReplicas'] ?? 0,
            ...(cpuCurrent === undefined ? {} : { currentCPUUtilizationPercentage: cpuCurrent }),
          },
        }),
  }
}

function utilizationOf(m: Obj & { resource: Obj }): unknown {
  const target = isObj(m.resource['target']) ? m.resource['target'] : {}
  return target['averageUtilization'] ?? undefined
}

// ---- v1 → v2 ----

function refV2(ref: unknown): Obj {
  const r = isObj(ref) ? ref : {}
  return pick(r, ['apiVersion', 'kind', 'name'])
}

function metricSpecV2(m: Obj): Obj {
  const sub = (key: string): Obj | undefined => (isObj(m[key]) ? m[key] : undefined)
  const object = sub('object')
  const pods = sub('pods')
  const res = sub('resource')
  const container = sub('containerResource')
  const external = sub('external')
  const utilizationOrValue = (s: Obj): Obj =>
    s['targetAverageUtilization'] !== undefined
      ? { type: 'Utilization', averageUtilization: s['targetAverageUtilization'] }
      : { type: 'AverageValue', ...renameKeys(s, { targetAverageValue: 'averageValue' }) }
  return {
    type: m['type'] ?? '',
    ...(object
      ? {
          object: {
            describedObject: refV2(object['target']),
            metric: {
              name: object['metricName'] ?? '',
              ...pick(object, ['selector']),
            },
            target: {
              type: object['averageValue'] === undefined ? 'Value' : 'AverageValue',
              value: quantity(object['targetValue']),
              ...pick(object, ['averageValue']),
            },
          },
        }
      : {}),
    ...(pods
      ? {
          pods: {
            metric: { name: pods['metricName'] ?? '', ...pick(pods, ['selector']) },
            target: { type: 'AverageValue', averageValue: quantity(pods['targetAverageValue']) },
          },
        }
      : {}),
    ...(res ? { resource: { name: res['name'] ?? '', target: utilizationOrValue(res) } } : {}),
    ...(container
      ? {
          containerResource: {
            name: container['name'] ?? '',
            target: utilizationOrValue(container),
            container: container['container'] ?? '',
          },
        }
      : {}),
    ...(external
      ? {
          external: {
            metric: {
              name: external['metricName'] ?? '',
              ...renameKeys(external, { metricSelector: 'selector' }),
            },
            target: {
              type: external['targetValue'] === undefined ? 'AverageValue' : 'Value',
              ...renameKeys(external, {
                targetValue: 'value',
                targetAverageValue: 'averageValue',
              }),
            },
          },
        }
      : {}),
  }
}

function metricStatusV2(m: Obj): Obj {
  const sub = (key: string): Obj | undefined => (isObj(m[key]) ? m[key] : undefined)
  const res = sub('resource')
  const container = sub('containerResource')
  const pods = sub('pods')
  const object = sub('object')
  const external = sub('external')
  const resourceCurrent = (s: Obj): Obj => ({
    averageValue: quantity(s['currentAverageValue']),
    ...renameKeys(s, { currentAverageUtilization: 'averageUtilization' }),
  })
  return {
    type: m['type'] ?? '',
    ...(object
      ? {
          object: {
            metric: { name: object['metricName'] ?? '', ...pick(object, ['selector']) },
            current: { value: quantity(object['currentValue']), ...pick(object, ['averageValue']) },
            describedObject: refV2(object['target']),
          },
        }
      : {}),
    ...(pods
      ? {
          pods: {
            metric: { name: pods['metricName'] ?? '', ...pick(pods, ['selector']) },
            current: { averageValue: quantity(pods['currentAverageValue']) },
          },
        }
      : {}),
    ...(res ? { resource: { name: res['name'] ?? '', current: resourceCurrent(res) } } : {}),
    ...(container
      ? {
          containerResource: {
            name: container['name'] ?? '',
            current: resourceCurrent(container),
            container: container['container'] ?? '',
          },
        }
      : {}),
    ...(external
      ? {
          external: {
            metric: {
              name: external['metricName'] ?? '',
              ...renameKeys(external, { metricSelector: 'selector' }),
            },
            current: {
              value: quantity(external['currentValue']),
              ...renameKeys(external, { currentAverageValue: 'averageValue' }),
            },
          },
        }
      : {}),
  }
}

function behaviorV2(internal: Obj): Obj | undefined {
  const rules = (r: unknown): Obj | undefined => {
    if (!isObj(r)) return undefined
    return {
      ...renameKeys(r, {
        StabilizationWindowSeconds: 'stabilizationWindowSeconds',
        SelectPolicy: 'selectPolicy',
      }),
      ...(Array.isArray(r['Policies'])
        ? {
            policies: objects(r['Policies']).map((p) => ({
              type: p['Type'] ?? '',
              value: p['Value'] ?? 0,
              periodSeconds: p['PeriodSeconds'] ?? 0,
            })),
          }
        : {}),
    }
  }
  const up = rules(internal['ScaleUp'])
  const down = rules(internal['ScaleDown'])
  // Only well-formed, non-empty behavior moves from the annotation into the field.
  if (up === undefined && down === undefined) return undefined
  return { ...(up ? { scaleUp: up } : {}), ...(down ? { scaleDown: down } : {}) }
}

/** Parses a round-trip annotation; a malformed one is ignored, as conversion would fail on it. */
function parsed(text: string | undefined): unknown {
  if (text === undefined) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/**
 * An autoscaling/v1 body as autoscaling/v2. `defaultMetrics` (on for whole objects, off for an
 * apply configuration that names only some fields) adds cpu at 80 % when no metric is left.
 */
export function hpaV1ToV2(o: Obj, options: { defaultMetrics?: boolean } = {}): Obj {
  const meta = isObj(o['metadata']) ? o['metadata'] : {}
  const annotations = isObj(meta['annotations']) ? (meta['annotations'] as Obj) : undefined
  const note = (key: string): string | undefined => {
    const v = annotations?.[key]
    return typeof v === 'string' ? v : undefined
  }
  const spec = isObj(o['spec']) ? o['spec'] : undefined
  const status = isObj(o['status']) ? o['status'] : undefined

  const cpu =
    spec?.['targetCPUUtilizationPercentage'] === undefined ||
    spec['targetCPUUtilizationPercentage'] === null
      ? []
      : [
          {
            type: 'Resource',
            resource: {
              name: 'cpu',
              target: {
                type: 'Utilization',
                averageUtilization: spec['targetCPUUtilizationPercentage'],
              },
            },
          },
        ]
  const others = objects(parsed(note(METRICS_ANNOTATION))).map(metricSpecV2)
  let metrics: Obj[] = [...others, ...cpu]
  if (metrics.length === 0 && options.defaultMetrics !== false)
    metrics = [
      {
        type: 'Resource',
        resource: {
          name: 'cpu',
          target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION },
        },
      },
    ]
  const behaviorNote = parsed(note(BEHAVIOR_ANNOTATION))
  const behavior = isObj(behaviorNote) ? behaviorV2(behaviorNote) : undefined

  let currentMetrics: Obj[] | undefined
  const currentNote = parsed(note(CURRENT_METRICS_ANNOTATION))
  if (Array.isArray(currentNote)) currentMetrics = objects(currentNote).map(metricStatusV2)
  else if (
    status?.['currentCPUUtilizationPercentage'] !== undefined &&
    status['currentCPUUtilizationPercentage'] !== null
  )
    currentMetrics = [
      {
        type: 'Resource',
        resource: {
          name: 'cpu',
          current: { averageUtilization: status['currentCPUUtilizationPercentage'] },
        },
      },
    ]
  const conditionsNote = parsed(note(CONDITIONS_ANNOTATION))
  const conditions = Array.isArray(conditionsNote) ? objects(conditionsNote) : undefined

  const kept = withoutRoundTrip(annotations)
  const { annotations: dropped, ...restMeta } = meta
  void dropped
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: {
      ...restMeta,
      ...(kept === undefined || Object.keys(kept).length === 0 ? {} : { annotations: kept }),
    },
    ...(spec === undefined && metrics.length === 0
      ? {}
      : {
          spec: {
            ...(spec?.['scaleTargetRef'] === undefined
              ? {}
              : { scaleTargetRef: refV2(spec['scaleTargetRef']) }),
            ...pick(spec ?? {}, ['minReplicas', 'maxReplicas']),
            ...(metrics.length === 0 ? {} : { metrics }),
            ...(behavior === undefined ? {} : { behavior }),
          },
        }),
    ...(status === undefined && currentMetrics === undefined && conditions === undefined
      ? {}
      : {
          status: {
            ...pick(status ?? {}, [
              'observedGeneration',
              'lastScaleTime',
              'currentReplicas',
              'desiredReplicas',
            ]),
            ...(currentMetrics === undefined ? {} : { currentMetrics }),
            ...(conditions === undefined ? {} : { conditions }),
          },
        }),
  }
}
