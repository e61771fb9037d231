import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { events, finishPod, harness, JOBS, must, pods, type Harness } from './harness'

function job(name: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default' },
    spec: {
      template: {
        spec: {
          restartPolicy: 'Never',
          containers: [{ name: 'pi', image: 'busybox', command: ['true'] }],
        },
      },
      ...extra,
    },
  }
}

const status = (h: Harness, name: string): Record<string, unknown> =>
  (h.cluster.store.get(JOBS, 'default', name)?.['status'] ?? {}) as Record<string, unknown>

describe('Job controller', () => {
  it('runs a pod to completion and reports Complete with the 1.32 conditions', () => {
    const h = harness()
    must(h.cluster.api.create(JOBS, job('pi')))
    const [pod] = pods(h)
    if (pod === undefined) throw new Error('no pod')
    expect(pod.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking'])
    expect(status(h, 'pi')).toEqual({
      startTime: '2026-01-05T09:00:00Z',
      active: 1,
      terminating: 0,
      uncountedTerminatedPods: {},
      ready: 0,
    })
    h.clock.advance(7000)
    finishPod(h, pod, 'Succeeded')
    const condition = {
      status: 'True',
      lastProbeTime: '2026-01-05T09:00:07Z',
      lastTransitionTime: '2026-01-05T09:00:07Z',
      reason: 'CompletionsReached',
      message: 'Reached expected number of succeeded pods',
    }
    expect(status(h, 'pi')).toEqual({
      conditions: [
        { type: 'SuccessCriteriaMet', ...condition },
        { type: 'Complete', ...condition },
      ],
      startTime: '2026-01-05T09:00:00Z',
      completionTime: '2026-01-05T09:00:07Z',
      succeeded: 1,
      terminating: 0,
      uncountedTerminatedPods: {},
      ready: 0,
    })
    expect(pods(h)[0]?.metadata.finalizers).toBeUndefined()
    expect(events(h)).toEqual([
      `SuccessfulCreate: Created pod: ${pod.metadata.name}`,
      'Completed: Job completed',
    ])
  })

  it('retries failed pods after the back-off and fails past backoffLimit', () => {
    const h = harness()
    must(h.cluster.api.create(JOBS, job('fail', { backoffLimit: 1 })))
    finishPod(h, pods(h)[0] as KubeObject, 'Failed')
    expect(pods(h)).toHaveLength(1)
    h.clock.advance(10_000)
    expect(pods(h)).toHaveLength(2)
    const second = pods(h).find(
      (p) => (p['status'] as { phase?: string } | undefined)?.phase !== 'Failed',
    )
    finishPod(h, second as KubeObject, 'Failed')
    const s = status(h, 'fail') as {
      failed: number
      conditions: { type: string; reason: string; message: string }[]
    }
    expect(s.failed).toBe(2)
    expect(s.conditions.map((c) => `${c.type} ${c.reason}: ${c.message}`)).toEqual([
      'FailureTarget BackoffLimitExceeded: Job has reached the specified backoff limit',
      'Failed BackoffLimitExceeded: Job has reached the specified backoff limit',
    ])
    expect(events(h).slice(-1)).toEqual([
      'BackoffLimitExceeded: Job has reached the specified backoff limit',
    ])
  })

  it('deletes a finished Job after ttlSecondsAfterFinished', () => {
    const h = harness()
    must(h.cluster.api.create(JOBS, job('pi', { ttlSecondsAfterFinished: 30 })))
    finishPod(h, pods(h)[0] as KubeObject, 'Succeeded')
    h.clock.advance(29_000)
    expect(h.cluster.store.get(JOBS, 'default', 'pi')).toBeDefined()
    h.clock.advance(2_000)
    expect(h.cluster.store.get(JOBS, 'default', 'pi')).toBeUndefined()
    expect(pods(h)).toEqual([])
  })
})
