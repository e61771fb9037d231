/**
 * `kubectl proxy`: serves the API server on the host's loopback (127.0.0.1:8001 by default) with
 * kubectl's credentials, so `curl http://localhost:8001/version` or
 * `curl http://localhost:8001/api/v1/namespaces/default/pods/NAME:8080/proxy/` work from any
 * terminal while it runs. It prints `Starting to serve on 127.0.0.1:8001` and runs until Ctrl-C.
 * The cluster is looked up at each request, as the real proxy dials the server each time: when
 * it is gone (minikube stop), the proxy answers 500 with the dial error and logs it.
 *
 * Without a terminal nothing would ever press Ctrl-C: a script's proxy stops after a minute of
 * virtual time, as `minikube tunnel` does.
 */
import { FlagSet } from '../../cli-kit/flags'
import type { Connection } from '../../docker/engine/reach'
import { formatLogTime } from '../../docker/images/log-template'
import { answerThroughProxy } from '../network/api-proxy'
import { isListening, listen } from '../network/loopback'
import { kubectlCommand, type KubectlContext } from './command'
import { resolveTarget, serverHost } from './connect'
import { OutputStreams } from './output/streams'

const SCRIPT_LIMIT_MS = 60_000

const FLAGS = [
  {
    name: 'accept-hosts',
    type: 'string',
    default: '^localhost$,^127\\.0\\.0\\.1$,^\\[::1\\]$',
    usage: 'Regular expression for hosts that the proxy should accept.',
  },
  {
    name: 'accept-paths',
    type: 'string',
    default: '^.*',
    usage: 'Regular expression for paths that the proxy should accept.',
  },
  {
    name: 'address',
    type: 'string',
    default: '127.0.0.1',
    usage: 'The IP address on which to serve on.',
  },
  {
    name: 'api-prefix',
    type: 'string',
    default: '/',
    usage: 'Prefix to serve the proxied API under.',
  },
  {
    name: 'append-server-path',
    type: 'bool',
    usage:
      'If true, enables automatic path appending of the kube context server path to each request.',
  },
  {
    name: 'disable-filter',
    type: 'bool',
    usage:
      'If true, disable request filtering in the proxy. This is dangerous, and can leave you vulnerable to XSRF attacks, when used with an accessible port.',
  },
  {
    name: 'keepalive',
    type: 'duration',
    usage:
      'keepalive specifies the keep-alive period for an active network connection. Set to 0 to disable keepalive.',
  },
  {
    name: 'port',
    shorthand: 'p',
    type: 'int',
    default: 8001,
    usage: 'The port on which to run the proxy. Set to 0 to pick a random port.',
  },
  {
    name: 'reject-methods',
    type: 'string',
    default: '^$',
    usage:
      "Regular expression for HTTP methods that the proxy should reject (example --reject-methods='POST,PUT,PATCH'). ",
  },
  {
    name: 'reject-paths',
    type: 'string',
    default: '^/api/.*/pods/.*/exec,^/api/.*/pods/.*/attach',
    usage:
      'Regular expression for paths that the proxy should reject. Paths specified here will be rejected even accepted by --accept-paths.',
  },
  {
    name: 'unix-socket',
    shorthand: 'u',
    type: 'string',
    default: '',
    usage: 'Unix socket on which to run the proxy.',
  },
  {
    name: 'www',
    shorthand: 'w',
    type: 'string',
    default: '',
    usage: 'Also serve static files from the given directory under the specified prefix.',
  },
  {
    name: 'www-prefix',
    shorthand: 'P',
    type: 'string',
    default: '/static/',
    usage: 'Prefix to serve static files under, if static file directory is specified.',
  },
] as const

/** The klog line the proxy writes on stderr when it cannot reach the API server. */
function klogError(nowMs: number, pid: number, message: string): string {
  const d = new Date(nowMs)
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0')
  const stamp = `E${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000`
  return `${stamp}   ${pid} proxy_server.go:147] Error while proxying request: ${message}\n`
}

const matchesAny = (patterns: string, text: string): boolean =>
  patterns
    .split(',')
    .filter((p) => p !== '')
    .some((p) => {
      try {
        return new RegExp(p).test(text)
      } catch {
        return false
      }
    })

