import { FlagSet } from '../../cli-kit/flags'
import { tagImage } from '../engine/image-ops'
import { parseAnyReference, parseNormalizedNamed } from '../images/reference'
import { daemonFailure, dockerCommand } from './command'

/**
 * `docker tag` / `docker image tag` (docker/cli cli/command/image/tag.go): the target is parsed
 * client-side, and its errors read `Error parsing reference: "X" is not a valid repository/tag`.
 */
export const imageTag = dockerCommand({
  path: 'docker image tag',
  use: 'SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  short: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  aliases: ['docker image tag', 'docker tag'],
  args: { kind: 'exact', count: 2 },
  flags: () => new FlagSet([] as const),
  run({ args }, { engine }) {
    const [source = '', target = ''] = args
    // The API client checks both references before it sends anything (client/image_tag.go).
    const invalid = (ref: string, message: string) => ({
      stdout: '',
      stderr: `Error parsing reference: ${JSON.stringify(ref)} is not a valid repository/tag: ${message}\n`,
      exitCode: 1,
    })
    const parsedSource = parseAnyReference(source)
    if (!parsedSource.ok) return invalid(source, parsedSource.error.message)
    const parsedTarget = parseNormalizedNamed(target)
    if (!parsedTarget.ok) return invalid(target, parsedTarget.error.message)
    if (parsedTarget.value.digest !== undefined)
      return {
        stdout: '',
        stderr: 'refusing to create a tag with a digest reference\n',
        exitCode: 1,
      }
    const tagged = tagImage(engine, source, parsedTarget.value)
    return tagged.ok ? { stdout: '', stderr: '', exitCode: 0 } : daemonFailure(tagged.error.message)
  },
})
