/**
 * `docker compose run` (cmd/compose/run.go, pkg/compose/run.go): start the service's
 * dependencies, then a one-off container `<project>-<service>-run-<12 hex>` labelled
 * `com.docker.compose.oneoff=True`, with the command line's command, env and ports (`-p`, or the
 * service's own with `--service-ports`); attached it prints the output and exits with the
 * container's code, `-d` prints the container's name.
 */
import { FlagSet } from '../../cli-kit/flags'
import { interactiveShellOf, runShellOnTerminal } from '../../docker/cli/run-interactive'
import { followContainer } from '../../docker/cli/container-follow'
import { CommandStreams } from '../../docker/cli/streams'
import type { PortMap } from '../../docker/engine/api-types'
import type { CommandOutput } from '../../shell/command'
import { containerPlan } from '../project/container-spec'
import { createPhase, startPhase } from '../project/converge'
import { startOrder, withDependencies } from '../project/graph'
import { serviceImage } from '../project/images'
import { oneOffName } from '../project/names'
import { ensureNetworks, ensureVolumes, usedNetworks, usedVolumes } from '../project/resources'
import { composeCommand, DRY_RUN_FLAG, failed } from './command'
import { readEnvFiles } from './env-files'
import { selectServices } from './services'
import { prepareImages } from './up'

/** `-p 8080:80`, `-p 80`, `-p 127.0.0.1:8080:80/udp`. */
function parsePublish(specs: readonly string[]): PortMap | string {
  const map: PortMap = {}
  for (const spec of specs) {
    const m = /^(?:(?:([\d.]+):)?(\d*):)?(\d+)(?:\/(tcp|udp|sctp))?$/.exec(spec)
    if (!m) return `invalid port specification: "${spec}"`
    const key = `${m[3] ?? ''}/${m[4] ?? 'tcp'}`
    const list = map[key] ?? []
    list.push({ HostIp: m[1] ?? '', HostPort: m[2] ?? '' })
    map[key] = list
  }
  return map
}

