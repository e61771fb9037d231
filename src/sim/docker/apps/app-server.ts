/**
 * What an application process started in a container is, once read: where it listens, what it
 * writes when it starts, and how it answers one HTTP request (with the access-log lines it
 * writes for it). Built by the framework readers (python-apps.ts, node-apps.ts,
 * static-server.ts) from the command, the environment and the app's files.
 */
import type { HttpOutcome, HttpRequest } from '../engine/http-service'
import type { AppFiles } from './app-files'
import type { ListenAddress } from './listen-ports'

export interface OutputLine {
  stream: 'stdout' | 'stderr'
  text: string
}

export interface RequestContext {
  nowMs: number
  /** The peer address the server sees (the gateway for published ports). */
  clientIp: string
  /** The peer's ephemeral port, for servers that log it. */
  clientPort: number
  /** The address the connection was made to, as the server's socket sees it. */
  localIp: string
}

export interface Exchange {
  outcome: HttpOutcome
  logs: OutputLine[]
}

export interface AppServer {
  /** Framework and runtime, for messages: `flask`, `express`, `http.server`… */
  kind: string
  listens: ListenAddress[]
  startup: OutputLine[]
  respond(request: HttpRequest, context: RequestContext): Exchange
}

/** What a framework reader is given. */
export interface AppContext {
  /** The command, wrappers and `sh -c` removed. */
  argv: readonly string[]
  env: (name: string) => string | undefined
  files: AppFiles
  startedMs: number
  /** The container's first address (Flask prints it). */
  containerIp: string | undefined
  /** Whether the process writes to a terminal (`-t`): Python then flushes print() at once. */
  tty: boolean
}

export type AppReader = (context: AppContext) => AppServer | undefined
