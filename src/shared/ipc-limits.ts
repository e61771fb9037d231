/**
 * The bounds of the IPC contract (src/shared/ipc.ts), apart from the schemas so that the renderer
 * can read them without bundling zod.
 */

/** Wider than any screen: a 4K display at a 6 px font is about 640 columns. */
export const MAX_COLS = 1000
export const MAX_ROWS = 500
/** A large paste (a long manifest) fits in one message; a larger one is sent in pieces. */
export const MAX_INPUT_LENGTH = 256 * 1024
