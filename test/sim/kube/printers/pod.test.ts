import { describe, expect, test } from 'vitest'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { toTable } from '../../../../src/sim/kube/printers'
import { podRow } from '../../../../src/sim/kube/printers/pod'

const NOW = Date.parse('2026-01-05T10:00:00Z')

function pod(
  status: Record<string, unknown>,
  spec: Record<string, unknown> = {},
  meta = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web',
      namespace: 'default',
      creationTimestamp: '2026-01-05T09:00:00Z',
      ...meta,
    },
    spec: { containers: [{ name: 'web', image: 'nginx' }], ...spec },
    status,
  }
}

const cells = (p: KubeObject): unknown[] => podRow(p, NOW).cells.slice(1, 5)

describe('pod table row', () => {
  test('a running ready container: 1/1 Running, age from creationTimestamp', () => {
    expect(
      cells(
        pod({
          phase: 'Running',
          conditions: [{ type: 'Ready', status: 'True' }],
          containerStatuses: [
            { name: 'web', ready: true, restartCount: 0, state: { running: {} } },
          ],
        }),
      ),
    ).toEqual(['1/1', 'Running', '0', '60m'])
  })

  test('a waiting reason wins over the phase: ContainerCreating, CrashLoopBackOff', () => {
    expect(
      cells(
        pod({
          phase: 'Pending',
          containerStatuses: [{ name: 'web', state: { waiting: { reason: 'ContainerCreating' } } }],
        }),
      )[1],
    ).toBe('ContainerCreating')
    expect(
      cells(
        pod({
          phase: 'Running',
          containerStatuses: [
            {
              name: 'web',
              restartCount: 2,
              state: { waiting: { reason: 'CrashLoopBackOff' } },
              lastState: {
                terminated: { exitCode: 1, reason: 'Error', finishedAt: '2026-01-05T09:55:00Z' },
              },
            },
          ],
        }),
      ),
    ).toEqual(['0/1', 'CrashLoopBackOff', '2 (5m ago)', '60m'])
  })

  test('init containers: Init:0/1 while the first runs, Init:Error when it failed', () => {
    const spec = { initContainers: [{ name: 'init', image: 'busybox' }] }
    expect(
      cells(
        pod(
          { phase: 'Pending', initContainerStatuses: [{ name: 'init', state: { running: {} } }] },
          spec,
        ),
      )[1],
    ).toBe('Init:0/1')
    expect(
      cells(
        pod(
          {
            phase: 'Pending',
            initContainerStatuses: [
              { name: 'init', state: { terminated: { exitCode: 1, reason: 'Error' } } },
            ],
          },
          spec,
        ),
      )[1],
    ).toBe('Init:Error')
  })

  test('a finished pod is Completed and carries the Completed row condition', () => {
    const p = pod({
      phase: 'Succeeded',
      containerStatuses: [
        { name: 'web', state: { terminated: { exitCode: 0, reason: 'Completed' } } },
      ],
    })
    expect(cells(p)[1]).toBe('Completed')
    expect(podRow(p, NOW).conditions).toEqual([
      {
        type: 'Completed',
        status: 'True',
        reason: 'Succeeded',
        message: 'The pod has completed successfully.',
      },
    ])
  })

  test('a pod being deleted is Terminating; an exit without reason is ExitCode:N', () => {
    expect(
      cells(pod({ phase: 'Running' }, {}, { deletionTimestamp: '2026-01-05T09:59:00Z' }))[1],
    ).toBe('Terminating')
    expect(
      cells(
        pod({
          phase: 'Running',
          containerStatuses: [{ name: 'web', state: { terminated: { exitCode: 137 } } }],
        }),
      )[1],
    ).toBe('ExitCode:137')
  })

  test('the Table carries wide columns at priority 1 and the metadata of each row', () => {
    const table = toTable({ kind: 'Pod' }, [pod({ phase: 'Pending' })], NOW)
    expect(table.columnDefinitions.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0',
      'Ready:0',
      'Status:0',
      'Restarts:0',
      'Age:0',
      'IP:1',
      'Node:1',
      'Nominated Node:1',
      'Readiness Gates:1',
    ])
    expect(table.rows[0]?.cells).toEqual([
      'web',
      '0/1',
      'Pending',
      '0',
      '60m',
      '<none>',
      '<none>',
      '<none>',
      '<none>',
    ])
    expect(table.rows[0]?.object.kind).toBe('PartialObjectMetadata')
  })
})
