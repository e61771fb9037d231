/**
 * The StatefulSet controller (pkg/controller/statefulset, 1.32): pods `<sts>-0..N-1` with stable
 * names, hostname and subdomain, their PersistentVolumeClaims `<template>-<sts>-<ordinal>` made
 * first; OrderedReady creates each ordinal once the one before is Running and Ready and removes
 * them highest first, one at a time; Parallel does all at once. A changed template replaces pods
 * from the highest ordinal down (RollingUpdate, partition).
 */
import type { Controller, ControllerContext } from '../cluster'
import type { KubeObject, StatefulSet } from '../api/object'
import { servedType } from '../api/resources'
import { computeHash } from './common/hash'
import { podFromTemplate } from './common/pod-control'
import { keyOf, newControllerRef, splitKey } from './common/meta'
import { PodsByController } from './common/pod-index'
import { isPodAvailable, isPodReady, isPodTerminal, podPhase } from './common/pods'

const STATEFUL_SETS = servedType('StatefulSet')
const PVCS = servedType('PersistentVolumeClaim')
const PODS = servedType('Pod')
const SOURCE = { component: 'statefulset-controller' }

const asStatefulSet = (o: KubeObject): StatefulSet => o as unknown as StatefulSet

const ordinalOf = (sts: string, pod: string): number | undefined => {
  const m = new RegExp(`^${sts.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`).exec(pod)
  return m === null ? undefined : Number(m[1])
}

