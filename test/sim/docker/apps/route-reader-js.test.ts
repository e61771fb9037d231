/**
 * route-reader-js: a Node app's answers are found whatever the handler names its request and
 * response parameters (`(q, r) =>`, `function (req, resp)`, a handler passed by name).
 */
import { describe, expect, it } from 'vitest'
import { expressRoutes, nodeHttpRoutes } from '../../../../src/sim/docker/apps/route-reader-js'

describe('nodeHttpRoutes reads the response parameter by its declared name', () => {
  it('an arrow handler (q, r) answers r.end', () => {
    const source = `require('http').createServer((q, r) => r.end('x')).listen(3000)\n`
    expect(nodeHttpRoutes(source)).toEqual({
      byUrl: [],
      fallback: { status: 200, headers: [], body: 'x', chunked: false },
    })
  })

  it('(request, response) with writeHead, write and end, routed by request.url', () => {
    const source = `const http = require('http')
http.createServer((request, response) => {
  if (request.url === '/health') {
    response.writeHead(204)
    response.end()
    return
  }
  response.writeHead(200, { 'Content-Type': 'text/plain' })
  response.write('hello ')
  response.end('world\\n')
}).listen(8080)
`
    expect(nodeHttpRoutes(source)).toEqual({
      byUrl: [{ path: '/health', answer: { status: 204, headers: [], body: '', chunked: false } }],
      fallback: {
        status: 200,
        headers: [['Content-Type', 'text/plain']],
        body: 'hello world\n',
        chunked: true,
      },
    })
  })

  it('function (req, resp) { … } with setHeader and statusCode on resp', () => {
    const source = `const http = require('http')
const server = http.createServer(function (req, resp) {
  resp.statusCode = 201
  resp.setHeader('X-App', 'quai')
  resp.end('made')
})
server.listen(3000)
`
    expect(nodeHttpRoutes(source)).toEqual({
      byUrl: [],
      fallback: { status: 201, headers: [['X-App', 'quai']], body: 'made', chunked: false },
    })
  })

  it('a handler passed by name is read where it is defined', () => {
    const source = `var http = require('http')
var handleRequest = function (request, response) {
  response.writeHead(200)
  response.end('named\\n')
}
http.createServer(handleRequest).listen(8080)
`
    expect(nodeHttpRoutes(source)).toEqual({
      byUrl: [],
      fallback: { status: 200, headers: [], body: 'named\n', chunked: false },
    })
  })

  it('another object called res is not the response of a (q, r) handler', () => {
    const source = `const res = { end: () => {} }
require('http').createServer((q, r) => { res.end('wrong'); r.end('right') }).listen(3000)\n`
    expect(nodeHttpRoutes(source).fallback.body).toBe('right')
  })

  it('the usual (req, res) still answers', () => {
    const source = `require('http').createServer((req, res) => res.end('hi')).listen(3000)\n`
    expect(nodeHttpRoutes(source).fallback).toEqual({
      status: 200,
      headers: [],
      body: 'hi',
      chunked: false,
    })
  })
})

describe('expressRoutes reads the response parameter by its declared name', () => {
  it('(req, response) => response.send and response.status(n).json', () => {
    const source = `const express = require('express')
const app = express()
app.get('/', (req, response) => response.send('Hello'))
app.post('/items', async function (request, reply) {
  reply.status(201).json({ ok: true })
})
app.listen(3000)
`
    expect(expressRoutes(source).map((r) => [r.methods, r.path, r.answer])).toEqual([
      [['GET'], '/', { kind: 'text', status: 200, body: 'Hello' }],
      [['POST'], '/items', { kind: 'json', status: 201, value: { ok: true } }],
    ])
  })

  it('a handler behind middleware takes the handler’s own names', () => {
    const source = `const express = require('express')
const app = express()
app.get('/me', auth, (q, s) => s.sendStatus(401))
`
    expect(expressRoutes(source)[0]?.answer).toEqual({ kind: 'text', status: 401, body: '' })
  })
})
