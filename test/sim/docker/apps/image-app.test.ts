/**
 * readImageApp: the app a container of an image runs, read from the image and the pod-style
 * command/args/env alone (no daemon, no container filesystem): what Kubernetes pods use.
 */
import { describe, expect, it } from 'vitest'
import { containerArgv, readImageApp } from '../../../../src/sim/docker/apps/image-app'
import type { ImageInspect } from '../../../../src/sim/docker/engine/api-types'
import type { LocalImage } from '../../../../src/sim/docker/engine/image-store'
import { resolveImage } from '../../../../src/sim/docker/images/catalog'

/** A catalog image, with `files` added and its config overridden as a build would. */
function image(
  reference: string,
  files: Record<string, string> = {},
  config: { Cmd?: string[]; Entrypoint?: string[]; WorkingDir?: string; Env?: string[] } = {},
): LocalImage {
  const resolved = resolveImage(reference)
  if (resolved.kind !== 'found') throw new Error(`no catalog image ${reference}`)
  const c = resolved.image.config
  return {
    id: `sha256:${reference}`,
    inspect: {
      Config: {
        Env: config.Env ?? c.Env,
        Cmd: config.Cmd ?? c.Cmd ?? null,
        Entrypoint: config.Entrypoint ?? c.Entrypoint ?? null,
        WorkingDir: config.WorkingDir ?? c.WorkingDir,
        User: c.User,
      },
    } as unknown as ImageInspect,
    catalog: resolved.image,
    files: new Map(Object.entries(files)),
    createdMs: 0,
    layerIds: [],
  }
}

const FLASK_APP = `from flask import Flask
app = Flask(__name__)

@app.route('/')
def hello():
    return 'Hello from Flask!'

if __name__ == '__main__':
    app.run(host='0.0.0.0', port=int(os.environ.get('PORT', 5000)))
`

const request = (path: string) => ({ method: 'GET', path, host: 'x', userAgent: 'curl/8.11.1' })
const context = { nowMs: 0, clientIp: '10.244.0.1', clientPort: 40000, localIp: '10.244.0.5' }

describe('containerArgv', () => {
  it('keeps ENTRYPOINT and CMD when the pod gives neither', () => {
    expect(containerArgv(['docker-entrypoint.sh'], ['node'], undefined, undefined)).toEqual([
      'docker-entrypoint.sh',
      'node',
    ])
  })

  it('replaces CMD with args and keeps ENTRYPOINT', () => {
    expect(containerArgv(['docker-entrypoint.sh'], ['node'], undefined, ['app.js'])).toEqual([
      'docker-entrypoint.sh',
      'app.js',
    ])
  })

  it('replaces ENTRYPOINT with command and drops CMD when args is absent', () => {
    expect(containerArgv(['docker-entrypoint.sh'], ['node'], ['python'], undefined)).toEqual([
      'python',
    ])
  })

  it('uses command and args together', () => {
    expect(containerArgv(['x'], ['y'], ['python', '-m'], ['http.server', '9000'])).toEqual([
      'python',
      '-m',
      'http.server',
      '9000',
    ])
  })
})

describe('readImageApp', () => {
  it("reads a built image's CMD app from its files and the environment it is given", () => {
    const built = image(
      'python:3.12-slim',
      { '/app/app.py': FLASK_APP },
      { Cmd: ['python', 'app.py'], WorkingDir: '/app' },
    )
    const app = readImageApp({ image: built, env: ['PORT=8080'], startedMs: 0 })
    expect(app?.listens).toEqual([{ host: '0.0.0.0', port: 8080 }])
    const outcome = app?.respond(request('/'), context).outcome
    expect(outcome?.kind === 'response' ? [outcome.status, outcome.body] : outcome).toEqual([
      200,
      'Hello from Flask!',
    ])
  })

  it('runs a shell-form command that is one plain program (`sh -c "exec …"`)', () => {
    const app = readImageApp({
      image: image('python:3.12-slim'),
      command: ['sh', '-c', 'exec python -m http.server 9000'],
      env: [],
      startedMs: 0,
    })
    expect(app?.kind).toBe('http.server')
    expect(app?.listens).toEqual([{ host: '::', port: 9000 }])
  })

  it('finds nothing for a program the image does not have (node in a python image)', () => {
    const app = readImageApp({
      image: image('python:3.12-slim'),
      command: ['node', '-e', "require('http').createServer().listen(3000)"],
      env: [],
      startedMs: 0,
    })
    expect(app).toBeUndefined()
  })

  it('finds nothing for a command that is no server', () => {
    expect(
      readImageApp({
        image: image('node:20-alpine'),
        command: ['sleep', '3600'],
        env: [],
        startedMs: 0,
      }),
    ).toBeUndefined()
  })
})
