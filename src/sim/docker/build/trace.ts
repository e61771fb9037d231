/**
 * What a build reports while it runs, shaped like BuildKit's SolveStatus (client/graph.go):
 * vertexes with their start and completion times, the statuses under them (transfers, layer
 * downloads, export steps) and their log lines. Times are virtual milliseconds. The docker CLI
 * turns a trace into text (progress.ts); the builder never formats it.
 */

export interface VertexStatus {
  /** `transferring dockerfile:`, `sha256:…`, `extracting sha256:…`, `writing image sha256:…`. */
  readonly id: string
  readonly current: number
  readonly total: number
  readonly startedMs: number
  completedMs: number | undefined
}

export interface VertexLog {
  readonly atMs: number
  readonly text: string
}

export interface Vertex {
  /** `#N`: the order vertexes started in, from 1. */
  readonly index: number
  readonly name: string
  readonly startedMs: number
  completedMs: number | undefined
  cached: boolean
  error: string | undefined
  readonly statuses: VertexStatus[]
  readonly logs: VertexLog[]
}

/** A lint rule's finding (BuildKit's VertexWarning), listed after the build. */
export interface BuildWarning {
  readonly rule: string
  readonly message: string
  readonly line: number
}

/** The error a failed build ends with, and the Dockerfile lines its excerpt shows. */
export interface BuildFailure {
  /** After `ERROR: `: `failed to solve: …`, `unable to prepare context: …`. */
  readonly message: string
  readonly source?: {
    readonly filename: string
    readonly text: string
    readonly start: number
    readonly end: number
  }
}

export class BuildTrace {
  readonly vertexes: Vertex[] = []
  readonly warnings: BuildWarning[] = []
  /** `building with "default" instance using docker driver`. */
  readonly description = 'building with "default" instance using docker driver'

  constructor(private readonly now: () => number) {}

  start(name: string): Vertex {
    const vertex: Vertex = {
      index: this.vertexes.length + 1,
      name,
      startedMs: this.now(),
      completedMs: undefined,
      cached: false,
      error: undefined,
      statuses: [],
      logs: [],
    }
    this.vertexes.push(vertex)
    return vertex
  }

  complete(vertex: Vertex, outcome: { cached?: boolean; error?: string } = {}): void {
    vertex.completedMs = this.now()
    vertex.cached = outcome.cached ?? false
    vertex.error = outcome.error
  }

  status(vertex: Vertex, id: string, current = 0, total = 0, startedMs = this.now()): VertexStatus {
    const status: VertexStatus = { id, current, total, startedMs, completedMs: undefined }
    vertex.statuses.push(status)
    return status
  }

  warn(rule: string, message: string, line: number): void {
    if (!this.warnings.some((w) => w.rule === rule && w.line === line && w.message === message))
      this.warnings.push({ rule, message, line })
  }
}
