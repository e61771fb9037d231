/**
 * How long one `session.run(line)` takes for the lines students type all day. Bundled into
 * out/cli/bench.mjs; scripts/bench.mjs prints the figures next to their targets.
 */
import { Session } from '../sim/shell/session'

/** Ordinary lines, cycled in this order in one session; the mkdir/rm pairs keep the fs small. */
export const BENCH_LINES: readonly string[] = [
  'echo hello world',
  'cd /tmp',
  'pwd',
  'cd ~',
  'ls',
  'ls -la /etc',
  'cat /etc/hostname',
  'echo $HOME | tr a-z A-Z',
  'cat /etc/passwd | grep student',
  'N=$((N + 1)); echo "line $N"',
  'mkdir -p work/a/b && cd work/a/b && pwd && cd ~',
  'echo data > work/notes.txt && cat work/notes.txt',
  'rm -rf work',
  'for i in 1 2 3; do echo "item $i"; done',
  'echo "a b c" | wc -w',
  "printf '%s\\n' pear apple fig | sort",
  'grep -c root /etc/passwd',
  "seq 5 | awk '{ s += $1 } END { print s }'",
  'export GREETING=hi; echo ${GREETING:-none}',
  'if [ -d /etc ]; then echo yes; else echo no; fi',
  'nosuchcommand',
  'echo $?',
  'head -n 2 /etc/passwd | cut -d: -f1',
  'echo one two | sed s/one/1/',
]

export interface Percentiles {
  count: number
  p50: number
  p99: number
  mean: number
  max: number
}

export interface ShellBenchmark {
  overall: Percentiles
  /** The same figures per line of BENCH_LINES, slowest p99 first. */
  byLine: { line: string; stats: Percentiles }[]
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN
}

export function summarize(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b)
  const total = sorted.reduce((sum, x) => sum + x, 0)
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.length === 0 ? Number.NaN : total / sorted.length,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  }
}

export async function benchmarkShell(lines = 10_000, warmup = 500): Promise<ShellBenchmark> {
  const session = await Session.create({ seed: 1, timing: 'instant' })
  // Let the JIT see every kind of line before the measured runs.
  for (let i = 0; i < warmup; i++) await session.run(BENCH_LINES[i % BENCH_LINES.length] ?? '')
  const samples: number[] = []
  const perLine = BENCH_LINES.map(() => [] as number[])
  for (let i = 0; i < lines; i++) {
    const index = i % BENCH_LINES.length
    // performance.now(): the session swaps Date for its virtual clock while a line runs.
    const start = performance.now()
    await session.run(BENCH_LINES[index] ?? '')
    const elapsed = performance.now() - start
    samples.push(elapsed)
    perLine[index]?.push(elapsed)
  }
  const byLine = BENCH_LINES.map((line, i) => ({ line, stats: summarize(perLine[i] ?? []) }))
  byLine.sort((a, b) => b.stats.p99 - a.stats.p99)
  return { overall: summarize(samples), byLine }
}
