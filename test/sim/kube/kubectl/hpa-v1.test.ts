/**
 * autoscaling/v1 HorizontalPodAutoscaler manifests through Quai's kubectl: the API server converts
 * them to the stored autoscaling/v2, kubectl keeps talking v1 for the objects it read from a file,
 * and `get` fetches v2 (the preferred version) even when asked for `hpa.v1.autoscaling`.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, test } from 'vitest'
import type { Session } from '../../../../src/sim/shell/session'
import { clusterSessionWithCluster } from '../fixtures'

const CORPUS_FILE = join(
  __dirname,
  '../../../../../shared/corpus/k8s/web__controllers__hpa-rs.yaml',
)
const hasCorpus = existsSync(CORPUS_FILE)
if (!hasCorpus) console.warn(`corpus not found at ${CORPUS_FILE}: corpus HPA test skipped`)

const HPA_V1 = `apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 5
  targetCPUUtilizationPercentage: 50
`

async function run(session: Session, line: string) {
  const r = await session.run(line)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

async function withManifest(text: string) {
  const { session, cluster } = await clusterSessionWithCluster()
  await session.fs.writeFile('/home/student/hpa.yaml', text)
  return { session, cluster }
}

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 })

describe('kubectl with autoscaling/v1 HorizontalPodAutoscaler manifests', () => {
  it.skipIf(!hasCorpus)(
    'applies the corpus hpa-rs manifest and stores it as autoscaling/v2',
    async () => {
      const { session } = await withManifest(readFileSync(CORPUS_FILE, 'utf8'))
      expect(await run(session, 'kubectl apply -f hpa.yaml')).toEqual(
        ok('horizontalpodautoscaler.autoscaling/frontend-scaler created\n'),
      )
      expect(
        await run(
          session,
          "kubectl get hpa.v1.autoscaling frontend-scaler -o jsonpath='{.apiVersion} {.spec.metrics}'",
        ),
      ).toEqual(
        ok(
          'autoscaling/v2 [{"resource":{"name":"cpu","target":{"averageUtilization":50,"type":"Utilization"}},"type":"Resource"}]',
        ),
      )
      expect(
        await run(session, 'kubectl apply view-last-applied hpa frontend-scaler -o json'),
      ).toEqual(
        ok(`{
  "apiVersion": "autoscaling/v1",
  "kind": "HorizontalPodAutoscaler",
  "metadata": {
    "annotations": {},
    "name": "frontend-scaler",
    "namespace": "default"
  },
  "spec": {
    "maxReplicas": 10,
    "minReplicas": 3,
    "scaleTargetRef": {
      "apiVersion": "apps/v1",
      "kind": "ReplicaSet",
      "name": "frontend"
    },
    "targetCPUUtilizationPercentage": 50
  }
}
`),
      )
      expect(await run(session, 'kubectl apply -f hpa.yaml')).toEqual(
        ok('horizontalpodautoscaler.autoscaling/frontend-scaler unchanged\n'),
      )
    },
  )

  test('get -o yaml prints the stored autoscaling/v2 object with the v1 last-applied configuration', async () => {
    const { session } = await withManifest(HPA_V1)
    await run(session, 'kubectl create deployment web --image=nginx --replicas=2')
    await run(session, 'kubectl apply -f hpa.yaml')
    const r = await run(session, 'kubectl get hpa web -o yaml')
    const spec = r.stdout.slice(r.stdout.indexOf('spec:'), r.stdout.indexOf('status:'))
    expect(r.stdout.split('\n').slice(0, 5).join('\n')).toBe(`apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |`)
    expect(r.stdout).toContain(
      '      {"apiVersion":"autoscaling/v1","kind":"HorizontalPodAutoscaler","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"maxReplicas":5,"minReplicas":2,"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"},"targetCPUUtilizationPercentage":50}}\n',
    )
    expect(spec).toBe(`spec:
  maxReplicas: 5
  metrics:
  - resource:
      name: cpu
      target:
        averageUtilization: 50
        type: Utilization
    type: Resource
  minReplicas: 2
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
`)
  })

  test('a changed v1 manifest is patched in v1 terms and lands in the v2 metrics', async () => {
    const { session } = await withManifest(HPA_V1)
    expect(await run(session, 'kubectl apply -f hpa.yaml')).toEqual(
      ok('horizontalpodautoscaler.autoscaling/web created\n'),
    )
    await session.fs.writeFile(
      '/home/student/hpa.yaml',
      HPA_V1.replace('targetCPUUtilizationPercentage: 50', 'targetCPUUtilizationPercentage: 70'),
    )
    expect(await run(session, 'kubectl apply -f hpa.yaml')).toEqual(
      ok('horizontalpodautoscaler.autoscaling/web configured\n'),
    )
    expect(
      await run(
        session,
        "kubectl get hpa web -o jsonpath='{.spec.metrics[0].resource.target.averageUtilization}'",
      ),
    ).toEqual(ok('70'))
  })

  test('create, replace and delete -f accept the v1 manifest', async () => {
    const { session } = await withManifest(HPA_V1)
    expect(await run(session, 'kubectl create -f hpa.yaml')).toEqual(
      ok('horizontalpodautoscaler.autoscaling/web created\n'),
    )
    expect(await run(session, 'kubectl create -f hpa.yaml')).toEqual({
      stdout: '',
      stderr:
        'Error from server (AlreadyExists): error when creating "hpa.yaml": horizontalpodautoscalers.autoscaling "web" already exists\n',
      exitCode: 1,
    })
    await session.fs.writeFile(
      '/home/student/hpa.yaml',
      HPA_V1.replace('maxReplicas: 5', 'maxReplicas: 8'),
    )
    expect(await run(session, 'kubectl replace -f hpa.yaml')).toEqual(
      ok('horizontalpodautoscaler.autoscaling/web replaced\n'),
    )
    expect(await run(session, "kubectl get hpa web -o jsonpath='{.spec.maxReplicas}'")).toEqual(
      ok('8'),
    )
    expect(await run(session, 'kubectl delete -f hpa.yaml')).toEqual(
      ok('horizontalpodautoscaler.autoscaling "web" deleted\n'),
    )
  })

  test('a server dry run answers the object as autoscaling/v1 shows it', async () => {
    const { session } = await withManifest(HPA_V1)
    expect(
      await run(
        session,
        "kubectl apply -f hpa.yaml --dry-run=server -o jsonpath='{.apiVersion} {.spec.targetCPUUtilizationPercentage}'",
      ),
    ).toEqual(ok('autoscaling/v1 50'))
    expect(await run(session, 'kubectl get hpa')).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    })
  })

  test('a v1 field of the wrong type fails with the v1 decoding error', async () => {
    const { session } = await withManifest(HPA_V1.replace('maxReplicas: 5', 'maxReplicas: five'))
    expect(await run(session, 'kubectl apply -f hpa.yaml')).toEqual({
      stdout: '',
      stderr:
        'Error from server (BadRequest): error when creating "hpa.yaml": HorizontalPodAutoscaler in version "v1" cannot be handled as a HorizontalPodAutoscaler: json: cannot unmarshal string into Go struct field HorizontalPodAutoscalerSpec.spec.maxReplicas of type int32\n',
      exitCode: 1,
    })
  })

  test('an unknown v1 field fails strict validation naming it', async () => {
    const { session } = await withManifest(HPA_V1.replace('  minReplicas: 2', '  minReplica: 2'))
    expect(await run(session, 'kubectl apply -f hpa.yaml')).toEqual({
      stdout: '',
      stderr:
        'Error from server (BadRequest): error when creating "hpa.yaml": HorizontalPodAutoscaler in version "v1" cannot be handled as a HorizontalPodAutoscaler: strict decoding error: unknown field "spec.minReplica"\n',
      exitCode: 1,
    })
  })
})
