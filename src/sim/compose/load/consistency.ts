import type { ComposeProject } from '../model'
import { fail } from './errors'

/**
 * compose-go's checkConsistency, run on the enabled services: every reference (depends_on,
 * networks, volumes, secrets, configs, network_mode service:x) names something defined, a
 * service has an image or a build, and depends_on has no cycle.
 */
export function checkConsistency(project: ComposeProject): void {
  for (const name of Object.keys(project.services).sort()) {
    const svc = project.services[name]
    if (svc === undefined) continue
    if (svc.image === undefined && svc.build === undefined && svc.extra.provider === undefined) {
      fail(
        `service ${JSON.stringify(name)} has neither an image nor a build context specified: invalid compose project`,
      )
    }
    for (const dep of Object.keys(svc.depends_on).sort()) {
      if (dep in project.services) continue
      const disabled = project.disabledServices[dep]
      const required = svc.depends_on[dep]?.required !== false
      if (disabled !== undefined) {
        if (!required) {
          delete svc.depends_on[dep]
          continue
        }
        fail(
          `service ${JSON.stringify(dep)} is required by ${JSON.stringify(name)} but is disabled. Can be enabled by profiles [${disabled.profiles.join(' ')}]`,
        )
      }
      if (!required) {
        delete svc.depends_on[dep]
        continue
      }
      fail(
        `service ${JSON.stringify(name)} depends on undefined service ${JSON.stringify(dep)}: invalid compose project`,
      )
    }
    if (svc.network_mode?.startsWith('service:')) {
      const target = svc.network_mode.slice('service:'.length)
      if (!(target in project.services) && !(target in project.disabledServices)) {
        fail(`service ${JSON.stringify(target)} not found for network_mode 'service:${target}'`)
      }
    }
    for (const net of Object.keys(svc.networks)) {
      if (!(net in project.networks)) {
        fail(
          `service ${JSON.stringify(name)} refers to undefined network ${net}: invalid compose project`,
        )
      }
    }
    for (const vol of svc.volumes) {
      if (
        vol.type === 'volume' &&
        vol.source !== undefined &&
        vol.source !== '' &&
        !(vol.source in project.volumes)
      ) {
        fail(
          `service ${JSON.stringify(name)} refers to undefined volume ${vol.source}: invalid compose project`,
        )
      }
    }
    for (const secret of svc.secrets) {
      if (!(secret.source in project.secrets)) {
        fail(
          `service ${JSON.stringify(name)} refers to undefined secret ${secret.source}: invalid compose project`,
        )
      }
    }
    for (const config of svc.configs) {
      if (!(config.source in project.configs)) {
        fail(
          `service ${JSON.stringify(name)} refers to undefined config ${config.source}: invalid compose project`,
        )
      }
    }
  }
  checkCycles(project)
}

function checkCycles(project: ComposeProject): void {
  const state = new Map<string, 'visiting' | 'done'>()
  const stack: string[] = []
  const visit = (name: string): void => {
    const mark = state.get(name)
    if (mark === 'done') return
    if (mark === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(name)), name]
      fail(`dependency cycle detected: ${cycle.join(' -> ')}`)
    }
    state.set(name, 'visiting')
    stack.push(name)
    for (const dep of Object.keys(project.services[name]?.depends_on ?? {}).sort()) {
      if (dep in project.services) visit(dep)
    }
    stack.pop()
    state.set(name, 'done')
  }
  for (const name of Object.keys(project.services).sort()) visit(name)
}
