/**
 * The kubeconfig `quai api --kube` hands to the real kubectl: one cluster, context and user named
 * after the served profile, plain HTTP to the loopback address (the facade speaks no TLS and asks
 * for no credentials), namespace default. Written in client-go's own layout.
 */
import { emptyKubeconfig, serializeKubeconfig, type Kubeconfig } from '../../kube/kubeconfig'

/** `http://127.0.0.1:6443`, brackets around an IPv6 host. */
export function serverUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`
}

export function facadeKubeconfig(server: string, name = 'quai'): Kubeconfig {
  return {
    ...emptyKubeconfig(),
    clusters: [{ name, value: { server } }],
    contexts: [{ name, value: { cluster: name, namespace: 'default', user: name } }],
    users: [{ name, value: {} }],
    currentContext: name,
  }
}

export function facadeKubeconfigText(server: string, name = 'quai'): string {
  return serializeKubeconfig(facadeKubeconfig(server, name))
}
