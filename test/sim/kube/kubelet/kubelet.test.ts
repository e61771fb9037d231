import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../../src/sim/kube/api/object'
import { servedType } from '../../../../src/sim/kube/api/resources'
import { containerLogs } from '../../../../src/sim/kube/kubelet/container-logs'
import { cluster } from '../fixtures'

const PODS = servedType('Pod')
const EVENTS = servedType('Event')

const pod = (
  name: string,
  container: Record<string, unknown>,
  spec: Record<string, unknown> = {},
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'web', ...container }], ...spec },
})

const eventsFor = (c: ReturnType<typeof cluster>, name: string): string[] =>
  c.store
    .list(EVENTS, 'default')
    .filter((e) => (e['involvedObject'] as { name: string }).name === name)
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map(
      (e) =>
        `${e['type']} ${e['reason']} ${e['message']}${Number(e['count']) > 1 ? ` (x${e['count']})` : ''}`,
    )

const state = (c: ReturnType<typeof cluster>, name: string): unknown => {
  const status = c.store.get(PODS, 'default', name)?.['status'] as {
    phase: string
    containerStatuses: { state: unknown; restartCount: number; ready: boolean }[]
  }
  const cs = status.containerStatuses[0]
  return { phase: status.phase, state: cs?.state, restartCount: cs?.restartCount, ready: cs?.ready }
}

describe('kubelet', () => {
  it('pulls a missing image, then creates and starts the container', () => {
    const c = cluster()
    c.api.create(PODS, pod('web', { image: 'nginx' }))
    expect(state(c, 'web')).toEqual({
      phase: 'Pending',
      state: { waiting: { reason: 'ContainerCreating' } },
      restartCount: 0,
      ready: false,
    })
    c.clock.advance(10_000)
    expect(state(c, 'web')).toMatchObject({ phase: 'Running', restartCount: 0, ready: true })
    const events = eventsFor(c, 'web')
    expect(events[0]).toBe('Normal Scheduled Successfully assigned default/web to minikube')
    expect(events[1]).toBe('Normal Pulling Pulling image "nginx"')
    expect(events[2]).toMatch(
      /^Normal Pulled Successfully pulled image "nginx" in \d+(\.\d+)?m?s \(\d+(\.\d+)?m?s including waiting\)\. Image size: \d+ bytes\.$/,
    )
    expect(events.slice(3)).toEqual([
      'Normal Created Created container: web',
      'Normal Started Started container web',
    ])
  })

  it('reports a repository that does not exist as ErrImagePull, then ImagePullBackOff', () => {
    const c = cluster()
    c.api.create(PODS, pod('typo', { image: 'ngnix' }))
    c.clock.advance(1_000)
    const denied =
      "Error response from daemon: pull access denied for ngnix, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"
    expect(state(c, 'typo')).toEqual({
      phase: 'Pending',
      state: { waiting: { message: denied, reason: 'ErrImagePull' } },
      restartCount: 0,
      ready: false,
    })
    c.clock.advance(2_000)
    expect(state(c, 'typo')).toEqual({
      phase: 'Pending',
      state: { waiting: { message: 'Back-off pulling image "ngnix"', reason: 'ImagePullBackOff' } },
      restartCount: 0,
      ready: false,
    })
    expect(eventsFor(c, 'typo')).toEqual([
      'Normal Scheduled Successfully assigned default/typo to minikube',
      'Normal Pulling Pulling image "ngnix"',
      `Warning Failed Failed to pull image "ngnix": ${denied}`,
      'Warning Failed Error: ErrImagePull',
      'Normal BackOff Back-off pulling image "ngnix"',
      'Warning Failed Error: ImagePullBackOff',
    ])
  })

  it('restarts a failing command with CrashLoopBackOff back-off', () => {
    const c = cluster()
    c.api.create(PODS, pod('crash', { image: 'busybox:1.37', command: ['sh', '-c', 'exit 1'] }))
    c.clock.advance(5_000)
    const s = c.store.get(PODS, 'default', 'crash')?.['status'] as {
      phase: string
      containerStatuses: {
        state: { waiting?: { reason: string; message: string } }
        restartCount: number
        lastState: { terminated?: { exitCode: number; reason: string } }
      }[]
    }
    const cs = s.containerStatuses[0]
    expect(s.phase).toBe('Running')
    expect(cs?.restartCount).toBe(1)
    expect(cs?.state.waiting?.reason).toBe('CrashLoopBackOff')
    expect(cs?.state.waiting?.message).toMatch(
      /^back-off 10s restarting failed container=web pod=crash_default\(.+\)$/,
    )
    expect(cs?.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' })
    c.clock.advance(10_000)
    expect((state(c, 'crash') as { restartCount: number }).restartCount).toBe(2)
  })

  it('runs a Never pod to completion', () => {
    const c = cluster()
    c.api.create(
      PODS,
      pod(
        'once',
        { image: 'busybox:1.37', command: ['sh', '-c', 'echo hello; sleep 2'] },
        { restartPolicy: 'Never' },
      ),
    )
    c.clock.advance(10_000)
    expect(state(c, 'once')).toMatchObject({ phase: 'Succeeded', restartCount: 0, ready: false })
    const logs = containerLogs(c, 'default', 'once', 'web')
    expect(logs.ok && logs.value.map((l) => l.text)).toEqual(['hello'])
  })

  it('waits out the grace period for a process that ignores SIGTERM, then deletes the pod', () => {
    const c = cluster()
    c.api.create(PODS, pod('sleeper', { image: 'busybox:1.37', command: ['sleep', '3600'] }))
    c.clock.advance(5_000)
    c.api.delete(PODS, 'default', 'sleeper')
    expect(c.store.get(PODS, 'default', 'sleeper')?.metadata.deletionTimestamp).toBeDefined()
    c.clock.advance(29_000)
    expect(c.store.get(PODS, 'default', 'sleeper')).toBeDefined()
    c.clock.advance(2_000)
    expect(c.store.get(PODS, 'default', 'sleeper')).toBeUndefined()
    expect(eventsFor(c, 'sleeper')).toContain('Normal Killing Stopping container web')
  })

  it('refuses logs of a container still waiting to start', () => {
    const c = cluster()
    c.api.create(PODS, pod('typo', { image: 'ngnix' }))
    c.clock.advance(3_000)
    const logs = containerLogs(c, 'default', 'typo', 'web')
    expect(!logs.ok && logs.error.message).toBe(
      'container "web" in pod "typo" is waiting to start: trying and failing to pull image',
    )
  })
})
