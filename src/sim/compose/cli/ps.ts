/**
 * `docker compose ps` (cmd/compose/ps.go, cmd/formatter/container.go): the project's containers,
 * running ones by default (`-a` all), in the table `NAME IMAGE COMMAND SERVICE CREATED STATUS
 * PORTS`, `--format json` (one object per line), a Go template, `-q` ids, `--services` names.
 */
import { dockerFormat } from '../../cli-kit/docker-format'
import { FlagSet } from '../../cli-kit/flags'
import { humanDuration } from '../../cli-kit/go-units'
import { GoFunc, GoStruct, goTyped } from '../../cli-kit/go-value'
import type { ContainerSummary } from '../../docker/engine/api-types'
import { displayablePorts } from '../../docker/cli/formatter/ports'
import { ellipsis, goQuote } from '../../docker/cli/formatter/text'
import { goTimeString } from '../../docker/cli/formatter/container-context'
import type { CommandOutput } from '../../shell/command'
import { LABEL } from '../project/labels'
import { projectContainers, serviceOf } from '../project/observed'
import { composeCommand, DRY_RUN_FLAG, failed } from './command'

const DEFAULT_FORMAT =
  'table {{.Name}}\t{{.Image}}\t{{.Command}}\t{{.Service}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}'

const HEADERS: Readonly<Record<string, string>> = {
  ID: 'CONTAINER ID',
  Name: 'NAME',
  Names: 'NAMES',
  Project: 'PROJECT',
  Service: 'SERVICE',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Labels: 'LABELS',
  Health: 'HEALTH',
  ExitCode: 'EXIT CODE',
}

const STATUSES = ['paused', 'restarting', 'removing', 'running', 'dead', 'created', 'exited']

function rowOf(
  c: ContainerSummary,
  health: string,
  exitCode: number,
  trunc: boolean,
  nowMs: number,
): GoStruct {
  const name = (c.Names[0] ?? '').replace(/^\//, '')
  const labels = goTyped('map[string]string', { ...c.Labels })
  const project = c.Labels[LABEL.project] ?? ''
  const service = c.Labels[LABEL.service] ?? ''
  const ports = (): string => displayablePorts(c.Ports)
  const methods = {
    ID: () => (trunc ? c.Id.slice(0, 12) : c.Id),
    Name: () => name,
    Names: () => name,
    Service: () => service,
    Project: () => project,
    Image: () => c.Image,
    Command: () => goQuote(trunc ? ellipsis(c.Command, 20) : c.Command),
    CreatedAt: () => goTimeString(c.Created * 1000),
    RunningFor: () => `${humanDuration(nowMs - c.Created * 1000)} ago`,
    ExitCode: () => exitCode,
    State: () => c.State,
    Status: () => c.Status,
    Health: () => health,
    Ports: ports,
    Labels: () =>
      Object.keys(c.Labels)
        .sort()
        .map((k) => `${k}=${c.Labels[k] ?? ''}`)
        .join(','),
    Label: new GoFunc(['string'], (key) => labels[key as string] ?? ''),
    LocalVolumes: () => String(c.Mounts.filter((m) => m.Type === 'volume').length),
    Mounts: () => c.Mounts.map((m) => m.Name ?? m.Source).join(','),
    Networks: () => Object.keys(c.NetworkSettings.Networks).join(','),
    Size: () => '0B',
  }
  const json = (): unknown => ({
    Command: goQuote(c.Command),
    CreatedAt: goTimeString(c.Created * 1000),
    ExitCode: exitCode,
    Health: health,
    ID: c.Id,
    Image: c.Image,
    Labels: methods.Labels(),
    LocalVolumes: methods.LocalVolumes(),
    Mounts: methods.Mounts(),
    Name: name,
    Names: name,
    Networks: methods.Networks(),
    Ports: ports(),
    Project: project,
    Publishers: publishers(c),
    RunningFor: methods.RunningFor(),
    Service: service,
    Size: 0,
    State: c.State,
    Status: c.Status,
  })
  return new GoStruct('*formatter.ContainerContext', {}, methods, { json, jsonEscapesHTML: true })
}

function publishers(c: ContainerSummary): unknown[] {
  return c.Ports.map((p) => ({
    URL: p.IP ?? '',
    TargetPort: p.PrivatePort,
    PublishedPort: p.PublicPort ?? 0,
    Protocol: p.Type,
  }))
}

export const ps = composeCommand({
  name: 'ps',
  use: '[OPTIONS] [SERVICE...]',
  short: 'List containers',
  args: { kind: 'any' },
  flags: () =>
    new FlagSet([
      {
        name: 'all',
        shorthand: 'a',
        type: 'bool',
        usage: 'Show all stopped containers (including those created by the run command)',
      },
      DRY_RUN_FLAG,
      {
        name: 'filter',
        type: 'string',
        usage: 'Filter services by a property (supported filters: status)',
      },
      {
        name: 'format',
        type: 'string',
        default: 'table',
        usage:
          "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates",
      },
      { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
      {
        name: 'orphans',
        type: 'bool',
        default: true,
        usage: 'Include orphaned services (not declared by project)',
      },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display IDs' },
      { name: 'services', type: 'bool', usage: 'Display services' },
      {
        name: 'status',
        type: 'stringArray',
        usage:
          'Filter services by status. Values: [paused | restarting | removing | running | dead | created | exited]',
      },
    ] as const),
  async run({ values, args }, env): Promise<CommandOutput> {
    const target = await env.projectOrName()
    if (!target.ok) return failed(target.error)
    const { name, project } = target.value
    if (project)
      for (const s of args)
        if (!project.services[s] && !project.disabledServices[s])
          return failed({ message: `no such service: ${s}`, exitCode: 1 })
    const statuses = [...values.status]
    if (values.filter !== '') {
      const [key, value = ''] = values.filter.split('=')
      if (key !== 'status') return failed({ message: `no filter ${key}`, exitCode: 1 })
      statuses.push(value)
    }
    for (const s of statuses)
      if (!STATUSES.includes(s))
        return failed({ message: `invalid filter: status=${s}`, exitCode: 1 })
    const all = values.all || statuses.length > 0
    let containers = projectContainers(env.engine, name, {
      oneoff: values.all ? 'include' : 'exclude',
    })
      .filter((c) => args.length === 0 || args.includes(serviceOf(c)))
      .filter(
        (c) =>
          all ||
          c.state.status === 'running' ||
          c.state.status === 'paused' ||
          c.state.status === 'restarting',
      )
      .filter((c) => statuses.length === 0 || statuses.includes(c.state.status))
    if (!values.orphans && project)
      containers = containers.filter((c) => project.services[serviceOf(c)] !== undefined)
    containers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    if (values.services) {
      const names = [...new Set(containers.map(serviceOf))]
      return { stdout: names.map((n) => `${n}\n`).join(''), stderr: '', exitCode: 0 }
    }
    const trunc = !values['no-trunc']
    if (values.quiet)
      return {
        stdout: containers.map((c) => `${trunc ? c.id.slice(0, 12) : c.id}\n`).join(''),
        stderr: '',
        exitCode: 0,
      }
    const now = env.shell.clock.now()
    const rows = containers.map((c) =>
      rowOf(env.engine.summary(c), c.state.health?.status ?? '', c.state.exitCode, trunc, now),
    )
    const format =
      values.format === 'table' || values.format === '' ? DEFAULT_FORMAT : values.format
    const result = dockerFormat(format, rows, HEADERS)
    if (!result.ok) return failed({ message: result.error, exitCode: 1 })
    return { stdout: result.output, stderr: '', exitCode: 0 }
  },
})
