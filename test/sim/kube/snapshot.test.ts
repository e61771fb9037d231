import { describe, expect, it } from 'vitest'
import { VirtualClock } from '../../../src/sim/core/clock'
import { KubeWorld } from '../../../src/sim/kube/kube-world'
import { stopNode } from '../../../src/sim/kube/nodes'
import {
  clusterPanelState,
  podTone,
  type ClusterPanelCluster,
  type ClusterPanelPod,
} from '../../../src/sim/kube/snapshot'
import { clusterSessionWithCluster, MINIKUBE_SERVER } from './fixtures'

async function threeNodes() {
  const { session, cluster } = await clusterSessionWithCluster({ nodes: 3 })
  const run = async (line: string): Promise<string> => {
    const r = await session.run(line)
    return r.stdout + r.stderr
  }
  const panel = (): ClusterPanelCluster => {
    const state = clusterPanelState(session.world.kube)
    expect(state.clusters).toHaveLength(1)
    return state.clusters[0] as ClusterPanelCluster
  }
  return { session, cluster, run, panel }
}

/** A pod as one line: where it is and what kubectl says of it. */
const brief = (p: ClusterPanelPod): string =>
  `${p.namespace}/${p.name} on ${p.node ?? '-'}: ${p.status} (${p.tone}) ${p.ready}`

