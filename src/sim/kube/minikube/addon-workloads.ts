/**
 * What enabling an addon deploys, through the API server like `kubectl apply` of minikube's
 * addon manifests: ingress (the ingress-nginx namespace, its controller Deployment and NodePort
 * Service, the `nginx` IngressClass), metrics-server (its Deployment and Service in kube-system)
 * and dashboard (the kubernetes-dashboard namespace, dashboard and metrics-scraper). Disabling
 * deletes the same objects.
 */
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import type { KubeCluster } from '../cluster'
import {
  DASHBOARD_IMAGE,
  INGRESS_CONTROLLER_IMAGE,
  METRICS_SERVER_IMAGE,
  SCRAPER_IMAGE,
} from './addons-catalog'

const MODE = { 'addonmanager.kubernetes.io/mode': 'Reconcile' }

function deployment(
  name: string,
  namespace: string,
  labels: Record<string, string>,
  image: string,
  ports: { containerPort: number; name: string }[],
  args: string[] = [],
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { ...labels, ...MODE } },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: name === 'ingress-nginx-controller' ? 'controller' : name,
              image,
              imagePullPolicy: 'IfNotPresent',
              ...(args.length > 0 ? { args } : {}),
              ports: ports.map((p) => ({ ...p, protocol: 'TCP' })),
            },
          ],
        },
      },
    },
  }
}

function service(
  name: string,
  namespace: string,
  selector: Record<string, string>,
  ports: { name: string; port: number; targetPort: number | string }[],
  type = 'ClusterIP',
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, labels: { ...selector, ...MODE } },
    spec: { type, selector, ports: ports.map((p) => ({ ...p, protocol: 'TCP' })) },
  }
}

const namespace = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...MODE } },
})

const INGRESS_LABELS = {
  'app.kubernetes.io/component': 'controller',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/name': 'ingress-nginx',
}

function ingressObjects(): KubeObject[] {
  return [
    namespace('ingress-nginx'),
    deployment(
      'ingress-nginx-controller',
      'ingress-nginx',
      INGRESS_LABELS,
      INGRESS_CONTROLLER_IMAGE,
      [
        { containerPort: 80, name: 'http' },
        { containerPort: 443, name: 'https' },
        { containerPort: 8443, name: 'webhook' },
      ],
      ['/nginx-ingress-controller', '--ingress-class=nginx', '--watch-ingress-without-class=true'],
    ),
    service(
      'ingress-nginx-controller',
      'ingress-nginx',
      INGRESS_LABELS,
      [
        { name: 'http', port: 80, targetPort: 'http' },
        { name: 'https', port: 443, targetPort: 'https' },
      ],
      'NodePort',
    ),
    service('ingress-nginx-controller-admission', 'ingress-nginx', INGRESS_LABELS, [
      { name: 'https-webhook', port: 443, targetPort: 'webhook' },
    ]),
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: {
        name: 'nginx',
        annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' },
        labels: { ...INGRESS_LABELS, ...MODE },
      },
      spec: { controller: 'k8s.io/ingress-nginx' },
    },
  ]
}

function metricsObjects(): KubeObject[] {
  const labels = { 'k8s-app': 'metrics-server' }
  return [
    deployment(
      'metrics-server',
      'kube-system',
      labels,
      METRICS_SERVER_IMAGE,
      [{ containerPort: 4443, name: 'https' }],
      [
        '--cert-dir=/tmp',
        '--secure-port=4443',
        '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
        '--kubelet-use-node-status-port',
        '--metric-resolution=60s',
        '--kubelet-insecure-tls',
      ],
    ),
    service('metrics-server', 'kube-system', labels, [
      { name: 'https', port: 443, targetPort: 'https' },
    ]),
  ]
}

function dashboardObjects(): KubeObject[] {
  const dash = { 'k8s-app': 'kubernetes-dashboard' }
  const scraper = { 'k8s-app': 'dashboard-metrics-scraper' }
  return [
    namespace('kubernetes-dashboard'),
    deployment('kubernetes-dashboard', 'kubernetes-dashboard', dash, DASHBOARD_IMAGE, [
      { containerPort: 9090, name: 'http' },
    ]),
    service('kubernetes-dashboard', 'kubernetes-dashboard', dash, [
      { name: 'http', port: 80, targetPort: 9090 },
    ]),
    deployment('dashboard-metrics-scraper', 'kubernetes-dashboard', scraper, SCRAPER_IMAGE, [
      { containerPort: 8000, name: 'http' },
    ]),
    service('dashboard-metrics-scraper', 'kubernetes-dashboard', scraper, [
      { name: 'http', port: 8000, targetPort: 8000 },
    ]),
  ]
}

function objectsOf(addon: string): KubeObject[] {
  switch (addon) {
    case 'ingress':
      return ingressObjects()
    case 'metrics-server':
      return metricsObjects()
    case 'dashboard':
      return dashboardObjects()
    default:
      return []
  }
}

/** Applies the addon's manifests (objects already there are left as they are). */
export function installAddon(cluster: KubeCluster, addon: string): void {
  for (const object of objectsOf(addon)) {
    const t = servedType(object.kind)
    const ns = object.metadata.namespace ?? ''
    if (cluster.store.get(t, ns, object.metadata.name) !== undefined) continue
    cluster.api.create(t, object)
  }
  cluster.settle()
}

/** Deletes the addon's objects (a namespace takes its contents with it). */
export function uninstallAddon(cluster: KubeCluster, addon: string): void {
  for (const object of objectsOf(addon).reverse()) {
    const t = servedType(object.kind)
    const ns = object.metadata.namespace ?? ''
    if (cluster.store.get(t, ns, object.metadata.name) === undefined) continue
    cluster.api.delete(t, ns, object.metadata.name)
  }
  cluster.settle()
}

/**
 * Whether the metrics API answers: the metrics-server addon's Deployment has an available
 * replica. `kubectl top` should ask this before printing (else: `error: Metrics API not
 * available`).
 */
export function metricsApiAvailable(cluster: KubeCluster): boolean {
  const d = cluster.store.get(servedType('Deployment'), 'kube-system', 'metrics-server')
  const status = d?.['status'] as { availableReplicas?: number } | undefined
  return (status?.availableReplicas ?? 0) > 0
}
