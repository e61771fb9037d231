import { containerAttach } from './attach'
import type { DockerCommand } from './command'
import { imageBuild } from './build'
import { containerCommit } from './commit'
import { containerCp } from './cp'
import { containerDiffCommand } from './diff'
import { systemEvents } from './events'
import { containerExec } from './exec'
import { containerInspect, imageInspect, inspect } from './inspect'
import { containerLogs } from './logs'
import { containerStatsCommand } from './stats'
import { containerTopCommand } from './top'
import { containerUpdate } from './update'
import { containerCreate } from './create'
import { containerPort } from './port'
import { containerPrune } from './container-prune'
import { containerRename } from './rename'
import { containerRm } from './rm'
import { containerStart } from './start'
import { containerKill, containerRestart, containerStop } from './stop'
import { containerPause, containerUnpause } from './pause'
import { containerWait } from './wait'
import { containerLs } from './ps'
import { containerRun } from './run'
import { imageHistoryCommand } from './history'
import { imagePrune } from './image-prune'
import { imageLs } from './images'
import { info } from './info'
import { networkCreate, networkLs, networkPrune, networkRm } from './network'
import { networkConnect, networkDisconnect } from './network-connect'
import { networkInspect } from './network-inspect'
import { imagePull } from './pull'
import { imageRm } from './rmi'
import { systemDf } from './system-df'
import { systemPrune } from './system-prune'
import { imageTag } from './tag'
import { version } from './version'
import { volumeCreate, volumeInspect, volumeLs, volumePrune, volumeRm } from './volume'

/** A management command (`docker container`, `docker image`…) and its subcommands by name. */
export interface CommandGroup {
  readonly name: string
  readonly short: string
  readonly commands: ReadonlyMap<string, DockerCommand>
}

/**
 * Every docker command Quai knows, by the names that reach it. Subcommand files register here;
 * `docker ps` and `docker container ls` are one DockerCommand reached by two paths.
 */
export const GROUPS: CommandGroup[] = [
  {
    name: 'container',
    short: 'Manage containers',
    commands: new Map([
      ['ls', containerLs],
      ['list', containerLs],
      ['ps', containerLs],
      ['run', containerRun],
      ['create', containerCreate],
      ['start', containerStart],
      ['stop', containerStop],
      ['restart', containerRestart],
      ['kill', containerKill],
      ['pause', containerPause],
      ['unpause', containerUnpause],
      ['rm', containerRm],
      ['remove', containerRm],
      ['rename', containerRename],
      ['wait', containerWait],
      ['port', containerPort],
      ['prune', containerPrune],
      ['logs', containerLogs],
      ['inspect', containerInspect],
      ['top', containerTopCommand],
      ['stats', containerStatsCommand],
      ['diff', containerDiffCommand],
      ['exec', containerExec],
      ['cp', containerCp],
      ['commit', containerCommit],
      ['update', containerUpdate],
      ['attach', containerAttach],
    ]),
  },
  {
    name: 'image',
    short: 'Manage images',
    commands: new Map([
      ['ls', imageLs],
      ['list', imageLs],
      ['pull', imagePull],
      ['rm', imageRm],
      ['remove', imageRm],
      ['rmi', imageRm],
      ['tag', imageTag],
      ['history', imageHistoryCommand],
      ['prune', imagePrune],
      ['build', imageBuild],
      ['inspect', imageInspect],
    ]),
  },
  {
    name: 'buildx',
    short: 'Docker Buildx',
    commands: new Map([
      ['build', imageBuild],
      ['b', imageBuild],
    ]),
  },
  {
    name: 'builder',
    short: 'Manage builds',
    commands: new Map([['build', imageBuild]]),
  },
  {
    name: 'network',
    short: 'Manage networks',
    commands: new Map([
      ['ls', networkLs],
      ['list', networkLs],
      ['create', networkCreate],
      ['rm', networkRm],
      ['remove', networkRm],
      ['inspect', networkInspect],
      ['connect', networkConnect],
      ['disconnect', networkDisconnect],
      ['prune', networkPrune],
    ]),
  },
  {
    name: 'volume',
    short: 'Manage volumes',
    commands: new Map([
      ['ls', volumeLs],
      ['list', volumeLs],
      ['create', volumeCreate],
      ['rm', volumeRm],
      ['remove', volumeRm],
      ['inspect', volumeInspect],
      ['prune', volumePrune],
    ]),
  },
  {
    name: 'system',
    short: 'Manage Docker',
    commands: new Map([
      ['events', systemEvents],
      ['info', info],
      ['df', systemDf],
      ['prune', systemPrune],
    ]),
  },
]

/** Top-level shortcuts (`docker ps`, `docker run`…). */
export const TOP_LEVEL: ReadonlyMap<string, DockerCommand> = new Map([
  ['ps', containerLs],
  ['run', containerRun],
  ['create', containerCreate],
  ['start', containerStart],
  ['stop', containerStop],
  ['restart', containerRestart],
  ['kill', containerKill],
  ['pause', containerPause],
  ['unpause', containerUnpause],
  ['rm', containerRm],
  ['rename', containerRename],
  ['wait', containerWait],
  ['port', containerPort],
  ['logs', containerLogs],
  ['inspect', inspect],
  ['top', containerTopCommand],
  ['stats', containerStatsCommand],
  ['diff', containerDiffCommand],
  ['events', systemEvents],
  ['exec', containerExec],
  ['cp', containerCp],
  ['commit', containerCommit],
  ['update', containerUpdate],
  ['attach', containerAttach],
  ['images', imageLs],
  ['pull', imagePull],
  ['rmi', imageRm],
  ['tag', imageTag],
  ['history', imageHistoryCommand],
  ['build', imageBuild],
  ['version', version],
  ['info', info],
])
