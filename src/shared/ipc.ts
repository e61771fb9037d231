import { z } from 'zod'
import { COMPOSE_PANEL_LIMITS, type ComposePanelProject } from '../sim/compose/snapshot'
import { PANEL_LIMITS, type DockerPanelState } from '../sim/docker/engine/snapshot'
import type { ClusterPanelState } from '../sim/kube/snapshot'
import { CLUSTER_PANEL_LIMITS } from '../sim/kube/snapshot-limits'
import { CLOCK_RATES, CLOCK_STEPS, type ClockRate } from './real-time-driver'
import { MAX_COLS, MAX_INPUT_LENGTH, MAX_ROWS } from './ipc-limits'

/**
 * The one IPC contract between the renderer and the host that runs the session (Electron's main
 * process, or a Web Worker in the web build). Both edges parse every message with these schemas;
 * a message that does not parse is dropped, never acted on.
 */

// The messages are tiny; skipping zod's compiled parsers avoids `new Function`, which the renderer's
// Content-Security-Policy (no 'unsafe-eval') would refuse and report.
z.config({ jitless: true })

export { MAX_COLS, MAX_INPUT_LENGTH, MAX_ROWS }

const terminalSize = {
  cols: z.number().int().min(1).max(MAX_COLS),
  rows: z.number().int().min(1).max(MAX_ROWS),
}

const panelText = z.string().max(PANEL_LIMITS.text)
const panelNames = z.array(panelText).max(PANEL_LIMITS.names)
const containerState = z.enum([
  'created',
  'running',
  'paused',
  'restarting',
  'removing',
  'exited',
  'dead',
])
const containerId = z.string().regex(/^[0-9a-f]{1,64}$/)

/** The Docker panel's view of the daemon (src/sim/docker/engine/snapshot.ts). */
const dockerPanelState: z.ZodType<DockerPanelState> = z.strictObject({
  containers: z
    .array(
      z.strictObject({
        id: containerId,
        name: panelText,
        image: panelText,
        state: containerState,
        status: panelText,
        health: z.enum(['starting', 'healthy', 'unhealthy']).nullable(),
        ports: panelNames,
        networks: panelNames,
      }),
    )
    .max(PANEL_LIMITS.items),
  images: z
    .array(
      z.strictObject({
        id: panelText,
        tags: panelNames,
        size: panelText,
        containers: z.number().int().min(0),
      }),
    )
    .max(PANEL_LIMITS.items),
  networks: z
    .array(
      z.strictObject({
        id: panelText,
        name: panelText,
        driver: panelText,
        subnet: panelText.nullable(),
        containers: panelNames,
      }),
    )
    .max(PANEL_LIMITS.items),
  volumes: z
    .array(
      z.strictObject({
        name: panelText,
        driver: panelText,
        anonymous: z.boolean(),
        mountedBy: panelNames,
      }),
    )
    .max(PANEL_LIMITS.items),
  selected: z
    .strictObject({
      id: containerId,
      name: panelText,
      image: panelText,
      command: panelText,
      created: panelText,
      state: containerState,
      status: panelText,
      exitCode: z.number().int(),
      restartPolicy: panelText,
      restartCount: z.number().int().min(0),
      networks: z
        .array(
          z.strictObject({
            name: panelText,
            ip: panelText,
            gateway: panelText,
            aliases: panelNames,
          }),
        )
        .max(PANEL_LIMITS.names),
      mounts: z
        .array(
          z.strictObject({
            type: panelText,
            source: panelText,
            destination: panelText,
            readOnly: z.boolean(),
          }),
        )
        .max(PANEL_LIMITS.names),
      ports: panelNames,
      logs: z
        .array(z.strictObject({ stream: z.enum(['stdout', 'stderr']), text: panelText }))
        .max(PANEL_LIMITS.logLines),
    })
    .nullable(),
})

const health = z.enum(['starting', 'healthy', 'unhealthy'])

/** The compose view's projects (src/sim/compose/snapshot.ts). */
const composeText = z.string().max(COMPOSE_PANEL_LIMITS.text)
const composeNames = z.array(composeText).max(COMPOSE_PANEL_LIMITS.items)
const composePanelState: z.ZodType<ComposePanelProject[]> = z
  .array(
    z.strictObject({
      name: composeText,
      workingDir: composeText,
      status: composeText,
      services: z
        .array(
          z.strictObject({
            name: composeText,
            state: containerState,
            health: health.nullable(),
            containers: z
              .array(
                z.strictObject({
                  id: containerId,
                  name: composeText,
                  number: z.number().int().min(0),
                  state: containerState,
                  status: composeText,
                  health: health.nullable(),
                }),
              )
              .max(COMPOSE_PANEL_LIMITS.items),
            networks: composeNames,
            volumes: composeNames,
            ports: composeNames,
          }),
        )
        .max(COMPOSE_PANEL_LIMITS.items),
      networks: z
        .array(z.strictObject({ name: composeText, fullName: composeText, services: composeNames }))
        .max(COMPOSE_PANEL_LIMITS.items),
      volumes: z
        .array(z.strictObject({ name: composeText, fullName: composeText, services: composeNames }))
        .max(COMPOSE_PANEL_LIMITS.items),
    }),
  )
  .max(COMPOSE_PANEL_LIMITS.projects)

