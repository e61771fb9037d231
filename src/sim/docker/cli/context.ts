/**
 * `docker context ls/show/use/inspect` (docker/cli cli/command/context), for the one context
 * Quai's client has: `default`, whose endpoint is DOCKER_HOST or the daemon's socket. Names the
 * store lacks fail as the client's file-backed store does (`context "x": context not found: …`).
 */
import { dockerFormat } from '../../cli-kit/docker-format'
import { FlagSet } from '../../cli-kit/flags'
import type { CommandContext, CommandOutput } from '../../shell/command'
import { dockerCommand, ok, type DockerCommand } from './command'
import {
  contextName,
  contextNotFound,
  DEFAULT_DOCKER_HOST,
  parseDockerHost,
  storedContextHost,
} from './daemon-host'
import { FORMAT_FLAG_USAGE } from './filters'
import { formatterContext } from './formatter/context'
import type { CommandGroup } from './tree'

const DEFAULT_DESCRIPTION = 'Current DOCKER_HOST based configuration'
const NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$/

const fail = (stderr: string, stdout = ''): CommandOutput => ({ stdout, stderr, exitCode: 1 })

/** The default context's endpoint: DOCKER_HOST as the client parses it, else the socket. */
function defaultHost(shell: CommandContext): string {
  const tls = (shell.env.get('DOCKER_TLS_VERIFY') ?? '') !== ''
  const parsed = parseDockerHost(shell.env.get('DOCKER_HOST') ?? '', tls)
  return parsed.ok ? parsed.host : DEFAULT_DOCKER_HOST
}

const current = (shell: CommandContext) => contextName({ hosts: [], context: undefined }, shell)

const HEADERS = {
  Name: 'NAME',
  Description: 'DESCRIPTION',
  DockerEndpoint: 'DOCKER ENDPOINT',
  Error: 'ERROR',
}

const contextLs = dockerCommand({
  path: 'docker context ls',
  use: '[OPTIONS]',
  short: 'List contexts',
  aliases: ['docker context ls', 'docker context list'],
  args: { kind: 'none' },
  flags: () =>
    new FlagSet([
      { name: 'format', type: 'string', usage: FORMAT_FLAG_USAGE },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only show context names' },
    ] as const),
  async run({ values }, { shell }) {
    const active = await current(shell)
    const endpoint = defaultHost(shell)
    const warning =
      (shell.env.get('DOCKER_HOST') ?? '') !== ''
        ? 'Warning: DOCKER_HOST environment variable overrides the active context. To use a context, either set the global --context flag, or unset DOCKER_HOST environment variable.\n'
        : ''
    if (values.quiet) return { stdout: 'default\n', stderr: warning, exitCode: 0 }
    const isCurrent = active === 'default'
    if (values.format === 'json')
      return {
        stdout: `${JSON.stringify({ Current: isCurrent, Description: DEFAULT_DESCRIPTION, DockerEndpoint: endpoint, Error: '', Name: 'default' })}\n`,
        stderr: warning,
        exitCode: 0,
      }
    const format =
      values.format === '' || values.format === 'table'
        ? 'table {{.Name}}\t{{.Description}}\t{{.DockerEndpoint}}\t{{.Error}}'
        : values.format
    const row = formatterContext('*formatter.clientContextContext', {
      // The table marks the current context after its name; `{{.Name}}` alone does not.
      Name: () => (format.startsWith('table') && isCurrent ? 'default *' : 'default'),
      Description: () => DEFAULT_DESCRIPTION,
      DockerEndpoint: () => endpoint,
      Error: () => '',
      Current: () => String(isCurrent),
    })
    const result = dockerFormat(format, [row], HEADERS)
    if (!result.ok) return fail(`${result.error}\n`)
    return { stdout: result.output, stderr: warning, exitCode: 0 }
  },
})

const contextShow = dockerCommand({
  path: 'docker context show',
  use: '',
  short: 'Print the name of the current context',
  args: { kind: 'none' },
  flags: () => new FlagSet([] as const),
  async run(_parsed, { shell }) {
    return ok(`${await current(shell)}\n`)
  },
})

/** The JSON `docker context inspect` prints for the default context (4-space indented). */
function defaultInspect(host: string) {
  return {
    Name: 'default',
    Metadata: {},
    Endpoints: { docker: { Host: host, SkipTLSVerify: false } },
    TLSMaterial: {},
    Storage: { MetadataPath: '<IN MEMORY>', TLSPath: '<IN MEMORY>' },
  }
}

/** Go's json.MarshalIndent escapes <, > and & (as the real output's \u003c shows). */
const goJson = (value: unknown) =>
  JSON.stringify(value, null, 4)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')

const contextInspect = dockerCommand({
  path: 'docker context inspect',
  use: '[OPTIONS] [CONTEXT] [CONTEXT...]',
  short: 'Display detailed information on one or more contexts',
  args: { kind: 'min', count: 0 },
  flags: () => new FlagSet([] as const),
  async run({ args }, { shell }) {
    const names = args.length === 0 ? [await current(shell)] : args
    const found: unknown[] = []
    let stderr = ''
    for (const name of names) {
      if (name === 'default') found.push(defaultInspect(defaultHost(shell)))
      else stderr += `${contextNotFound(shell, name)}\n`
    }
    const stdout = found.length === 0 ? '[]\n' : `${goJson(found)}\n`
    return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 }
  },
})

const contextUse = dockerCommand({
  path: 'docker context use',
  use: 'CONTEXT',
  short: 'Set the current docker context',
  args: { kind: 'exact', count: 1 },
  flags: () => new FlagSet([] as const),
  async run({ args }, { shell }) {
    const name = args[0] ?? ''
    if (name !== 'default') {
      if (!NAME_PATTERN.test(name))
        return fail(
          `context name "${name}" is invalid, names are validated against regexp "^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$"\n`,
        )
      if ((await storedContextHost(shell, name)) === undefined)
        return fail(`${contextNotFound(shell, name)}\n`)
    }
    const home = shell.env.get('HOME') ?? '/home/student'
    const path = `${home}/.docker/config.json`
    let config: Record<string, unknown> = {}
    if (await shell.fs.exists(path)) {
      try {
        const parsed: unknown = JSON.parse(await shell.fs.readFile(path))
        if (typeof parsed === 'object' && parsed !== null)
          config = parsed as Record<string, unknown>
      } catch {
        config = {}
      }
    }
    // The client stores the default context as "no current context".
    if (name === 'default') delete config['currentContext']
    else config['currentContext'] = name
    if (name !== 'default' || (await shell.fs.exists(path))) {
      await shell.fs.mkdir(`${home}/.docker`, { recursive: true })
      await shell.fs.writeFile(path, `${JSON.stringify(config, null, '\t')}\n`)
    }
    const warning =
      (shell.env.get('DOCKER_HOST') ?? '') !== ''
        ? 'Warning: DOCKER_HOST environment variable overrides the active context. To use a context, either set the global --context flag, or unset DOCKER_HOST environment variable.\n'
        : ''
    return {
      stdout: `${name}\n`,
      stderr: `${warning}Current context is now "${name}"\n`,
      exitCode: 0,
    }
  },
})

/** `docker context …`: the subcommands Quai simulates. */
export const CONTEXT_GROUP: CommandGroup = {
  name: 'context',
  short: 'Manage contexts',
  commands: new Map<string, DockerCommand>([
    ['ls', contextLs],
    ['list', contextLs],
    ['show', contextShow],
    ['inspect', contextInspect],
    ['use', contextUse],
  ]),
}
