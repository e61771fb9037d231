/**
 * The images a project's services run (docker/compose pkg/compose/pull.go, build.go): pulled
 * when missing (or always, by pull_policy / --pull), built when the service has `build:` and
 * its image is missing (or `--build`). Builds go through the engine's builder, as `docker build`.
 */
import { err, ok, type Result } from '../../core/errors'
import { buildImage } from '../../docker/build/build'
import { parseIgnoreFile, readContext } from '../../docker/build/context'
import { renderErrorLogs, renderFailure, renderPlain } from '../../docker/build/progress'
import type { ComposeProject, ServiceConfig } from '../model'
import { ComposeError, daemonError } from './errors'
import { COMPOSE_VERSION, LABEL } from './labels'
import { builtImageName } from './names'
import { pass, pullMs } from './timing'
import type { ComposeRuntime } from './runtime'

export type PullPolicy = 'always' | 'missing' | 'never' | 'build' | 'policy'

/** The image reference the service's containers run. */
export function serviceImage(project: ComposeProject, service: ServiceConfig): string {
  return builtImageName(project.name, service)
}

/** Services that pull (no build, or an image to pull first), as `up` and `pull` decide it. */
export function needsPull(
  rt: ComposeRuntime,
  project: ComposeProject,
  service: ServiceConfig,
  policy: PullPolicy,
): boolean {
  const image = serviceImage(project, service)
  const present = rt.engine.findImage(image) !== undefined
  const servicePolicy = policy === 'policy' ? (service.pull_policy ?? 'missing') : policy
  if (service.build && servicePolicy !== 'always') return false
  if (servicePolicy === 'never' || servicePolicy === 'build') return false
  if (servicePolicy === 'always') return true
  return !present
}

/**
 * `[+] Pulling n/n`: each service's image, ` ✔ web Pulled`. Compose pulls in parallel: every
 * service says Pulling first, and each is done after its image's download time (its size on
 * the virtual clock), the smallest first.
 */
export async function pullServices(
  rt: ComposeRuntime,
  project: ComposeProject,
  services: readonly ServiceConfig[],
  options: { ignoreFailures?: boolean } = {},
): Promise<Result<void, ComposeError>> {
  let failure: ComposeError | undefined
  // A service's pull line carries its word as the event's text (pkg/compose/pull.go).
  for (const service of services) rt.progress.event(service.name, 'working', '', 'Pulling')
  const outcomes = services.map((service) => {
    const image = serviceImage(project, service)
    const pulled = rt.engine.pull(image)
    const bytes = pulled.ok ? (rt.engine.findImage(image)?.inspect.Size ?? 0) : 0
    return { service, pulled, ms: pulled.ok ? pullMs(bytes, image) : 300 }
  })
  let elapsed = 0
  for (const o of [...outcomes].sort((a, b) => a.ms - b.ms)) {
    await pass(rt, o.ms - elapsed)
    elapsed = o.ms
    if (!o.pulled.ok) {
      rt.progress.event(o.service.name, 'error', '', 'Error')
      failure ??= daemonError(o.pulled.error.message)
      continue
    }
    rt.progress.event(o.service.name, 'done', '', 'Pulled')
  }
  if (failure && !options.ignoreFailures) return err(failure)
  return ok(undefined)
}

export function needsBuild(
  rt: ComposeRuntime,
  project: ComposeProject,
  service: ServiceConfig,
  force: boolean,
): boolean {
  if (!service.build) return false
  if (force) return true
  return rt.engine.findImage(serviceImage(project, service)) === undefined
}

export interface BuildOptions {
  noCache?: boolean
  pull?: boolean
  /** Where BuildKit's plain output goes (stderr), in build order. */
  output: (text: string) => void
}

/** Builds each service's image, its BuildKit log first, then ` ✔ Service web  Built`. */
export async function buildServices(
  rt: ComposeRuntime,
  project: ComposeProject,
  services: readonly ServiceConfig[],
  options: BuildOptions,
): Promise<Result<void, ComposeError>> {
  for (const service of services) {
    const build = service.build
    if (!build) continue
    const fs = rt.shell.fs
    const contextDir = build.context
    const st = await fs.stat(contextDir).catch(() => undefined)
    if (!st?.isDirectory)
      return err(
        new ComposeError(`unable to prepare context: path ${JSON.stringify(contextDir)} not found`),
      )
    const dockerfileName = build.dockerfile ?? 'Dockerfile'
    const dockerfilePath = dockerfileName.startsWith('/')
      ? dockerfileName
      : `${contextDir === '/' ? '' : contextDir}/${dockerfileName}`
    const text =
      build.dockerfile_inline ??
      ((await fs.exists(dockerfilePath)) ? await fs.readFile(dockerfilePath) : undefined)
    const ignorePath = `${contextDir === '/' ? '' : contextDir}/.dockerignore`
    const ignoreText = (await fs.exists(ignorePath)) ? await fs.readFile(ignorePath) : undefined
    const context = await readContext(fs, contextDir, parseIgnoreFile(ignoreText ?? ''))
    const args = new Map<string, string>()
    for (const [k, v] of Object.entries(build.args ?? {})) if (v !== null) args.set(k, v)
    const image = serviceImage(project, service)
    const startMs = rt.shell.clock.now()
    let elapsed = 0
    const outcome = await buildImage(
      {
        dockerfile: { name: dockerfileName.split('/').pop() ?? 'Dockerfile', text },
        context,
        ignoreFileBytes: ignoreText === undefined ? undefined : ignoreText.length,
        buildArgs: args,
        target: build.target,
        tags: [image, ...(build.tags ?? [])],
        labels: {
          ...build.labels,
          [LABEL.project]: project.name,
          [LABEL.service]: service.name,
          [LABEL.version]: COMPOSE_VERSION,
        },
        noCache: options.noCache === true || build.no_cache === true,
        pull: options.pull === true || build.pull === true,
      },
      {
        engine: rt.engine,
        now: () => startMs + elapsed,
        // The build's steps take their virtual time on the build's own timeline only.
        sleep: (ms) => {
          elapsed += ms
          return Promise.resolve(true)
        },
      },
    )
    options.output(renderPlain(outcome.trace))
    const id = `Service ${service.name}`
    if (outcome.failure) {
      options.output(renderErrorLogs(outcome.trace))
      rt.progress.event(id, 'error', 'Error')
      return err(
        new ComposeError(
          renderFailure(outcome.failure)
            .replace(/^ERROR: /, '')
            .trimEnd(),
        ),
      )
    }
    rt.progress.event(id, 'done', 'Built')
  }
  return ok(undefined)
}