/** The cluster panel's view (src/sim/kube/snapshot.ts). */
const kubeText = z.string().max(CLUSTER_PANEL_LIMITS.text)
const kubeLabels = z
  .record(kubeText, kubeText)
  .refine((labels) => Object.keys(labels).length <= CLUSTER_PANEL_LIMITS.labels, 'too many labels')
const kubeItems = <T extends z.ZodType>(item: T, max: number = CLUSTER_PANEL_LIMITS.items) =>
  z.array(item).max(max)
const clusterPanelState: z.ZodType<ClusterPanelState> = z.strictObject({
  clusters: kubeItems(
    z.strictObject({
      profile: kubeText,
      server: kubeText,
      kubernetesVersion: kubeText,
      namespaces: kubeItems(kubeText),
      nodes: kubeItems(
        z.strictObject({
          name: kubeText,
          roles: kubeItems(kubeText, CLUSTER_PANEL_LIMITS.labels),
          status: kubeText,
          ready: z.boolean(),
          schedulable: z.boolean(),
          machine: z.enum(['running', 'stopped', 'paused', 'unknown']),
          internalIP: kubeText,
        }),
        CLUSTER_PANEL_LIMITS.nodes,
      ),
      pods: kubeItems(
        z.strictObject({
          namespace: kubeText,
          name: kubeText,
          node: kubeText.nullable(),
          status: kubeText,
          tone: z.enum(['running', 'pending', 'failed', 'terminating', 'completed', 'unknown']),
          ready: kubeText,
          restarts: z.number().int().min(0),
          ip: kubeText,
          owner: kubeText.nullable(),
          labels: kubeLabels,
        }),
        CLUSTER_PANEL_LIMITS.pods,
      ),
      workloads: kubeItems(
        z.strictObject({
          kind: z.enum(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']),
          namespace: kubeText,
          name: kubeText,
          ready: z.number().int().min(0),
          desired: z.number().int().min(0),
          owner: kubeText.nullable(),
          labels: kubeLabels,
        }),
      ),
      services: kubeItems(
        z.strictObject({
          namespace: kubeText,
          name: kubeText,
          type: kubeText,
          clusterIP: kubeText,
          ports: kubeText,
          selector: kubeText,
          labels: kubeLabels,
        }),
      ),
      events: kubeItems(
        z.strictObject({
          namespace: kubeText,
          type: kubeText,
          reason: kubeText,
          object: kubeText,
          message: kubeText,
          age: kubeText,
          count: z.number().int().min(0),
        }),
        CLUSTER_PANEL_LIMITS.events,
      ),
    }),
    CLUSTER_PANEL_LIMITS.clusters,
  ),
})

const clockRate = z.union(CLOCK_RATES.map((rate) => z.literal(rate))) as z.ZodType<ClockRate>

/** A line run on the student's behalf: one line of printable text, as a button would type it. */
export const MAX_RUN_LINE_LENGTH = 1000
const runLine = z
  .string()
  .min(1)
  .max(MAX_RUN_LINE_LENGTH)
  .regex(/^[^\x00-\x1f\x7f]+$/)

/** Renderer → host. */
export const rendererToHost = {
  /** Keystrokes or a paste, as xterm's onData gives them. */
  'terminal:input': z.strictObject({ data: z.string().min(1).max(MAX_INPUT_LENGTH) }),
  /** The terminal's size after a fit; the first one also starts the shell. */
  'terminal:resize': z.strictObject(terminalSize),
  /** Same as Ctrl-C. */
  'terminal:interrupt': z.strictObject({}),
  /** The container whose details the Docker panel shows (null: none). */
  'docker:select': z.strictObject({ id: containerId.nullable() }),
  /**
   * The clock controls: run the virtual clock at a rate of real time (0 pauses it), or move it
   * forward by a step at once.
   */
  'clock:control': z.discriminatedUnion('action', [
    z.strictObject({ action: z.literal('rate'), rate: clockRate }),
    z.strictObject({
      action: z.literal('step'),
      ms: z.union(CLOCK_STEPS.map((ms) => z.literal(ms))),
    }),
  ]),
  /**
   * A command a panel's button runs (`minikube node stop minikube-m02`), typed into the shell as
   * the student would type it, so it shows in the terminal and in the history.
   */
  'session:run-line': z.strictObject({ line: runLine }),
}

/** Host → renderer. */
export const hostToRenderer = {
  'terminal:output': z.strictObject({ data: z.string() }),
  'terminal:exit': z.strictObject({ code: z.number().int() }),
  /**
   * What the state panels show, sent after each command and whenever the daemon changes
   * (at most every 100 ms): the virtual time and its rate, the shell's directory, the Docker
   * objects, the Compose projects among them, and the Kubernetes clusters.
   */
  'session:state': z.strictObject({
    clockMs: z.number(),
    clockRate: clockRate,
    cwd: z.string().max(4096),
    docker: dockerPanelState,
    compose: composePanelState,
    cluster: clusterPanelState,
  }),
}

export type RendererToHostChannel = keyof typeof rendererToHost
export type HostToRendererChannel = keyof typeof hostToRenderer
export type RendererToHost = {
  [C in RendererToHostChannel]: z.infer<(typeof rendererToHost)[C]>
}
export type HostToRenderer = {
  [C in HostToRendererChannel]: z.infer<(typeof hostToRenderer)[C]>
}

/** A message as one value: what a Worker posts, and what the hosts switch on. */
export type RendererMessage = {
  [C in RendererToHostChannel]: { channel: C; payload: RendererToHost[C] }
}[RendererToHostChannel]
export type HostMessage = {
  [C in HostToRendererChannel]: { channel: C; payload: HostToRenderer[C] }
}[HostToRendererChannel]

export const rendererToHostChannels = Object.keys(rendererToHost) as RendererToHostChannel[]
export const hostToRendererChannels = Object.keys(hostToRenderer) as HostToRendererChannel[]

export type Parsed<T> = { ok: true; message: T } | { ok: false; reason: string }

function isChannel<C extends string>(channels: readonly C[], value: unknown): value is C {
  return typeof value === 'string' && (channels as readonly string[]).includes(value)
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(payload)'}: ${issue.message}`)
    .join('; ')
}

/** Checks a message arriving at a host. Electron passes channel and payload apart. */
export function parseRendererMessage(channel: unknown, payload: unknown): Parsed<RendererMessage> {
  if (!isChannel(rendererToHostChannels, channel))
    return { ok: false, reason: `unknown channel ${JSON.stringify(String(channel)).slice(0, 60)}` }
  const result = rendererToHost[channel].safeParse(payload)
  if (!result.success) return { ok: false, reason: `${channel}: ${describe(result.error)}` }
  // The schema for `channel` produced the payload, so the pair is one member of the union.
  return { ok: true, message: { channel, payload: result.data } as RendererMessage }
}

/** Checks a message arriving at the renderer. */
export function parseHostMessage(channel: unknown, payload: unknown): Parsed<HostMessage> {
  if (!isChannel(hostToRendererChannels, channel))
    return { ok: false, reason: `unknown channel ${JSON.stringify(String(channel)).slice(0, 60)}` }
  const result = hostToRenderer[channel].safeParse(payload)
  if (!result.success) return { ok: false, reason: `${channel}: ${describe(result.error)}` }
  return { ok: true, message: { channel, payload: result.data } as HostMessage }
}

/** Reads `{channel, payload}` off a Worker message. */
export function splitEnvelope(data: unknown): { channel: unknown; payload: unknown } {
  if (typeof data !== 'object' || data === null) return { channel: undefined, payload: undefined }
  const record = data as Record<string, unknown>
  return { channel: record.channel, payload: record.payload }
}

export type SessionState = HostToRenderer['session:state']

/** What the renderer sees of its host, whichever it is: `window.quai` in Electron, a Worker on the web. */
export interface QuaiApi {
  /** Subscribes to terminal output; returns the unsubscribe function. */
  onOutput(listener: (data: string) => void): () => void
  /** The shell ended with this status. */
  onExit(listener: (code: number) => void): () => void
  input(data: string): void
  resize(cols: number, rows: number): void
  interrupt(): void
  /** Subscribes to the state panels' snapshots; returns the unsubscribe function. */
  onState(listener: (state: SessionState) => void): () => void
  /** Asks for one container's details (and recent logs) in the next snapshots. */
  selectContainer(id: string | null): void
  /** Pauses, resumes, speeds up or steps the virtual clock. */
  controlClock(control: ClockControl): void
  /** Types `line` into the shell and runs it, as if the student had typed it. */
  runLine(line: string): void
}

export type ClockControl = RendererToHost['clock:control']
