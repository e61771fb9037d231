import { apiResourcesCommand, apiVersionsCommand } from './api-resources'
import { clusterInfoCommand } from './cluster-info'
import type { KubectlCommand } from './command'
import { configCommand } from './config'
import { describeCommand } from './describe'
import { explainCommand } from './explain'
import { getCommand } from './get'
import { proxy } from './proxy'
import { versionCommand } from './version'

/** Commands that read and inspect: get, describe, explain, api-resources, config, version… */
export const READ_COMMANDS: readonly KubectlCommand[] = [
  getCommand,
  describeCommand,
  explainCommand,
  clusterInfoCommand,
  apiResourcesCommand,
  apiVersionsCommand,
  configCommand,
  versionCommand,
  proxy,
]
