import { describe, expect, it } from 'vitest'
import { ROOT_CA_PEM } from '../../../../src/sim/kube/controllers/common/root-ca'
import { CONFIG_MAPS, harness, must, NAMESPACES, SERVICE_ACCOUNTS } from './harness'

describe('ServiceAccount controller and root CA publisher', () => {
  it('gives every namespace a default ServiceAccount and the kube-root-ca.crt ConfigMap', () => {
    const h = harness()
    must(
      h.cluster.api.create(NAMESPACES, {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'shop' },
      }),
    )
    const sa = h.cluster.store.get(SERVICE_ACCOUNTS, 'shop', 'default')
    expect(
      sa && { ...sa, metadata: { name: sa.metadata.name, namespace: sa.metadata.namespace } },
    ).toEqual({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default', namespace: 'shop' },
    })
    const cm = h.cluster.store.get(CONFIG_MAPS, 'shop', 'kube-root-ca.crt')
    expect(cm?.metadata.annotations).toEqual({
      'kubernetes.io/description':
        'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
    })
    expect(cm?.['data']).toEqual({ 'ca.crt': ROOT_CA_PEM })
    expect(ROOT_CA_PEM.startsWith('-----BEGIN CERTIFICATE-----\n')).toBe(true)
    expect(h.cluster.store.get(SERVICE_ACCOUNTS, 'default', 'default')).toBeDefined()
  })

  it('puts back a deleted default ServiceAccount and a deleted CA ConfigMap', () => {
    const h = harness()
    must(h.cluster.api.delete(SERVICE_ACCOUNTS, 'default', 'default'))
    must(h.cluster.api.delete(CONFIG_MAPS, 'default', 'kube-root-ca.crt'))
    expect(h.cluster.store.get(SERVICE_ACCOUNTS, 'default', 'default')).toBeDefined()
    expect(h.cluster.store.get(CONFIG_MAPS, 'default', 'kube-root-ca.crt')).toBeDefined()
  })
})