describe('the cluster panel snapshot', () => {
  it('is empty when no cluster is served', () => {
    const kube = new KubeWorld(new VirtualClock(), 1)
    expect(clusterPanelState(kube)).toEqual({ clusters: [] })
  })

  it('shows each node with its role, status and machine, as minikube start --nodes 3 leaves them', async () => {
    const { panel } = await threeNodes()
    const c = panel()
    expect([c.profile, c.server, c.kubernetesVersion]).toEqual([
      'minikube',
      MINIKUBE_SERVER,
      'v1.32.0',
    ])
    expect(c.namespaces).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system'])
    expect(c.nodes).toEqual([
      {
        name: 'minikube',
        roles: ['control-plane'],
        status: 'Ready',
        ready: true,
        schedulable: true,
        machine: 'running',
        internalIP: '192.168.49.2',
      },
      {
        name: 'minikube-m02',
        roles: [],
        status: 'Ready',
        ready: true,
        schedulable: true,
        machine: 'running',
        internalIP: '192.168.49.3',
      },
      {
        name: 'minikube-m03',
        roles: [],
        status: 'Ready',
        ready: true,
        schedulable: true,
        machine: 'running',
        internalIP: '192.168.49.4',
      },
    ])
  })

  it('puts a deployment’s pods on their nodes with kubectl’s STATUS, and the workloads with ready/desired', async () => {
    const { session, run, panel } = await threeNodes()
    expect(await run('kubectl create deployment web --image=nginx --replicas=3')).toBe(
      'deployment.apps/web created\n',
    )
    const pending = panel().pods.filter((p) => p.namespace === 'default')
    expect(pending.map((p) => p.tone)).toEqual(['pending', 'pending', 'pending'])
    session.clock.advance(30_000)
    const c = panel()
    const web = c.pods.filter((p) => p.namespace === 'default')
    expect(web.map(brief)).toEqual([
      'default/web-6dc5cd68db-g2xkf on minikube-m02: Running (running) 1/1',
      'default/web-6dc5cd68db-v9x89 on minikube: Running (running) 1/1',
      'default/web-6dc5cd68db-wbxdw on minikube-m03: Running (running) 1/1',
    ])
    expect(web[0]).toEqual({
      namespace: 'default',
      name: 'web-6dc5cd68db-g2xkf',
      node: 'minikube-m02',
      status: 'Running',
      tone: 'running',
      ready: '1/1',
      restarts: 0,
      ip: '10.244.1.2',
      owner: 'ReplicaSet/web-6dc5cd68db',
      labels: { app: 'web', 'pod-template-hash': '6dc5cd68db' },
    })
    expect(c.workloads.filter((w) => w.namespace === 'default')).toEqual([
      {
        kind: 'Deployment',
        namespace: 'default',
        name: 'web',
        ready: 3,
        desired: 3,
        owner: null,
        labels: { app: 'web' },
      },
      {
        kind: 'ReplicaSet',
        namespace: 'default',
        name: 'web-6dc5cd68db',
        ready: 3,
        desired: 3,
        owner: 'Deployment/web',
        labels: { app: 'web', 'pod-template-hash': '6dc5cd68db' },
      },
    ])
    expect(c.workloads.filter((w) => w.kind === 'DaemonSet').map((w) => w.name)).toEqual([
      'kindnet',
      'kube-proxy',
    ])
  })

  it('lists services with their type, ports and selector', async () => {
    const { run, panel } = await threeNodes()
    expect(await run('kubectl create service nodeport web --tcp=80:80')).toBe(
      'service/web created\n',
    )
    const services = panel().services.map(({ labels, clusterIP, ...rest }) => {
      void labels
      return { ...rest, hasIP: clusterIP !== '' }
    })
    expect(services.filter((s) => s.namespace === 'default')).toEqual([
      {
        namespace: 'default',
        name: 'kubernetes',
        type: 'ClusterIP',
        ports: '443/TCP',
        selector: '<none>',
        hasIP: true,
      },
      {
        namespace: 'default',
        name: 'web',
        type: 'NodePort',
        ports: expect.stringMatching(/^80:3\d{4}\/TCP$/) as unknown as string,
        selector: 'app=web',
        hasIP: true,
      },
    ])
  })

  it('shows a stopped node NotReady with its machine stopped, then its pod replaced on a healthy node', async () => {
    const { session, cluster, run, panel } = await threeNodes()
    await run('kubectl create deployment web --image=nginx --replicas=3')
    session.clock.advance(30_000)
    expect(stopNode(cluster, 'minikube-m02').ok).toBe(true)
    session.clock.advance(60_000)
    const stopped = panel()
    expect(stopped.nodes.find((n) => n.name === 'minikube-m02')).toEqual({
      name: 'minikube-m02',
      roles: [],
      status: 'NotReady',
      ready: false,
      schedulable: true,
      machine: 'stopped',
      internalIP: '192.168.49.3',
    })
    session.clock.advance(300_000)
    const web = panel().pods.filter((p) => p.namespace === 'default')
    const onM02 = web.filter((p) => p.node === 'minikube-m02')
    expect(onM02.map((p) => [p.status, p.tone])).toEqual([['Terminating', 'terminating']])
    const running = web.filter((p) => p.tone === 'running')
    expect(running).toHaveLength(3)
    expect(running.every((p) => p.node !== 'minikube-m02')).toBe(true)
  })

  it('leaves a pod no node can take unscheduled, in the Pending lane', async () => {
    const { session, run, panel } = await threeNodes()
    await session.fs.writeFile(
      '/home/student/pod.yaml',
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: picky',
        'spec:',
        '  nodeSelector:',
        '    disk: ssd',
        '  containers:',
        '  - name: app',
        '    image: nginx',
        '',
      ].join('\n'),
    )
    expect(await run('kubectl apply -f pod.yaml')).toBe('pod/picky created\n')
    session.clock.advance(10_000)
    const picky = panel().pods.find((p) => p.name === 'picky')
    expect(picky && brief(picky)).toBe('default/picky on -: Pending (pending) 0/1')
  })

  it('lists events latest first, with the OBJECT and LAST SEEN columns of kubectl get events', async () => {
    const { session, run, panel } = await threeNodes()
    await run('kubectl create deployment web --image=nginx --replicas=1')
    session.clock.advance(30_000)
    const events = panel().events
    expect(events.length).toBeLessThanOrEqual(40)
    expect(events.slice(0, 3)).toEqual([
      {
        namespace: 'default',
        type: 'Normal',
        reason: 'Started',
        object: expect.stringMatching(/^pod\/web-6dc5cd68db-\w{5}$/) as unknown as string,
        message: 'Started container nginx',
        age: expect.stringMatching(/^2\ds$/) as unknown as string,
        count: 1,
      },
      expect.objectContaining({ reason: 'Created', message: 'Created container: nginx' }),
      expect.objectContaining({ reason: 'Pulled' }),
    ])
    const objects = events.map((e) => e.object)
    expect(objects).toContain('deployment/web')
    expect(objects).toContain('replicaset/web-6dc5cd68db')
  })

  it('is the same for the same seed and commands', async () => {
    const once = async (): Promise<string> => {
      const { session, run } = await threeNodes()
      await run('kubectl create deployment web --image=nginx --replicas=3')
      session.clock.advance(30_000)
      return JSON.stringify(clusterPanelState(session.world.kube))
    }
    expect(await once()).toBe(await once())
  })
})

describe('the colour of a pod', () => {
  it.each([
    ['Running', 'Running', 'running'],
    ['NotReady', 'Running', 'running'],
    ['Pending', 'Pending', 'pending'],
    ['ContainerCreating', 'Pending', 'pending'],
    ['Init:0/2', 'Pending', 'pending'],
    ['PodInitializing', 'Pending', 'pending'],
    ['CrashLoopBackOff', 'Running', 'failed'],
    ['Error', 'Failed', 'failed'],
    ['ImagePullBackOff', 'Pending', 'failed'],
    ['ErrImagePull', 'Pending', 'failed'],
    ['OOMKilled', 'Running', 'failed'],
    ['Init:CrashLoopBackOff', 'Pending', 'failed'],
    ['Terminating', 'Running', 'terminating'],
    ['Completed', 'Succeeded', 'completed'],
    ['Unknown', 'Unknown', 'unknown'],
  ])('is %s (phase %s) → %s', (status, phase, tone) => {
    expect(podTone(status, phase)).toBe(tone)
  })
})