export const proxy = kubectlCommand({
  path: 'kubectl proxy',
  use: '[--port=PORT] [--www=static-dir] [--www-prefix=prefix] [--api-prefix=prefix]',
  short: 'Run a proxy to the Kubernetes API server',
  long: 'Creates a proxy server or application-level gateway between localhost and the Kubernetes API server. It also allows serving static content over specified HTTP path. All incoming data enters through one port and gets forwarded to the remote Kubernetes API server port, except for the path matching the static content path.',
  example: `# To proxy all of the Kubernetes API and nothing else
kubectl proxy --api-prefix=/

# To proxy only part of the Kubernetes API and also some static files
# You can get pods info with 'curl localhost:8001/api/v1/pods'
kubectl proxy --www=/my/files --www-prefix=/static/ --api-prefix=/api/

# To proxy the entire Kubernetes API at a different root
# You can get pods info with 'curl localhost:8001/custom/api/v1/pods'
kubectl proxy --api-prefix=/custom/

# Run a proxy to the Kubernetes API server on port 8011, serving static content from ./local/www/
kubectl proxy --port=8011 --www=./local/www/

# Run a proxy to the Kubernetes API server on an arbitrary local port
# The chosen port for the server will be output to stdout
kubectl proxy --port=0

# Run a proxy to the Kubernetes API server, changing the API prefix to k8s-api
# This makes e.g. the pods API available at localhost:8001/k8s-api/v1/pods/
kubectl proxy --api-prefix=/k8s-api`,
  args: { kind: 'max', count: 0 },
  flags: () => new FlagSet(FLAGS),
  async run(parsed, ctx) {
    const fail = (stderr: string): { stdout: string; stderr: string; exitCode: number } => ({
      stdout: '',
      stderr,
      exitCode: 1,
    })
    const loaded = ctx.kubeconfig.load()
    if (!loaded.ok) return loaded.error
    const { shell, world } = ctx
    const values = parsed.values
    const address = values.address
    let port = values.port
    if (port === 0) port = 32_768 + shell.random.nextInt(28_000)
    if (isListening(world, address, port))
      return fail(`error: listen tcp ${address}:${port}: bind: address already in use\n`)
    const prefix = values['api-prefix'].endsWith('/')
      ? values['api-prefix']
      : `${values['api-prefix']}/`
    const server = resolveTarget(loaded.value.config, ctx.globals).server
    const pid = 20_000 + shell.random.nextInt(40_000)
    const streams = new OutputStreams(shell.tty)
    const accept = (): Connection => ({
      kind: 'open',
      server: {
        container: undefined,
        port,
        service: { port, protocol: 'tcp', kind: 'http' },
        clientIp: '127.0.0.1',
        respond: (request, at) => {
          const host = request.host.replace(/:\d+$/, '')
          const path = request.path.split('?')[0] ?? '/'
          const filtered =
            !values['disable-filter'] &&
            (!matchesAny(values['accept-hosts'], host) ||
              !matchesAny(values['accept-paths'], path) ||
              matchesAny(values['reject-paths'], path) ||
              matchesAny(values['reject-methods'], request.method))
          if (filtered || !request.path.startsWith(prefix))
            return textAnswer(
              filtered ? 403 : 404,
              filtered ? 'Forbidden\n' : '404 page not found\n',
              at,
            )
          const connected = ctx.connect()
          if (!connected.ok) {
            const why = `dial tcp ${serverHost(server)}: connect: connection refused`
            streams.err(klogError(at, pid, why))
            return textAnswer(500, `${why}\n`, at)
          }
          const inner = { ...request, path: `/${request.path.slice(prefix.length)}` }
          return answerThroughProxy(world, connected.value, inner, at)
        },
      },
    })
    const opened = listen(world, address, port, accept)
    if (!opened.ok)
      return fail(`error: listen tcp ${address}:${port}: bind: address already in use\n`)
    streams.out(`Starting to serve on ${address}:${port}\n`)
    streams.goLive()
    try {
      await waitForInterrupt(ctx)
    } finally {
      opened.value()
    }
    return streams.result(shell.signal.aborted ? 130 : 0)
  },
})

function textAnswer(status: number, body: string, nowMs: number) {
  return {
    kind: 'response' as const,
    status,
    reason: status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : 'Internal Server Error',
    headers: [
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['X-Content-Type-Options', 'nosniff'],
      ['Date', formatLogTime(nowMs, 'http')],
      ['Content-Length', String(body.length)],
    ] as Array<[string, string]>,
    body,
  }
}

/** Until Ctrl-C in a terminal; a script's proxy gives up after a minute of virtual time. */
async function waitForInterrupt(ctx: KubectlContext): Promise<void> {
  const { shell } = ctx
  if (shell.tty === undefined) {
    await shell.sleep(SCRIPT_LIMIT_MS)
    return
  }
  if (shell.signal.aborted) return
  await new Promise<void>((resolve) =>
    shell.signal.addEventListener('abort', () => resolve(), { once: true }),
  )
}
