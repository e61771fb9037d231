import { FlagSet } from '../../cli-kit/flags'
import { DOCKER_FUNCS, GoTemplate } from '../../cli-kit/go-template'
import { bytesSize } from '../../cli-kit/go-units'
import { GoStruct } from '../../cli-kit/go-value'
import { systemInfo, type SystemInfo } from '../engine/system-info'
import { dockerCommand, ok } from './command'
import { apiStruct } from './inspect-output'
import { INSPECT_FORMAT_USAGE } from './network-inspect'
import { CLIENT_VERSION } from './version'

/** system.DecodeSecurityOptions: `name=seccomp,profile=builtin` → seccomp with its profile. */
function securityOptions(options: readonly string[]): string[] {
  const lines: string[] = []
  for (const option of options) {
    const fields = new Map(
      option.split(',').map((kv) => {
        const eq = kv.indexOf('=')
        return [kv.slice(0, eq), kv.slice(eq + 1)] as const
      }),
    )
    lines.push(`  ${fields.get('name') ?? ''}`)
    const profile = fields.get('profile')
    if (profile !== undefined) lines.push(`   Profile: ${profile}`)
  }
  return lines
}

/** prettyPrintInfo of docker/cli cli/command/system/info.go, line for line. */
function prettyInfo(info: SystemInfo): string {
  const c = CLIENT_VERSION
  const lines = [
    'Client:',
    ` Version:    ${c.Version}`,
    ` Context:    ${c.Context}`,
    ' Debug Mode: false',
    '',
    'Server:',
    ` Containers: ${info.Containers}`,
    `  Running: ${info.ContainersRunning}`,
    `  Paused: ${info.ContainersPaused}`,
    `  Stopped: ${info.ContainersStopped}`,
    ` Images: ${info.Images}`,
    ` Server Version: ${info.ServerVersion}`,
    ` Storage Driver: ${info.Driver}`,
    ...info.DriverStatus.map(([k, v]) => `  ${k}: ${v}`),
    ` Logging Driver: ${info.LoggingDriver}`,
    ` Cgroup Driver: ${info.CgroupDriver}`,
    ` Cgroup Version: ${info.CgroupVersion}`,
    ' Plugins:',
    `  Volume: ${info.Plugins.Volume.join(' ')}`,
    `  Network: ${info.Plugins.Network.join(' ')}`,
    ...(info.Plugins.Authorization && info.Plugins.Authorization.length > 0
      ? [`  Authorization: ${info.Plugins.Authorization.join(' ')}`]
      : []),
    `  Log: ${info.Plugins.Log.join(' ')}`,
    ...(info.CDISpecDirs.length > 0
      ? [' CDI spec directories:', ...info.CDISpecDirs.map((d) => `  ${d}`)]
      : []),
    ` Swarm: ${info.Swarm.LocalNodeState}`,
  ]
  const runtimes = Object.keys(info.Runtimes).sort()
  if (runtimes.length > 0)
    lines.push(` Runtimes: ${runtimes.join(' ')}`, ` Default Runtime: ${info.DefaultRuntime}`)
  if (info.OSType === 'linux') {
    lines.push(
      ` Init Binary: ${info.InitBinary}`,
      ` containerd version: ${info.ContainerdCommit.ID}`,
      ` runc version: ${info.RuncCommit.ID}`,
      ` init version: ${info.InitCommit.ID}`,
    )
    if (info.SecurityOptions.length > 0)
      lines.push(' Security Options:', ...securityOptions(info.SecurityOptions))
  }
  const nonEmpty = (label: string, value: string): void => {
    if (value !== '') lines.push(` ${label} ${value}`)
  }
  nonEmpty('Kernel Version:', info.KernelVersion)
  nonEmpty('Operating System:', info.OperatingSystem)
  nonEmpty('OSType:', info.OSType)
  nonEmpty('Architecture:', info.Architecture)
  lines.push(` CPUs: ${info.NCPU}`, ` Total Memory: ${bytesSize(info.MemTotal)}`)
  nonEmpty('Name:', info.Name)
  nonEmpty('ID:', info.ID)
  lines.push(` Docker Root Dir: ${info.DockerRootDir}`, ` Debug Mode: ${info.Debug}`)
  nonEmpty('HTTP Proxy:', info.HttpProxy)
  nonEmpty('HTTPS Proxy:', info.HttpsProxy)
  nonEmpty('No Proxy:', info.NoProxy)
  if (info.Labels.length > 0) lines.push(' Labels:', ...info.Labels.map((l) => `  ${l}`))
  lines.push(` Experimental: ${info.ExperimentalBuild}`)
  const registry = info.RegistryConfig
  const insecureIndexes = Object.values(registry.IndexConfigs).filter((i) => !i.Secure)
  if (registry.InsecureRegistryCIDRs.length > 0 || Object.keys(registry.IndexConfigs).length > 0) {
    lines.push(' Insecure Registries:')
    for (const index of insecureIndexes) lines.push(`  ${index.Name}`)
    for (const cidr of registry.InsecureRegistryCIDRs) lines.push(`  ${cidr}`)
  }
  if (registry.Mirrors && registry.Mirrors.length > 0)
    lines.push(' Registry Mirrors:', ...registry.Mirrors.map((m) => `  ${m}`))
  lines.push(` Live Restore Enabled: ${info.LiveRestoreEnabled}`, '')
  return `${lines.join('\n')}\n`
}

const INFO_MAPS = new Set(['Runtimes', 'IndexConfigs', 'status'])

/** dockerInfo: the server's Info fields at the top, then ClientInfo (for templates and json). */
function infoData(info: SystemInfo): GoStruct {
  const server = apiStruct(info, 'system.dockerInfo', INFO_MAPS)
  const c = CLIENT_VERSION
  const client = apiStruct(
    {
      Debug: false,
      Version: c.Version,
      ApiVersion: c.ApiVersion,
      DefaultAPIVersion: c.DefaultAPIVersion,
      GitCommit: c.GitCommit,
      GoVersion: c.GoVersion,
      Os: c.Os,
      Arch: c.Arch,
      BuildTime: c.BuildTime,
      Context: c.Context,
      Plugins: [],
      Warnings: null,
    },
    '*system.clientInfo',
    new Set(),
  )
  const fields = server instanceof GoStruct ? server.fields : {}
  return new GoStruct(
    'system.dockerInfo',
    { ...fields, ClientInfo: client },
    {},
    { pointer: false },
  )
}

/** `docker info` / `docker system info` */
export const info = dockerCommand({
  path: 'docker system info',
  use: '[OPTIONS]',
  short: 'Display system-wide information',
  aliases: ['docker system info', 'docker info'],
  args: { kind: 'none' },
  flags: () =>
    new FlagSet([
      { name: 'format', shorthand: 'f', type: 'string', usage: INSPECT_FORMAT_USAGE },
    ] as const),
  run({ values }, { engine, shell }) {
    const data = systemInfo(engine, shell.clock.now())
    if (values.format === '') return ok(prettyInfo(data))
    const text = values.format === 'json' ? '{{json .}}' : values.format
    const parsed = GoTemplate.parse(text, { funcs: DOCKER_FUNCS })
    if (!parsed.ok)
      return {
        stdout: '',
        stderr: `template parsing error: ${parsed.error.message}\n`,
        exitCode: 64,
      }
    const result = parsed.template.execute(infoData(data))
    if (!result.ok)
      return { stdout: `${result.output}\n`, stderr: `${result.error.message}\n`, exitCode: 1 }
    return ok(`${result.output}\n`)
  },
})