export function statefulSetController(): Controller {
  let ctx: ControllerContext
  const keyByUid = new Map<string, string>()
  const pods = new PodsByController(() => 0, 'StatefulSet')

  function ensureClaims(sts: KubeObject, ordinal: number): Record<string, unknown>[] {
    const spec = asStatefulSet(sts).spec
    const volumes: Record<string, unknown>[] = []
    const podName = `${sts.metadata.name}-${ordinal}`
    for (const tpl of spec?.volumeClaimTemplates ?? []) {
      const tplName = tpl.metadata?.name ?? ''
      const claimName = `${tplName}-${podName}`
      volumes.push({ name: tplName, persistentVolumeClaim: { claimName } })
      if (ctx.store.get(PVCS, sts.metadata.namespace ?? '', claimName) !== undefined) continue
      const created = ctx.api.create(PVCS, {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: {
          name: claimName,
          namespace: sts.metadata.namespace ?? 'default',
          labels: { ...(spec?.selector?.matchLabels ?? {}), ...(tpl.metadata?.labels ?? {}) },
          ...(tpl.metadata?.annotations === undefined
            ? {}
            : { annotations: { ...tpl.metadata.annotations } }),
        },
        spec: tpl.spec ?? {},
      })
      if (created.ok)
        ctx.events.record(
          sts,
          'Normal',
          'SuccessfulCreate',
          `create Claim ${claimName} Pod ${podName} in StatefulSet ${sts.metadata.name} success`,
          SOURCE,
        )
      else
        ctx.events.record(
          sts,
          'Warning',
          'FailedCreate',
          `create Claim ${claimName} for Pod ${podName} in StatefulSet ${sts.metadata.name} failed error: ${created.error.message}`,
          SOURCE,
        )
    }
    return volumes
  }

  function createPod(sts: KubeObject, ordinal: number, revision: string): void {
    const spec = asStatefulSet(sts).spec
    const template = spec?.template ?? {}
    const podName = `${sts.metadata.name}-${ordinal}`
    const claimVolumes = ensureClaims(sts, ordinal)
    const podSpec = (template.spec ?? {}) as Record<string, unknown>
    const own = ((podSpec['volumes'] as { name: string }[] | undefined) ?? []).filter(
      (v) => !claimVolumes.some((c) => c['name'] === v.name),
    )
    const volumes = [...own, ...claimVolumes]
    const pod = podFromTemplate(ctx, sts, template, {
      name: podName,
      labels: {
        ...(template.metadata?.labels ?? {}),
        'apps.kubernetes.io/pod-index': String(ordinal),
        'controller-revision-hash': revision,
        'statefulset.kubernetes.io/pod-name': podName,
      },
      spec: {
        ...podSpec,
        ...(volumes.length > 0 ? { volumes } : {}),
        hostname: podName,
        ...(spec?.serviceName ? { subdomain: spec.serviceName } : {}),
      },
      ownerReference: newControllerRef(sts),
    })
    const created = ctx.api.create(PODS, pod)
    if (created.ok)
      ctx.events.record(
        sts,
        'Normal',
        'SuccessfulCreate',
        `create Pod ${podName} in StatefulSet ${sts.metadata.name} successful`,
        SOURCE,
      )
    else
      ctx.events.record(
        sts,
        'Warning',
        'FailedCreate',
        `create Pod ${podName} in StatefulSet ${sts.metadata.name} failed error: ${created.error.message}`,
        SOURCE,
      )
  }

  function deletePod(sts: KubeObject, pod: KubeObject): void {
    const deleted = ctx.api.delete(PODS, pod.metadata.namespace ?? '', pod.metadata.name)
    if (deleted.ok)
      ctx.events.record(
        sts,
        'Normal',
        'SuccessfulDelete',
        `delete Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} successful`,
        SOURCE,
      )
    else if (deleted.error.status.reason !== 'NotFound')
      ctx.events.record(
        sts,
        'Warning',
        'FailedDelete',
        `delete Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} failed error: ${deleted.error.message}`,
        SOURCE,
      )
  }

  function sync(key: string): void {
    const { namespace, name } = splitKey(key)
    const sts = ctx.store.get(STATEFUL_SETS, namespace, name)
    if (sts === undefined) return
    const spec = asStatefulSet(sts).spec
    const uid = sts.metadata.uid ?? ''
    const replicas = spec?.replicas ?? 1
    const revision = `${name}-${computeHash(spec?.template ?? {})}`
    const parallel = spec?.podManagementPolicy === 'Parallel'
    const byOrdinal = new Map<number, KubeObject>()
    for (const pod of pods.pods(uid)) {
      const ordinal = ordinalOf(name, pod.metadata.name)
      if (ordinal !== undefined) byOrdinal.set(ordinal, pod)
    }
    const healthy = (pod: KubeObject | undefined): boolean =>
      pod !== undefined &&
      !pod.metadata.deletionTimestamp &&
      podPhase(pod) === 'Running' &&
      isPodReady(pod)
    const deleting = sts.metadata.deletionTimestamp !== undefined
    if (!deleting) {
      // Failed or finished pods are recreated.
      for (const [ordinal, pod] of byOrdinal)
        if (ordinal < replicas && isPodTerminal(pod) && !pod.metadata.deletionTimestamp)
          deletePod(sts, pod)
      let blocked = false
      for (let i = 0; i < replicas && !blocked; i++) {
        const pod = byOrdinal.get(i)
        if (pod === undefined) {
          createPod(sts, i, revision)
          if (!parallel) blocked = true
        } else if (!parallel && !healthy(pod)) blocked = true
      }
      // Scale down: highest ordinal first, one at a time unless Parallel.
      const extra = [...byOrdinal.keys()].filter((o) => o >= replicas).sort((a, b) => b - a)
      if (!blocked || parallel)
        for (const o of extra) {
          const pod = byOrdinal.get(o)
          if (pod === undefined) continue
          if (pod.metadata.deletionTimestamp) {
            if (!parallel) break
            continue
          }
          deletePod(sts, pod)
          if (!parallel) break
        }
      // RollingUpdate: from the highest ordinal down to the partition, once all are healthy.
      const strategy = spec?.updateStrategy
      if ((strategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && extra.length === 0) {
        const partition = strategy?.rollingUpdate?.partition ?? 0
        const all = [...Array(replicas).keys()].map((i) => byOrdinal.get(i))
        if (
          all.every(
            (p) =>
              healthy(p) ||
              (p !== undefined && p.metadata.labels?.['controller-revision-hash'] !== revision),
          )
        )
          for (let i = replicas - 1; i >= partition; i--) {
            const pod = byOrdinal.get(i)
            if (pod === undefined || pod.metadata.labels?.['controller-revision-hash'] === revision)
              continue
            if (!pod.metadata.deletionTimestamp) deletePod(sts, pod)
            break
          }
      }
    }
    const latest = ctx.store.get(STATEFUL_SETS, namespace, name)
    if (latest === undefined) return
    let count = 0
    let ready = 0
    let available = 0
    let current = 0
    let updated = 0
    const old = (latest['status'] ?? {}) as { currentRevision?: string }
    const currentRevision = old.currentRevision ?? revision
    const now = ctx.clock.now()
    for (const pod of pods.pods(uid)) {
      if (pod.metadata.deletionTimestamp || isPodTerminal(pod)) continue
      count++
      if (isPodReady(pod)) ready++
      if (isPodAvailable(pod, spec?.minReadySeconds ?? 0, now)) available++
      const rev = pod.metadata.labels?.['controller-revision-hash']
      if (rev === currentRevision) current++
      if (rev === revision) updated++
    }
    const rolledOut = updated === replicas && count === replicas
    const status = {
      ...(latest.metadata.generation === undefined
        ? {}
        : { observedGeneration: latest.metadata.generation }),
      replicas: count,
      ...(ready > 0 ? { readyReplicas: ready } : {}),
      ...((rolledOut ? updated : current) > 0
        ? { currentReplicas: rolledOut ? updated : current }
        : {}),
      ...(updated > 0 ? { updatedReplicas: updated } : {}),
      currentRevision: rolledOut ? revision : currentRevision,
      updateRevision: revision,
      collisionCount: 0,
      availableReplicas: available,
    }
    if (JSON.stringify(status) !== JSON.stringify(latest['status'] ?? null))
      ctx.api.updateStatus(STATEFUL_SETS, { ...latest, status } as KubeObject)
  }

  return {
    name: 'statefulset-controller',
    start(context) {
      ctx = context
      for (const sts of ctx.store.list(STATEFUL_SETS)) {
        keyByUid.set(sts.metadata.uid ?? '', keyOf(sts))
        ctx.enqueue(keyOf(sts))
      }
      ctx.watch(STATEFUL_SETS, (event) => {
        if (event.type === 'DELETED') keyByUid.delete(event.object.metadata.uid ?? '')
        else {
          keyByUid.set(event.object.metadata.uid ?? '', keyOf(event.object))
          ctx.enqueue(keyOf(event.object))
        }
      })
      pods.start(ctx, ({ previousOwner, owner }) => {
        for (const uid of [previousOwner, owner]) {
          const key = uid === '' ? undefined : keyByUid.get(uid)
          if (key !== undefined) ctx.enqueue(key)
        }
      })
    },
    reconcile: sync,
  }
}
