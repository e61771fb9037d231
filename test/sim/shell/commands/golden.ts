import { describe, expect, it } from 'vitest'
import { oracleUnavailable, runQuai, runReal, type FixtureEntry, type LineResult } from './oracle'

/**
 * Golden tests for Quai's commands. Every case pins Quai's exact output at a fixed virtual time
 * (so the file means something on any machine), and, where real bash and GNU coreutils can run
 * (see oracle.ts), the same line is also run through both and compared byte for byte at the
 * present time. The expected strings were recorded from Quai after that comparison passed.
 */

export interface GoldenCase {
  /** The behaviour pinned, in words. */
  name: string
  line: string
  stdout?: string
  stderr?: string
  exitCode?: number
  /** Run with a terminal of this many columns attached. */
  tty?: number
  fixture?: readonly FixtureEntry[]
  /** Why the real tools cannot be compared on this line (the case still pins Quai's output). */
  notComparable?: string
}

/** 2026-01-05 09:30 UTC: half an hour after every fixture file was last written. */
export const GOLDEN_NOW_MS = Date.UTC(2026, 0, 5, 9, 30, 0)

/** Text made of whole lines. */
export const lines = (...text: string[]): string => text.map((l) => `${l}\n`).join('')

function comparable(result: LineResult, tty: boolean): LineResult {
  // On a pseudo-terminal both streams arrive together, as the student would see them.
  return tty
    ? { stdout: result.stdout + result.stderr, stderr: '', exitCode: result.exitCode }
    : result
}

export function goldenSuite(
  family: string,
  fixture: readonly FixtureEntry[],
  cases: readonly GoldenCase[],
  /** Programs the comparison needs beyond bash and coreutils (tree is a package of its own). */
  tools: readonly string[] = [],
): void {
  describe(family, () => {
    for (const c of cases) {
      it(c.name, async () => {
        const result = await runQuai(c.fixture ?? fixture, c.line, GOLDEN_NOW_MS, c.tty)
        expect(result).toEqual({
          stdout: c.stdout ?? '',
          stderr: c.stderr ?? '',
          exitCode: c.exitCode ?? 0,
        })
      })
    }

    describe('matches real bash and GNU coreutils', () => {
      const unavailable = oracleUnavailable(tools)
      if (unavailable !== undefined)
        console.log(`${family}: not comparing with real bash: ${unavailable}`)
      for (const c of cases) {
        it.skipIf(unavailable !== undefined || c.notComparable !== undefined)(c.line, async () => {
          // Times shown to the minute can straddle a minute boundary: one retry settles it.
          for (let attempt = 0; ; attempt++) {
            const now = Date.now()
            const quai = comparable(
              await runQuai(c.fixture ?? fixture, c.line, now, c.tty),
              c.tty !== undefined,
            )
            const real = await runReal(c.fixture ?? fixture, c.line, now, c.tty)
            if (attempt === 1 || JSON.stringify(quai) === JSON.stringify(real)) {
              expect(quai).toEqual(real)
              return
            }
          }
        })
      }
    })
  })
}
