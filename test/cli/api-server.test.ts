import { request } from 'node:http'
import { describe, expect, test } from 'vitest'
import { isLoopbackHost, parseListenAddress, startDockerApiServer } from '../../src/cli/api-server'
import { subcommands } from '../../src/cli/subcommands'
import { Session } from '../../src/sim/shell/session'

describe('the Docker API host refuses anything but loopback', () => {
  test('loopback addresses are 127.0.0.0/8, ::1 and localhost', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1'])
      expect([host, isLoopbackHost(host)]).toEqual([host, true])
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com', ''])
      expect([host, isLoopbackHost(host)]).toEqual([host, false])
  })

  test('starting a server on a non-loopback address is refused before listening', async () => {
    const session = await Session.create()
    await expect(startDockerApiServer(session, { host: '0.0.0.0', port: 0 })).rejects.toThrow(
      'refusing to serve the Docker API on 0.0.0.0: only loopback addresses (127.0.0.0/8, ::1, localhost) are allowed',
    )
  })

  test('`quai api --docker 0.0.0.0:2375` exits 2 with the reason', async () => {
    const api = subcommands.find((s) => s.name === 'api')
    const written: string[] = []
    const original = process.stderr.write.bind(process.stderr)
    process.stderr.write = ((chunk: string) => {
      written.push(chunk)
      return true
    }) as typeof process.stderr.write
    try {
      expect(await api?.run(['--docker', '0.0.0.0:2375'], { seed: 1 })).toBe(2)
    } finally {
      process.stderr.write = original
    }
    expect(written.join('')).toBe(
      'quai api: refusing to serve the Docker API on 0.0.0.0: only loopback addresses (127.0.0.0/8, ::1, localhost) are allowed\n',
    )
  })

  test('listen addresses are HOST:PORT, bracketed IPv6, or DOCKER_HOST style', () => {
    expect(parseListenAddress('127.0.0.1:2375')).toEqual({ host: '127.0.0.1', port: 2375 })
    expect(parseListenAddress('tcp://localhost:2376')).toEqual({ host: 'localhost', port: 2376 })
    expect(parseListenAddress('[::1]:2375')).toEqual({ host: '::1', port: 2375 })
    expect(parseListenAddress('2375')).toEqual({
      error: '2375: expected HOST:PORT, such as 127.0.0.1:2375',
    })
  })
})

function get(
  port: number,
  path: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('serving a session over HTTP', () => {
  test('answers the ping and the API from the session’s daemon', async () => {
    const session = await Session.create()
    await session.run('docker run -d --name web nginx')
    const server = await startDockerApiServer(session)
    try {
      const ping = await get(server.port, '/_ping')
      expect(ping.status).toBe(200)
      expect(ping.body).toBe('OK')
      expect(ping.headers['api-version']).toBe('1.50')
      expect(ping.headers.server).toBe('Docker/28.2.2 (linux)')
      const head = await get(server.port, '/_ping', 'HEAD')
      expect(head.headers['content-length']).toBe('0')
      const list = await get(server.port, '/v1.50/containers/json?all=1')
      expect((JSON.parse(list.body) as { Names: string[] }[])[0]?.Names).toEqual(['/web'])
      const missing = await get(server.port, '/v1.50/containers/nosuch/json')
      expect(missing).toMatchObject({
        status: 404,
        body: '{"message":"No such container: nosuch"}\n',
      })
    } finally {
      await server.close()
    }
  })

  test('a wait sends its status line at once and its body when the container stops', async () => {
    const session = await Session.create()
    await session.run('docker run -d --name web nginx')
    const server = await startDockerApiServer(session)
    try {
      const headers = await new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: server.port,
            path: '/v1.50/containers/web/wait',
            method: 'POST',
          },
          (res) => {
            resolve(res.statusCode ?? 0)
            res.resume()
          },
        )
        req.on('error', reject)
        req.end()
      })
      expect(headers).toBe(200)
      await session.run('docker stop web')
    } finally {
      await server.close()
    }
  })
})
