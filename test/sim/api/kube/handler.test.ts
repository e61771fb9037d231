import { describe, expect, test } from 'vitest'
import { handleKubeApi, type KubeApiRequest } from '../../../../src/sim/api/kube/handler'
import type { KubeCluster } from '../../../../src/sim/kube/cluster'
import { cluster as newCluster } from '../../kube/fixtures'

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json'

function req(method: string, path: string, extra: Partial<KubeApiRequest> = {}): KubeApiRequest {
  const [p = '', q = ''] = path.split('?')
  return {
    method,
    path: p,
    query: Object.fromEntries(new URLSearchParams(q)),
    headers: { accept: 'application/json', ...(extra.headers ?? {}) },
    body: extra.body ?? '',
    ...(extra.signal === undefined ? {} : { signal: extra.signal }),
  }
}

function json(c: KubeCluster, r: KubeApiRequest): { status: number; body: unknown } {
  const res = handleKubeApi(c, r)
  if (typeof res.body !== 'string') throw new Error('streamed')
  return { status: res.status, body: JSON.parse(res.body) as unknown }
}

const CONFIGMAP = JSON.stringify({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'settings' },
  data: { mode: 'prod' },
})

describe('discovery', () => {
  test('/version reports the cluster’s Kubernetes build as minikube’s server does', () => {
    expect(json(newCluster(), req('GET', '/version'))).toEqual({
      status: 200,
      body: {
        major: '1',
        minor: '32',
        gitVersion: 'v1.32.0',
        gitCommit: '70d3cc986aa8221cd1dfb1121852688902d3bf53',
        gitTreeState: 'clean',
        buildDate: '2024-12-11T17:59:15Z',
        goVersion: 'go1.23.3',
        compiler: 'gc',
        platform: 'linux/amd64',
      },
    })
  })

  test('/api answers the aggregated document when kubectl asks for it first', () => {
    const res = handleKubeApi(
      newCluster(),
      req('GET', '/api', {
        headers: {
          accept:
            'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json',
        },
      }),
    )
    expect(res.headers['Content-Type']).toBe(
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
    )
    const body = JSON.parse(res.body as string) as {
      items: { versions: { resources: { resource: string; shortNames?: string[] }[] }[] }[]
    }
    const pods = body.items[0]?.versions[0]?.resources.find((r) => r.resource === 'pods')
    expect(pods?.shortNames).toEqual(['po'])
  })

  test('/api without aggregation is the legacy APIVersions', () => {
    expect(json(newCluster(), req('GET', '/api')).body).toEqual({
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '192.168.49.2:8443' }],
    })
  })

  test('/apis/apps/v1 lists deployments with their scale subresource as autoscaling/v1 Scale', () => {
    const body = json(newCluster(), req('GET', '/apis/apps/v1')).body as {
      resources: { name: string }[]
    }
    expect(body.resources.find((r) => r.name === 'deployments/scale')).toEqual({
      name: 'deployments/scale',
      singularName: '',
      namespaced: true,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: ['get', 'patch', 'update'],
    })
  })

  test('a path nothing serves is the mux’s 404 Status', () => {
    expect(json(newCluster(), req('GET', '/apis/nosuch.io/v1'))).toEqual({
      status: 404,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        details: {},
        code: 404,
      },
    })
  })
})

describe('objects', () => {
  test('a missing pod is a 404 NotFound Status naming it', () => {
    expect(json(newCluster(), req('GET', '/api/v1/namespaces/default/pods/web'))).toEqual({
      status: 404,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'pods "web" not found',
        reason: 'NotFound',
        details: { name: 'web', kind: 'pods' },
        code: 404,
      },
    })
  })

  test('POST creates (201) and a second POST is 409 AlreadyExists', () => {
    const c = newCluster()
    const post = (): { status: number; body: unknown } =>
      json(
        c,
        req('POST', '/api/v1/namespaces/default/configmaps', {
          body: CONFIGMAP,
          headers: { 'content-type': 'application/json' },
        }),
      )
    const first = post()
    expect(first.status).toBe(201)
    expect((first.body as { data: unknown }).data).toEqual({ mode: 'prod' })
    expect(post()).toMatchObject({
      status: 409,
      body: { reason: 'AlreadyExists', message: 'configmaps "settings" already exists', code: 409 },
    })
  })

  test('fieldValidation=Strict refuses an unknown field with the decoder’s message', () => {
    const body = JSON.stringify({ ...(JSON.parse(CONFIGMAP) as object), datta: {} })
    expect(
      json(
        newCluster(),
        req('POST', '/api/v1/namespaces/default/configmaps?fieldValidation=Strict', { body }),
      ),
    ).toMatchObject({
      status: 400,
      body: {
        reason: 'BadRequest',
        message:
          'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "datta"',
      },
    })
  })

  test('a body in another namespace than the URL’s is the API’s 400', () => {
    const body = CONFIGMAP.replace('"name":"settings"', '"name":"settings","namespace":"other"')
    expect(
      json(newCluster(), req('POST', '/api/v1/namespaces/default/configmaps', { body })),
    ).toMatchObject({
      status: 400,
      body: {
        message:
          'the namespace of the provided object does not match the namespace sent on the request',
      },
    })
  })

  test('a patch in an unknown content type is 415', () => {
    const c = newCluster()
    handleKubeApi(c, req('POST', '/api/v1/namespaces/default/configmaps', { body: CONFIGMAP }))
    expect(
      json(
        c,
        req('PATCH', '/api/v1/namespaces/default/configmaps/settings', {
          body: '{}',
          headers: { 'content-type': 'text/plain' },
        }),
      ),
    ).toMatchObject({ status: 415, body: { reason: 'UnsupportedMediaType' } })
  })

  test('a merge patch changes the object and answers it', () => {
    const c = newCluster()
    handleKubeApi(c, req('POST', '/api/v1/namespaces/default/configmaps', { body: CONFIGMAP }))
    const patched = json(
      c,
      req('PATCH', '/api/v1/namespaces/default/configmaps/settings', {
        body: '{"data":{"mode":"dev"}}',
        headers: { 'content-type': 'application/merge-patch+json' },
      }),
    )
    expect(patched.status).toBe(200)
    expect((patched.body as { data: unknown }).data).toEqual({ mode: 'dev' })
  })

  test('deleting an object that goes at once answers a Success Status', () => {
    const c = newCluster()
    const created = json(
      c,
      req('POST', '/api/v1/namespaces/default/configmaps', { body: CONFIGMAP }),
    )
    const uid = (created.body as { metadata: { uid: string } }).metadata.uid
    expect(json(c, req('DELETE', '/api/v1/namespaces/default/configmaps/settings'))).toEqual({
      status: 200,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Success',
        details: { name: 'settings', kind: 'configmaps', uid },
      },
    })
  })
})

