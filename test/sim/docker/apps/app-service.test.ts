import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'

const FLASK_APP = `from flask import Flask, jsonify

app = Flask(__name__)

@app.route('/')
def hello():
    return 'Hello from Flask!'

@app.route('/api')
def api():
    return jsonify({"status": "ok", "count": 3})

if __name__ == '__main__':
    app.run(host='0.0.0.0', port=5000)
`

const EXPRESS_APP = `const express = require('express')
const app = express()
const PORT = process.env.PORT || 3000

app.get('/', (req, res) => {
  res.send('Hello from Express!')
})

app.get('/health', (req, res) => res.json({ status: 'up' }))

app.listen(PORT, () => {
  console.log(\`Server listening on port \${PORT}\`)
})
`

async function project(files: Record<string, string>, dir = 'app'): Promise<Session> {
  const session = await Session.create({ seed: 1 })
  await session.run(`mkdir -p ${dir} && cd ${dir}`)
  for (const [name, text] of Object.entries(files)) {
    const slash = name.lastIndexOf('/')
    if (slash > 0) await session.run(`mkdir -p ${name.slice(0, slash)}`)
    await session.run(`cat > ${name} <<'QUAI_EOF'\n${text}QUAI_EOF`)
  }
  return session
}

const WERKZEUG = 'Server: Werkzeug/3.1.3 Python/3.12.9\r\nDate: Mon, 05 Jan 2026 09:00:04 GMT\r\n'

describe('a Flask app built from a Dockerfile answers on its published port', () => {
  const dockerfile = `FROM python:3.12\nWORKDIR /app\nCOPY app.py .\nRUN pip install flask\nEXPOSE 5000\nCMD ["python", "app.py"]\n`

  it('serves its routes from the host, with Werkzeug headers, JSON and 404 page', async () => {
    const s = await project({ 'app.py': FLASK_APP, Dockerfile: dockerfile })
    expect((await s.run('docker build -q -t flaskapp .')).exitCode).toBe(0)
    await s.run('docker run -d --name web -p 8000:5000 flaskapp')
    expect(await s.run('curl -s localhost:8000')).toMatchObject({
      stdout: 'Hello from Flask!',
      exitCode: 0,
    })
    expect((await s.run('curl -si localhost:8000/api')).stdout).toBe(
      `HTTP/1.1 200 OK\r\n${WERKZEUG}Content-Type: application/json\r\nContent-Length: 26\r\nConnection: close\r\n\r\n{"count":3,"status":"ok"}\n`,
    )
    expect((await s.run('curl -si localhost:8000/nope')).stdout).toBe(
      `HTTP/1.1 404 Not Found\r\n${WERKZEUG}Content-Type: text/html; charset=utf-8\r\nContent-Length: 207\r\nConnection: close\r\n\r\n` +
        '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n' +
        '<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n',
    )
    expect((await s.run('docker logs web')).stdout).toBe(
      " * Serving Flask app 'app'\n * Debug mode: off\n",
    )
    expect((await s.run('docker logs web 2>&1 >/dev/null')).stdout).toBe(
      'WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.\n' +
        ' * Running on all addresses (0.0.0.0)\n * Running on http://127.0.0.1:5000\n * Running on http://172.17.0.2:5000\nPress CTRL+C to quit\n' +
        '172.17.0.1 - - [05/Jan/2026 09:00:04] "GET / HTTP/1.1" 200 -\n' +
        '172.17.0.1 - - [05/Jan/2026 09:00:04] "GET /api HTTP/1.1" 200 -\n' +
        '172.17.0.1 - - [05/Jan/2026 09:00:04] "GET /nope HTTP/1.1" 404 -\n',
    )
  })

  it('flask run without --host listens on 127.0.0.1: the published port resets, exec curl works', async () => {
    const s = await project({ 'app.py': FLASK_APP, Dockerfile: dockerfile })
    await s.run('docker build -q -t flaskapp .')
    await s.run('docker run -d --name web -p 8001:5000 flaskapp flask run')
    expect(await s.run('curl localhost:8001')).toEqual(
      expect.objectContaining({
        stdout: '',
        stderr: 'curl: (56) Recv failure: Connection reset by peer\n',
        exitCode: 56,
      }),
    )
    expect(await s.run('docker exec web curl -s localhost:5000')).toMatchObject({
      stdout: 'Hello from Flask!',
      exitCode: 0,
    })
    expect((await s.run('docker logs web 2>&1')).stdout).toBe(
      " * Serving Flask app 'app'\n * Debug mode: off\n" +
        'WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.\n' +
        ' * Running on http://127.0.0.1:5000\nPress CTRL+C to quit\n' +
        '127.0.0.1 - - [05/Jan/2026 09:00:04] "GET / HTTP/1.1" 200 -\n',
    )
  })

  it('flask run --host=0.0.0.0 is reached by another container by name', async () => {
    const s = await project({ 'app.py': FLASK_APP, Dockerfile: dockerfile })
    await s.run('docker build -q -t flaskapp .')
    await s.run('docker network create net')
    await s.run('docker run -d --name web --network net flaskapp flask run --host=0.0.0.0')
    expect(
      (await s.run('docker run --rm --network net curlimages/curl -s http://web:5000/api')).stdout,
    ).toBe('{"count":3,"status":"ok"}\n')
  })
})