export const run = composeCommand({
  name: 'run',
  use: '[OPTIONS] SERVICE [COMMAND] [ARGS...]',
  short: 'Run a one-off command on a service',
  args: { kind: 'min', count: 1 },
  flags: () =>
    new FlagSet(
      [
        { name: 'build', type: 'bool', usage: 'Build image before starting container' },
        { name: 'cap-add', type: 'stringArray', usage: 'Add Linux capabilities' },
        { name: 'cap-drop', type: 'stringArray', usage: 'Drop Linux capabilities' },
        {
          name: 'detach',
          shorthand: 'd',
          type: 'bool',
          usage: 'Run container in background and print container ID',
        },
        DRY_RUN_FLAG,
        { name: 'entrypoint', type: 'string', usage: 'Override the entrypoint of the image' },
        { name: 'env', shorthand: 'e', type: 'stringArray', usage: 'Set environment variables' },
        {
          name: 'env-from-file',
          type: 'stringArray',
          usage: 'Set environment variables from file',
        },
        {
          name: 'interactive',
          shorthand: 'i',
          type: 'bool',
          default: true,
          usage: 'Keep STDIN open even if not attached',
        },
        { name: 'label', shorthand: 'l', type: 'stringArray', usage: 'Add or override a label' },
        { name: 'name', type: 'string', usage: 'Assign a name to the container' },
        {
          name: 'no-TTY',
          shorthand: 'T',
          type: 'bool',
          usage: 'Disable pseudo-TTY allocation (default: auto-detected)',
        },
        { name: 'no-deps', type: 'bool', usage: "Don't start linked services" },
        {
          name: 'publish',
          shorthand: 'p',
          type: 'stringArray',
          usage: "Publish a container's port(s) to the host",
        },
        {
          name: 'pull',
          type: 'string',
          default: 'policy',
          usage: 'Pull image before running ("always"|"missing"|"never")',
        },
        { name: 'quiet', shorthand: 'q', type: 'bool', usage: "Don't print anything to STDOUT" },
        {
          name: 'quiet-build',
          type: 'bool',
          usage: 'Suppress progress output from the build process',
        },
        { name: 'quiet-pull', type: 'bool', usage: 'Pull without printing progress information' },
        {
          name: 'remove-orphans',
          type: 'bool',
          usage: 'Remove containers for services not defined in the Compose file',
        },
        { name: 'rm', type: 'bool', usage: 'Automatically remove the container when it exits' },
        {
          name: 'service-ports',
          shorthand: 'P',
          type: 'bool',
          usage: "Run command with all service's ports enabled and mapped to the host",
        },
        {
          name: 'use-aliases',
          type: 'bool',
          usage: "Use the service's network useAliases in the network(s) the container connects to",
        },
        { name: 'user', shorthand: 'u', type: 'string', usage: 'Run as specified username or uid' },
        { name: 'volume', shorthand: 'v', type: 'stringArray', usage: 'Bind mount a volume' },
        {
          name: 'workdir',
          shorthand: 'w',
          type: 'string',
          usage: 'Working directory inside the container',
        },
      ] as const,
      { interspersed: false },
    ),
  async run({ values, args }, env): Promise<CommandOutput> {
    const loaded = await env.loadProject()
    if (!loaded.ok) return failed(loaded.error)
    const [serviceName = '', ...command] = args
    const selected = selectServices(loaded.value, [serviceName])
    if (!selected.ok) return failed(selected.error)
    const project = selected.value.project
    const service = project.services[serviceName]
    if (!service) return failed({ message: `no such service: ${serviceName}`, exitCode: 1 })
    const publish = parsePublish(values.publish)
    if (typeof publish === 'string') return failed({ message: publish, exitCode: 1 })
    const deps = values['no-deps']
      ? []
      : startOrder(project, withDependencies(project, [serviceName])).filter(
          (s) => s !== serviceName,
        )
    const images = await prepareImages(env, project, [...deps, serviceName], {
      build: values.build,
      noBuild: false,
      pull: values.pull,
      quietPull: values['quiet-pull'],
    })
    const streams = new CommandStreams(env.shell.tty)
    streams.err(images.stderr)
    if (images.failure) {
      streams.err(`${images.failure.message}\n`)
      return streams.result(images.failure.exitCode)
    }
    const writer = env.progress('Running')
    const rt = env.runtime(writer)
    const envFiles = await readEnvFiles(env.shell, project, [...deps, serviceName])
    if (deps.length > 0) {
      const created = await createPhase(rt, project, deps, { envFiles })
      const started = created.ok ? await startPhase(rt, project, deps) : created
      if (!started.ok) {
        streams.err(rt.warnings() + writer.finish() + `${started.error.message}\n`)
        return streams.result(1)
      }
    }
    // The one-off container joins the service's networks and mounts its volumes.
    const networks = await ensureNetworks(rt, project, usedNetworks(project, [serviceName]))
    const volumes = networks.ok
      ? await ensureVolumes(rt, project, usedVolumes(project, [serviceName]))
      : networks
    if (!volumes.ok) {
      streams.err(writer.finish() + `${volumes.error.message}\n`)
      return streams.result(1)
    }
    const image = serviceImage(project, service)
    const local = env.engine.findImage(image)
    if (!local) {
      streams.err(writer.finish() + `Error response from daemon: No such image: ${image}\n`)
      return streams.result(1)
    }
    const slug = env.shell.random.hex(64)
    const name = values.name !== '' ? values.name : oneOffName(project.name, serviceName, slug)
    const tty = !values['no-TTY'] && env.shell.tty !== undefined
    const plan = containerPlan(project, service, image, {
      number: 1,
      imageId: local.id,
      envFiles,
      oneoff: { name, slug },
      ...(command.length > 0 ? { command } : {}),
      ...(values.entrypoint !== '' ? { entrypoint: [values.entrypoint] } : {}),
      extraEnv: values.env,
      publishPorts: values['service-ports'],
      extraPorts: publish,
      tty,
      // Without a terminal there is no stdin to keep open (the command runs to its end).
      interactive: values.interactive && tty && !values.detach,
      ...(values.user !== '' ? { user: values.user } : {}),
      ...(values.workdir !== '' ? { workdir: values.workdir } : {}),
      autoRemove: values.rm,
    })
    for (const label of values.label) {
      const eq = label.indexOf('=')
      if (plan.request.Labels)
        plan.request.Labels[eq < 0 ? label : label.slice(0, eq)] = eq < 0 ? '' : label.slice(eq + 1)
    }
    streams.err(rt.warnings() + writer.finish())
    const created = env.engine.createContainer(plan.request, plan.name)
    if (!created.ok) {
      streams.err(`Error response from daemon: ${created.error.message}\n`)
      return streams.result(1)
    }
    const record = env.engine.findContainer(created.value.Id)
    const from = record?.logs.length ?? 0
    const started = env.engine.startContainer(created.value.Id)
    if (!started.ok) {
      streams.err(`Error response from daemon: ${started.error.message}\n`)
      return streams.result(1)
    }
    if (values.detach) {
      await env.engine.settle()
      streams.out(`${name}\n`)
      return streams.result(0)
    }
    if (!record) return streams.result(0)
    // `run web bash` on a terminal: the container's shell reads the student's keyboard, as
    // `docker run -it` has it; the container ends with the shell.
    const shell = interactiveShellOf(record)
    if (plan.request.Tty && plan.request.OpenStdin && env.shell.tty && shell !== undefined) {
      const code = await runShellOnTerminal(
        { engine: env.engine, shell: env.shell },
        record,
        shell,
        env.shell.tty,
      )
      if (values.rm && env.engine.findContainer(record.id))
        env.engine.removeContainer(record.id, { force: true })
      return streams.result(code)
    }
    const followed = await followContainer(
      { engine: env.engine, shell: env.shell },
      record,
      streams,
      from,
    )
    const code = followed.kind === 'exited' ? followed.exitCode : 0
    if (values.rm && env.engine.findContainer(record.id))
      env.engine.removeContainer(record.id, { force: true })
    return streams.result(code)
  },
})
