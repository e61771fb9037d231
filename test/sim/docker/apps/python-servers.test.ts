import { describe, expect, it } from 'vitest'
import { Session } from '../../../../src/sim/shell/session'

const FASTAPI_APP = `from fastapi import FastAPI

app = FastAPI()

@app.get("/")
def root():
    return {"message": "Hello World"}

@app.get("/items/{item_id}")
async def item(item_id: int):
    return {"item_id": item_id}
`

const FLASK_APP = `from flask import Flask\napp = Flask(__name__)\n\n@app.route('/')\ndef index():\n    return 'gunicorn here'\n`

async function built(files: Record<string, string>, tag: string): Promise<Session> {
  const s = await Session.create({ seed: 1 })
  await s.run('mkdir -p app && cd app')
  for (const [name, text] of Object.entries(files))
    await s.run(`cat > ${name} <<'QUAI_EOF'\n${text}QUAI_EOF`)
  expect((await s.run(`docker build -q -t ${tag} .`)).exitCode).toBe(0)
  return s
}

describe('uvicorn serving FastAPI', () => {
  it('answers JSON with uvicorn headers, {"detail":"Not Found"}, and logs its start', async () => {
    const s = await built(
      {
        'main.py': FASTAPI_APP,
        Dockerfile: `FROM python:3.12\nWORKDIR /code\nCOPY main.py .\nRUN pip install fastapi uvicorn\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "80"]\n`,
      },
      'fast',
    )
    await s.run('docker run -d --name api -p 8080:80 fast')
    expect((await s.run('curl -si localhost:8080/')).stdout).toBe(
      'HTTP/1.1 200 OK\r\ndate: Mon, 05 Jan 2026 09:00:04 GMT\r\nserver: uvicorn\r\ncontent-length: 25\r\n' +
        'content-type: application/json\r\n\r\n{"message":"Hello World"}',
    )
    // The value comes from the path: computed, so no content is invented for it.
    expect((await s.run('curl -s localhost:8080/items/5')).stdout).toBe('')
    expect((await s.run('curl -s localhost:8080/nope')).stdout).toBe('{"detail":"Not Found"}')
    expect((await s.run('docker logs api 2>&1 >/dev/null')).stdout).toBe(
      'INFO:     Started server process [1]\nINFO:     Waiting for application startup.\n' +
        'INFO:     Application startup complete.\n' +
        'INFO:     Uvicorn running on http://0.0.0.0:80 (Press CTRL+C to quit)\n',
    )
  })

  it('uvicorn without --host listens on 127.0.0.1 only', async () => {
    const s = await built(
      {
        'main.py': FASTAPI_APP,
        Dockerfile: `FROM python:3.12\nWORKDIR /code\nCOPY main.py .\nRUN pip install fastapi uvicorn\nCMD ["uvicorn", "main:app"]\n`,
      },
      'fast',
    )
    await s.run('docker run -d -p 8000:8000 fast')
    expect((await s.run('curl -s localhost:8000')).exitCode).toBe(56)
  })
})

describe('gunicorn', () => {
  it('binds 127.0.0.1:8000 by default, -b 0.0.0.0:8000 is reachable with gunicorn headers', async () => {
    const s = await built(
      {
        'app.py': FLASK_APP,
        Dockerfile: `FROM python:3.12\nWORKDIR /app\nCOPY app.py .\nRUN pip install flask gunicorn\nCMD gunicorn -b 0.0.0.0:8000 app:app\n`,
      },
      'gun',
    )
    await s.run('docker run -d --name gun1 -p 8000:8000 gun')
    expect((await s.run('curl -si localhost:8000')).stdout).toBe(
      'HTTP/1.1 200 OK\r\nServer: gunicorn\r\nDate: Mon, 05 Jan 2026 09:00:04 GMT\r\nConnection: close\r\n' +
        'Content-Type: text/html; charset=utf-8\r\nContent-Length: 13\r\n\r\ngunicorn here',
    )
    expect((await s.run('docker logs gun1 2>&1')).stdout).toBe(
      '[2026-01-05 09:00:04 +0000] [1] [INFO] Starting gunicorn 23.0.0\n' +
        '[2026-01-05 09:00:04 +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)\n' +
        '[2026-01-05 09:00:04 +0000] [1] [INFO] Using worker: sync\n' +
        '[2026-01-05 09:00:04 +0000] [7] [INFO] Booting worker with pid: 7\n',
    )
    await s.run('docker run -d --name gun2 -p 8001:8000 gun gunicorn app:app')
    expect((await s.run('curl -s localhost:8001')).exitCode).toBe(56)
  })
})
