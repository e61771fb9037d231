import { QuaiError } from '../../core/errors'

/**
 * A compose failure, with the text compose prints for it (on stderr, exit status 1): a daemon
 * refusal is already worded `Error response from daemon: …`, compose's own as compose words them.
 */
export class ComposeError extends QuaiError<'compose'> {
  constructor(message: string) {
    super('compose', message)
    this.name = 'ComposeError'
  }
}

export const daemonError = (message: string): ComposeError =>
  new ComposeError(`Error response from daemon: ${message}`)
