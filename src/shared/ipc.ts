import { z } from 'zod'
import { PANEL_LIMITS, type DockerPanelState } from '../sim/docker/engine/snapshot'
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
}

/** Host → renderer. */
export const hostToRenderer = {
  'terminal:output': z.strictObject({ data: z.string() }),
  'terminal:exit': z.strictObject({ code: z.number().int() }),
  /**
   * What the state panels show, sent after each command and whenever the daemon changes
   * (at most every 100 ms): the virtual time, the shell's directory and the Docker objects.
   */
  'session:state': z.strictObject({
    clockMs: z.number(),
    cwd: z.string().max(4096),
    docker: dockerPanelState,
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
}
