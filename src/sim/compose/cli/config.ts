import { FlagSet } from '../../cli-kit/flags'
import type { CommandContext, CommandOutput } from '../../shell/command'
import type { World } from '../../world'
import { loadProject, type LoadOptions } from '../load'
import { dirname } from '../load/paths'
import { toGoYaml, type YamlValue } from '../load/go-yaml'
import { marshalProject } from '../load/marshal'
import type { ComposeProject, ServiceConfig } from '../model'

/**
 * `docker compose config`: loads the project and prints it in Compose's canonical form (YAML as
 * compose-go marshals it, or JSON), or one of its lists (`--services`, `--volumes`, `--networks`,
 * `--profiles`, `--images`), or nothing with `-q`; `-o` writes the output to a file.
 */

/** The `docker compose` options the dispatcher parsed before the subcommand. */
export interface ComposeGlobalOptions {
  files?: readonly string[]
  projectName?: string
  projectDirectory?: string
  envFiles?: readonly string[]
  profiles?: readonly string[]
}

/** Compose's failure categories as exit statuses (pkg/compose/metrics.go). */
const EXIT_NOT_FOUND = 14
const EXIT_PARSE = 15
const EXIT_SYNTAX = 16

function configFlags() {
  return new FlagSet([
    { name: 'dry-run', type: 'bool', usage: 'Execute command in dry run mode' },
    { name: 'environment', type: 'bool', usage: 'Print environment used for interpolation.' },
    {
      name: 'format',
      type: 'string',
      usage: 'Format the output. Values: [yaml | json]',
      default: 'yaml',
    },
    { name: 'hash', type: 'string', usage: 'Print the service config hash, one per line.' },
    { name: 'images', type: 'bool', usage: 'Print the image names, one per line.' },
    {
      name: 'lock-image-digests',
      type: 'bool',
      usage: 'Produces an override file with image digests',
    },
    { name: 'networks', type: 'bool', usage: 'Print the network names, one per line.' },
    {
      name: 'no-consistency',
      type: 'bool',
      usage: "Don't check model consistency - warning: may produce invalid Compose output",
    },
    { name: 'no-env-resolution', type: 'bool', usage: "Don't resolve service env files" },
    { name: 'no-interpolate', type: 'bool', usage: "Don't interpolate environment variables" },
    { name: 'no-normalize', type: 'bool', usage: "Don't normalize compose model" },
    { name: 'no-path-resolution', type: 'bool', usage: "Don't resolve file paths" },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Save to file (default to stdout)' },
    { name: 'profiles', type: 'bool', usage: 'Print the profile names, one per line.' },
    {
      name: 'quiet',
      shorthand: 'q',
      type: 'bool',
      usage: "Only validate the configuration, don't print anything",
    },
    { name: 'resolve-image-digests', type: 'bool', usage: 'Pin image tags to digests' },
    { name: 'services', type: 'bool', usage: 'Print the service names, one per line.' },
    { name: 'variables', type: 'bool', usage: 'Print model variables and default values.' },
    { name: 'volumes', type: 'bool', usage: 'Print the volume names, one per line.' },
    { name: 'help', type: 'bool', usage: 'Print usage', hidden: true },
  ] as const)
}

