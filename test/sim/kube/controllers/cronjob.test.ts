import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { parseCron } from '../../../../src/sim/kube/controllers/common/cron-schedule'
import { CRON_JOBS, events, finishPod, harness, JOBS, must, pods } from './harness'

function cronJob(extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default' },
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: {
        spec: {
          template: {
            spec: { restartPolicy: 'OnFailure', containers: [{ name: 'hello', image: 'busybox' }] },
          },
        },
      },
      ...extra,
    },
  }
}

const next = (spec: string, from: string): string => {
  const s = parseCron(spec)
  if (!s.ok) return s.error
  return new Date(s.value.next(Date.parse(from))).toISOString()
}

describe('cron schedules', () => {
  it('computes the next time for fields, ranges, steps, names and descriptors', () => {
    expect(next('*/15 * * * *', '2026-01-05T09:07:00Z')).toBe('2026-01-05T09:15:00.000Z')
    expect(next('0 9 * * MON-FRI', '2026-01-09T10:00:00Z')).toBe('2026-01-12T09:00:00.000Z')
    expect(next('@monthly', '2026-01-05T09:00:00Z')).toBe('2026-02-01T00:00:00.000Z')
    expect(next('30 2 1 jan *', '2026-01-05T09:00:00Z')).toBe('2027-01-01T02:30:00.000Z')
    expect(next('@every 90s', '2026-01-05T09:00:00Z')).toBe('2026-01-05T09:01:30.000Z')
  })

  it('rejects what robfig/cron rejects', () => {
    expect(next('* * * *', '2026-01-05T09:00:00Z')).toBe(
      'expected exactly 5 fields, found 4: [* * * *]',
    )
    expect(next('61 * * * *', '2026-01-05T09:00:00Z')).toBe(
      'end of range (61) above maximum (59): 61',
    )
  })
})

describe('CronJob controller', () => {
  it('creates <name>-<minutes since epoch> at each scheduled minute and records it', () => {
    const h = harness()
    must(h.cluster.api.create(CRON_JOBS, cronJob()))
    // The controller wakes 100 ms after the scheduled minute, as upstream's requeue does.
    h.clock.advance(60_000)
    expect(h.cluster.store.list(JOBS, 'default')).toEqual([])
    h.clock.advance(100)
    const minutes = Math.floor(Date.parse('2026-01-05T09:01:00Z') / 60_000)
    const [job] = h.cluster.store.list(JOBS, 'default')
    expect(job?.metadata.name).toBe(`hello-${minutes}`)
    expect(job?.metadata.annotations).toEqual({
      'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-01-05T09:01:00Z',
    })
    const status = h.cluster.store.get(CRON_JOBS, 'default', 'hello')?.['status'] as {
      active: { name: string }[]
      lastScheduleTime: string
    }
    expect(status.active.map((a) => a.name)).toEqual([`hello-${minutes}`])
    expect(status.lastScheduleTime).toBe('2026-01-05T09:01:00Z')
    finishPod(h, pods(h)[0] as KubeObject, 'Succeeded')
    expect(h.cluster.store.get(CRON_JOBS, 'default', 'hello')?.['status']).toEqual({
      lastScheduleTime: '2026-01-05T09:01:00Z',
      lastSuccessfulTime: '2026-01-05T09:01:00Z',
    })
    expect(events(h).filter((e) => !e.includes('pod'))).toEqual([
      `SuccessfulCreate: Created job hello-${minutes}`,
      'Completed: Job completed',
      `SawCompletedJob: Saw completed job: hello-${minutes}, condition: Complete`,
    ])
  })

  it('Forbid skips a run while the previous one is active', () => {
    const h = harness()
    must(h.cluster.api.create(CRON_JOBS, cronJob({ concurrencyPolicy: 'Forbid' })))
    h.clock.advance(120_100)
    expect(h.cluster.store.list(JOBS, 'default')).toHaveLength(1)
    expect(events(h).slice(-1)).toEqual([
      'JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid',
    ])
  })

  it('keeps successfulJobsHistoryLimit finished Jobs', () => {
    const h = harness()
    must(h.cluster.api.create(CRON_JOBS, cronJob({ successfulJobsHistoryLimit: 1 })))
    for (let i = 0; i < 3; i++) {
      h.clock.advance(60_000)
      for (const pod of pods(h))
        if ((pod['status'] as { phase?: string } | undefined)?.phase !== 'Succeeded')
          finishPod(h, pod, 'Succeeded')
    }
    // 09:01's Job was deleted; 09:02's is the one kept; 09:03's is still running.
    const names = h.cluster.store.list(JOBS, 'default').map((j) => j.metadata.name)
    const at = (t: string): string => `hello-${Math.floor(Date.parse(t) / 60_000)}`
    expect(names).toEqual([at('2026-01-05T09:02:00Z'), at('2026-01-05T09:03:00Z')])
    expect(events(h).filter((e) => e.startsWith('SuccessfulDelete'))).toEqual([
      `SuccessfulDelete: Deleted job ${at('2026-01-05T09:01:00Z')}`,
    ])
  })
})
