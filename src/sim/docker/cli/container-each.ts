/**
 * The pattern of docker's multi-container commands (stop, kill, pause, rm…, docker/cli
 * parallelOperation): each name is tried in turn; the names that worked are printed as given,
 * the failures are printed together at the end, one per line, and the status is then 1.
 */
import type { Result } from '../../core/errors'
import type { CommandOutput } from '../../shell/command'
import type { DaemonError } from '../engine/errors'

/** The API client's own check of an id (client.ContainerStop etc.): blank is refused unsent. */
export function blankReference(ref: string): string | undefined {
  return ref.trim() === '' ? 'invalid container name or ID: value is empty' : undefined
}

export type ContainerOperation = (ref: string) => Result<unknown, DaemonError>

export function eachContainer(
  refs: readonly string[],
  operation: ContainerOperation,
): CommandOutput {
  let stdout = ''
  const errors: string[] = []
  for (const ref of refs) {
    const blank = blankReference(ref)
    if (blank !== undefined) {
      errors.push(blank)
      continue
    }
    const result = operation(ref)
    if (result.ok) stdout += `${ref}\n`
    else errors.push(`Error response from daemon: ${result.error.message}`)
  }
  return {
    stdout,
    stderr: errors.length > 0 ? `${errors.join('\n')}\n` : '',
    exitCode: errors.length > 0 ? 1 : 0,
  }
}

/** Linux signal numbers by name, as moby/sys/signal knows them. */
const SIGNALS: Record<string, number> = {
  ABRT: 6,
  ALRM: 14,
  BUS: 7,
  CHLD: 17,
  CLD: 17,
  CONT: 18,
  FPE: 8,
  HUP: 1,
  ILL: 4,
  INT: 2,
  IO: 29,
  IOT: 6,
  KILL: 9,
  PIPE: 13,
  POLL: 29,
  PROF: 27,
  PWR: 30,
  QUIT: 3,
  SEGV: 11,
  STKFLT: 16,
  STOP: 19,
  SYS: 31,
  TERM: 15,
  TRAP: 5,
  TSTP: 20,
  TTIN: 21,
  TTOU: 22,
  URG: 23,
  USR1: 10,
  USR2: 12,
  VTALRM: 26,
  WINCH: 28,
  XCPU: 24,
  XFSZ: 25,
}

/** signal.ParseSignal: a number, or a name with or without SIG; the daemon refuses the rest. */
export function signalProblem(raw: string): string | undefined {
  if (raw === '') return undefined
  if (/^\d+$/.test(raw)) return Number(raw) === 0 ? `Invalid signal: ${raw}` : undefined
  const name = raw.toUpperCase().replace(/^SIG/, '')
  if (name in SIGNALS || /^RTMIN(\+\d+)?$|^RTMAX(-\d+)?$/.test(name)) return undefined
  return `Invalid signal: ${raw}`
}
