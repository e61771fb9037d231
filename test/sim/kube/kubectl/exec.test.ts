/**
 * kubectl exec against pods the simulated kubelet runs: the container's files, environment and
 * network from inside, the layer that persists between execs, and kubectl's failures.
 */
import { describe, expect, test } from 'vitest'
import type { Session } from '../../../../src/sim/shell/session'
import { FakeTty } from '../../shell/editors/harness'
import { clusterSession } from '../fixtures'
import { waitFor } from '../tutorials/walkthrough'

async function run(session: Session, line: string) {
  const r = await session.run(line)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

const POD = 'web-868579bcb8-g2xkf'

/** The bootcamp app of "Learn Kubernetes Basics", exposed, its pod running. */
async function bootcamp(): Promise<Session> {
  const session = await clusterSession()
  await run(
    session,
    'kubectl create deployment web --image=gcr.io/google-samples/kubernetes-bootcamp:v1',
  )
  await run(session, 'kubectl expose deployment web --port 8080')
  await run(session, 'sleep 30')
  return session
}

describe('kubectl exec', () => {
  test('env shows the runtime, service-link and image variables in the kubelet’s order', async () => {
    const session = await bootcamp()
    const svcIp = (await run(session, "kubectl get svc web -o jsonpath='{.spec.clusterIP}'")).stdout
    expect(await run(session, `kubectl exec ${POD} -- env`)).toEqual({
      stdout: `PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
HOSTNAME=${POD}
KUBERNETES_SERVICE_HOST=10.96.0.1
KUBERNETES_SERVICE_PORT=443
KUBERNETES_SERVICE_PORT_HTTPS=443
KUBERNETES_PORT=tcp://10.96.0.1:443
KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443
KUBERNETES_PORT_443_TCP_PROTO=tcp
KUBERNETES_PORT_443_TCP_PORT=443
KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1
WEB_SERVICE_HOST=${svcIp}
WEB_SERVICE_PORT=8080
WEB_PORT=tcp://${svcIp}:8080
WEB_PORT_8080_TCP=tcp://${svcIp}:8080
WEB_PORT_8080_TCP_PROTO=tcp
WEB_PORT_8080_TCP_PORT=8080
WEB_PORT_8080_TCP_ADDR=${svcIp}
NPM_CONFIG_LOGLEVEL=info
NODE_VERSION=6.3.1
HOME=/root
`,
      stderr: '',
      exitCode: 0,
    })
  })

  test('deploy/NAME picks its pod; the image’s files and the app on localhost are there', async () => {
    const session = await bootcamp()
    const cat = await run(session, 'kubectl exec deploy/web -- cat server.js')
    expect(cat.stdout.startsWith("var http = require('http');\n")).toBe(true)
    expect(await run(session, 'kubectl exec deploy/web -- curl -s http://localhost:8080')).toEqual({
      stdout: `Hello Kubernetes bootcamp! | Running on: ${POD} | v=1\n`,
      stderr: '',
      exitCode: 0,
    })
    expect(await run(session, `kubectl exec ${POD} -- hostname`)).toEqual({
      stdout: `${POD}\n`,
      stderr: '',
      exitCode: 0,
    })
  })

  test('a file written by one exec is read by the next; the exit code is reported', async () => {
    const session = await bootcamp()
    expect(await run(session, `kubectl exec ${POD} -- sh -c 'echo hi > /tmp/x; exit 3'`)).toEqual({
      stdout: '',
      stderr: 'command terminated with exit code 3\n',
      exitCode: 3,
    })
    expect(await run(session, `kubectl exec ${POD} -- cat /tmp/x`)).toEqual({
      stdout: 'hi\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('the kubelet’s hosts and resolv.conf files', async () => {
    const session = await bootcamp()
    expect(await run(session, `kubectl exec ${POD} -- cat /etc/hosts /etc/resolv.conf`)).toEqual({
      stdout: `# Kubernetes-managed hosts file.
127.0.0.1\tlocalhost
::1\tlocalhost ip6-localhost ip6-loopback
fe00::0\tip6-localnet
fe00::0\tip6-mcastprefix
fe00::1\tip6-allnodes
fe00::2\tip6-allrouters
10.244.0.3\t${POD}
nameserver 10.96.0.10
search default.svc.cluster.local svc.cluster.local cluster.local
options ndots:5
`,
      stderr: '',
      exitCode: 0,
    })
  })

  test('usage errors, missing pods and containers, programs the image lacks', async () => {
    const session = await bootcamp()
    expect(await run(session, `kubectl exec ${POD} ls`)).toEqual({
      stdout: '',
      stderr:
        "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
      exitCode: 1,
    })
    expect(await run(session, 'kubectl exec')).toEqual({
      stdout: '',
      stderr: 'error: pod, type/name or --filename must be specified\n',
      exitCode: 1,
    })
    expect(await run(session, `kubectl exec ${POD}`)).toEqual({
      stdout: '',
      stderr: 'error: you must specify at least one command for the container\n',
      exitCode: 1,
    })
    expect(await run(session, 'kubectl exec nope -- ls')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    })
    expect(await run(session, `kubectl exec ${POD} -c zz -- ls`)).toEqual({
      stdout: '',
      stderr: `Error from server (BadRequest): container zz is not valid for pod ${POD}\n`,
      exitCode: 1,
    })
    expect(await run(session, `kubectl exec ${POD} -- nope`)).toEqual({
      stdout:
        'OCI runtime exec failed: exec failed: unable to start container process: exec: "nope": executable file not found in $PATH: unknown\r\n',
      stderr: 'command terminated with exit code 126\n',
      exitCode: 126,
    })
  })

  test('a pod whose container has not started, and a completed pod', async () => {
    const session = await clusterSession()
    await run(session, 'kubectl run once --image=busybox --restart=Never -- true')
    expect(await run(session, 'kubectl exec once -- ls')).toEqual({
      stdout: '',
      stderr: 'error: unable to upgrade connection: container not found ("once")\n',
      exitCode: 1,
    })
    await run(session, 'sleep 60')
    expect(await run(session, 'kubectl exec once -- ls')).toEqual({
      stdout: '',
      stderr:
        'error: cannot exec into a container in a completed pod; current phase is Succeeded\n',
      exitCode: 1,
    })
  })

  test('-ti without a terminal says so and runs the command without one', async () => {
    const session = await bootcamp()
    expect(await run(session, `kubectl exec -ti ${POD} -- whoami`)).toEqual({
      stdout: 'root\n',
      stderr: 'Unable to use a TTY - input is not a terminal or the right kind of file\n',
      exitCode: 0,
    })
  })

  test('-ti POD -- bash is an interactive shell in the pod, on the student’s terminal', async () => {
    const session = await bootcamp()
    const tty = new FakeTty()
    const running = session.run(`kubectl exec -ti ${POD} -- bash`, { tty })
    await waitFor(() => tty.output.endsWith('# '))
    expect(tty.output).toBe(`root@${POD}:/# `)
    await tty.type('cat server.js | head -1\r')
    await waitFor(() => tty.output.endsWith(':/# ') && tty.output.includes('require'))
    await tty.type('curl http://localhost:8080\r')
    await waitFor(() => tty.output.includes('v=1'))
    await waitFor(() => tty.output.endsWith(':/# '))
    await tty.type('exit\r')
    const r = await running
    expect(r.exitCode).toBe(0)
    expect(tty.output).toBe(
      `root@${POD}:/# cat server.js | head -1\r\nvar http = require('http');\r\nroot@${POD}:/# curl http://localhost:8080\r\nHello Kubernetes bootcamp! | Running on: ${POD} | v=1\r\nroot@${POD}:/# exit\r\nexit\r\n`,
    )
  })
})
