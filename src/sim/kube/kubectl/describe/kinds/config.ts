/** Describers of namespaces and the configuration kinds: Namespace, ConfigMap, Secret, ServiceAccount, LimitRange, ResourceQuota. */
import type { ConfigMap, Namespace, Secret, ServiceAccount } from '../../../api/object'
import { listOf } from '../client'
import { describing } from '../describer'
import { eventsSection } from '../events'
import { formatTime, printAnnotationsMultiline, printLabelsMultiline, sortedKeys } from '../format'
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from '../prefix-writer'
import { parseResourceList, quantityString, quantity, ZERO } from '../quantity'

interface LimitRangeItem {
  type: string
  max?: Record<string, string>
  min?: Record<string, string>
  default?: Record<string, string>
  defaultRequest?: Record<string, string>
  maxLimitRequestRatio?: Record<string, string>
}
interface LimitRange {
  kind?: string
  metadata?: { name?: string; namespace?: string }
  spec?: { limits?: LimitRangeItem[] }
}
interface ResourceQuota {
  kind?: string
  metadata?: { name?: string; namespace?: string }
  spec?: { scopes?: string[] }
  status?: { hard?: Record<string, string>; used?: Record<string, string> }
}

const SCOPE_HELP: Record<string, string> = {
  Terminating:
    'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating:
    'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort:
    'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort:
    'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
}

function describeLimitRangeSpec(spec: LimitRange['spec'], prefix: string, w: PrefixWriter): void {
  for (const item of spec?.limits ?? []) {
    const names = new Set<string>()
    for (const list of [
      item.max,
      item.min,
      item.default,
      item.defaultRequest,
      item.maxLimitRequestRatio,
    ])
      for (const k of Object.keys(list ?? {})) names.add(k)
    const show = (list: Record<string, string> | undefined, k: string): string =>
      list?.[k] === undefined ? '-' : quantityString(quantity(list[k]))
    // Go ranges over a map here (random order); sorted keeps the output stable.
    for (const k of [...names].sort())
      w.write(
        LEVEL_0,
        `${prefix}${item.type}\t${k}\t${show(item.min, k)}\t${show(item.max, k)}\t${show(item.defaultRequest, k)}\t${show(item.default, k)}\t${show(item.maxLimitRequestRatio, k)}\n`,
      )
  }
}

function describeLimitRanges(items: readonly LimitRange[], w: PrefixWriter): void {
  if (items.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n')
    return
  }
  w.write(
    LEVEL_0,
    'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n',
  )
  w.write(
    LEVEL_0,
    ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n',
  )
  for (const lr of items) describeLimitRangeSpec(lr.spec, ' ', w)
}

function describeResourceQuotas(items: readonly ResourceQuota[], w: PrefixWriter): void {
  if (items.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n')
    return
  }
  w.write(LEVEL_0, 'Resource Quotas\n')
  const sorted = [...items].sort((a, b) =>
    (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1,
  )
  for (const q of sorted) {
    w.write(LEVEL_1, `Name:\t${q.metadata?.name ?? ''}\n`)
    const scopes = [...(q.spec?.scopes ?? [])].sort()
    if (scopes.length > 0) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`)
      for (const s of scopes) if (SCOPE_HELP[s]) w.write(LEVEL_1, `* ${SCOPE_HELP[s]}\n`)
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n')
    w.write(LEVEL_1, '--------\t---\t---\n')
    const hard = parseResourceList(q.status?.hard)
    const used = parseResourceList(q.status?.used)
    for (const r of sortedKeys(hard))
      w.write(
        LEVEL_1,
        `${r}\t${quantityString(used[r] ?? ZERO)}\t${quantityString(hard[r] ?? ZERO)}\n`,
      )
  }
}

export const describeNamespace = describing<Namespace>((ns, ctx) => {
  const meta = ns.metadata ?? {}
  const name = meta.name ?? ''
  const quotas = listOf<ResourceQuota>(ctx.client, 'ResourceQuota', name)
  const limits = listOf<LimitRange>(ctx.client, 'LimitRange', name)
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${name}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`)
    const conditions = ns.status?.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n')
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n')
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n')
      for (const c of conditions)
        w.write(
          LEVEL_1,
          `${c.type}\t${c.status}\t${formatTime(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`,
        )
    }
    w.write(LEVEL_0, '\n')
    describeResourceQuotas(quotas, w)
    w.write(LEVEL_0, '\n')
    describeLimitRanges(limits, w)
  })
})

