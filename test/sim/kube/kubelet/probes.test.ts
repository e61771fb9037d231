/**
 * probeOutcome against an app server a container runs: its real ports and routes decide, with
 * the prober's failure texts; without an app, catalog images keep their behaviour.
 */
import { describe, expect, it } from 'vitest'
import { filesOf } from '../../../../src/sim/docker/apps/app-files'
import { readNodeApp } from '../../../../src/sim/docker/apps/node-apps'
import { resolveImage } from '../../../../src/sim/docker/images/catalog'
import { probeOutcome } from '../../../../src/sim/kube/kubelet/probes'

const SERVER = `const express = require('express')
const app = express()
app.get('/healthz', (req, res) => res.send('ok'))
app.get('/broken', (req, res) => res.status(500).send('down'))
app.listen(3000)
`

function expressApp(source = SERVER) {
  const app = readNodeApp({
    argv: ['node', 'server.js'],
    env: () => undefined,
    files: filesOf('/app', { 'server.js': source }),
    startedMs: 0,
    containerIp: '10.244.0.7',
    tty: false,
  })
  if (app === undefined) throw new Error('no app read')
  return app
}

const IP = '10.244.0.7'

describe('httpGet and tcpSocket probes against an app', () => {
  it('succeed on a route the app has', () => {
    expect(
      probeOutcome({ httpGet: { path: '/healthz', port: 3000 } }, undefined, IP, expressApp()),
    ).toBe(undefined)
  })

  it('fail with the status code on a route it does not have (404)', () => {
    expect(
      probeOutcome({ httpGet: { path: '/ready', port: 3000 } }, undefined, IP, expressApp()),
    ).toBe('HTTP probe failed with statuscode: 404')
  })

  it('fail with the status code the route answers (500)', () => {
    expect(
      probeOutcome({ httpGet: { path: '/broken', port: 3000 } }, undefined, IP, expressApp()),
    ).toBe('HTTP probe failed with statuscode: 500')
  })

  it('are refused on a port the app does not listen on', () => {
    expect(
      probeOutcome({ httpGet: { path: '/healthz', port: 8080 } }, undefined, IP, expressApp()),
    ).toBe(
      'Get "http://10.244.0.7:8080/healthz": dial tcp 10.244.0.7:8080: connect: connection refused',
    )
    expect(probeOutcome({ tcpSocket: { port: 8080 } }, undefined, IP, expressApp())).toBe(
      'dial tcp 10.244.0.7:8080: connect: connection refused',
    )
    expect(probeOutcome({ tcpSocket: { port: 3000 } }, undefined, IP, expressApp())).toBe(undefined)
  })

  it('are refused when the app listens on 127.0.0.1 only: the kubelet dials the pod IP', () => {
    const app = expressApp(SERVER.replace('app.listen(3000)', "app.listen(3000, '127.0.0.1')"))
    expect(probeOutcome({ httpGet: { path: '/healthz', port: 3000 } }, undefined, IP, app)).toBe(
      'Get "http://10.244.0.7:3000/healthz": dial tcp 10.244.0.7:3000: connect: connection refused',
    )
  })

  it('keep the catalog behaviour when no app runs', () => {
    const resolved = resolveImage('nginx')
    const nginx = resolved.kind === 'found' ? resolved.image : undefined
    expect(probeOutcome({ httpGet: { path: '/', port: 80 } }, nginx, IP)).toBe(undefined)
    expect(probeOutcome({ httpGet: { path: '/', port: 8080 } }, nginx, IP)).toBe(
      'Get "http://10.244.0.7:8080/": dial tcp 10.244.0.7:8080: connect: connection refused',
    )
  })
})
