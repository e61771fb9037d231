import { FlagSet } from '../../cli-kit/flags'
import { DOCKER_FUNCS, GoTemplate } from '../../cli-kit/go-template'
import { GoStruct, goTyped, type GoValue } from '../../cli-kit/go-value'
import { eastAsianWidth, tabwrite } from '../../cli-kit/tabwriter'
import type { DockerEngine } from '../engine/engine'
import { systemVersion, type SystemVersion } from '../engine/system-info'
import { dockerCommand, ok } from './command'
import { apiStruct } from './inspect-output'
import { INSPECT_FORMAT_USAGE } from './network-inspect'

/** The client half, as the docker 28.2.2 static binary reports itself (no platform name). */
export const CLIENT_VERSION = {
  Version: '28.2.2',
  ApiVersion: '1.50',
  DefaultAPIVersion: '1.50',
  GitCommit: 'e6534b4',
  GoVersion: 'go1.24.3',
  Os: 'linux',
  Arch: 'amd64',
  BuildTime: 'Fri May 30 12:07:14 2025',
  Context: 'default',
} as const

/** prettyPrintVersion's writer: `tabwriter.NewWriter(out, 20, 1, 1, ' ', 0)`. */
const VERSION_TABWRITER = {
  minwidth: 20,
  tabwidth: 1,
  padding: 1,
  padchar: ' ',
  cellWidth: eastAsianWidth,
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/** reformatDate: an RFC 3339 build time in Go's time.ANSIC layout (`Mon Jan _2 15:04:05 2006`). */
export function ansic(rfc3339: string): string {
  const ms = Date.parse(rfc3339)
  if (Number.isNaN(ms)) return rfc3339
  const d = new Date(ms)
  const day = String(d.getUTCDate()).padStart(2, ' ')
  const time = d.toISOString().slice(11, 19)
  return `${DAYS[d.getUTCDay()] ?? ''} ${MONTHS[d.getUTCMonth()] ?? ''} ${day} ${time} ${d.getUTCFullYear()}`
}

/** The server as `docker version` shows it: the Engine component's BuildTime in ANSIC form. */
function serverForDisplay(v: SystemVersion): SystemVersion {
  return {
    ...v,
    Components: v.Components.map((c) =>
      c.Name === 'Engine' && c.Details.BuildTime !== undefined
        ? { ...c, Details: { ...c.Details, BuildTime: ansic(c.Details.BuildTime) } }
        : c,
    ),
  }
}

/** The default layout of docker/cli's defaultVersionTemplate, written out. */
function defaultVersion(server: SystemVersion): string {
  const c = CLIENT_VERSION
  const lines = [
    'Client:',
    ` Version:\t${c.Version}`,
    ` API version:\t${c.ApiVersion}`,
    ` Go version:\t${c.GoVersion}`,
    ` Git commit:\t${c.GitCommit}`,
    ` Built:\t${c.BuildTime}`,
    ` OS/Arch:\t${c.Os}/${c.Arch}`,
    ` Context:\t${c.Context}`,
    '',
    `Server:${server.Platform.Name === '' ? '' : ` ${server.Platform.Name}`}`,
  ]
  for (const component of server.Components) {
    lines.push(` ${component.Name}:`)
    const d = component.Details
    if (component.Name === 'Engine') {
      lines.push(
        `  Version:\t${component.Version}`,
        `  API version:\t${d.ApiVersion ?? ''} (minimum version ${d.MinAPIVersion ?? ''})`,
        `  Go version:\t${d.GoVersion ?? ''}`,
        `  Git commit:\t${d.GitCommit ?? ''}`,
        `  Built:\t${d.BuildTime ?? ''}`,
        `  OS/Arch:\t${d.Os ?? ''}/${d.Arch ?? ''}`,
        `  Experimental:\t${d.Experimental ?? ''}`,
      )
    } else {
      lines.push(`  Version:\t${component.Version}`)
      for (const key of Object.keys(d).sort()) lines.push(`  ${key}:\t${d[key] ?? ''}`)
    }
  }
  return tabwrite(`${lines.join('\n')}\n`, VERSION_TABWRITER)
}

/** versionInfo as a Go value: Go field names for templates, JSON tag names for `json`. */
function versionData(server: SystemVersion): GoValue {
  const c = CLIENT_VERSION
  const client = new GoStruct(
    'system.clientVersion',
    {
      Platform: null,
      Version: c.Version,
      APIVersion: c.ApiVersion,
      DefaultAPIVersion: c.DefaultAPIVersion,
      GitCommit: c.GitCommit,
      GoVersion: c.GoVersion,
      Os: c.Os,
      Arch: c.Arch,
      BuildTime: c.BuildTime,
      Context: c.Context,
    },
    {},
    { pointer: false, json: () => apiStruct({ ...c }, 'system.clientVersion', new Set()) },
  )
  const components = server.Components.map(
    (comp) =>
      new GoStruct(
        'types.ComponentVersion',
        {
          Name: comp.Name,
          Version: comp.Version,
          Details: goTyped('map[string]string', { ...comp.Details }),
        },
        {},
        { pointer: false },
      ),
  )
  const serverStruct = new GoStruct(
    '*types.Version',
    {
      Platform: new GoStruct(
        'struct { Name string }',
        { Name: server.Platform.Name },
        {},
        { pointer: false },
      ),
      Components: components,
      Version: server.Version,
      APIVersion: server.ApiVersion,
      MinAPIVersion: server.MinAPIVersion,
      GitCommit: server.GitCommit,
      GoVersion: server.GoVersion,
      Os: server.Os,
      Arch: server.Arch,
      KernelVersion: server.KernelVersion,
      Experimental: false,
      BuildTime: server.BuildTime,
    },
    {},
    { json: () => apiStruct(server, 'types.Version', new Set(['Details'])) },
  )
  return new GoStruct(
    'system.versionInfo',
    { Client: client, Server: serverStruct },
    {},
    { pointer: false },
  )
}

function serverVersion(engine: DockerEngine): SystemVersion {
  return serverForDisplay(systemVersion(engine))
}

/** `docker version` (docker/cli cli/command/system/version.go). */
export const version = dockerCommand({
  path: 'docker version',
  use: '[OPTIONS]',
  short: 'Show the Docker version information',
  args: { kind: 'none' },
  flags: () =>
    new FlagSet([
      { name: 'format', shorthand: 'f', type: 'string', usage: INSPECT_FORMAT_USAGE },
    ] as const),
  run({ values }, { engine }) {
    const server = serverVersion(engine)
    if (values.format === '') return ok(defaultVersion(server))
    const text = values.format === 'json' ? '{{json .}}' : values.format
    const parsed = GoTemplate.parse(text, { name: 'version', funcs: DOCKER_FUNCS })
    if (!parsed.ok)
      return {
        stdout: '',
        stderr: `template parsing error: ${parsed.error.message}\n`,
        exitCode: 64,
      }
    const result = parsed.template.execute(versionData(server))
    const stdout = tabwrite(`${result.output}\n`, VERSION_TABWRITER)
    if (!result.ok) return { stdout, stderr: `${result.error.message}\n`, exitCode: 1 }
    return ok(stdout)
  },
})
