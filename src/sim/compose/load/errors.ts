import { QuaiError } from '../../core/errors'

/**
 * Why a project could not be loaded. The message is exactly what `docker compose` prints on
 * stderr (without a prefix) before exiting with status 1.
 */
export class ComposeLoadError extends QuaiError<'COMPOSE_LOAD'> {
  constructor(message: string) {
    super('COMPOSE_LOAD', message)
    this.name = 'ComposeLoadError'
  }
}

/** Thrown inside the loader's pure steps and caught once at the top (loadProject). */
export function fail(message: string): never {
  throw new ComposeLoadError(message)
}

/** logrus's text formatter when stderr is a terminal: level, seconds since start, message. */
export function warnLine(message: string): string {
  return `WARN[0000] ${message}`
}
