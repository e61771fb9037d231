/**
 * `docker compose version` (cmd/compose/version.go): `Docker Compose version v2.x.y`; `--short`
 * the bare number; `--format json` a one-key object. Any other format prints the pretty line:
 * compose compares the value with "json" only, it does not reject the rest.
 */
import { FlagSet } from '../../cli-kit/flags'
import { COMPOSE_VERSION } from '../project/labels'
import { composeCommand } from './command'

export function versionText(format: 'pretty' | 'json', short: boolean): string {
  if (short) return `${COMPOSE_VERSION}\n`
  if (format === 'json') return `{"version":"v${COMPOSE_VERSION}"}\n`
  return `Docker Compose version v${COMPOSE_VERSION}\n`
}

export const version = composeCommand({
  name: 'version',
  use: '[OPTIONS]',
  short: 'Show the Docker Compose version information',
  args: { kind: 'none' },
  flags: () =>
    new FlagSet([
      {
        name: 'format',
        shorthand: 'f',
        type: 'string',
        usage: 'Format the output. Values: [pretty | json]. (Default: pretty)',
      },
      { name: 'short', type: 'bool', usage: "Shows only Compose's version number" },
    ] as const),
  run({ values }) {
    const format = values.format === 'json' ? 'json' : 'pretty'
    return { stdout: versionText(format, values.short), stderr: '', exitCode: 0 }
  },
})
