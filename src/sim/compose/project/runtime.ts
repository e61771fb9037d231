import type { DockerEngine } from '../../docker/engine/engine'
import type { CommandContext } from '../../shell/command'
import type { ProgressWriter } from '../progress/writer'

/** What project operations work with: the daemon, the shell (clock, files), and the display. */
export interface ComposeRuntime {
  readonly engine: DockerEngine
  readonly shell: CommandContext
  readonly progress: ProgressWriter
  /** Non-fatal messages (logrus warnings) for stderr, before the progress block. */
  warn(message: string): void
  /** `--parallel` / COMPOSE_PARALLEL_LIMIT: how many services run at once; -1 or none, no cap. */
  readonly parallel?: number
}

/** Progress ids as compose names them. */
export const progressId = {
  container: (name: string) => `Container ${name}`,
  network: (name: string) => `Network ${name}`,
  volumeCreate: (name: string) => `Volume ${JSON.stringify(name)}`,
  volume: (name: string) => `Volume ${name}`,
  image: (name: string) => `Image ${name}`,
}
