/**
 * root-ca-cert-publisher (pkg/controller/certificates/rootcacertpublisher): the ConfigMap
 * `kube-root-ca.crt` in every namespace, holding the cluster CA and its usage annotation; an
 * edited or deleted copy is put back.
 */
import type { Controller, ControllerContext } from '../cluster'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import { ROOT_CA_PEM } from './common/root-ca'

const NAMESPACES = servedType('Namespace')
const CONFIG_MAPS = servedType('ConfigMap')

export const ROOT_CA_CONFIG_MAP = 'kube-root-ca.crt'
const DESCRIPTION_ANNOTATION = 'kubernetes.io/description'
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. ' +
  'No other usage is guaranteed across distributions of Kubernetes clusters.'

export function rootCaPublisher(): Controller {
  let ctx: ControllerContext
  return {
    name: 'root-ca-cert-publisher',
    start(context) {
      ctx = context
      for (const ns of ctx.store.list(NAMESPACES)) ctx.enqueue(ns.metadata.name)
      ctx.watch(NAMESPACES, (event) => {
        if (event.type === 'ADDED') ctx.enqueue(event.object.metadata.name)
        if (event.type === 'MODIFIED') {
          const phase = (event.object['status'] as { phase?: string } | undefined)?.phase
          if (phase === undefined || phase === 'Active') ctx.enqueue(event.object.metadata.name)
        }
      })
      ctx.watch(CONFIG_MAPS, (event) => {
        if (event.object.metadata.name === ROOT_CA_CONFIG_MAP && event.type !== 'ADDED')
          ctx.enqueue(event.object.metadata.namespace ?? '')
      })
    },
    reconcile(namespace) {
      const ns = ctx.store.get(NAMESPACES, '', namespace)
      if (ns === undefined) return
      const data = { 'ca.crt': ROOT_CA_PEM }
      const cm = ctx.store.get(CONFIG_MAPS, namespace, ROOT_CA_CONFIG_MAP)
      if (cm === undefined) {
        if (ns.metadata.deletionTimestamp) return
        ctx.api.create(CONFIG_MAPS, {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: {
            name: ROOT_CA_CONFIG_MAP,
            namespace,
            annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION },
          },
          data,
        })
        return
      }
      const current = cm['data'] as Record<string, string> | undefined
      const described = (cm.metadata.annotations?.[DESCRIPTION_ANNOTATION] ?? '').length > 0
      if (
        described &&
        current !== undefined &&
        Object.keys(current).length === 1 &&
        current['ca.crt'] === ROOT_CA_PEM
      )
        return
      ctx.api.update(CONFIG_MAPS, {
        ...cm,
        metadata: {
          ...cm.metadata,
          annotations: {
            ...(cm.metadata.annotations ?? {}),
            [DESCRIPTION_ANNOTATION]: DESCRIPTION,
          },
        },
        data,
      } as KubeObject)
    },
  }
}
