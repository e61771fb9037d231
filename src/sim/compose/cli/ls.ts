/**
 * `docker compose ls` (cmd/compose/list.go, pkg/compose/ls.go): projects found by their
 * containers' labels, running ones by default, with `running(2), exited(1)` statuses.
 */
import { FlagSet } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import { LABEL } from '../project/labels'
import { projectContainers, projectNames } from '../project/observed'
import { composeCommand, DRY_RUN_FLAG, failed } from './command'
import { prettyTable } from './pretty-table'

interface Stack {
  Name: string
  Status: string
  ConfigFiles: string
}

export const ls = composeCommand({
  name: 'ls',
  use: '[OPTIONS]',
  short: 'List running compose projects',
  args: { kind: 'none' },
  flags: () =>
    new FlagSet([
      { name: 'all', shorthand: 'a', type: 'bool', usage: 'Show all stopped Compose projects' },
      DRY_RUN_FLAG,
      {
        name: 'filter',
        type: 'stringArray',
        typeName: 'filter',
        usage: 'Filter output based on conditions provided',
      },
      {
        name: 'format',
        type: 'string',
        default: 'table',
        usage: 'Format the output. Values: [table | json]',
      },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display project names' },
    ] as const),
  run({ values }, env): CommandOutput {
    const names: string[] = []
    for (const f of values.filter) {
      const eq = f.indexOf('=')
      const key = eq < 0 ? f : f.slice(0, eq)
      if (key !== 'name') return failed({ message: `invalid filter '${key}'`, exitCode: 1 })
      names.push(f.slice(eq + 1))
    }
    const stacks: Stack[] = []
    for (const name of projectNames(env.engine)) {
      if (names.length > 0 && !names.some((n) => name.includes(n))) continue
      const containers = projectContainers(env.engine, name, { oneoff: 'include' })
      const counts = new Map<string, number>()
      for (const c of containers) counts.set(c.state.status, (counts.get(c.state.status) ?? 0) + 1)
      if (!values.all && !counts.has('running')) continue
      const files = new Set<string>()
      for (const c of containers)
        for (const f of (c.config.Labels[LABEL.configFiles] ?? '').split(','))
          if (f !== '') files.add(f)
      stacks.push({
        Name: name,
        Status: [...counts.keys()]
          .sort()
          .map((s) => `${s}(${counts.get(s) ?? 0})`)
          .join(', '),
        ConfigFiles: [...files].join(','),
      })
    }
    if (values.quiet)
      return { stdout: stacks.map((s) => `${s.Name}\n`).join(''), stderr: '', exitCode: 0 }
    const format = values.format.toLowerCase()
    if (format === 'json') return { stdout: `${JSON.stringify(stacks)}\n`, stderr: '', exitCode: 0 }
    if (format !== 'table' && format !== 'pretty' && format !== '')
      return failed({
        message: `format value "${values.format}" could not be parsed: parsing failed`,
        exitCode: 1,
      })
    const table = prettyTable(
      ['NAME', 'STATUS', 'CONFIG FILES'],
      stacks.map((s) => [s.Name, s.Status, s.ConfigFiles]),
    )
    return { stdout: table, stderr: '', exitCode: 0 }
  },
})
