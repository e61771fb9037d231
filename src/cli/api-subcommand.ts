/**
 * `quai api --docker 127.0.0.1:2375 --kube 127.0.0.1:6443`: one fresh session whose virtual
 * clock starts at the real time and runs in real time (the real clients compute "5 minutes ago"
 * from their own clocks), its Docker Engine API and/or Kubernetes API served on loopback until
 * interrupted. With --kube the session's machine runs a minikube-like cluster (--kube-nodes N),
 * and a kubeconfig pointing at the server is written (--kubeconfig-out FILE, else a temp file).
 */
import { VirtualClock } from '../sim/core/clock'
import { Session } from '../sim/shell/session'
import { RealTimeDriver } from '../shared/real-time-driver'
import {
  isLoopbackHost,
  parseListenAddress,
  startDockerApiServer,
  type ListenAddress,
  type LoopbackServer,
} from './api-server'
import {
  BOOT_LEAD_MS,
  bootKubeCluster,
  firstCluster,
  startKubeApiServer,
  writeFacadeKubeconfig,
} from './kube-api-host'
import type { Subcommand } from './subcommands'

export const API_USAGE =
  'Usage: quai api [--docker HOST:PORT] [--kube HOST:PORT [--kube-nodes N] [--kubeconfig-out FILE]]\n'

export interface ApiOptions {
  docker?: ListenAddress
  kube?: ListenAddress
  kubeNodes: number
  kubeconfigOut?: string
}

type Parsed = { ok: true; options: ApiOptions } | { ok: false; status: number; message: string }

const refusal = (what: string, host: string): string =>
  `refusing to serve the ${what} on ${host}: only loopback addresses (127.0.0.0/8, ::1, localhost) are allowed`

/** Reads `quai api`'s options; a message and exit status 2 for anything it cannot use. */
export function parseApiOptions(args: readonly string[]): Parsed | 'help' {
  const values: Record<string, string> = {}
  const names = ['docker', 'kube', 'kube-nodes', 'kubeconfig-out']
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ''
    if (arg === '--help' || arg === '-h') return 'help'
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg)
    const name = m?.[1]
    if (m === null || name === undefined || !names.includes(name))
      return { ok: false, status: 2, message: `unknown option ${arg}\n${API_USAGE}` }
    const value = m[2] ?? args[++i]
    if (value === undefined)
      return { ok: false, status: 2, message: `--${name} needs a value\n${API_USAGE}` }
    values[name] = value
  }
  if (values['docker'] === undefined && values['kube'] === undefined)
    return {
      ok: false,
      status: 2,
      message: `--docker HOST:PORT or --kube HOST:PORT is required\n${API_USAGE}`,
    }
  const options: ApiOptions = { kubeNodes: 1 }
  for (const [name, what] of [
    ['docker', 'Docker API'],
    ['kube', 'Kubernetes API'],
  ] as const) {
    const text = values[name]
    if (text === undefined) continue
    const address = parseListenAddress(text)
    if ('error' in address) return { ok: false, status: 2, message: `${address.error}\n` }
    if (!isLoopbackHost(address.host))
      return { ok: false, status: 2, message: `${refusal(what, address.host)}\n` }
    options[name] = address
  }
  const nodes = values['kube-nodes']
  if (nodes !== undefined) {
    if (!/^\d+$/.test(nodes) || Number(nodes) < 1 || Number(nodes) > 10)
      return {
        ok: false,
        status: 2,
        message: `--kube-nodes ${nodes}: expected a number of nodes from 1 to 10\n`,
      }
    options.kubeNodes = Number(nodes)
  }
  if (values['kubeconfig-out'] !== undefined) options.kubeconfigOut = values['kubeconfig-out']
  return { ok: true, options }
}

const shown = (host: string): string => (host.includes(':') ? `[${host}]` : host)

export const apiSubcommand: Subcommand = {
  name: 'api',
  summary: 'serve the Docker Engine and Kubernetes APIs of a session on loopback addresses',
  async run(args, context) {
    const parsed = parseApiOptions(args)
    if (parsed === 'help') {
      process.stdout.write(API_USAGE)
      return 0
    }
    if (!parsed.ok) {
      process.stderr.write(`quai api: ${parsed.message}`)
      return parsed.status
    }
    const { options } = parsed
    const now = Date.now()
    const session = await Session.create({
      seed: context.seed,
      timing: 'realtime',
      clock: new VirtualClock(options.kube === undefined ? now : now - BOOT_LEAD_MS),
    })
    if (options.kube !== undefined) bootKubeCluster(session, options.kubeNodes, Date.now())
    const driver = new RealTimeDriver(session.clock)
    const servers: LoopbackServer[] = []
    const lines: string[] = []
    try {
      if (options.docker !== undefined) {
        const server = await startDockerApiServer(session, options.docker)
        servers.push(server)
        const url = `tcp://${shown(server.host)}:${server.port}`
        lines.push(
          `Serving the Docker Engine API on ${url}\n`,
          `Point the docker CLI at it: export DOCKER_HOST=${url}\n`,
        )
      }
      if (options.kube !== undefined) {
        const server = await startKubeApiServer(firstCluster(session), options.kube)
        servers.push(server)
        const file = writeFacadeKubeconfig(server.host, server.port, options.kubeconfigOut)
        lines.push(
          `Serving the Kubernetes API on http://${shown(server.host)}:${server.port}\n`,
          `Point kubectl at it: export KUBECONFIG=${file}\n`,
        )
      }
    } catch (error) {
      await Promise.all(servers.map((s) => s.close()))
      process.stderr.write(`quai api: ${error instanceof Error ? error.message : String(error)}\n`)
      return 1
    }
    driver.start()
    process.stdout.write(lines.join(''))
    return new Promise<number>((resolve) => {
      const stop = (): void => {
        driver.stop()
        void Promise.all(servers.map((s) => s.close())).then(() => resolve(0))
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
  },
}
