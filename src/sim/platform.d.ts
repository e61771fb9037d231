/**
 * The few platform objects src/sim relies on. Every host we target (Node, a browser Worker,
 * Electron's main process) has them; declaring them here, instead of pulling in the DOM or Node
 * type libraries, keeps everything else out of reach.
 */
interface AbortSignal {
  readonly aborted: boolean
  readonly reason: unknown
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void
  removeEventListener(type: 'abort', listener: () => void): void
}
declare let AbortSignal: { prototype: AbortSignal }
interface AbortController {
  readonly signal: AbortSignal
  abort(reason?: unknown): void
}
declare let AbortController: { prototype: AbortController; new (): AbortController }

interface TextEncoder {
  encode(input?: string): Uint8Array
}
declare let TextEncoder: { prototype: TextEncoder; new (): TextEncoder }
interface TextDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string
}
declare let TextDecoder: {
  prototype: TextDecoder
  new (label?: string, options?: { fatal?: boolean }): TextDecoder
}

declare function queueMicrotask(callback: () => void): void
