import { FlagSet } from '../../cli-kit/flags'
import { removeImage } from '../engine/image-ops'
import { dockerCommand } from './command'

/**
 * `docker rmi` / `docker image rm` (docker/cli cli/command/image/remove.go): each image in turn;
 * errors are joined at the end, and with `-f` "No such image" alone does not fail the command.
 */
export const imageRm = dockerCommand({
  path: 'docker image rm',
  use: '[OPTIONS] IMAGE [IMAGE...]',
  short: 'Remove one or more images',
  aliases: ['docker image rm', 'docker image remove', 'docker rmi'],
  args: { kind: 'min', count: 1 },
  flags: () =>
    new FlagSet([
      { name: 'force', shorthand: 'f', type: 'bool', usage: 'Force removal of the image' },
      { name: 'no-prune', type: 'bool', usage: 'Do not delete untagged parents' },
      {
        name: 'platform',
        type: 'stringSlice',
        usage:
          'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")',
      },
    ] as const),
  run({ values, args }, { engine }) {
    let stdout = ''
    const errors: string[] = []
    let fatal = false
    for (const ref of args) {
      const removed = removeImage(engine, ref, { force: values.force })
      if (!removed.ok) {
        if (removed.error.status !== 404) fatal = true
        errors.push(`Error response from daemon: ${removed.error.message}`)
        continue
      }
      for (const item of removed.value)
        stdout +=
          item.Deleted !== undefined ? `Deleted: ${item.Deleted}\n` : `Untagged: ${item.Untagged}\n`
    }
    if (errors.length === 0) return { stdout, stderr: '', exitCode: 0 }
    const stderr = `${errors.join('\n')}\n`
    return { stdout, stderr, exitCode: !values.force || fatal ? 1 : 0 }
  },
})
