/**
 * With the docker driver a minikube node is itself a container of the host's Docker daemon:
 * `minikube` (then `minikube-m02`…) from gcr.io/k8s-minikube/kicbase, on a bridge network named
 * after the profile (192.168.49.0/24), its ssh, docker, registry and API ports published on
 * 127.0.0.1. `minikube start` creates and starts them, `stop` stops them, `delete` removes them
 * with the network, so `docker ps` tells the same story as `minikube status`.
 */
import type { DockerEngine } from '../../docker/engine/engine'
import type { ContainerRecord } from '../../docker/engine/container-record'
import { createNetwork, removeNetwork } from '../../docker/engine/network-ops'
import { imageRootFs } from '../../docker/engine/rootfs'
import type { NodeMachine } from '../nodes'
import { NODE_OS_IMAGE } from '../nodes'
import { nodeFiles } from './node-files'
import type { MinikubeProfile } from './profiles'
import { KICBASE_IMAGE } from './versions'

/** The ports minikube publishes (`--publish=127.0.0.1::8443` …), in the order it asks for them. */
const PUBLISHED = ['22/tcp', '2376/tcp', '5000/tcp', '8443/tcp', '32443/tcp']

/** The node's container, if the daemon has it. */
export function nodeContainer(engine: DockerEngine, name: string): ContainerRecord | undefined {
  const found = engine.findContainer(name)
  return found?.name === name ? found : undefined
}

function ensureNetwork(engine: DockerEngine, profile: MinikubeProfile): void {
  if (engine.networks.find(profile.name) !== undefined) return
  createNetwork(engine, {
    name: profile.name,
    driver: 'bridge',
    subnet: `${profile.network}.0/24`,
    gateway: `${profile.network}.1`,
    labels: {
      'created_by.minikube.sigs.k8s.io': 'true',
      'name.minikube.sigs.k8s.io': profile.name,
    },
    options: { '--icc': '', '--ip-masq': '', 'com.docker.network.driver.mtu': '1500' },
  })
}

/** The passwd of the node: the image's, with minikube's `docker` user (uid 1000). */
function passwdWithDocker(record: ContainerRecord): string {
  const base =
    imageRootFs(record.image).files.get('/etc/passwd') ?? 'root:x:0:0:root:/root:/bin/bash\n'
  if (base.includes('\ndocker:')) return base
  return `${base.endsWith('\n') ? base : `${base}\n`}docker:x:1000:999:,,,:/home/docker:/bin/bash\n`
}

/** Creates and starts the node's container (pulling kicbase first); a running one is left be. */
export function startNodeContainer(
  engine: DockerEngine,
  profile: MinikubeProfile,
  machine: NodeMachine,
): void {
  const existing = nodeContainer(engine, machine.name)
  if (existing !== undefined) {
    if (existing.state.status === 'paused') engine.unpauseContainer(existing.id)
    else if (existing.state.status !== 'running') engine.startContainer(existing.id)
    return
  }
  if (engine.findImage(KICBASE_IMAGE) === undefined && !engine.pull(KICBASE_IMAGE).ok) return
  ensureNetwork(engine, profile)
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {}
  for (const port of PUBLISHED) bindings[port] = [{ HostIp: '127.0.0.1', HostPort: '' }]
  const created = engine.createContainer(
    {
      Image: KICBASE_IMAGE,
      Hostname: machine.name,
      Labels: {
        'created_by.minikube.sigs.k8s.io': 'true',
        'mode.minikube.sigs.k8s.io': machine.name,
        'name.minikube.sigs.k8s.io': profile.name,
        'role.minikube.sigs.k8s.io': machine.ordinal === 0 ? '' : 'worker',
      },
      HostConfig: {
        NetworkMode: profile.name,
        PortBindings: bindings,
        Privileged: true,
        Memory: profile.memoryMiB * 1024 * 1024,
        NanoCpus: profile.cpus * 1_000_000_000,
      },
      NetworkingConfig: {
        EndpointsConfig: { [profile.name]: { IPAMConfig: { IPv4Address: machine.ip } } },
      },
    },
    machine.name,
  )
  if (!created.ok) return
  const record = nodeContainer(engine, machine.name)
  if (record === undefined) return
  for (const [path, content] of nodeFiles(profile, machine, NODE_OS_IMAGE))
    record.files.set(path, content)
  record.files.set('/etc/passwd', passwdWithDocker(record))
  engine.startContainer(record.id)
}

/** `minikube stop` / `node stop`: the container stops; its writable layer stays. */
export function stopNodeContainer(engine: DockerEngine, name: string): void {
  const record = nodeContainer(engine, name)
  if (record === undefined) return
  if (record.state.status === 'paused') engine.unpauseContainer(record.id)
  if (record.state.status === 'running' || record.state.status === 'restarting')
    engine.killContainer(record.id, 'SIGINT')
}

/** `minikube delete` / `node delete`: the container goes, then the network once it is empty. */
export function removeNodeContainer(engine: DockerEngine, name: string): void {
  const record = nodeContainer(engine, name)
  if (record !== undefined) engine.removeContainer(record.id, { force: true, volumes: true })
}

export function removeProfileNetwork(engine: DockerEngine, profile: string): void {
  if (engine.networks.find(profile) !== undefined) removeNetwork(engine, profile)
}

/** The host port the daemon published for the node's `port` (docker-env, ssh). */
export function publishedPort(record: ContainerRecord, port: number): string | undefined {
  return record.boundPorts[`${port}/tcp`]?.[0]?.HostPort
}
