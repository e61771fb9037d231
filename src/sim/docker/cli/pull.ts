import { FlagSet } from '../../cli-kit/flags'
import type { PullResult } from '../engine/engine'
import {
  isNameOnly,
  parseNormalizedNamed,
  referenceString,
  tagNameOnly,
  type NamedReference,
} from '../images/reference'
import { dockerCommand } from './command'
import { pullProgressLines } from './pull-progress'

/**
 * `docker pull` (docker/cli cli/command/image/pull.go). The progress is what
 * pkg/jsonmessage prints: to a pipe, every status line but the progress bars; on a terminal, the
 * lines are rewritten in place and end as one line per layer.
 */
export const imagePull = dockerCommand({
  path: 'docker image pull',
  use: '[OPTIONS] NAME[:TAG|@DIGEST]',
  short: 'Download an image from a registry',
  aliases: ['docker image pull', 'docker pull'],
  args: { kind: 'exact', count: 1 },
  flags: () =>
    new FlagSet([
      {
        name: 'all-tags',
        shorthand: 'a',
        type: 'bool',
        usage: 'Download all tagged images in the repository',
      },
      {
        name: 'disable-content-trust',
        type: 'bool',
        default: true,
        usage: 'Skip image verification',
      },
      {
        name: 'platform',
        type: 'string',
        usage: 'Set platform if server is multi-platform capable',
      },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress verbose output' },
    ] as const),
  run({ values, args }, { engine, shell }) {
    const input = args[0] ?? ''
    const parsed = parseNormalizedNamed(input)
    if (!parsed.ok) return { stdout: '', stderr: `${parsed.error.message}\n`, exitCode: 1 }
    if (values['all-tags'] && !isNameOnly(parsed.value))
      return { stdout: '', stderr: "tag can't be used with --all-tags/-a\n", exitCode: 1 }
    if (values['all-tags'])
      return {
        stdout: '',
        stderr: 'Quai: `docker pull --all-tags` is not simulated; pull the tags you need by name\n',
        exitCode: 1,
      }
    let stdout = ''
    if (isNameOnly(parsed.value) && !values.quiet) stdout += 'Using default tag: latest\n'
    const ref = tagNameOnly(parsed.value)
    const pulled = engine.pull(input)
    if (!pulled.ok) {
      const prefix = pulled.error.name === 'DaemonError' ? 'Error response from daemon: ' : ''
      return { stdout, stderr: `${prefix}${pulled.error.message}\n`, exitCode: 1 }
    }
    if (!values.quiet)
      stdout += shell.tty
        ? terminalProgress(pulled.value, ref)
        : pullProgressLines(pulled.value, ref)
    stdout += `${referenceString(ref)}\n`
    return { stdout, stderr: '', exitCode: 0 }
  },
})

/**
 * What stays on a terminal once jsonmessage has rewritten every progress line in place: one
 * line per layer, `Pull complete` or `Already exists`.
 */
function terminalProgress(pull: PullResult, ref: NamedReference): string {
  const from =
    ref.digest !== undefined && ref.tag === undefined ? ref.digest : (ref.tag ?? 'latest')
  const lines = [`${from}: Pulling from ${ref.path}`]
  if (pull.downloaded)
    for (const l of pull.layers)
      lines.push(`${l.id}: ${l.existed ? 'Already exists' : 'Pull complete'}`)
  lines.push(`Digest: ${pull.digest}`)
  lines.push(
    pull.downloaded
      ? `Status: Downloaded newer image for ${pull.familiar}`
      : `Status: Image is up to date for ${pull.familiar}`,
  )
  return lines.map((l) => `${l}\n`).join('')
}
