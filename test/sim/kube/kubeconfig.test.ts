import { describe, expect, test } from 'vitest'
import {
  emptyKubeconfig,
  mergeKubeconfigs,
  parseKubeconfig,
  serializeKubeconfig,
  setCluster,
  setContext,
  setUser,
  useContext,
} from '../../../src/sim/kube/kubeconfig'

describe('kubeconfig', () => {
  test('an empty config serializes as client-go writes it (null lists, empty current-context)', () => {
    expect(serializeKubeconfig(emptyKubeconfig())).toBe(
      'apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n',
    )
  })

  test('minikube’s entries round-trip with sorted keys and server always present', () => {
    let c = setCluster(emptyKubeconfig(), 'minikube', {
      server: 'https://192.168.49.2:8443',
      'certificate-authority': '/home/student/.minikube/ca.crt',
    })
    c = setContext(c, 'minikube', { cluster: 'minikube', user: 'minikube', namespace: 'default' })
    c = setUser(c, 'minikube', { 'client-key': '/k', 'client-certificate': '/c' })
    c = setCluster(c, 'noserver', { server: '' })
    c = useContext(c, 'minikube')
    const text = serializeKubeconfig(c)
    expect(text).toBe(`apiVersion: v1
clusters:
- cluster:
    certificate-authority: /home/student/.minikube/ca.crt
    server: https://192.168.49.2:8443
  name: minikube
- cluster:
    server: ""
  name: noserver
contexts:
- context:
    cluster: minikube
    namespace: default
    user: minikube
  name: minikube
current-context: minikube
kind: Config
preferences: {}
users:
- name: minikube
  user:
    client-certificate: /c
    client-key: /k
`)
    const parsed = parseKubeconfig(text)
    expect(parsed.ok && serializeKubeconfig(parsed.value)).toBe(text)
  })

  test('decode errors are Go’s json messages', () => {
    expect(parseKubeconfig('kind: Config\nclusters: 3\n')).toEqual({
      ok: false,
      error:
        'json: cannot unmarshal number into Go struct field Config.clusters of type []v1.NamedCluster',
    })
    const bad = parseKubeconfig('apiVersion: v1\nfoo: [\n')
    expect(bad.ok).toBe(false)
  })

  test('merging: the first file that names an entry or a current context wins', () => {
    const a = useContext(setContext(emptyKubeconfig(), 'x', { cluster: 'a', user: 'u' }), 'x')
    const b = useContext(setContext(emptyKubeconfig(), 'x', { cluster: 'b', user: 'u' }), 'y')
    const m = mergeKubeconfigs([a, b])
    expect(m.currentContext).toBe('x')
    expect(m.contexts).toEqual([{ name: 'x', value: { cluster: 'a', user: 'u' } }])
  })
})
