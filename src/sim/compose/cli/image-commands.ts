/**
 * `create`, `pull`, `push` and `build` (cmd/compose/create.go, pull.go, push.go, build.go):
 * the image and create steps of `up`, on their own.
 */
import { FlagSet } from '../../cli-kit/flags'
import type { DockerEngine } from '../../docker/engine/engine'
import { PULL_MESSAGES } from '../../docker/images/catalog'
import { familiarName, parseNormalizedNamed } from '../../docker/images/reference'
import type { CommandOutput } from '../../shell/command'
import { createPhase, handleOrphans } from '../project/converge'
import { startOrder, withDependencies } from '../project/graph'
import { buildServices, pullServices, serviceImage } from '../project/images'
import { composeCommand, DRY_RUN_FLAG, EXIT, failed } from './command'
import { readEnvFiles } from './env-files'
import { selectServices } from './services'
import { parseScale, prepareImages } from './up'

export const create = composeCommand({
  name: 'create',
  use: '[OPTIONS] [SERVICE...]',
  short: 'Creates containers for a service',
  args: { kind: 'any' },
  flags: () =>
    new FlagSet([
      { name: 'build', type: 'bool', usage: 'Build images before starting containers' },
      DRY_RUN_FLAG,
      {
        name: 'force-recreate',
        type: 'bool',
        usage: "Recreate containers even if their configuration and image haven't changed",
      },
      { name: 'no-build', type: 'bool', usage: "Don't build an image, even if it's policy" },
      {
        name: 'no-recreate',
        type: 'bool',
        usage:
          "If containers already exist, don't recreate them. Incompatible with --force-recreate.",
      },
      {
        name: 'pull',
        type: 'string',
        default: 'policy',
        usage: 'Pull image before running ("always"|"missing"|"never"|"build")',
      },
      { name: 'quiet-pull', type: 'bool', usage: 'Pull without printing progress information' },
      {
        name: 'remove-orphans',
        type: 'bool',
        usage: 'Remove containers for services not defined in the Compose file',
      },
      {
        name: 'scale',
        type: 'stringArray',
        usage:
          'Scale SERVICE to NUM instances. Overrides the `scale` setting in the Compose file if present.',
      },
      {
        name: 'yes',
        shorthand: 'y',
        type: 'bool',
        usage: 'Assume "yes" as answer to all prompts and run non-interactively',
      },
    ] as const),
  async run({ values, args }, env): Promise<CommandOutput> {
    const loaded = await env.loadProject()
    if (!loaded.ok) return failed(loaded.error)
    if (values['force-recreate'] && values['no-recreate'])
      return failed({ message: '--force-recreate and --no-recreate are incompatible', exitCode: 1 })
    const scale = parseScale(values.scale)
    if (typeof scale === 'string') return failed({ message: scale, exitCode: 1 })
    const selected = selectServices(loaded.value, args)
    if (!selected.ok) return failed(selected.error)
    const project = selected.value.project
    const order = startOrder(project, withDependencies(project, selected.value.services))
    const images = await prepareImages(env, project, order, {
      build: values.build,
      noBuild: values['no-build'],
      pull: values.pull,
      quietPull: values['quiet-pull'],
    })
    if (images.failure)
      return {
        stdout: '',
        stderr: `${images.stderr}${images.failure.message}\n`,
        exitCode: images.failure.exitCode,
      }
    const writer = env.progress('Running')
    const rt = env.runtime(writer)
    const orphans = await handleOrphans(rt, project, values['remove-orphans'])
    const created = orphans.ok
      ? await createPhase(rt, project, order, {
          forceRecreate: values['force-recreate'],
          noRecreate: values['no-recreate'],
          scale,
          envFiles: await readEnvFiles(env.shell, project, order),
        })
      : orphans
    const stderr = images.stderr + rt.warnings() + writer.finish()
    if (!created.ok)
      return { stdout: '', stderr: `${stderr}${created.error.message}\n`, exitCode: 1 }
    return { stdout: '', stderr, exitCode: 0 }
  },
})

