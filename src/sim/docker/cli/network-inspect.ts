import { FlagSet } from '../../cli-kit/flags'
import { dockerCommand } from './command'
import { apiStruct, inspectOutput } from './inspect-output'

/** Fields of network.Inspect that are Go maps (printed sorted, `map[k:v]` in templates). */
const NETWORK_MAPS = new Set(['Options', 'Labels', 'Containers'])

/** The inspect format flag's usage, shared by the `inspect` commands (flags.InspectFormatHelp). */
export const INSPECT_FORMAT_USAGE =
  "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"

/** `docker network inspect` */
export const networkInspect = dockerCommand({
  path: 'docker network inspect',
  use: '[OPTIONS] NETWORK [NETWORK...]',
  short: 'Display detailed information on one or more networks',
  args: { kind: 'min', count: 1 },
  flags: () =>
    new FlagSet([
      { name: 'format', shorthand: 'f', type: 'string', usage: INSPECT_FORMAT_USAGE },
      { name: 'verbose', shorthand: 'v', type: 'bool', usage: 'Verbose output for diagnostics' },
    ] as const),
  run({ values, args }, { engine }) {
    return inspectOutput(args, values.format, (ref) => {
      const found = engine.networks.find(ref)
      if (!found)
        return { ok: false, error: `Error response from daemon: network ${ref} not found` }
      const raw = found.resource
      return { ok: true, value: { raw, typed: apiStruct(raw, 'network.Inspect', NETWORK_MAPS) } }
    })
  },
})
