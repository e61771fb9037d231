/**
 * `minikube addons list|enable|disable`: the v1.35.0 table (tablewriter's pipe borders, centred
 * headers, `enabled ✅`), the maintainer notice and the images each addon uses, and the workloads
 * ingress, metrics-server and dashboard deploy.
 */
import type { CommandOutput } from '../../shell/command'
import { ADDONS, addonInfo } from './addons-catalog'
import { installAddon, uninstallAddon } from './addon-workloads'
import {
  isProfile,
  loadHealthy,
  loadProfile,
  type Invocation,
  type MinikubeCommand,
  type MinikubeContext,
} from './command'
import { REASONS } from './output'
import { pipeTable } from './table'

/** What enabling prints before and after the images (addons.enableOrDisableAddon). */
export function announceAddon(mctx: MinikubeContext, name: string, when: 'start' | 'enable'): void {
  const { out } = mctx
  const info = addonInfo(name)
  if (info === undefined) return
  if (when === 'enable') {
    if (info.maintainer !== 'minikube') {
      out.step(
        'tip',
        `${name} is an addon maintained by ${info.maintainer}. For any concerns contact minikube on GitHub.\nYou can view the list of minikube maintainers at: https://github.com/kubernetes/minikube/blob/master/OWNERS`,
      )
    }
    for (const image of info.images) out.step('option', `Using image ${image}`)
  }
  if (name === 'dashboard') {
    out.step(
      'tip',
      'Some dashboard features require the metrics-server addon. To enable all features please run:\n\n\tminikube addons enable metrics-server\n',
    )
  }
  if (name === 'ingress' && when === 'enable') out.step('healthCheck', 'Verifying ingress addon...')
}

async function list(_inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const profile = loadProfile(mctx)
  if (!isProfile(profile)) return profile
  const rows = ADDONS.map((a) => [
    a.name,
    profile.name,
    profile.addons.has(a.name) ? 'enabled ✅' : 'disabled',
    a.maintainer,
  ])
  mctx.out.out(pipeTable(['ADDON NAME', 'PROFILE', 'STATUS', 'MAINTAINER'], rows, { wrap: 30 }))
  return mctx.out.result(0)
}

function addonArg(inv: Invocation, mctx: MinikubeContext, verb: string): string | CommandOutput {
  const name = inv.args[0]
  if (name === undefined || inv.args.length !== 1)
    return mctx.out.exit(REASONS.usage, `usage: minikube addons ${verb} ADDON_NAME`)
  return name
}

async function enable(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const name = addonArg(inv, mctx, 'enable')
  if (typeof name !== 'string') return name
  const profile = loadHealthy(mctx)
  if (!isProfile(profile)) return profile
  const { out } = mctx
  if (addonInfo(name) === undefined)
    return out.exit(
      { id: 'MK_ADDON_ENABLE', code: 10 },
      `run callbacks: ${name} is not a valid addon`,
    )
  if (profile.addons.has(name)) {
    out.step('check', `The '${name}' addon is already enabled`)
    return out.result(0)
  }
  announceAddon(mctx, name, 'enable')
  out.live()
  await mctx.shell.sleep(name === 'ingress' ? 20_000 : 2_000)
  profile.addons.add(name)
  installAddon(profile.cluster, name)
  out.step('addonEnable', `The '${name}' addon is enabled`)
  return out.result(0)
}

async function disable(inv: Invocation, mctx: MinikubeContext): Promise<CommandOutput> {
  const name = addonArg(inv, mctx, 'disable')
  if (typeof name !== 'string') return name
  const profile = loadHealthy(mctx)
  if (!isProfile(profile)) return profile
  const { out } = mctx
  if (addonInfo(name) === undefined)
    return out.exit(
      { id: 'MK_ADDON_DISABLE', code: 10 },
      `disable failed: run callbacks: ${name} is not a valid addon`,
    )
  if (!profile.addons.has(name)) {
    out.step('check', `The '${name}' addon is already disabled`)
    return out.result(0)
  }
  profile.addons.delete(name)
  uninstallAddon(profile.cluster, name)
  out.step('addonDisable', `"The '${name}' addon is disabled"`)
  return out.result(0)
}

export const addonsCommand: MinikubeCommand = {
  name: 'addons',
  short: 'Enable or disable a minikube addon',
  long: 'addons modifies minikube addons files using subcommands like "minikube addons enable dashboard"',
  use: 'addons SUBCOMMAND [flags]',
  subcommands: [
    {
      name: 'list',
      short:
        'Lists all available minikube addons as well as their current statuses (enabled/disabled)',
      long: 'Lists all available minikube addons as well as their current statuses (enabled/disabled)',
      use: 'addons list [flags]',
      flags: () => [
        {
          name: 'output',
          shorthand: 'o',
          type: 'string',
          default: 'list',
          usage: 'minikube addons list --output OUTPUT. json, list',
        },
      ],
      run: list,
    },
    {
      name: 'enable',
      short: 'Enables a minikube addon',
      long: 'Enables the addon w/ADDON_NAME within minikube. For a list of available addons use: minikube addons list ',
      use: 'addons enable ADDON_NAME [flags]',
      run: enable,
    },
    {
      name: 'disable',
      short: 'Disables a minikube addon',
      long: 'Disables the addon w/ADDON_NAME within minikube (example: minikube addons disable dashboard). For a list of available addons use: minikube addons list ',
      use: 'addons disable ADDON_NAME [flags]',
      run: disable,
    },
  ],
}
