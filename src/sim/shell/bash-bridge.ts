import type { Bash } from 'just-bash'

/**
 * just-bash starts every `exec` from a copy of its base state and throws the copy away, so a
 * session that must feel like one long-lived bash writes what it carries (working directory,
 * variables, last status, functions, options) into that base state before each `exec`. The
 * library keeps that state private; this file is the one place that reaches into it, and
 * test/sim/shell/bash-bridge.test.ts pins the shape it relies on.
 */
interface BashBaseState {
  env: Map<string, string>
  cwd: string
  previousDir: string
  lastExitCode: number
  functions: Map<string, unknown>
  shoptOptions: Record<string, boolean>
  options: Record<string, boolean>
  exportedVars?: Set<string>
}

function isBaseState(value: unknown): value is BashBaseState {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    v.env instanceof Map &&
    typeof v.cwd === 'string' &&
    typeof v.lastExitCode === 'number' &&
    v.functions instanceof Map &&
    typeof v.shoptOptions === 'object' &&
    typeof v.options === 'object'
  )
}

export function baseStateOf(bash: Bash): BashBaseState {
  const state: unknown = (bash as unknown as { state: unknown }).state
  if (!isBaseState(state)) throw new Error('just-bash internals changed: see bash-bridge.ts')
  return state
}

export interface CarriedState {
  env: Record<string, string>
  exported: readonly string[]
  cwd: string
  previousDir: string
  lastExitCode: number
  functions: ReadonlyMap<string, unknown>
}

export function loadCarriedState(bash: Bash, carried: CarriedState): void {
  const state = baseStateOf(bash)
  state.env = new Map(Object.entries(carried.env))
  if (state.exportedVars) {
    state.exportedVars.clear()
    for (const name of carried.exported) state.exportedVars.add(name)
  }
  state.cwd = carried.cwd
  state.previousDir = carried.previousDir
  state.lastExitCode = carried.lastExitCode
  state.functions = new Map(carried.functions)
  // `set -o` and `shopt` options come back from each run in $SHELLOPTS and $BASHOPTS only.
  const setOptions = new Set((carried.env.SHELLOPTS ?? '').split(':'))
  for (const name of Object.keys(state.options)) state.options[name] = setOptions.has(name)
  const shopts = new Set((carried.env.BASHOPTS ?? '').split(':'))
  for (const name of Object.keys(state.shoptOptions)) state.shoptOptions[name] = shopts.has(name)
  // An interactive bash expands aliases; a script bash does not.
  state.shoptOptions.expand_aliases = true
}