export async function composeConfig(
  args: readonly string[],
  world: World,
  ctx: CommandContext,
  global: ComposeGlobalOptions = {},
): Promise<CommandOutput> {
  void world
  const parsed = configFlags().parse(args)
  if (!parsed.ok) {
    // Compose's command-syntax failure category (the dispatcher words other flag errors alike).
    return { stdout: '', stderr: `${parsed.error.message}\n`, exitCode: EXIT_SYNTAX }
  }
  const flags = parsed.values
  const format = flags.format
  if (format !== 'yaml' && format !== 'json') {
    return { stdout: '', stderr: `unsupported format "${format}"\n`, exitCode: 1 }
  }
  const options: LoadOptions = {
    cwd: ctx.cwd,
    files: global.files,
    projectName: global.projectName,
    projectDirectory: global.projectDirectory,
    envFiles: global.envFiles,
    // Listing profiles looks at every service, whatever is enabled (all profiles on).
    profiles: flags.profiles ? ['*'] : global.profiles,
    interpolate: !flags['no-interpolate'],
    stdin: ctx.stdin,
  }
  const loaded = await loadProject(options, ctx.fs, ctx.env)
  if (!loaded.ok) {
    const missing = loaded.error.message.startsWith('no configuration file provided')
    return {
      stdout: '',
      stderr: `${loaded.error.message}\n`,
      exitCode: missing ? EXIT_NOT_FOUND : EXIT_PARSE,
    }
  }
  const project = loaded.value
  const warnings = project.warnings.map((w) => `${w}\n`).join('')
  const selected = selectServices(project, parsed.args)
  if (typeof selected === 'string')
    return { stdout: '', stderr: `${warnings}${selected}\n`, exitCode: 1 }

  let text: string
  if (flags.quiet) text = ''
  else if (flags.services) text = lines(Object.keys(selected.services).sort())
  else if (flags.volumes) text = lines(Object.keys(selected.volumes).sort())
  else if (flags.networks) text = lines(Object.keys(selected.networks).sort())
  else if (flags.profiles) text = lines(allProfiles(project))
  else if (flags.images)
    text = lines(Object.values(selected.services).map((s) => imageOf(project, s)))
  else if (flags.environment) {
    text = lines(
      Object.keys(project.environment)
        .sort()
        .map((k) => `${k}=${project.environment[k] ?? ''}`),
    )
  } else {
    const model = marshalProject(selected)
    text = format === 'json' ? `${goJson(withJsonNulls(model))}\n` : toGoYaml(model)
  }

  if (flags.output !== '' && !flags.quiet) {
    const path = ctx.resolve(flags.output)
    try {
      if (!(await ctx.fs.exists(dirname(path)))) {
        return {
          stdout: '',
          stderr: `${warnings}open ${path}: no such file or directory\n`,
          exitCode: 1,
        }
      }
      await ctx.fs.writeFile(path, text)
    } catch (e) {
      return {
        stdout: '',
        stderr: `${warnings}open ${path}: ${e instanceof Error ? e.message : String(e)}\n`,
        exitCode: 1,
      }
    }
    return { stdout: '', stderr: warnings, exitCode: 0 }
  }
  return { stdout: text, stderr: warnings, exitCode: 0 }
}

const lines = (items: string[]): string => items.map((i) => `${i}\n`).join('')

/** `config web`: that service and what it depends on (compose's WithSelectedServices). */
function selectServices(
  project: ComposeProject,
  names: readonly string[],
): ComposeProject | string {
  if (names.length === 0) return project
  const keep = new Set<string>()
  const visit = (name: string): string | undefined => {
    if (keep.has(name)) return undefined
    const svc = project.services[name]
    if (svc === undefined) return `no such service: ${name}`
    keep.add(name)
    for (const dep of Object.keys(svc.depends_on)) {
      const e = visit(dep)
      if (e !== undefined) return e
    }
    return undefined
  }
  for (const name of names) {
    const e = visit(name)
    if (e !== undefined) return e
  }
  const services: Record<string, ServiceConfig> = {}
  for (const name of Object.keys(project.services)) {
    const svc = project.services[name]
    if (keep.has(name) && svc) services[name] = svc
  }
  return { ...project, services }
}

function allProfiles(project: ComposeProject): string[] {
  const set = new Set<string>()
  for (const svc of [
    ...Object.values(project.services),
    ...Object.values(project.disabledServices),
  ]) {
    for (const p of svc.profiles) set.add(p)
  }
  return [...set].sort()
}

/** The image a service runs: its `image`, else the one `build` tags (`<project>-<service>`). */
function imageOf(project: ComposeProject, svc: ServiceConfig): string {
  return svc.image ?? `${project.name}-${svc.name}`
}

/** json tags keep `command` and `entrypoint` even when empty (compose-go's ServiceConfig). */
function withJsonNulls(model: { [key: string]: YamlValue }): { [key: string]: YamlValue } {
  const services = model.services
  if (typeof services !== 'object' || services === null || Array.isArray(services)) return model
  const next: { [key: string]: YamlValue } = {}
  for (const [name, svc] of Object.entries(services)) {
    if (typeof svc !== 'object' || svc === null || Array.isArray(svc)) continue
    const out: { [key: string]: YamlValue } = {}
    let placedCommand = false
    for (const [k, v] of Object.entries(svc)) {
      out[k] = v
      if (k === 'command') placedCommand = true
    }
    if (!placedCommand) out.command = null
    if (!('entrypoint' in out)) out.entrypoint = null
    next[name] = out
  }
  return { ...model, services: next }
}

/** Go's json.MarshalIndent with two spaces, HTML characters escaped as Go does. */
function goJson(value: YamlValue): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v), 2)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
}
