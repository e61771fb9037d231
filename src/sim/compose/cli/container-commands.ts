/**
 * Commands that run something in (or copy to/from) one service container, by handing the docker
 * CLI the container compose picked (`exec`, `cp`: pkg/compose/exec.go, cp.go), and the readers
 * `top`, `port`, `images`, `wait`.
 */
import { FlagSet } from '../../cli-kit/flags'
import { humanSizeWithPrecision } from '../../cli-kit/go-units'
import { isUp, type ContainerRecord } from '../../docker/engine/container-record'
import { containerTop } from '../../docker/engine/container-observe'
import { waitOnClock } from '../../docker/cli/container-follow'
import type { CommandOutput } from '../../shell/command'
import { familiarName, parseDockerRef } from '../../docker/images/reference'
import { goJson } from '../go-json'
import { LABEL } from '../project/labels'
import { containerNumber, serviceContainers } from '../project/observed'
import { CANCELED_STATUS, composeCommand, DRY_RUN_FLAG, failed, type ComposeEnv } from './command'
import { prettyTable } from './pretty-table'
import { tabwrite } from '../../cli-kit/tabwriter'

/** Runs `docker ARGS` through the shell's docker command. */
function docker(env: ComposeEnv, args: string[]): Promise<CommandOutput> {
  const command = env.shell.commands.get('docker')
  if (!command)
    return Promise.resolve(failed({ message: 'docker: command not found', exitCode: 127 }))
  return command.run(args, env.shell)
}

/** The service's container with that index (compose's `--index`, 1 by default). */
async function serviceContainer(
  env: ComposeEnv,
  service: string,
  index: number,
  mustRun: boolean,
): Promise<{ ok: true; container: ContainerRecord } | { ok: false; output: CommandOutput }> {
  const target = await env.projectOrName()
  if (!target.ok) return { ok: false, output: failed(target.error) }
  const { name, project } = target.value
  if (project && !project.services[service] && !project.disabledServices[service])
    return { ok: false, output: failed({ message: `no such service: ${service}`, exitCode: 1 }) }
  const all = serviceContainers(env.engine, name, service)
  const candidates = mustRun ? all.filter(isUp) : all
  const found = index > 0 ? candidates.find((c) => containerNumber(c) === index) : candidates[0]
  if (!found) {
    const message =
      index > 0
        ? `service "${service}" is not running container #${index}`
        : `service "${service}" is not running`
    return { ok: false, output: failed({ message, exitCode: 1 }) }
  }
  return { ok: true, container: found }
}

export const exec = composeCommand({
  name: 'exec',
  use: '[OPTIONS] SERVICE COMMAND [ARGS...]',
  short: 'Execute a command in a running container',
  args: { kind: 'min', count: 2 },
  flags: () =>
    new FlagSet(
      [
        {
          name: 'detach',
          shorthand: 'd',
          type: 'bool',
          usage: 'Detached mode: Run command in the background',
        },
        DRY_RUN_FLAG,
        { name: 'env', shorthand: 'e', type: 'stringArray', usage: 'Set environment variables' },
        {
          name: 'index',
          type: 'int',
          usage: 'Index of the container if service has multiple replicas',
        },
        {
          name: 'no-TTY',
          shorthand: 'T',
          type: 'bool',
          usage: 'Disable pseudo-TTY allocation. By default `docker compose exec` allocates a TTY.',
        },
        { name: 'privileged', type: 'bool', usage: 'Give extended privileges to the process' },
        { name: 'user', shorthand: 'u', type: 'string', usage: 'Run the command as this user' },
        {
          name: 'workdir',
          shorthand: 'w',
          type: 'string',
          usage: 'Path to workdir directory for this command',
        },
      ] as const,
      { interspersed: false },
    ),
  async run({ values, args }, env) {
    const [service = '', ...command] = args
    const found = await serviceContainer(env, service, values.index, true)
    if (!found.ok) return found.output
    const argv = ['exec']
    // A TTY by default, when there is a terminal to give it (-T turns it off).
    if (!values['no-TTY'] && env.shell.tty) argv.push('-it')
    else argv.push('-i')
    if (values.detach) argv.push('-d')
    for (const e of values.env) argv.push('-e', e)
    if (values.user !== '') argv.push('-u', values.user)
    if (values.workdir !== '') argv.push('-w', values.workdir)
    if (values.privileged) argv.push('--privileged')
    argv.push(found.container.name, ...command)
    return docker(env, argv)
  },
})

