import { describe, expect, test } from 'vitest'
import { runsAsServer } from '../../../../src/sim/docker/cli/container-runner'
import { Session } from '../../../../src/sim/shell/session'

describe('an application started as the main process keeps running', () => {
  test('node server.js, flask run, gunicorn… serve; --version and -c report and exit', () => {
    expect(runsAsServer(['node', 'server.js'])).toBe(true)
    expect(runsAsServer(['npm', 'start'])).toBe(true)
    expect(runsAsServer(['flask', 'run', '--host=0.0.0.0'])).toBe(true)
    expect(runsAsServer(['gunicorn', '-b', '0.0.0.0:8000', 'app:app'])).toBe(true)
    expect(runsAsServer(['java', '-jar', 'app.jar'])).toBe(true)
    expect(runsAsServer(['node', '--version'])).toBe(false)
    expect(runsAsServer(['python3', '-c', 'print(1)'])).toBe(false)
    expect(runsAsServer(['node'])).toBe(false)
    expect(runsAsServer(['npm', 'install'])).toBe(false)
  })

  test('inline code that listens, serves or loops forever keeps running; other one-liners end', () => {
    const server = "require('http').createServer((q, r) => r.end('ok')).listen(3000)"
    expect(runsAsServer(['node', '-e', server])).toBe(true)
    expect(runsAsServer(['node', '--eval', 'setInterval(() => console.log(1), 1000)'])).toBe(true)
    expect(runsAsServer(['python3', '-c', 'import time\nwhile True: time.sleep(1)'])).toBe(true)
    expect(runsAsServer(['python', '-m', 'http.server', '8000'])).toBe(true)
    expect(runsAsServer(['node', '-e', 'console.log(40 + 2)'])).toBe(false)
    expect(runsAsServer(['python', '-m', 'pip', 'install', 'flask'])).toBe(false)
  })

  test('a built node app is still up after a minute, and docker stop ends it', async () => {
    const session = await Session.create()
    await session.run('mkdir app && cd app')
    await session.run(
      `printf 'FROM node:20-alpine\\nWORKDIR /app\\nCOPY server.js .\\nCMD ["node", "server.js"]\\n' > Dockerfile`,
    )
    await session.run(`echo "require('http').createServer().listen(3000)" > server.js`)
    expect((await session.run('docker build -q -t myapp .')).exitCode).toBe(0)
    await session.run('docker run -d --name app myapp')
    await session.run('sleep 60')
    expect((await session.run('docker ps --format "{{.Names}} {{.Status}}"')).stdout).toBe(
      'app Up About a minute\n',
    )
    await session.run('docker stop app')
    expect((await session.run(`docker inspect -f '{{.State.ExitCode}}' app`)).stdout).toBe('137\n')
  })
})