export const pull = composeCommand({
  name: 'pull',
  use: '[OPTIONS] [SERVICE...]',
  short: 'Pull service images',
  args: { kind: 'any' },
  flags: () =>
    new FlagSet([
      DRY_RUN_FLAG,
      { name: 'ignore-buildable', type: 'bool', usage: 'Ignore images that can be built' },
      {
        name: 'ignore-pull-failures',
        type: 'bool',
        usage: 'Pull what it can and ignores images with pull failures',
      },
      { name: 'include-deps', type: 'bool', usage: 'Also pull services declared as dependencies' },
      { name: 'policy', type: 'string', usage: 'Apply pull policy ("missing"|"always")' },
      {
        name: 'quiet',
        shorthand: 'q',
        type: 'bool',
        usage: 'Pull without printing progress information',
      },
    ] as const),
  async run({ values, args }, env): Promise<CommandOutput> {
    const loaded = await env.loadProject()
    if (!loaded.ok) return failed(loaded.error)
    const selected = selectServices(loaded.value, args)
    if (!selected.ok) return failed(selected.error)
    const project = selected.value.project
    const names = values['include-deps']
      ? withDependencies(project, selected.value.services)
      : selected.value.services
    const writer = env.progress('Pulling')
    const rt = env.runtime(writer)
    const toPull = []
    for (const name of [...names].sort()) {
      const service = project.services[name]
      if (!service) continue
      if (service.image === undefined) {
        writer.event(name, 'done', '', 'Skipped - No image to be pulled')
        continue
      }
      if (values.policy === 'missing' && env.engine.findImage(serviceImage(project, service))) {
        writer.event(name, 'done', '', 'Skipped - Image is already present locally')
        continue
      }
      if (service.build && values['ignore-buildable']) {
        writer.event(name, 'done', '', 'Skipped - Image can be built')
        continue
      }
      toPull.push(service)
    }
    const pulled = await pullServices(rt, project, toPull, {
      ignoreFailures: values['ignore-pull-failures'],
    })
    const stderr = values.quiet ? '' : writer.finish()
    if (!pulled.ok)
      return { stdout: '', stderr: `${stderr}${pulled.error.message}\n`, exitCode: EXIT.pull }
    return { stdout: '', stderr, exitCode: 0 }
  },
})

export const push = composeCommand({
  name: 'push',
  use: '[OPTIONS] [SERVICE...]',
  short: 'Push service images',
  args: { kind: 'any' },
  flags: () =>
    new FlagSet([
      DRY_RUN_FLAG,
      {
        name: 'ignore-push-failures',
        type: 'bool',
        usage: 'Push what it can and ignores images with push failures',
      },
      {
        name: 'include-deps',
        type: 'bool',
        usage: 'Also push images of services declared as dependencies',
      },
      {
        name: 'quiet',
        shorthand: 'q',
        type: 'bool',
        usage: 'Push without printing progress information',
      },
    ] as const),
  async run({ values, args }, env): Promise<CommandOutput> {
    const loaded = await env.loadProject()
    if (!loaded.ok) return failed(loaded.error)
    const selected = selectServices(loaded.value, args)
    if (!selected.ok) return failed(selected.error)
    const project = selected.value.project
    const names = values['include-deps']
      ? withDependencies(project, selected.value.services)
      : selected.value.services
    const writer = env.progress('Pushing')
    let failure: string | undefined
    for (const name of [...names].sort()) {
      const service = project.services[name]
      if (!service) continue
      // pkg/compose/push.go pushes only what the project builds under a name of its own.
      if (!service.build || service.image === undefined) {
        writer.event(name, 'done', '', 'Skipped')
        continue
      }
      for (const tag of [service.image, ...(service.build.tags ?? [])]) {
        const error = pushError(env.engine, tag)
        if (values['ignore-push-failures']) writer.tail(`Pushing ${name}: ${error}`)
        else failure ??= error
      }
    }
    // -q runs the push without a progress display at all.
    const stderr = values.quiet ? '' : writer.finish()
    if (failure !== undefined) return { stdout: '', stderr: `${stderr}${failure}\n`, exitCode: 1 }
    return { stdout: '', stderr, exitCode: 0 }
  },
})