export const describeLimitRange = describing<LimitRange>((lr) =>
  tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${lr.metadata?.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${lr.metadata?.namespace ?? ''}\n`)
    w.write(
      LEVEL_0,
      'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n',
    )
    w.write(
      LEVEL_0,
      '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n',
    )
    describeLimitRangeSpec(lr.spec, '', w)
  }),
)

export const describeResourceQuota = describing<ResourceQuota>((q) =>
  tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${q.metadata?.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${q.metadata?.namespace ?? ''}\n`)
    const scopes = [...(q.spec?.scopes ?? [])].sort()
    if (scopes.length > 0) {
      w.write(LEVEL_0, `Scopes:\t${scopes.join(', ')}\n`)
      for (const s of scopes) if (SCOPE_HELP[s]) w.write(LEVEL_0, ` * ${SCOPE_HELP[s]}\n`)
    }
    w.write(LEVEL_0, 'Resource\tUsed\tHard\n')
    w.write(LEVEL_0, '--------\t----\t----\n')
    const hard = parseResourceList(q.status?.hard)
    const used = parseResourceList(q.status?.used)
    for (const r of sortedKeys(hard)) {
      const h = hard[r] ?? ZERO
      const u = used[r] ?? ZERO
      w.write(
        LEVEL_0,
        `${r}\t${quantityString({ ...u, format: h.format })}\t${quantityString(h)}\n`,
      )
    }
  }),
)

/** base64 payload length in bytes (Secret data and ConfigMap binaryData arrive base64-encoded). */
export function base64Length(text: string): number {
  const clean = text.replace(/\s/g, '')
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0
  return Math.floor((clean.length * 3) / 4) - padding
}

export const describeConfigMap = describing<ConfigMap>((cm, ctx) => {
  const meta = cm.metadata ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, '\nData\n====\n')
    // Go ranges over the map in random order; sorted keys keep Quai deterministic.
    for (const k of sortedKeys(cm.data)) {
      w.write(LEVEL_0, `${k}:\n----\n`)
      w.write(LEVEL_0, `${cm.data?.[k] ?? ''}\n`)
      w.write(LEVEL_0, '\n')
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n')
    for (const k of sortedKeys(cm.binaryData))
      w.write(LEVEL_0, `${k}: ${base64Length(cm.binaryData?.[k] ?? '')} bytes\n`)
    w.write(LEVEL_0, '\n')
    eventsSection(ctx, cm, w)
  })
})

/** atob without the DOM: decodes the token kubectl prints in full for service account tokens. */
function decodeBase64(text: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  let bits = 0
  let acc = 0
  let out = ''
  for (const ch of text.replace(/[\s=]/g, '')) {
    const v = alphabet.indexOf(ch)
    if (v < 0) continue
    acc = (acc << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out += String.fromCharCode((acc >> bits) & 0xff)
    }
  }
  return out
}

export const describeSecret = describing<Secret>((secret) => {
  const meta = secret.metadata ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`)
    w.write(LEVEL_0, '\nData\n====\n')
    for (const k of sortedKeys(secret.data)) {
      const v = secret.data?.[k] ?? ''
      if (k === 'token' && secret.type === 'kubernetes.io/service-account-token')
        w.write(LEVEL_0, `${k}:\t${decodeBase64(v)}\n`)
      else w.write(LEVEL_0, `${k}:\t${base64Length(v)} bytes\n`)
    }
  })
})

export const describeServiceAccount = describing<ServiceAccount>((sa, ctx) => {
  const meta = sa.metadata ?? {}
  const secrets = listOf<Secret>(ctx.client, 'Secret', meta.namespace ?? '')
  const existing = new Set(secrets.map((s) => s.metadata?.name ?? ''))
  const tokens = secrets.filter(
    (s) =>
      s.type === 'kubernetes.io/service-account-token' &&
      s.metadata?.annotations?.['kubernetes.io/service-account.name'] === meta.name &&
      s.metadata?.annotations?.['kubernetes.io/service-account.uid'] === meta.uid,
  )
  const missing = new Set(
    [...(sa.secrets ?? []), ...(sa.imagePullSecrets ?? [])]
      .map((s) => s.name ?? '')
      .filter((n) => !existing.has(n)),
  )
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    const groups: [string, string[]][] = [
      ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')],
      ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? '')],
      ['Tokens:            ', tokens.map((s) => s.metadata?.name ?? '')],
    ]
    for (const [header, names] of groups) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`)
        continue
      }
      let prefix = header
      for (const n of names) {
        w.write(LEVEL_0, `${prefix}\t${n}${missing.has(n) ? ' (not found)' : ''}\n`)
        prefix = '                   '
      }
    }
    eventsSection(ctx, sa, w)
  })
})
