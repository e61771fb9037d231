/**
 * The apps running in containers: read once when their process starts (the command runner calls
 * startApp), then asked by reach.ts when a connection comes to one of their ports. An app that
 * listens on a loopback address only is found from inside its own container, while Docker's
 * proxy on a published port, or another container, finds nothing on its eth0.
 */
import type { VirtualFs } from '../../fs/virtual-fs'
import type { ContainerRecord } from '../engine/container-record'
import type { DockerEngine } from '../engine/engine'
import type { HttpOutcome, HttpRequest } from '../engine/http-service'
import { snapshotFiles } from './app-files'
import type { AppContext, AppReader, AppServer } from './app-server'
import { envLookup, isLoopbackHost } from './listen-ports'
import { readNodeApp } from './node-apps'
import { readPythonApp } from './python-apps'
import { readStaticServer } from './static-server'

const READERS: readonly AppReader[] = [readStaticServer, readPythonApp, readNodeApp]

interface Running {
  pid: number
  server: AppServer
}

const running = new WeakMap<ContainerRecord, Running>()

/** Reads the app `argv` starts, with the files its container has now. */
export async function readApp(
  fs: VirtualFs,
  record: ContainerRecord,
  argv: readonly string[],
  startedMs: number,
): Promise<AppServer | undefined> {
  const cwd = record.config.WorkingDir || '/'
  const files = await snapshotFiles(fs, cwd)
  let containerIp: string | undefined
  for (const endpoint of record.networks.values())
    if (containerIp === undefined && endpoint.IPAddress !== '') containerIp = endpoint.IPAddress
  const context: AppContext = {
    argv,
    env: envLookup(record.config.Env),
    files,
    startedMs,
    containerIp,
    tty: record.config.Tty,
  }
  for (const read of READERS) {
    const server = read(context)
    if (server !== undefined) return server
  }
  return undefined
}

/** Marks `server` as the process now running in the container (until its pid changes). */
export function registerApp(record: ContainerRecord, server: AppServer): void {
  running.set(record, { pid: record.state.pid, server })
}

/** The app the container's current main process runs, if one was read. */
export function runningApp(record: ContainerRecord): AppServer | undefined {
  const found = running.get(record)
  if (found === undefined || found.pid !== record.state.pid) return undefined
  const status = record.state.status
  return status === 'running' || status === 'paused' ? found.server : undefined
}

export type AppListen = 'listening' | 'loopback-only' | 'closed'

/**
 * Whether the app listens on `port` for a connection made to a loopback address (`toLoopback`)
 * or to one of the container's network addresses.
 */
export function appListens(record: ContainerRecord, port: number, toLoopback: boolean): AppListen {
  const server = runningApp(record)
  if (server === undefined) return 'closed'
  const on = server.listens.filter((l) => l.port === port)
  if (on.length === 0) return 'closed'
  if (toLoopback || on.some((l) => !isLoopbackHost(l.host))) return 'listening'
  return 'loopback-only'
}

/** A deterministic ephemeral port for a client, as the kernel would pick from 32768–60999. */
function ephemeralPort(clientIp: string, nowMs: number): number {
  let hash = nowMs % 28232
  for (const c of clientIp) hash = (hash * 31 + c.charCodeAt(0)) % 28232
  return 32768 + hash
}

/** The app's answer to one request; its access-log lines go to the container's logs. */
export function appRespond(
  engine: DockerEngine,
  record: ContainerRecord,
  clientIp: string,
  localIp: string,
): ((request: HttpRequest, nowMs: number) => HttpOutcome) | undefined {
  const server = runningApp(record)
  if (server === undefined) return undefined
  return (request, nowMs) => {
    const exchange = server.respond(request, {
      nowMs,
      clientIp,
      clientPort: ephemeralPort(clientIp, nowMs),
      localIp,
    })
    for (const line of exchange.logs) engine.writeLog(record.id, line.stream, line.text)
    return exchange.outcome
  }
}
