import { FlagSet } from '../../cli-kit/flags'
import { tabwrite } from '../../cli-kit/tabwriter'
import { containerTop } from '../engine/container-observe'
import { daemonFailure, dockerCommand, ok } from './command'

/** docker/cli top.go: `tabwriter.NewWriter(out, 20, 1, 3, ' ', 0)`, titles then processes. */
const TOP_TABWRITER = { minwidth: 20, tabwidth: 1, padding: 3, padchar: ' ' }

export const containerTopCommand = dockerCommand({
  path: 'docker container top',
  use: 'CONTAINER [ps OPTIONS]',
  short: 'Display the running processes of a container',
  aliases: ['docker container top', 'docker top'],
  args: { kind: 'min', count: 1 },
  flags: () => new FlagSet([] as const, { interspersed: false }),
  run({ args }, { engine }) {
    const [ref = '', ...psArgs] = args
    const top = containerTop(engine, ref, psArgs.length === 0 ? '-ef' : psArgs.join(' '))
    if (!top.ok) return daemonFailure(top.error.message)
    const lines = [top.value.Titles, ...top.value.Processes].map((row) => `${row.join('\t')}\n`)
    return ok(tabwrite(lines.join(''), TOP_TABWRITER))
  },
})