/**
 * What the daemon answers a push of `tag` with, offline: a tag it does not hold, else the
 * registry it cannot reach (the push stream's error, which compose returns as it is).
 */
function pushError(engine: DockerEngine, tag: string): string {
  const ref = parseNormalizedNamed(tag)
  if (!ref.ok) return ref.error.message
  if (!engine.findImage(tag))
    return `An image does not exist locally with the tag: ${familiarName(ref.value)}`
  // Docker Hub's API answers at registry-1.docker.io.
  const host = ref.value.domain === 'docker.io' ? 'registry-1.docker.io' : ref.value.domain
  return PULL_MESSAGES.registryUnreachable(host)
}

export const build = composeCommand({
  name: 'build',
  use: '[OPTIONS] [SERVICE...]',
  short: 'Build or rebuild services',
  args: { kind: 'any' },
  flags: () =>
    new FlagSet([
      { name: 'build-arg', type: 'stringArray', usage: 'Set build-time variables for services' },
      { name: 'builder', type: 'string', usage: 'Set builder to use' },
      { name: 'check', type: 'bool', usage: 'Check build configuration' },
      DRY_RUN_FLAG,
      {
        name: 'memory',
        shorthand: 'm',
        type: 'string',
        usage: 'Set memory limit for the build container. Not supported by BuildKit.',
      },
      { name: 'no-cache', type: 'bool', usage: 'Do not use cache when building the image' },
      { name: 'print', type: 'bool', usage: 'Print equivalent bake file' },
      { name: 'pull', type: 'bool', usage: 'Always attempt to pull a newer version of the image' },
      { name: 'push', type: 'bool', usage: 'Push service images' },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: "Don't print anything to STDOUT" },
      { name: 'with-dependencies', type: 'bool', usage: 'Also build dependencies (transitively)' },
    ] as const),
  async run({ values, args }, env): Promise<CommandOutput> {
    const loaded = await env.loadProject()
    if (!loaded.ok) return failed(loaded.error)
    const selected = selectServices(loaded.value, args)
    if (!selected.ok) return failed(selected.error)
    let project = selected.value.project
    // --build-arg KEY=VALUE applies to every service built.
    const extraArgs: Record<string, string> = {}
    for (const a of values['build-arg']) {
      const eq = a.indexOf('=')
      if (eq > 0) extraArgs[a.slice(0, eq)] = a.slice(eq + 1)
    }
    if (Object.keys(extraArgs).length > 0)
      project = {
        ...project,
        services: Object.fromEntries(
          Object.entries(project.services).map(([k, s]) => [
            k,
            s.build ? { ...s, build: { ...s.build, args: { ...s.build.args, ...extraArgs } } } : s,
          ]),
        ),
      }
    const names = values['with-dependencies']
      ? startOrder(project, withDependencies(project, selected.value.services))
      : [...selected.value.services].sort()
    const services = names.flatMap((n) => (project.services[n]?.build ? [project.services[n]] : []))
    if (services.length === 0) return { stdout: '', stderr: '', exitCode: 0 }
    const writer = env.progress('Building')
    const rt = env.runtime(writer)
    let log = ''
    const built = await buildServices(
      rt,
      project,
      services.flatMap((s) => (s ? [s] : [])),
      {
        noCache: values['no-cache'],
        pull: values.pull,
        output: (t) => (log += t),
      },
    )
    const stderr = (values.quiet ? '' : log) + writer.finish()
    if (!built.ok)
      return { stdout: '', stderr: `${stderr}${built.error.message}\n`, exitCode: EXIT.build }
    return { stdout: '', stderr, exitCode: 0 }
  },
})
