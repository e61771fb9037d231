/**
 * controller.RealPodControl: pods made from a controller's template (generateName `<owner>-`,
 * the owner as controller reference) and deleted on its behalf, each with the event upstream
 * records on the owner (SuccessfulCreate / FailedCreate / SuccessfulDelete / FailedDelete).
 */
import type { ControllerContext } from '../../cluster'
import type { EventSource } from '../../events'
import type { KubeObject, OwnerReference, PodTemplateSpec } from '../../api/object'
import { servedType } from '../../api/resources'
import { err, ok, type Result } from '../../../core/errors'
import { generatedName, newControllerRef } from './meta'

const PODS = servedType('Pod')

/** The API refuses new content in a terminating namespace; upstream records no event for it. */
const namespaceTerminating = (message: string): boolean =>
  message.includes('because it is being terminated')

export interface PodOverrides {
  name?: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
  spec?: Record<string, unknown>
  ownerReference?: OwnerReference
  /** Finalizers added to the template's (the Job controller's tracking finalizer). */
  extraFinalizers?: readonly string[]
}

/** The pod GetPodFromTemplate builds (name chosen here from the controller's seeded stream). */
export function podFromTemplate(
  ctx: ControllerContext,
  owner: KubeObject,
  template: PodTemplateSpec,
  overrides: PodOverrides = {},
): KubeObject {
  const namespace = owner.metadata.namespace ?? 'default'
  const prefix = `${owner.metadata.name}-`
  let name = overrides.name
  if (name === undefined)
    do name = generatedName(prefix, ctx.random.kubeSuffix(5))
    while (ctx.store.get(PODS, namespace, name) !== undefined)
  const labels = overrides.labels ?? template.metadata?.labels
  const annotations = overrides.annotations ?? template.metadata?.annotations
  const finalizers =
    overrides.extraFinalizers === undefined
      ? template.metadata?.finalizers
      : [...(template.metadata?.finalizers ?? []), ...overrides.extraFinalizers]
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(overrides.name === undefined ? { generateName: prefix } : {}),
      name,
      namespace,
      ...(labels === undefined ? {} : { labels: { ...labels } }),
      ...(annotations === undefined ? {} : { annotations: { ...annotations } }),
      ...(finalizers === undefined ? {} : { finalizers: [...finalizers] }),
      ownerReferences: [overrides.ownerReference ?? newControllerRef(owner)],
    },
    spec: overrides.spec ?? template.spec ?? {},
  }
}

/** Creates one pod for `owner`; the error is the API's message (already recorded as an event). */
export function createPodFromTemplate(
  ctx: ControllerContext,
  owner: KubeObject,
  template: PodTemplateSpec,
  source: EventSource,
  overrides: PodOverrides = {},
): Result<KubeObject, string> {
  const created = ctx.api.create(PODS, podFromTemplate(ctx, owner, template, overrides))
  if (!created.ok) {
    const message = created.error.message
    if (!namespaceTerminating(message))
      ctx.events.record(owner, 'Warning', 'FailedCreate', `Error creating: ${message}`, source)
    return err(message)
  }
  ctx.events.record(
    owner,
    'Normal',
    'SuccessfulCreate',
    `Created pod: ${created.value.metadata.name}`,
    source,
  )
  return ok(created.value)
}

/** Deletes one pod for `owner`; an already-gone pod is not a failure. */
export function deletePod(
  ctx: ControllerContext,
  owner: KubeObject,
  pod: KubeObject,
  source: EventSource,
): Result<void, string> {
  const deleted = ctx.api.delete(PODS, pod.metadata.namespace ?? '', pod.metadata.name)
  if (!deleted.ok) {
    if (deleted.error.status.reason === 'NotFound') return ok(undefined)
    ctx.events.record(
      owner,
      'Warning',
      'FailedDelete',
      `Error deleting: ${deleted.error.message}`,
      source,
    )
    return err(deleted.error.message)
  }
  ctx.events.record(
    owner,
    'Normal',
    'SuccessfulDelete',
    `Deleted pod: ${pod.metadata.name}`,
    source,
  )
  return ok(undefined)
}
