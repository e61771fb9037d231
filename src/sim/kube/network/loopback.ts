/**
 * Host processes that listen on the loopback while they run: `kubectl proxy` on 127.0.0.1:8001,
 * `kubectl port-forward` on 127.0.0.1 and [::1]. The shell's network tools on the host find them
 * through the engine's reach hook (docker/engine/reach.ts), asked before Docker's own answer. A
 * listener is gone the moment its command ends (Ctrl-C): the port then refuses again.
 */
import { addReachHook, type Connection } from '../../docker/engine/reach'
import { err, ok, type Result } from '../../core/errors'
import type { World } from '../../world'

/** What a listener does with one accepted connection. */
export type Accept = (nowMs: number) => Connection

const listeners = new WeakMap<World, Map<string, Accept>>()

const keyOf = (address: string, port: number): string => `${address}|${port}`

function table(world: World): Map<string, Accept> {
  let map = listeners.get(world)
  if (map === undefined) {
    map = new Map()
    listeners.set(world, map)
    // Only the host's own loopback: a container's 127.0.0.1 is its own.
    addReachHook(world.docker, (address, port, nowMs, from) => {
      if (from !== undefined) return undefined
      return map?.get(keyOf(address, port))?.(nowMs)
    })
  }
  return map
}

/** True when something of Quai's already listens there. */
export function isListening(world: World, address: string, port: number): boolean {
  return table(world).has(keyOf(address, port))
}

/**
 * Listens on `address:port` (the caller checks the port is free first, to word its own error);
 * the returned function closes the listener.
 */
export function listen(
  world: World,
  address: string,
  port: number,
  accept: Accept,
): Result<() => void, 'in-use'> {
  const map = table(world)
  const key = keyOf(address, port)
  if (map.has(key)) return err('in-use')
  map.set(key, accept)
  return ok(() => {
    if (map.get(key) === accept) map.delete(key)
  })
}
