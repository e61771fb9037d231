/**
 * The services a command names on its command line, checked against the project as compose
 * does (`no such service: x`). A service switched off by its profiles is switched on when named.
 */
import { err, ok, type Result } from '../../core/errors'
import type { ComposeProject } from '../model'
import type { ComposeFailure } from './command'

export function selectServices(
  project: ComposeProject,
  names: readonly string[],
): Result<{ project: ComposeProject; services: string[] }, ComposeFailure> {
  if (names.length === 0) return ok({ project, services: Object.keys(project.services).sort() })
  let enabled = project
  for (const name of names) {
    if (enabled.services[name]) continue
    const disabled = enabled.disabledServices[name]
    if (!disabled) return err({ message: `no such service: ${name}`, exitCode: 1 })
    const { [name]: moved, ...rest } = enabled.disabledServices
    enabled = {
      ...enabled,
      services: { ...enabled.services, [name]: moved ?? disabled },
      disabledServices: rest,
    }
  }
  return ok({ project: enabled, services: [...new Set(names)] })
}
