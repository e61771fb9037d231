/**
 * The app server a pod's container runs (`node server.js`, `flask run`, `python -m http.server`,
 * a student's image whose CMD starts one), read as the kubelet starts it: the image's
 * ENTRYPOINT/CMD replaced by the container's `command`/`args`, `$(VAR)` references expanded,
 * the environment the kubelet builds (`envFrom` then `env`, ConfigMap and Secret keys resolved),
 * the image's files. Read once per container instance, at the first connection that needs it:
 * like a real server, it has loaded its code when it started.
 *
 * What the app writes — its start-up lines at its start, an access line per request that reached
 * it (probes included) — is kept per container instance, for the kubelet's container logs.
 */
import { readImageApp } from '../../docker/apps/image-app'
import type { AppServer, OutputLine } from '../../docker/apps/app-server'
import type { LocalImage } from '../../docker/engine/image-store'
import type { ImageInspect } from '../../docker/engine/api-types'
import type { CatalogImage } from '../../docker/images/catalog-types'
import { base64ToBytes } from '../../fs/virtual-fs'
import type { KubeObject } from '../api/object'
import { servedType } from '../api/resources'
import type { ObjectStore } from '../store/object-store'
import { containerImage, nodeImage } from './node-images'

const CONFIGMAPS = servedType('ConfigMap')
const SECRETS = servedType('Secret')

interface KeyRef {
  name?: string
  key: string
}

interface EnvVar {
  name: string
  value?: string
  valueFrom?: {
    configMapKeyRef?: KeyRef
    secretKeyRef?: KeyRef
    fieldRef?: { fieldPath: string }
  }
}

interface EnvFrom {
  prefix?: string
  configMapRef?: { name?: string }
  secretRef?: { name?: string }
}

export interface AppContainerSpec {
  name: string
  image?: string
  command?: string[]
  args?: string[]
  workingDir?: string
  tty?: boolean
  env?: EnvVar[]
  envFrom?: EnvFrom[]
}

/** A ConfigMap's data, or a Secret's decoded: what the kubelet puts in the environment. */
function sourceData(
  store: ObjectStore,
  kind: 'configmap' | 'secret',
  namespace: string,
  name: string,
): Record<string, string> | undefined {
  const object = store.get(kind === 'configmap' ? CONFIGMAPS : SECRETS, namespace, name)
  if (object === undefined) return undefined
  if (kind === 'configmap') return (object['data'] ?? {}) as Record<string, string>
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries((object['data'] ?? {}) as Record<string, string>))
    out[k] = decodeBase64(v)
  for (const [k, v] of Object.entries((object['stringData'] ?? {}) as Record<string, string>))
    out[k] = v
  return out
}

/** Secret values are base64 in the API. */
function decodeBase64(text: string): string {
  try {
    return new TextDecoder().decode(base64ToBytes(text))
  } catch {
    return ''
  }
}

/** `$(VAR)` expanded from the variables defined so far; `$$(VAR)` stays literal `$(VAR)`. */
function expand(text: string, vars: ReadonlyMap<string, string>): string {
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (match, name?: string) =>
    name === undefined ? '$' : (vars.get(name) ?? match),
  )
}

function fieldValue(pod: KubeObject, path: string): string {
  const status = (pod['status'] ?? {}) as { podIP?: string; hostIP?: string }
  const spec = (pod['spec'] ?? {}) as { nodeName?: string; serviceAccountName?: string }
  const values: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace ?? 'default',
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': spec.nodeName,
    'spec.serviceAccountName': spec.serviceAccountName,
    'status.podIP': status.podIP,
    'status.hostIP': status.hostIP,
  }
  return values[path] ?? ''
}

/** The container's environment as the kubelet builds it (kubelet_pods.go makeEnvironmentVariables). */
export function containerEnv(
  store: ObjectStore,
  pod: KubeObject,
  spec: AppContainerSpec,
): Map<string, string> {
  const namespace = pod.metadata.namespace ?? 'default'
  const vars = new Map<string, string>()
  for (const from of spec.envFrom ?? []) {
    const data =
      from.configMapRef !== undefined
        ? sourceData(store, 'configmap', namespace, from.configMapRef.name ?? '')
        : from.secretRef !== undefined
          ? sourceData(store, 'secret', namespace, from.secretRef.name ?? '')
          : undefined
    for (const [k, v] of Object.entries(data ?? {})) vars.set(`${from.prefix ?? ''}${k}`, v)
  }
  for (const e of spec.env ?? []) {
    const from = e.valueFrom
    let value: string | undefined
    if (from?.configMapKeyRef !== undefined)
      value = sourceData(store, 'configmap', namespace, from.configMapKeyRef.name ?? '')?.[
        from.configMapKeyRef.key
      ]
    else if (from?.secretKeyRef !== undefined)
      value = sourceData(store, 'secret', namespace, from.secretKeyRef.name ?? '')?.[
        from.secretKeyRef.key
      ]
    else if (from?.fieldRef !== undefined) value = fieldValue(pod, from.fieldRef.fieldPath)
    else value = expand(e.value ?? '', vars)
    if (value !== undefined) vars.set(e.name, value)
  }
  return vars
}

