import type { LoaderFs } from './discovery'
import { warnLine } from './errors'
import type { SubstituteOptions } from './interpolate'

/** What the loading steps share: the filesystem, the interpolation environment, the warnings. */
export interface LoadState {
  fs: LoaderFs
  environment: Record<string, string>
  warnings: string[]
  interpolate: boolean
  home: string | undefined
}

export function substituteOptions(state: LoadState): SubstituteOptions {
  return {
    lookup: (name) => state.environment[name],
    onUnset: (name) => {
      state.warnings.push(
        warnLine(`The ${JSON.stringify(name)} variable is not set. Defaulting to a blank string.`),
      )
    },
  }
}
