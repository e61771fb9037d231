/** Describers of PersistentVolumeClaim, PersistentVolume and StorageClass. */
import type {
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StorageClass,
} from '../../../api/object'
import { listOf } from '../client'
import { describing } from '../describer'
import { eventsSection } from '../events'
import {
  formatLabels,
  formatTime,
  goSlice,
  printAnnotationsMultiline,
  printBoolPtr,
  printLabelsMultiline,
  since,
} from '../format'
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from '../prefix-writer'
import { quantity, quantityString } from '../quantity'

const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class'

/** storageutil.GetAccessModesAsString. */
export function accessModes(modes: readonly string[] | undefined): string {
  const set = new Set(modes ?? [])
  const out: string[] = []
  if (set.has('ReadWriteOnce')) out.push('RWO')
  if (set.has('ReadOnlyMany')) out.push('ROX')
  if (set.has('ReadWriteMany')) out.push('RWX')
  if (set.has('ReadWriteOncePod')) out.push('RWOP')
  return out.join(',')
}

export const describePersistentVolumeClaim = describing<PersistentVolumeClaim>((pvc, ctx) => {
  const meta = pvc.metadata ?? {}
  const spec = pvc.spec ?? {}
  const nsPods = listOf<Pod>(ctx.client, 'Pod', meta.namespace ?? '')
  const users: Pod[] = []
  for (const pod of nsPods)
    for (const v of pod.spec?.volumes ?? [])
      if (v.persistentVolumeClaim?.claimName === meta.name) users.push(pod)
  for (const ref of meta.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue
    const owner = nsPods.find((p) => p.metadata?.uid === ref.uid)
    if (owner !== undefined && !users.some((p) => p.metadata?.uid === owner.metadata?.uid))
      users.push(owner)
  }
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    w.write(
      LEVEL_0,
      `StorageClass:\t${meta.annotations?.[BETA_CLASS] ?? spec.storageClassName ?? ''}\n`,
    )
    if (meta.deletionTimestamp)
      w.write(
        LEVEL_0,
        `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, ctx.settings.nowMs)})\n`,
      )
    else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`)
    w.write(LEVEL_0, `Volume:\t${spec.volumeName ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `Finalizers:\t${goSlice(meta.finalizers)}\n`)
    let capacity = ''
    let modes = ''
    if (spec.volumeName) {
      modes = accessModes(pvc.status?.accessModes)
      capacity = quantityString(quantity(pvc.status?.capacity?.['storage']))
    }
    w.write(LEVEL_0, `Capacity:\t${capacity}\n`)
    w.write(LEVEL_0, `Access Modes:\t${modes}\n`)
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`)
    if (spec.dataSource) {
      w.write(LEVEL_0, 'DataSource:\n')
      if (spec.dataSource.apiGroup) w.write(LEVEL_1, `APIGroup:\t${spec.dataSource.apiGroup}\n`)
      w.write(LEVEL_1, `Kind:\t${spec.dataSource.kind}\n`)
      w.write(LEVEL_1, `Name:\t${spec.dataSource.name}\n`)
    }
    w.write(LEVEL_0, 'Used By:\t')
    if (users.length === 0) w.writeLine('<none>')
    else
      users
        .map((p) => p.metadata?.name ?? '')
        .sort()
        .forEach((name, i) => {
          if (i !== 0) w.write(LEVEL_0, '\t')
          w.write(LEVEL_0, `${name}\n`)
        })
    const conditions = pvc.status?.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n')
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n')
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
      for (const c of conditions)
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${formatTime(c.lastProbeTime)} \t${formatTime(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        )
    }
    eventsSection(ctx, pvc, w)
  })
})

export const describePersistentVolume = describing<PersistentVolume>((pv, ctx) => {
  const meta = pv.metadata ?? {}
  const spec = pv.spec ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `Finalizers:\t${goSlice(meta.finalizers)}\n`)
    w.write(
      LEVEL_0,
      `StorageClass:\t${meta.annotations?.[BETA_CLASS] ?? spec.storageClassName ?? ''}\n`,
    )
    if (meta.deletionTimestamp)
      w.write(
        LEVEL_0,
        `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, ctx.settings.nowMs)})\n`,
      )
    else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ''}\n`)
    const claim = spec.claimRef
    w.write(LEVEL_0, `Claim:\t${claim ? `${claim.namespace ?? ''}/${claim.name ?? ''}` : ''}\n`)
    w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`)
    w.write(LEVEL_0, `Access Modes:\t${accessModes(spec.accessModes)}\n`)
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`)
    w.write(LEVEL_0, `Capacity:\t${quantityString(quantity(spec.capacity?.['storage']))}\n`)
    w.write(LEVEL_0, 'Node Affinity:\t')
    const required = spec.nodeAffinity?.required
    if (required === undefined) w.writeLine('<none>')
    else {
      w.writeLine('')
      w.write(LEVEL_1, 'Required Terms:\t')
      const terms = required.nodeSelectorTerms ?? []
      if (terms.length === 0) w.writeLine('<none>')
      else {
        w.writeLine('')
        terms.forEach((term, i) => {
          w.write(LEVEL_2, `Term ${i}:\t`)
          const reqs = term.matchExpressions ?? []
          if (reqs.length === 0) w.writeLine('<none>')
          reqs.forEach((r, j) => {
            if (j !== 0) w.write(LEVEL_2, '\t')
            let expr = `${r.key} ${r.operator.toLowerCase()}`
            if ((r.values ?? []).length > 0) expr += ` [${(r.values ?? []).join(', ')}]`
            w.write(LEVEL_0, `${expr}\n`)
          })
        })
      }
    }
    w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`)
    w.write(LEVEL_0, 'Source:\n')
    if (spec.hostPath)
      w.write(
        LEVEL_2,
        `Type:\tHostPath (bare host directory volume)\n    Path:\t${spec.hostPath.path}\n    HostPathType:\t${spec.hostPath.type ?? '<none>'}\n`,
      )
    else if (spec.nfs)
      w.write(
        LEVEL_2,
        `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${spec.nfs.server}\n    Path:\t${spec.nfs.path}\n    ReadOnly:\t${spec.nfs.readOnly ? 'true' : 'false'}\n`,
      )
    else if (spec.local)
      w.write(
        LEVEL_2,
        `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`,
      )
    else if (spec.csi) {
      w.write(
        LEVEL_2,
        `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${spec.csi.driver}\n    FSType:\t${spec.csi.fsType ?? ''}\n    VolumeHandle:\t${spec.csi.volumeHandle}\n    ReadOnly:\t${spec.csi.readOnly ? 'true' : 'false'}\n`,
      )
      w.write(LEVEL_2, 'VolumeAttributes:\t')
      const attrs = spec.csi.volumeAttributes ?? {}
      const keys = Object.keys(attrs).sort()
      if (keys.length === 0) w.writeLine('<none>')
      keys.forEach((k, i) => {
        if (i !== 0) w.write(LEVEL_2, '\t')
        w.write(LEVEL_2, `${k}=${attrs[k] ?? ''}\n`)
      })
    } else w.write(LEVEL_1, '<unknown>\n')
    eventsSection(ctx, pv, w)
  })
})

export const describeStorageClass = describing<StorageClass>((sc, ctx) => {
  const meta = sc.metadata ?? {}
  const annotations = meta.annotations ?? {}
  const isDefault =
    annotations['storageclass.kubernetes.io/is-default-class'] === 'true' ||
    annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}\n`)
    w.write(LEVEL_0, `Annotations:\t${formatLabels(meta.annotations)}\n`)
    w.write(LEVEL_0, `Provisioner:\t${sc.provisioner}\n`)
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`)
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${printBoolPtr(sc.allowVolumeExpansion)}\n`)
    const options = sc.mountOptions ?? []
    if (options.length === 0) w.write(LEVEL_0, 'MountOptions:\t<none>\n')
    else {
      w.write(LEVEL_0, 'MountOptions:\n')
      for (const o of options) w.write(LEVEL_1, `${o}\n`)
    }
    if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`)
    if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`)
    if (sc.allowedTopologies !== undefined) {
      w.write(LEVEL_0, 'AllowedTopologies:\t')
      if (sc.allowedTopologies.length === 0) w.writeLine('<none>')
      else {
        w.writeLine('')
        sc.allowedTopologies.forEach((term, i) => {
          w.write(LEVEL_1, `Term ${i}:\t`)
          const reqs = term.matchLabelExpressions ?? []
          if (reqs.length === 0) w.writeLine('<none>')
          reqs.forEach((r, j) => {
            if (j !== 0) w.write(LEVEL_1, '\t')
            w.write(LEVEL_0, `${r.key} in [${r.values.join(', ')}]\n`)
          })
        })
      }
    }
    eventsSection(ctx, sc, w)
  })
})