describe('Node apps', () => {
  const dockerfile = `FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n`

  it('Express answers its routes with ETag, JSON, and its Cannot GET page', async () => {
    const s = await project({ 'server.js': EXPRESS_APP, Dockerfile: dockerfile })
    await s.run('docker build -q -t exp .')
    await s.run('docker run -d --name api -p 3000:3000 exp')
    const trailer =
      'Date: Mon, 05 Jan 2026 09:00:03 GMT\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n'
    expect((await s.run('curl -si localhost:3000')).stdout).toBe(
      'HTTP/1.1 200 OK\r\nX-Powered-By: Express\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 19\r\n' +
        `ETag: W/"13-tsbq4e7agwVV6r9iE+Lb/lLwlzw"\r\n${trailer}\r\nHello from Express!`,
    )
    expect((await s.run('curl -s localhost:3000/health')).stdout).toBe('{"status":"up"}')
    expect((await s.run('curl -si localhost:3000/x')).stdout).toBe(
      "HTTP/1.1 404 Not Found\r\nX-Powered-By: Express\r\nContent-Security-Policy: default-src 'none'\r\n" +
        'X-Content-Type-Options: nosniff\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 140\r\n' +
        `${trailer}\r\n<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET /x</pre>\n</body>\n</html>\n`,
    )
    expect((await s.run('docker logs api')).stdout).toBe('Server listening on port 3000\n')
  })

  it('a plain http server answers what res.end writes; PORT from the environment', async () => {
    const code = `const http = require('http')\nconst port = process.env.PORT || 8080\nhttp.createServer((req, res) => {\n  res.writeHead(200, { 'Content-Type': 'text/plain' })\n  res.end('plain node\\n')\n}).listen(port)\n`
    const s = await project({ 'server.js': code, Dockerfile: dockerfile })
    await s.run('docker build -q -t plain .')
    await s.run('docker run -d -e PORT=9000 -p 9000:9000 plain')
    expect((await s.run('curl -si localhost:9000')).stdout).toBe(
      'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nDate: Mon, 05 Jan 2026 09:00:03 GMT\r\n' +
        'Connection: keep-alive\r\nKeep-Alive: timeout=5\r\nContent-Length: 11\r\n\r\nplain node\n',
    )
  })

  it('a handler naming its parameters (request, response) answers what response.end writes', async () => {
    const code = `const http = require('http')\nhttp.createServer(function (request, response) {\n  response.end('named params\\n')\n}).listen(8080)\n`
    const s = await project({ 'server.js': code, Dockerfile: dockerfile })
    await s.run('docker build -q -t named .')
    await s.run('docker run -d -p 8080:8080 named')
    expect((await s.run('curl -s localhost:8080')).stdout).toBe('named params\n')
  })

  it("listen(3000, '127.0.0.1') is the loopback trap too", async () => {
    const code = `require('http').createServer((req, res) => res.end('hi')).listen(3000, '127.0.0.1')\n`
    const s = await project({ 'server.js': code, Dockerfile: dockerfile })
    await s.run('docker build -q -t local .')
    await s.run('docker run -d -p 3000:3000 local')
    expect((await s.run('curl -s localhost:3000')).exitCode).toBe(56)
  })
})

