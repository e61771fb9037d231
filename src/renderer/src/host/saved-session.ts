import { z } from 'zod'
import { Session, type SessionSnapshot } from '../../../sim/shell/session'

/**
 * The web host keeps each student's session in their own browser (IndexedDB) and picks it up on
 * the next visit. What comes back from storage is untrusted: it is parsed, and anything that does
 * not parse or restore gives a fresh session with a visible note, never a broken page.
 */

const fsNodeCommon = {
  path: z.string().startsWith('/'),
  mode: z.number().int().nonnegative(),
  mtimeMs: z.number(),
}

const fsNode = z.discriminatedUnion('type', [
  z.object({ ...fsNodeCommon, type: z.literal('directory') }),
  z.object({ ...fsNodeCommon, type: z.literal('file'), base64: z.string() }),
  z.object({ ...fsNodeCommon, type: z.literal('symlink'), target: z.string() }),
])

const sessionSnapshot = z.object({
  version: z.literal(1),
  seed: z.number().int(),
  random: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  clockMs: z.number().nonnegative(),
  fs: z.object({ limitBytes: z.number().int().positive(), nodes: z.array(fsNode) }),
  env: z.record(z.string(), z.string()),
  exported: z.array(z.string()),
  cwd: z.string().startsWith('/'),
  previousDir: z.string(),
  lastExitCode: z.number().int(),
  history: z.array(z.string()),
  functions: z.array(z.string()),
})

/** Printed above the first prompt; ANSI colours, \n line endings. */
export const NOTES = {
  restored:
    '\x1b[2m[Quai] Session reprise là où vous l’aviez laissée ' +
    '(ajoutez ?reset à l’adresse pour repartir de zéro).\x1b[0m\n',
  unreadable:
    '\x1b[33m[Quai] La session enregistrée dans ce navigateur était illisible : ' +
    'une nouvelle session commence.\x1b[0m\n',
  noStorage:
    '\x1b[2m[Quai] Ce navigateur ne garde pas les sessions : ' +
    'votre travail sera perdu en fermant la page.\x1b[0m\n',
} as const

export interface OpenedSession {
  session: Session
  outcome: 'fresh' | 'restored' | 'unreadable'
  /** What the student is told before the first prompt, if anything. */
  note?: string
}

function fresh(seed: number): Promise<Session> {
  return Session.create({ seed, timing: 'realtime' })
}

/**
 * The session to run: the saved one when `load` gives a snapshot that parses and restores, a
 * fresh one otherwise. `load` may throw (storage failing): that counts as unreadable.
 */
export async function openSavedSession(
  load: () => Promise<unknown>,
  seed: number,
  log: (message: string, error?: unknown) => void = () => undefined,
): Promise<OpenedSession> {
  let saved: unknown
  try {
    saved = await load()
  } catch (error) {
    log('[quai] the saved session could not be read', error)
    return { session: await fresh(seed), outcome: 'unreadable', note: NOTES.unreadable }
  }
  if (saved === undefined) return { session: await fresh(seed), outcome: 'fresh' }
  const parsed = sessionSnapshot.safeParse(saved)
  if (!parsed.success) {
    log(`[quai] the saved session is not a snapshot: ${parsed.error.message}`)
    return { session: await fresh(seed), outcome: 'unreadable', note: NOTES.unreadable }
  }
  const snapshot: SessionSnapshot = parsed.data
  try {
    const session = await Session.restore(snapshot, { timing: 'realtime' })
    return { session, outcome: 'restored', note: NOTES.restored }
  } catch (error) {
    log('[quai] the saved session could not be restored', error)
    return { session: await fresh(seed), outcome: 'unreadable', note: NOTES.unreadable }
  }
}
