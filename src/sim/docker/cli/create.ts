/**
 * `docker create` (docker/cli cli/command/container/create.go, docker 28.2.2), and the part of
 * it `docker run` shares: check the image reference, pull when asked or when the daemon does not
 * have the image ("Unable to find image 'x' locally" and the pull's progress on stderr), create.
 */
import { err, ok, type Result } from '../../core/errors'
import { FlagSet } from '../../cli-kit/flags'
import type { ContainerCreateRequest } from '../engine/api-types'
import {
  familiarString,
  parseAnyReference,
  tagNameOnly,
  type NamedReference,
} from '../images/reference'
import { dockerCommand, type DockerContext } from './command'
import { CONTAINER_FLAGS, imageFlags } from './container-flags'
import { containerSpecFromFlags } from './container-options'
import { pullProgressLines } from './pull-progress'
import { CommandStreams } from './streams'

export interface CreateOptions {
  name: string
  pull: string
  quiet: boolean
  cidfile: string
}

/** validatePullOpt. */
export function pullOptionProblem(value: string): string | undefined {
  if (['always', 'missing', 'never', ''].includes(value)) return undefined
  return `invalid pull option: '${value}': must be one of "always", "missing" or "never"`
}

/** An error as the API client words it: daemon answers get their prefix, client checks do not. */
export interface CreateFailure {
  message: string
}

/** Pulls `ref` through the daemon, writing its progress to stderr unless `quiet`. */
function pullImage(
  ctx: DockerContext,
  image: string,
  ref: NamedReference,
  quiet: boolean,
  streams: CommandStreams,
): Result<void, CreateFailure> {
  const pulled = ctx.engine.pull(image)
  if (!pulled.ok) {
    const daemon = pulled.error.name === 'DaemonError'
    return err({
      message: `${daemon ? 'Error response from daemon: ' : ''}${pulled.error.message}`,
    })
  }
  if (!quiet) streams.err(pullProgressLines(pulled.value, ref))
  return ok(undefined)
}

/** A `--mount type=bind` source the host does not have: the daemon refuses it. */
async function missingBindSource(
  ctx: DockerContext,
  request: ContainerCreateRequest,
): Promise<string | undefined> {
  for (const mount of request.HostConfig?.Mounts ?? []) {
    if (mount.Type !== 'bind' || !mount.Source.startsWith('/')) continue
    if (!(await ctx.shell.fs.exists(mount.Source)))
      return `Error response from daemon: invalid mount config for type "bind": bind source path does not exist: ${mount.Source}`
  }
  return undefined
}

/** create.go createContainer: the container's id, or the error the CLI prints. */
export async function createContainer(
  ctx: DockerContext,
  request: ContainerCreateRequest,
  options: CreateOptions,
  streams: CommandStreams,
): Promise<Result<string, CreateFailure>> {
  const { fs, resolve } = ctx.shell
  if (options.cidfile !== '' && (await fs.exists(resolve(options.cidfile))))
    return err({
      message: `container ID file found, make sure the other container isn't running or delete ${options.cidfile}`,
    })
  const parsed = parseAnyReference(request.Image)
  if (!parsed.ok) return err({ message: parsed.error.message })
  const named = parsed.value.kind === 'named' ? tagNameOnly(parsed.value) : undefined
  if (options.pull === 'always' && named) {
    const pulled = pullImage(ctx, request.Image, named, options.quiet, streams)
    if (!pulled.ok) return pulled
  }
  const missing = await missingBindSource(ctx, request)
  if (missing !== undefined) return err({ message: missing })
  const name = options.name === '' ? undefined : options.name
  let created = ctx.engine.createContainer(request, name)
  if (!created.ok && created.error.status === 404 && named && options.pull === 'missing') {
    if (!options.quiet) streams.err(`Unable to find image '${familiarString(named)}' locally\n`)
    const pulled = pullImage(ctx, request.Image, named, options.quiet, streams)
    if (!pulled.ok) return pulled
    created = ctx.engine.createContainer(request, name)
  }
  if (!created.ok) return err({ message: `Error response from daemon: ${created.error.message}` })
  for (const warning of created.value.Warnings) streams.err(`WARNING: ${warning}\n`)
  if (options.cidfile !== '') await fs.writeFile(resolve(options.cidfile), created.value.Id)
  return ok(created.value.Id)
}

/** The flags of `docker create`: its own, then the table it shares with `docker run`. */
export const createFlags = () =>
  new FlagSet([...imageFlags('creating'), ...CONTAINER_FLAGS] as const, { interspersed: false })

export const containerCreate = dockerCommand({
  path: 'docker container create',
  use: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new container',
  aliases: ['docker container create', 'docker create'],
  args: { kind: 'min', count: 1 },
  flags: createFlags,
  async run({ values, args, changed }, ctx) {
    const streams = new CommandStreams(undefined)
    const usage = (message: string) => ({
      stdout: '',
      stderr: `docker: ${message}\n\nRun 'docker create --help' for more information\n`,
      exitCode: 125,
    })
    const pullProblem = pullOptionProblem(values.pull)
    if (pullProblem !== undefined) return usage(pullProblem)
    const [image = '', ...command] = args
    const spec = await containerSpecFromFlags(values, changed, image, command, ctx.shell)
    if (!spec.ok) return usage(spec.error)
    const id = await createContainer(
      ctx,
      spec.value.request,
      { name: values.name, pull: values.pull, quiet: values.quiet, cidfile: values.cidfile },
      streams,
    )
    if (!id.ok) {
      streams.err(`${id.error.message}\n`)
      return streams.result(1)
    }
    streams.out(`${id.value}\n`)
    return streams.result(0)
  },
})