describe('python -m http.server', () => {
  it('lists the working directory, serves files, answers 404 and logs as ::ffff:', async () => {
    const s = await project({ 'index.txt': 'hello\n', 'docs/a.md': '# A\n' }, 'site')
    await s.run(
      'docker run -d --name py -p 8200:8000 -v $PWD:/srv -w /srv python:3.12 python -m http.server',
    )
    const head = 'Server: SimpleHTTP/0.6 Python/3.12.9\r\nDate: Mon, 05 Jan 2026 09:00:00 GMT\r\n'
    const listing =
      '<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for /</title>\n</head>\n' +
      '<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n<li><a href="docs/">docs/</a></li>\n' +
      '<li><a href="index.txt">index.txt</a></li>\n</ul>\n<hr>\n</body>\n</html>\n'
    expect((await s.run('curl -si localhost:8200/')).stdout).toBe(
      `HTTP/1.0 200 OK\r\n${head}Content-type: text/html; charset=utf-8\r\nContent-Length: ${listing.length}\r\n\r\n${listing}`,
    )
    expect((await s.run('curl -s localhost:8200/docs/a.md')).stdout).toBe('# A\n')
    expect((await s.run('curl -s -o /dev/null -w "%{http_code}" localhost:8200/nope')).stdout).toBe(
      '404',
    )
    expect((await s.run('docker logs py 2>&1')).stdout).toBe(
      '::ffff:172.17.0.1 - - [05/Jan/2026 09:00:00] "GET / HTTP/1.1" 200 -\n' +
        '::ffff:172.17.0.1 - - [05/Jan/2026 09:00:00] "GET /docs/a.md HTTP/1.1" 200 -\n' +
        '::ffff:172.17.0.1 - - [05/Jan/2026 09:00:00] code 404, message File not found\n' +
        '::ffff:172.17.0.1 - - [05/Jan/2026 09:00:00] "GET /nope HTTP/1.1" 404 -\n',
    )
  })
})

describe('curl tool images', () => {
  it('curlimages/curl puts curl in front of options; with no argument curl asks for a URL', async () => {
    const s = await Session.create({ seed: 1 })
    await s.run('docker network create net')
    await s.run('docker run -d --name web --network net nginx')
    await s.run('sleep 2')
    const fetched = await s.run('docker run --rm --network net curlimages/curl -sI http://web')
    expect(fetched.exitCode).toBe(0)
    expect(fetched.stdout.split('\r\n')[0]).toBe('HTTP/1.1 200 OK')
    const bare = await s.run('docker run --rm curlimages/curl')
    expect(bare).toMatchObject({
      stdout: '',
      stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n",
      exitCode: 2,
    })
  })
})

describe('compose: one service curls another by its name', () => {
  it('web reaches the api service on the project network', async () => {
    const compose = `services:\n  api:\n    build: ./api\n  web:\n    image: python:3.12\n    command: python -m http.server 8080\n    ports:\n      - "8080:8080"\n`
    const s = await project({
      'compose.yaml': compose,
      'api/server.js': EXPRESS_APP,
      'api/Dockerfile': `FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n`,
    })
    expect((await s.run('docker compose up -d')).exitCode).toBe(0)
    expect((await s.run('docker compose exec web curl -s http://api:3000/health')).stdout).toBe(
      '{"status":"up"}',
    )
  })
})

// The corpus sample from docker/awesome-compose: flask/compose.yaml with its app Dockerfile.
const CORPUS = join(__dirname, '../../../../../shared/corpus')
const compose = join(CORPUS, 'compose/flask.yaml')
const dockerfile = join(CORPUS, 'dockerfiles/awesome-compose__flask__app.Dockerfile')
const corpusPresent = existsSync(compose) && existsSync(dockerfile)
if (!corpusPresent) console.warn(`corpus absent (${compose}): awesome-compose flask test skipped`)

describe('awesome-compose flask sample', () => {
  it.skipIf(!corpusPresent)('answers Hello World! on port 8000', async () => {
    const app = `from flask import Flask\napp = Flask(__name__)\n\n@app.route('/')\ndef hello():\n    return "Hello World!"\n\nif __name__ == '__main__':\n    app.run(host='0.0.0.0', port=8000)\n`
    const s = await project({
      'compose.yaml': readFileSync(compose, 'utf8'),
      'app/Dockerfile': readFileSync(dockerfile, 'utf8'),
      'app/requirements.txt': 'flask\n',
      'app/app.py': app,
    })
    expect((await s.run('docker compose up -d')).exitCode).toBe(0)
    expect((await s.run('curl -s localhost:8000')).stdout).toBe('Hello World!')
  })
})