export const cp = composeCommand({
  name: 'cp',
  use: '[OPTIONS] SERVICE:SRC_PATH DEST_PATH|-\n\tdocker compose cp [OPTIONS] SRC_PATH|- SERVICE:DEST_PATH',
  short: 'Copy files/folders between a service container and the local filesystem',
  args: { kind: 'exact', count: 2 },
  flags: () =>
    new FlagSet([
      {
        name: 'all',
        type: 'bool',
        usage: 'Include containers created by the run command',
        deprecated:
          'By default all the containers of the service will get the source file/directory to be copied',
      },
      {
        name: 'archive',
        shorthand: 'a',
        type: 'bool',
        usage: 'Archive mode (copy all uid/gid information)',
      },
      DRY_RUN_FLAG,
      {
        name: 'follow-link',
        shorthand: 'L',
        type: 'bool',
        usage: 'Always follow symbol link in SRC_PATH',
      },
      {
        name: 'index',
        type: 'int',
        usage: 'Index of the container if service has multiple replicas',
      },
    ] as const),
  async run({ values, args }, env) {
    const [src = '', dest = ''] = args
    const serviceArg = (arg: string): { service: string; path: string } | undefined => {
      const colon = arg.indexOf(':')
      if (colon <= 0 || arg.startsWith('/') || arg.startsWith('.')) return undefined
      return { service: arg.slice(0, colon), path: arg.slice(colon + 1) }
    }
    const from = serviceArg(src)
    const to = serviceArg(dest)
    const side = from ?? to
    if (!side || (from && to))
      return failed({ message: 'copying between services is not supported', exitCode: 1 })
    const found = await serviceContainer(env, side.service, values.index, false)
    if (!found.ok) return found.output
    const name = found.container.name
    const argv = from ? ['cp', `${name}:${from.path}`, dest] : ['cp', src, `${name}:${side.path}`]
    if (values.archive) argv.splice(1, 0, '-a')
    if (values['follow-link']) argv.splice(1, 0, '-L')
    return docker(env, argv)
  },
})

export const top = composeCommand({
  name: 'top',
  use: '[SERVICES...]',
  short: 'Display the running processes',
  args: { kind: 'any' },
  flags: () => new FlagSet([DRY_RUN_FLAG] as const),
  async run({ args }, env) {
    const target = await env.projectOrName()
    if (!target.ok) return failed(target.error)
    const containers = (
      target.value.project ? Object.keys(target.value.project.services).sort() : []
    )
      .filter((s) => args.length === 0 || args.includes(s))
      .flatMap((s) => serviceContainers(env.engine, target.value.name, s))
      .filter(isUp)
      .sort((a, b) => (a.name < b.name ? -1 : 1))
    let out = ''
    for (const c of containers) {
      const t = containerTop(env.engine, c.id)
      if (!t.ok) continue
      const rows = [t.value.Titles, ...t.value.Processes].map((r) => `${r.join('\t')}\n`).join('')
      out += `${c.name}\n${tabwrite(rows, { minwidth: 4, tabwidth: 8, padding: 2, padchar: ' ' })}\n`
    }
    return { stdout: out, stderr: '', exitCode: 0 }
  },
})

export const port = composeCommand({
  name: 'port',
  use: '[OPTIONS] SERVICE PRIVATE_PORT',
  short: 'Print the public port for a port binding',
  args: { kind: 'exact', count: 2 },
  flags: () =>
    new FlagSet([
      DRY_RUN_FLAG,
      {
        name: 'index',
        type: 'int',
        usage: 'Index of the container if service has multiple replicas',
      },
      { name: 'protocol', type: 'string', default: 'tcp', usage: 'tcp or udp' },
    ] as const),
  async run({ values, args }, env) {
    const [service = '', privatePort = ''] = args
    const found = await serviceContainer(env, service, values.index, false)
    if (!found.ok) return found.output
    const key = `${privatePort}/${values.protocol}`
    const binding = found.container.boundPorts[key]?.[0]
    if (!binding)
      return failed({
        message: `no port ${key} for container ${found.container.name}: []`,
        exitCode: 1,
      })
    return { stdout: `${binding.HostIp}:${binding.HostPort}\n`, stderr: '', exitCode: 0 }
  },
})

