import { describe, expect, it } from 'vitest'
import { parseHostMessage, parseRendererMessage } from '../../src/shared/ipc'

const docker = { containers: [], images: [], networks: [], volumes: [], selected: null }
const base = { clockMs: 0, clockRate: 1, cwd: '/', docker, compose: [] }

const node = {
  name: 'minikube-m02',
  roles: [],
  status: 'NotReady',
  ready: false,
  schedulable: true,
  machine: 'stopped',
  internalIP: '192.168.49.3',
}
const pod = {
  namespace: 'default',
  name: 'web-6dc5cd68db-g2xkf',
  node: null,
  status: 'Pending',
  tone: 'pending',
  ready: '0/1',
  restarts: 0,
  ip: '',
  owner: 'ReplicaSet/web-6dc5cd68db',
  labels: { app: 'web' },
}
const cluster = {
  profile: 'minikube',
  server: 'https://192.168.49.2:8443',
  kubernetesVersion: 'v1.32.0',
  namespaces: ['default'],
  nodes: [node],
  pods: [pod],
  workloads: [],
  services: [],
  events: [],
}

describe('the clock controls message', () => {
  it.each([
    [{ action: 'rate', rate: 0 }],
    [{ action: 'rate', rate: 1 }],
    [{ action: 'rate', rate: 10 }],
    [{ action: 'rate', rate: 60 }],
    [{ action: 'step', ms: 1000 }],
    [{ action: 'step', ms: 10000 }],
  ])('accepts %j', (payload) => {
    expect(parseRendererMessage('clock:control', payload)).toEqual({
      ok: true,
      message: { channel: 'clock:control', payload },
    })
  })

  it.each([
    ['a rate the controls do not offer', { action: 'rate', rate: 1000 }],
    ['a negative rate', { action: 'rate', rate: -1 }],
    ['a step of any length', { action: 'step', ms: 86_400_000 }],
    ['a step back in time', { action: 'step', ms: -1000 }],
    ['an unknown action', { action: 'rewind' }],
    ['a rate with an extra key', { action: 'rate', rate: 1, ms: 5 }],
  ])('rejects %s', (_name, payload) => {
    expect(parseRendererMessage('clock:control', payload).ok).toBe(false)
  })
})

describe('the run-line message', () => {
  it('accepts one printable line', () => {
    expect(parseRendererMessage('session:run-line', { line: 'minikube node stop m02' })).toEqual({
      ok: true,
      message: { channel: 'session:run-line', payload: { line: 'minikube node stop m02' } },
    })
  })

  it.each([
    ['an empty line', ''],
    ['a second line', 'ls\rrm -rf ~'],
    ['an escape sequence', 'ls\x1b[201~'],
    ['a line longer than a button would type', 'x'.repeat(1001)],
  ])('rejects %s', (_name, line) => {
    expect(parseRendererMessage('session:run-line', { line }).ok).toBe(false)
  })
})

describe('the panels in session:state', () => {
  it('accepts a cluster with a stopped node and an unscheduled pod', () => {
    expect(
      parseHostMessage('session:state', { ...base, cluster: { clusters: [cluster] } }).ok,
    ).toBe(true)
  })

  it.each([
    ['a pod tone the panel does not draw', { ...cluster, pods: [{ ...pod, tone: 'pink' }] }],
    ['a machine state that does not exist', { ...cluster, nodes: [{ ...node, machine: 'gone' }] }],
    ['labels that are not strings', { ...cluster, pods: [{ ...pod, labels: { app: 1 } }] }],
    [
      'more labels than a snapshot carries',
      {
        ...cluster,
        pods: [
          {
            ...pod,
            labels: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'v'])),
          },
        ],
      },
    ],
  ])('rejects %s', (_name, bad) => {
    expect(parseHostMessage('session:state', { ...base, cluster: { clusters: [bad] } }).ok).toBe(
      false,
    )
  })

  it('rejects a clock rate the controls do not offer', () => {
    expect(
      parseHostMessage('session:state', { ...base, clockRate: 2, cluster: { clusters: [] } }).ok,
    ).toBe(false)
  })

  it('accepts a compose project and rejects a service health it does not know', () => {
    const project = {
      name: 'shop',
      workingDir: '/home/student/shop',
      status: 'running(1)',
      services: [
        {
          name: 'db',
          state: 'running',
          health: 'healthy',
          containers: [
            {
              id: 'ab12',
              name: 'shop-db-1',
              number: 1,
              state: 'running',
              status: 'Up',
              health: 'healthy',
            },
          ],
          networks: ['backend'],
          volumes: ['dbdata'],
          ports: [],
        },
      ],
      networks: [{ name: 'backend', fullName: 'shop_backend', services: ['db'] }],
      volumes: [{ name: 'dbdata', fullName: 'shop_dbdata', services: ['db'] }],
    }
    const state = { ...base, cluster: { clusters: [] } }
    expect(parseHostMessage('session:state', { ...state, compose: [project] }).ok).toBe(true)
    const sick = {
      ...project,
      services: [{ ...project.services[0], health: 'sick' }],
    }
    expect(parseHostMessage('session:state', { ...state, compose: [sick] }).ok).toBe(false)
  })
})
