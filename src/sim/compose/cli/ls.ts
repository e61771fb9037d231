/**
 * `docker compose ls` (cmd/compose/list.go, pkg/compose/ls.go): projects found by their
 * containers' labels. Compose lists the running containers only (all of them with `-a`), so a
 * project's status counts what it lists: `running(2)`, or with `-a` `exited(1), running(2)`,
 * the states sorted by name. `--filter name=RE` keeps the names the expression matches.
 */
import { FlagSet } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import { LABEL } from '../project/labels'
import { projectContainers, projectNames } from '../project/observed'
import { goJson } from '../go-json'
import { composeCommand, DRY_RUN_FLAG, EXIT, failed } from './command'
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
    const patterns: Array<(name: string) => boolean> = []
    for (const f of values.filter) {
      const eq = f.indexOf('=')
      if (eq < 0)
        return failed({
          message: `invalid argument "${f}" for "--filter" flag: bad format of filter (expected name=value)`,
          exitCode: EXIT.syntax,
        })
      const key = f.slice(0, eq).trim().toLowerCase()
      if (key !== 'name') return failed({ message: `invalid filter '${key}'`, exitCode: 1 })
      patterns.push(nameMatcher(f.slice(eq + 1)))
    }
    const stacks: Stack[] = []
    for (const name of projectNames(env.engine)) {
      if (patterns.length > 0 && !patterns.some((matches) => matches(name))) continue
      const containers = projectContainers(env.engine, name, { oneoff: 'include' }).filter(
        (c) => values.all || c.state.status === 'running',
      )
      if (containers.length === 0) continue
      const counts = new Map<string, number>()
      for (const c of containers) counts.set(c.state.status, (counts.get(c.state.status) ?? 0) + 1)
      const files: string[] = []
      for (const c of containers)
        for (const f of (c.config.Labels[LABEL.configFiles] ?? '').split(','))
          if (!files.includes(f)) files.push(f)
      stacks.push({
        Name: name,
        Status: [...counts.keys()]
          .sort()
          .map((s) => `${s}(${counts.get(s) ?? 0})`)
          .join(', '),
        ConfigFiles: files.join(','),
      })
    }
    if (values.quiet)
      return { stdout: stacks.map((s) => `${s.Name}\n`).join(''), stderr: '', exitCode: 0 }
    const format = values.format.toLowerCase()
    if (format === 'json') return { stdout: `${goJson(stacks)}\n`, stderr: '', exitCode: 0 }
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

/**
 * filters.Args.Match: the name itself, or a regular expression found in it; a value that is not
 * a valid expression matches only itself.
 */
function nameMatcher(value: string): (name: string) => boolean {
  try {
    const re = new RegExp(value)
    return (name) => name === value || re.test(name)
  } catch {
    return (name) => name === value
  }
}
