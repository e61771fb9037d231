/**
 * `docker rm` (docker/cli cli/command/container/rm.go, docker 28.2.2). With --force a container
 * that does not exist is only reported (stderr, status 0); other failures are printed together
 * at the end with status 1.
 */
import { FlagSet } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import { dockerCommand } from './command'
import { blankReference } from './container-each'

export const containerRm = dockerCommand({
  path: 'docker container rm',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Remove one or more containers',
  aliases: ['docker container rm', 'docker container remove', 'docker rm'],
  args: { kind: 'min', count: 1 },
  flags: () =>
    new FlagSet([
      {
        name: 'force',
        shorthand: 'f',
        type: 'bool',
        usage: 'Force the removal of a running container (uses SIGKILL)',
      },
      { name: 'link', shorthand: 'l', type: 'bool', usage: 'Remove the specified link' },
      {
        name: 'volumes',
        shorthand: 'v',
        type: 'bool',
        usage: 'Remove anonymous volumes associated with the container',
      },
    ] as const),
  run({ values, args }, { engine }): CommandOutput {
    let stdout = ''
    let stderr = ''
    const errors: string[] = []
    for (const name of args) {
      const ref = name.replace(/^\/+|\/+$/g, '')
      const blank = ref === '' ? 'container name cannot be empty' : blankReference(ref)
      if (blank !== undefined) {
        errors.push(blank)
        continue
      }
      const removed = engine.removeContainer(ref, { force: values.force, volumes: values.volumes })
      if (removed.ok) {
        stdout += `${name}\n`
        continue
      }
      const message = `Error response from daemon: ${removed.error.message}`
      if (values.force && removed.error.status === 404) stderr += `${message}\n`
      else errors.push(message)
    }
    if (errors.length > 0) stderr += `${errors.join('\n')}\n`
    return { stdout, stderr, exitCode: errors.length > 0 ? 1 : 0 }
  },
})