/** The catalog-shaped image as the local image the filesystem code lays out. */
const localImages = new WeakMap<CatalogImage, LocalImage>()

function localImageOf(image: CatalogImage): LocalImage {
  let local = localImages.get(image)
  if (local === undefined) {
    const config = image.config
    local = {
      id: `sha256:${image.repository}`,
      // Only Config is read from an image's inspect data by the filesystem and app code.
      inspect: {
        Config: {
          Env: config.Env,
          Cmd: config.Cmd ?? null,
          Entrypoint: config.Entrypoint ?? null,
          WorkingDir: config.WorkingDir,
          User: config.User,
        },
      } as unknown as ImageInspect,
      catalog: image,
      files: new Map(Object.entries(image.files)),
      createdMs: 0,
      layerIds: [],
    }
    localImages.set(image, local)
  }
  return local
}

const apps = new WeakMap<ObjectStore, Map<string, AppServer | null>>()

/** A line the app wrote, at the instant it wrote it. */
export interface AppLogLine extends OutputLine {
  readonly time: number
}

const appLogs = new WeakMap<ObjectStore, Map<string, AppLogLine[]>>()

/**
 * One key per container instance. Callers know the start to the millisecond (the kubelet) or to
 * the second (the status' startedAt): both name the same process.
 */
const instanceKey = (pod: KubeObject, container: string, startedMs: number): string =>
  `${pod.metadata.uid ?? pod.metadata.name}/${container}/${Math.floor(startedMs / 1000)}`

function logOf(store: ObjectStore, key: string): AppLogLine[] {
  let byKey = appLogs.get(store)
  if (byKey === undefined) appLogs.set(store, (byKey = new Map()))
  let lines = byKey.get(key)
  if (lines === undefined) byKey.set(key, (lines = []))
  return lines
}

/**
 * What the app of the container instance started at `startedMs` has written so far (read with
 * the app, so its start-up lines are there even before any request came); empty when the
 * process is no app server Quai reads.
 */
export function podAppLogs(
  store: ObjectStore,
  pod: KubeObject,
  spec: AppContainerSpec,
  startedMs: number,
): readonly AppLogLine[] {
  if (podApp(store, pod, spec, startedMs) === undefined) return []
  return appLogs.get(store)?.get(instanceKey(pod, spec.name, startedMs)) ?? []
}

/** The app, writing its start-up lines now and an access line per request to the instance's log. */
function logging(server: AppServer, lines: AppLogLine[], startedMs: number): AppServer {
  for (const line of server.startup) lines.push({ ...line, time: startedMs })
  return {
    ...server,
    respond: (request, context) => {
      const exchange = server.respond(request, context)
      for (const line of exchange.logs) lines.push({ ...line, time: context.nowMs })
      return exchange
    },
  }
}

/**
 * The app the running instance of `spec` (started at `startedMs`) serves, or undefined when its
 * process is no app server Quai reads.
 */
export function podApp(
  store: ObjectStore | undefined,
  pod: KubeObject,
  spec: AppContainerSpec,
  startedMs: number,
): AppServer | undefined {
  if (spec.image === undefined) return undefined
  const key = instanceKey(pod, spec.name, startedMs)
  let cache = store === undefined ? undefined : apps.get(store)
  if (store !== undefined && cache === undefined) apps.set(store, (cache = new Map()))
  const known = cache?.get(key)
  if (known !== undefined) return known ?? undefined
  const image = containerImage(store, spec.image)
  const read =
    image === undefined || catalogProcess(store, spec, image)
      ? undefined
      : readPodApp(store, pod, spec, image, startedMs)
  const server =
    read === undefined || store === undefined ? read : logging(read, logOf(store, key), startedMs)
  cache?.set(key, server ?? null)
  return server
}

/**
 * A catalog image running its own command (kubernetes-bootcamp's `node server.js`, nginx) keeps
 * its catalog behaviour, which knows exactly what that server answers.
 */
function catalogProcess(
  store: ObjectStore | undefined,
  spec: AppContainerSpec,
  image: CatalogImage,
): boolean {
  if (spec.command !== undefined || spec.args !== undefined) return false
  if (store !== undefined && spec.image !== undefined && nodeImage(store, spec.image) !== undefined)
    return false
  return (image.profile.services ?? []).length > 0
}

function readPodApp(
  store: ObjectStore | undefined,
  pod: KubeObject,
  spec: AppContainerSpec,
  image: CatalogImage,
  startedMs: number,
): AppServer | undefined {
  const vars = store === undefined ? new Map<string, string>() : containerEnv(store, pod, spec)
  const status = (pod['status'] ?? {}) as { podIP?: string }
  return readImageApp({
    image: localImageOf(image),
    ...(spec.command === undefined ? {} : { command: spec.command.map((w) => expand(w, vars)) }),
    ...(spec.args === undefined ? {} : { args: spec.args.map((w) => expand(w, vars)) }),
    env: [...vars].map(([k, v]) => `${k}=${v}`),
    ...(spec.workingDir === undefined ? {} : { workingDir: spec.workingDir }),
    startedMs,
    ...(status.podIP === undefined ? {} : { containerIp: status.podIP }),
    tty: spec.tty === true,
  })
}
