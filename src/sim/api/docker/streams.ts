/**
 * The daemon's log stream framing (moby pkg/stdcopy): without a TTY each write is one frame,
 * an 8-byte header — the stream (1 stdout, 2 stderr), three zero bytes, the payload length as a
 * big-endian uint32 — then the payload. With a TTY the bytes go out raw.
 */
export function stdcopyFrame(stream: 'stdout' | 'stderr', payload: string): Uint8Array {
  const bytes = new TextEncoder().encode(payload)
  const frame = new Uint8Array(8 + bytes.length)
  frame[0] = stream === 'stdout' ? 1 : 2
  const size = bytes.length
  frame[4] = (size >>> 24) & 0xff
  frame[5] = (size >>> 16) & 0xff
  frame[6] = (size >>> 8) & 0xff
  frame[7] = size & 0xff
  frame.set(bytes, 8)
  return frame
}

export const MULTIPLEXED_STREAM = 'application/vnd.docker.multiplexed-stream'
export const RAW_STREAM = 'application/vnd.docker.raw-stream'