/**
 * `docker compose images` as compose v2.36 prints it (cmd/compose/images.go): one row per
 * container of the project (one-off ones too), sorted by container name, with the image the
 * container was created from: `CONTAINER REPOSITORY TAG IMAGE ID SIZE` (the PLATFORM and
 * CREATED columns came in v2.37). `-q` prints each full image id once, without `sha256:`, in
 * the daemon's container order (newest first); `--format json` the summaries as one array.
 */
export const images = composeCommand({
  name: 'images',
  use: '[OPTIONS] [SERVICE...]',
  short: 'List images used by the created containers',
  args: { kind: 'any' },
  flags: () =>
    new FlagSet([
      DRY_RUN_FLAG,
      {
        name: 'format',
        type: 'string',
        default: 'table',
        usage: 'Format the output. Values: [table | json]',
      },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display IDs' },
    ] as const),
  async run({ values, args }, env) {
    const target = await env.projectOrName()
    if (!target.ok) return failed(target.error)
    const containers = env.engine
      .allContainers()
      .filter((c) => c.config.Labels[LABEL.project] === target.value.name)
      .filter((c) => args.length === 0 || args.includes(c.config.Labels[LABEL.service] ?? ''))
    const summaries = containers.map((c) => {
      // ParseDockerRef: a familiar repository and a tag (latest when none); nothing for an id.
      const ref = parseDockerRef(c.imageRef)
      return {
        ID: c.image.id,
        ContainerName: c.name,
        Repository: ref.ok ? familiarName(ref.value) : '',
        Tag: ref.ok ? (ref.value.tag ?? '') : '',
        Size: c.image.inspect.Size,
        LastTagTime: c.image.inspect.Metadata.LastTagTime,
      }
    })
    if (values.quiet) {
      const ids = [...new Set(summaries.map((r) => r.ID.slice(r.ID.indexOf(':') + 1)))]
      return { stdout: ids.map((i) => `${i}\n`).join(''), stderr: '', exitCode: 0 }
    }
    summaries.sort((a, b) => (a.ContainerName < b.ContainerName ? -1 : 1))
    const format = values.format.toLowerCase()
    if (format === 'json') return { stdout: `${goJson(summaries)}\n`, stderr: '', exitCode: 0 }
    if (format !== 'table' && format !== 'pretty' && format !== '')
      return failed({
        message: `format value ${JSON.stringify(values.format)} could not be parsed: parsing failed`,
        exitCode: 1,
      })
    const table = prettyTable(
      ['CONTAINER', 'REPOSITORY', 'TAG', 'IMAGE ID', 'SIZE'],
      summaries.map((r) => [
        r.ContainerName,
        r.Repository || '<none>',
        r.Tag || '<none>',
        r.ID.replace(/^sha256:/, '').slice(0, 12),
        humanSizeWithPrecision(r.Size, 3),
      ]),
    )
    return { stdout: table, stderr: '', exitCode: 0 }
  },
})

export const wait = composeCommand({
  name: 'wait',
  use: 'SERVICE [SERVICE...] [OPTIONS]',
  short: 'Block until containers of all (or specified) services stop.',
  args: { kind: 'min', count: 1 },
  flags: () =>
    new FlagSet([
      { name: 'down-project', type: 'bool', usage: 'Drops project when the first container stops' },
      DRY_RUN_FLAG,
    ] as const),
  async run({ args }, env) {
    const target = await env.projectOrName()
    if (!target.ok) return failed(target.error)
    const containers = args.flatMap((s) => serviceContainers(env.engine, target.value.name, s))
    const ended = (c: ContainerRecord): boolean =>
      c.state.status === 'exited' || c.state.status === 'dead'
    const outcome = await waitOnClock({ engine: env.engine, shell: env.shell }, () =>
      containers.every(ended),
    )
    if (outcome === 'interrupted') return { stdout: '', stderr: CANCELED_STATUS, exitCode: 130 }
    const first = containers.find(ended)
    return { stdout: '', stderr: '', exitCode: first?.state.exitCode ?? 0 }
  },
})
