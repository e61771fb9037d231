import { request } from 'node:http'
import { describe, expect, test } from 'vitest'
import { parseApiOptions } from '../../src/cli/api-subcommand'
import { startKubeApiServer } from '../../src/cli/kube-api-host'
import { facadeKubeconfigText } from '../../src/sim/api/kube/kubeconfig'
import { cluster as newCluster } from '../sim/kube/fixtures'

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('quai api --kube options', () => {
  test('a non-loopback address is refused with exit status 2', () => {
    expect(parseApiOptions(['--kube', '0.0.0.0:6443'])).toEqual({
      ok: false,
      status: 2,
      message:
        'refusing to serve the Kubernetes API on 0.0.0.0: only loopback addresses (127.0.0.0/8, ::1, localhost) are allowed\n',
    })
  })

  test('--kube-nodes takes 1 to 10 nodes', () => {
    expect(parseApiOptions(['--kube', '127.0.0.1:6443', '--kube-nodes', '0'])).toEqual({
      ok: false,
      status: 2,
      message: '--kube-nodes 0: expected a number of nodes from 1 to 10\n',
    })
    expect(
      parseApiOptions([
        '--kube=127.0.0.1:6443',
        '--kube-nodes=3',
        '--kubeconfig-out',
        '/tmp/k.yaml',
      ]),
    ).toEqual({
      ok: true,
      options: {
        kube: { host: '127.0.0.1', port: 6443 },
        kubeNodes: 3,
        kubeconfigOut: '/tmp/k.yaml',
      },
    })
  })

  test('neither --docker nor --kube is a usage error', () => {
    expect(parseApiOptions([])).toEqual({
      ok: false,
      status: 2,
      message:
        '--docker HOST:PORT or --kube HOST:PORT is required\nUsage: quai api [--docker HOST:PORT] [--kube HOST:PORT [--kube-nodes N] [--kubeconfig-out FILE]]\n',
    })
  })
})

describe('serving a cluster over HTTP', () => {
  test('answers /version and resource requests from the picked cluster, 503 without one', async () => {
    let current: ReturnType<typeof newCluster> | undefined = newCluster()
    const server = await startKubeApiServer(() => current)
    try {
      const version = await get(server.port, '/version')
      expect(version.status).toBe(200)
      expect((JSON.parse(version.body) as { gitVersion: string }).gitVersion).toBe('v1.32.0')
      const missing = await get(server.port, '/api/v1/namespaces/default/pods/web')
      expect(missing).toEqual({
        status: 404,
        body: '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \\"web\\" not found","reason":"NotFound","details":{"name":"web","kind":"pods"},"code":404}\n',
      })
      current = undefined
      expect((await get(server.port, '/version')).status).toBe(503)
    } finally {
      await server.close()
    }
  })

  test('the kubeconfig points kubectl at the loopback server over plain HTTP', () => {
    expect(facadeKubeconfigText('http://127.0.0.1:6443')).toBe(
      [
        'apiVersion: v1',
        'clusters:',
        '- cluster:',
        '    server: http://127.0.0.1:6443',
        '  name: quai',
        'contexts:',
        '- context:',
        '    cluster: quai',
        '    namespace: default',
        '    user: quai',
        '  name: quai',
        'current-context: quai',
        'kind: Config',
        'preferences: {}',
        'users:',
        '- name: quai',
        '  user: {}',
        '',
      ].join('\n'),
    )
  })
})
