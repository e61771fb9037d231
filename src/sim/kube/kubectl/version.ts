/**
 * `kubectl version`: the client's build (the kubectl 1.32 this machine's oracle is), Kustomize's,
 * and the server's (from the cluster's kubelet version), as text, JSON or YAML.
 */
import { FlagSet } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import type { KubeCluster } from '../cluster'
import { servedType } from '../api/resources'
import { kubectlCommand } from './command'
import { marshalIndent } from './output/json'
import { goYaml } from './output/yaml'

/** The version string of the kubectl Quai imitates (the oracle binary's own). */
export const KUBECTL_CLIENT_VERSION = 'v1.32.4-dispatcher'

const CLIENT_INFO = {
  major: '1',
  minor: '32+',
  gitVersion: KUBECTL_CLIENT_VERSION,
  gitCommit: '4cb5f0764b8d5f425645c6f433394fede34a8a26',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T20:09:34Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
}

const KUSTOMIZE_VERSION = 'v5.5.0'

/** Release builds of the Kubernetes versions minikube offers (kube-apiserver's /version). */
const SERVER_BUILDS: Record<string, { gitCommit: string; buildDate: string; goVersion: string }> = {
  'v1.32.0': {
    gitCommit: '70d3cc986aa8221cd1dfb1121852688902d3bf53',
    buildDate: '2024-12-11T17:59:15Z',
    goVersion: 'go1.23.3',
  },
}

const NODES = servedType('Node')

/** The API server's version: the one the cluster's kubelets were started with. */
export function serverVersionOf(cluster: KubeCluster): string {
  for (const node of cluster.objects(NODES)) {
    const info = (node['status'] as { nodeInfo?: { kubeletVersion?: string } } | undefined)
      ?.nodeInfo
    if (info?.kubeletVersion) return info.kubeletVersion
  }
  return 'v1.32.0'
}

export function serverVersionInfo(version: string): Record<string, string> {
  const [major = '1', minor = '0'] = version.replace(/^v/, '').split('.')
  const build = SERVER_BUILDS[version] ?? {
    gitCommit: '0000000000000000000000000000000000000000',
    buildDate: '2024-12-11T17:59:15Z',
    goVersion: 'go1.23.3',
  }
  return {
    major,
    minor,
    gitVersion: version,
    gitCommit: build.gitCommit,
    gitTreeState: 'clean',
    buildDate: build.buildDate,
    goVersion: build.goVersion,
    compiler: 'gc',
    platform: 'linux/amd64',
  }
}

const FLAGS = [
  {
    name: 'client',
    type: 'bool',
    usage: 'If true, shows client version only (no server required).',
  },
  { name: 'output', shorthand: 'o', type: 'string', usage: "One of 'yaml' or 'json'." },
] as const

export const versionCommand = kubectlCommand({
  path: 'kubectl version',
  use: '[flags]',
  short: 'Print the client and server version information',
  long: 'Print the client and server version information for the current context.',
  example: '# Print the client and server versions for the current context\nkubectl version',
  args: { kind: 'any' },
  flags: () => new FlagSet(FLAGS),
  run({ values }, ctx): CommandOutput {
    const output = values.output
    if (output !== '' && output !== 'yaml' && output !== 'json')
      return { stdout: '', stderr: "error: --output must be 'yaml' or 'json'\n", exitCode: 1 }
    const info: Record<string, unknown> = {
      clientVersion: CLIENT_INFO,
      kustomizeVersion: KUSTOMIZE_VERSION,
    }
    let failure: CommandOutput | undefined
    if (!values.client) {
      const connected = ctx.connect()
      if (connected.ok) info['serverVersion'] = serverVersionInfo(serverVersionOf(connected.value))
      else failure = connected.error
    }
    let stdout: string
    if (output === 'json') stdout = marshalIndent(info, '  ') + '\n'
    else if (output === 'yaml') stdout = goYaml(info) + '\n'
    else {
      stdout = `Client Version: ${KUBECTL_CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`
      const server = info['serverVersion'] as Record<string, string> | undefined
      if (server !== undefined) stdout += `Server Version: ${server['gitVersion'] ?? ''}\n`
    }
    if (failure !== undefined) return { ...failure, stdout: stdout + failure.stdout }
    return { stdout, stderr: '', exitCode: 0 }
  },
})
