import { describe, expect, test } from 'vitest'
import type { Session } from '../../../../src/sim/shell/session'
import { clusterSessionWithCluster } from '../fixtures'

async function run(session: Session, line: string) {
  const r = await session.run(line)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 })
const failed = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 })

async function withWeb() {
  const { session, cluster } = await clusterSessionWithCluster()
  await run(session, 'kubectl create deployment web --image=nginx:1.27')
  await run(session, 'sleep 30')
  return { session, cluster }
}

describe('kubectl autoscale', () => {
  test('creates an autoscaling/v2 HPA named after the target', async () => {
    const { session } = await withWeb()
    expect(
      await run(session, 'kubectl autoscale deployment web --min=2 --max=5 --cpu-percent=80'),
    ).toEqual(ok('horizontalpodautoscaler.autoscaling/web autoscaled\n'))
    expect(
      await run(
        session,
        `kubectl get hpa web -o jsonpath='{.apiVersion} {.spec.minReplicas} {.spec.maxReplicas} {.spec.scaleTargetRef.kind}/{.spec.scaleTargetRef.name} {.spec.metrics[0].resource.name} {.spec.metrics[0].resource.target.averageUtilization}'`,
      ),
    ).toEqual(ok('autoscaling/v2 2 5 Deployment/web cpu 80'))
    expect(await run(session, 'kubectl autoscale deployment web --max=5')).toEqual(
      failed(
        'Error from server (AlreadyExists): horizontalpodautoscalers.autoscaling "web" already exists\n',
      ),
    )
  })

  // The real kubectl 1.32's output for the same command (it needs no server for the HPA itself).
  test('--dry-run=client -o yaml prints the autoscaling/v1 object kubectl 1.32 builds', async () => {
    const { session } = await withWeb()
    expect(
      await run(
        session,
        'kubectl autoscale deployment web --min=2 --max=5 --cpu-percent=80 --dry-run=client -o yaml',
      ),
    ).toEqual(
      ok(`apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata:
  creationTimestamp: null
  name: web
spec:
  maxReplicas: 5
  minReplicas: 2
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  targetCPUUtilizationPercentage: 80
status:
  currentReplicas: 0
  desiredReplicas: 0
`),
    )
    expect(
      await run(session, 'kubectl autoscale deploy/web --max=5 --name=x --dry-run=client -o json'),
    ).toEqual(
      ok(`{
    "kind": "HorizontalPodAutoscaler",
    "apiVersion": "autoscaling/v1",
    "metadata": {
        "name": "x",
        "creationTimestamp": null
    },
    "spec": {
        "scaleTargetRef": {
            "kind": "Deployment",
            "name": "web",
            "apiVersion": "apps/v1"
        },
        "maxReplicas": 5
    },
    "status": {
        "currentReplicas": 0,
        "desiredReplicas": 0
    }
}
`),
    )
    expect(await run(session, 'kubectl autoscale deploy web --max=5 --dry-run=client')).toEqual(
      ok('horizontalpodautoscaler.autoscaling/web created (dry run)\n'),
    )
    expect(await run(session, 'kubectl get hpa')).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    })
  })

  test('flag and target errors are kubectl’s', async () => {
    const { session } = await withWeb()
    expect(await run(session, 'kubectl autoscale deploy web --max=0')).toEqual(
      failed('error: --max=MAXPODS is required and must be at least 1, max: 0\n'),
    )
    expect(await run(session, 'kubectl autoscale deploy web --min=6 --max=5')).toEqual(
      failed('error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 5, min: 6\n'),
    )
    expect(await run(session, 'kubectl autoscale deploy nope --max=5')).toEqual(
      failed('Error from server (NotFound): deployments.apps "nope" not found\n'),
    )
    const missingMax = await run(session, 'kubectl autoscale deploy web')
    expect(missingMax.exitCode).toBe(1)
    expect(missingMax.stderr).toMatch(
      /run\.go:72\] "command failed" err="required flag\(s\) \\"max\\" not set"\n$/,
    )
  })
})
