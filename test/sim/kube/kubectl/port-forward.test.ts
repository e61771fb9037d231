/**
 * kubectl port-forward in a "second terminal": the host's loopback reaches the pod while it runs,
 * each connection logged, and the port refuses again after Ctrl-C.
 */
import { describe, expect, test } from 'vitest'
import type { Session } from '../../../../src/sim/shell/session'
import { clusterSession } from '../fixtures'
import { secondTerminal } from '../tutorials/walkthrough'

async function run(session: Session, line: string) {
  const r = await session.run(line)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

async function helloMinikube(): Promise<Session> {
  const session = await clusterSession()
  await run(session, 'kubectl create deployment hello-minikube --image=kicbase/echo-server:1.0')
  await run(session, 'kubectl expose deployment hello-minikube --type=NodePort --port=8080')
  await run(session, 'sleep 30')
  return session
}

describe('kubectl port-forward', () => {
  test('service/NAME 7080:8080 forwards localhost:7080 to the pod until Ctrl-C', async () => {
    const session = await helloMinikube()
    const forward = await secondTerminal(
      session,
      ['kubectl', 'port-forward', 'service/hello-minikube', '7080:8080'],
      '[::1]:7080',
    )
    expect(forward.screen()).toBe(
      'Forwarding from 127.0.0.1:7080 -> 8080\nForwarding from [::1]:7080 -> 8080\n',
    )
    const answer = await run(session, 'curl -s localhost:7080')
    expect(answer.exitCode).toBe(0)
    expect(answer.stdout.startsWith('Request served by hello-minikube-')).toBe(true)
    expect(forward.screen()).toBe(
      'Forwarding from 127.0.0.1:7080 -> 8080\nForwarding from [::1]:7080 -> 8080\nHandling connection for 7080\n',
    )
    expect(await forward.interrupt()).toBe(0)
    expect(await run(session, 'curl -s localhost:7080')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 7,
    })
  })

  test('a port already forwarded cannot be bound again', async () => {
    const session = await helloMinikube()
    const forward = await secondTerminal(
      session,
      ['kubectl', 'port-forward', 'deploy/hello-minikube', '7080:8080'],
      '[::1]:7080',
    )
    expect(await run(session, 'kubectl port-forward deploy/hello-minikube 7080:8080')).toEqual({
      stdout: '',
      stderr:
        'Unable to listen on port 7080: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:7080: bind: address already in use unable to create listener: Error listen tcp6 [::1]:7080: bind: address already in use]\nerror: unable to listen on any of the requested ports: [{7080 8080}]\n',
      exitCode: 1,
    })
    await forward.interrupt()
  })

  test('usage errors and a service port that does not exist', async () => {
    const session = await helloMinikube()
    expect(await run(session, 'kubectl port-forward svc/hello-minikube')).toEqual({
      stdout: '',
      stderr:
        "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n",
      exitCode: 1,
    })
    expect(await run(session, 'kubectl port-forward svc/hello-minikube 7080:9999')).toEqual({
      stdout: '',
      stderr: 'error: Service hello-minikube does not have a service port 9999\n',
      exitCode: 1,
    })
    expect(await run(session, 'kubectl port-forward pod/nope 7080')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    })
  })
})
