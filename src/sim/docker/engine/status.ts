import { humanDuration } from '../../cli-kit/go-units'
import type { RunState } from './container-record'

/** The `Status` column of `docker ps`, as the daemon words it (moby container/state.go). */
export function describeStatus(state: RunState, nowMs: number): string {
  const since = (ms: number | undefined): string => humanDuration(nowMs - (ms ?? nowMs))
  const health =
    state.health === undefined
      ? ''
      : state.health.status === 'starting'
        ? ' (health: starting)'
        : ` (${state.health.status})`
  switch (state.status) {
    case 'running':
      return `Up ${since(state.startedAtMs)}${health}`
    case 'paused':
      return `Up ${since(state.startedAtMs)} (Paused)`
    case 'restarting':
      return `Restarting (${state.exitCode}) ${since(state.finishedAtMs)} ago`
    case 'dead':
      return 'Dead'
    case 'removing':
      return 'Removal In Progress'
    case 'created':
      return 'Created'
    case 'exited':
      return state.finishedAtMs === undefined
        ? 'Created'
        : `Exited (${state.exitCode}) ${since(state.finishedAtMs)} ago`
  }
}