describe('lists and tables', () => {
  test('as=Table lists namespaces with the printer’s columns and ages from the cluster clock', () => {
    const body = json(
      newCluster(),
      req('GET', '/api/v1/namespaces', { headers: { accept: TABLE } }),
    ).body as { kind: string; columnDefinitions: { name: string }[]; rows: { cells: unknown[] }[] }
    expect(body.kind).toBe('Table')
    expect(body.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Status', 'Age'])
    expect(body.rows.map((r) => r.cells)).toEqual([
      ['default', 'Active', '0s'],
      ['kube-node-lease', 'Active', '0s'],
      ['kube-public', 'Active', '0s'],
      ['kube-system', 'Active', '0s'],
    ])
  })

  test('limit and continue page through a list in (namespace, name) order', () => {
    const c = newCluster()
    const first = json(c, req('GET', '/api/v1/namespaces?limit=3')).body as {
      kind: string
      metadata: { continue: string; remainingItemCount: number }
      items: { metadata: { name: string }; kind?: string }[]
    }
    expect(first.kind).toBe('NamespaceList')
    expect(first.items.map((i) => i.metadata.name)).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
    ])
    expect(first.items[0]?.kind).toBeUndefined()
    expect(first.metadata.remainingItemCount).toBe(1)
    const next = json(
      c,
      req(
        'GET',
        `/api/v1/namespaces?limit=3&continue=${encodeURIComponent(first.metadata.continue)}`,
      ),
    ).body as { items: { metadata: { name: string } }[]; metadata: Record<string, unknown> }
    expect(next.items.map((i) => i.metadata.name)).toEqual(['kube-system'])
    expect(next.metadata['continue']).toBeUndefined()
  })

  test('a bad label selector is the server’s 400', () => {
    expect(
      json(newCluster(), req('GET', '/api/v1/pods?labelSelector=a%3D%3Db%3D%3Dc')),
    ).toMatchObject({
      status: 400,
      body: { reason: 'BadRequest', message: "found '==', expected: ',' or 'end of string'" },
    })
  })
})

describe('subresources', () => {
  test('a merge patch of deployments/scale changes spec.replicas and answers the Scale', () => {
    const c = newCluster()
    const scaled = json(
      c,
      req('PATCH', '/apis/apps/v1/namespaces/kube-system/deployments/coredns/scale', {
        body: '{"spec":{"replicas":2}}',
        headers: { 'content-type': 'application/merge-patch+json' },
      }),
    )
    expect(scaled.status).toBe(200)
    expect(scaled.body).toMatchObject({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      spec: { replicas: 2 },
      status: { selector: 'k8s-app=kube-dns' },
    })
  })

  test('exec needs a connection upgrade this facade does not speak', () => {
    const c = newCluster()
    expect(
      json(c, req('POST', '/api/v1/namespaces/kube-system/pods/etcd-minikube/exec')),
    ).toMatchObject({ status: 400, body: { message: 'Upgrade request required' } })
  })
})

describe('watch', () => {
  test('a watch from a list’s resourceVersion streams only what changes next, until aborted', async () => {
    const c = newCluster()
    const abort = new AbortController()
    const rv = (
      json(c, req('GET', '/api/v1/namespaces/default/configmaps')).body as {
        metadata: { resourceVersion: string }
      }
    ).metadata.resourceVersion
    const res = handleKubeApi(
      c,
      req('GET', `/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${rv}`, {
        signal: abort.signal,
      }),
    )
    handleKubeApi(c, req('POST', '/api/v1/namespaces/default/configmaps', { body: CONFIGMAP }))
    abort.abort()
    const lines: string[] = []
    for await (const chunk of res.body as AsyncIterable<string>) lines.push(chunk)
    expect(
      lines.map((l) => {
        const e = JSON.parse(l) as {
          type: string
          object: { kind: string; metadata: { name: string } }
        }
        return [e.type, e.object.kind, e.object.metadata.name]
      }),
    ).toEqual([['ADDED', 'ConfigMap', 'settings']])
  })
})
