/**
 * Domain errors are values with a stable `code`, structured `data` and the real tool's message,
 * so they cross IPC intact and tests can check the exact text.
 */
export class QuaiError<Code extends string = string, Data = unknown> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly data?: Data,
  ) {
    super(message)
    this.name = 'QuaiError'
  }

  toJSON(): { name: string; code: Code; message: string; data?: Data } {
    return { name: this.name, code: this.code, message: this.message, data: this.data }
  }
}

export type Result<T, E = QuaiError> = { ok: true; value: T } | { ok: false; error: E }

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value })
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error })
