/**
 * `docker build` through the shell: BuildKit's plain progress as docker 28 prints it to a pipe,
 * the terminal view, the errors with their Dockerfile excerpt, and what the build leaves in the
 * engine (the image, its files, its config). Outputs are whole.
 */
import { expect, test } from 'vitest'
import type { Tty } from '../../../../src/sim/shell/pty'
import { Session } from '../../../../src/sim/shell/session'

async function sessionWith(lines: readonly string[]): Promise<Session> {
  const session = await Session.create()
  for (const line of lines) {
    const r = await session.run(line)
    if (r.exitCode !== 0) throw new Error(`setup failed: ${line}\n${r.stderr}`)
  }
  return session
}

async function run(
  session: Session,
  line: string,
): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const { stdout, stderr, exitCode } = await session.run(line)
  return { stdout, stderr, exitCode }
}

async function runOnTerminal(session: Session, line: string) {
  let screen = ''
  const tty: Tty = {
    cols: 80,
    rows: 30,
    write: (data) => {
      screen += data
    },
    onInput: () => () => undefined,
    onResize: () => () => undefined,
    signal: new AbortController().signal,
  }
  const { stdout, stderr, exitCode } = await session.run(line, { tty })
  return { result: { stdout, stderr, exitCode }, screen }
}

/** The last redraw of the `[+] Building` view (after its hide-cursor sequence), lines as \n. */
function lastFrame(screen: string): string {
  const frames = screen.split('\u001b[?25l')
  return (frames[frames.length - 1] ?? '').replace(/\r\n/g, '\n')
}

test('a first build pulls its base, runs each step and names the image', async () => {
  const session = await sessionWith([
    'printf \'FROM alpine:3.21\\nWORKDIR /app\\nRUN echo hi > /x\\nCMD ["cat", "/x"]\\n\' > Dockerfile',
  ])
  expect(await run(session, 'docker build -t myapp:1.0 .')).toEqual({
    stdout: ``,
    stderr: `#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 65B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/alpine:3.21
#2 DONE 1.2s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s

#4 [1/3] FROM docker.io/library/alpine:3.21@sha256:5311a2f7a3c3be2f0f5474982f2589a124aad3dc0214b159601dc6d9e2a81541
#4 resolve docker.io/library/alpine:3.21@sha256:5311a2f7a3c3be2f0f5474982f2589a124aad3dc0214b159601dc6d9e2a81541 0.0s done
#4 sha256:5311a2f7a3c3be2f0f5474982f2589a124aad3dc0214b159601dc6d9e2a81541 1.61kB / 1.61kB done
#4 sha256:c0d711368bd89e32cc7ab69afd3e65f156e4a84ad7f36d80afb027929a26cd83 3.60MB / 3.60MB 0.2s done
#4 extracting sha256:c0d711368bd89e32cc7ab69afd3e65f156e4a84ad7f36d80afb027929a26cd83 0.1s done
#4 DONE 0.3s

#5 [2/3] WORKDIR /app
#5 DONE 0.0s

#6 [3/3] RUN echo hi > /x
#6 DONE 0.1s

#7 exporting to image
#7 exporting layers 0.0s done
#7 writing image sha256:76e2d99e428b10951fb99a9a1db4994c2d89d49a1d15f16f14096c96fefa0353 done
#7 naming to docker.io/library/myapp:1.0 done
#7 DONE 0.0s
`,
    exitCode: 0,
  })
})

test('an unchanged rebuild takes every step from the cache', async () => {
  const session = await sessionWith([
    'printf \'FROM alpine:3.21\\nWORKDIR /app\\nRUN echo hi > /x\\nCMD ["cat", "/x"]\\n\' > Dockerfile && docker pull -q alpine:3.21 && docker build -q . > /dev/null',
  ])
  expect(await run(session, 'docker build -t myapp:1.0 .')).toEqual({
    stdout: ``,
    stderr: `#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 32B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/alpine:3.21
#2 DONE 0.0s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s

#4 [1/3] FROM docker.io/library/alpine:3.21
#4 DONE 0.0s

#5 [2/3] WORKDIR /app
#5 CACHED

#6 [3/3] RUN echo hi > /x
#6 CACHED

#7 exporting to image
#7 exporting layers 0.0s done
#7 writing image sha256:e7086e172e8820d0c1fceb6708f50e8dac5ebd4f2b930c0f943b7b2b07d6a46b done
#7 naming to docker.io/library/myapp:1.0 done
#7 DONE 0.0s
`,
    exitCode: 0,
  })
})

test('an unknown instruction is a parse error with the Dockerfile excerpt', async () => {
  const session = await sessionWith([
    "printf 'FROM alpine\\nRUN echo hi\\nRUNN echo hi\\n' > Dockerfile",
  ])
  expect(await run(session, 'docker build .')).toEqual({
    stdout: ``,
    stderr: `#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 37B done
#1 DONE 0.0s
Dockerfile:3
--------------------
   1 |     FROM alpine
   2 |     RUN echo hi
   3 | >>> RUNN echo hi
   4 |     
--------------------
ERROR: failed to solve: dockerfile parse error on line 3: unknown instruction: RUNN (did you mean RUN?)
`,
    exitCode: 1,
  })
})

test('COPY of a file the context lacks fails to compute its cache key', async () => {
  const session = await sessionWith([
    "printf 'FROM alpine:3.21\\nCOPY missing.txt /\\n' > Dockerfile && docker pull -q alpine:3.21",
  ])
  expect(await run(session, 'docker build .')).toEqual({
    stdout: ``,
    stderr: `#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 36B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/alpine:3.21
#2 DONE 0.0s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s

#4 [1/2] FROM docker.io/library/alpine:3.21
#4 DONE 0.0s

#5 [internal] load build context
#5 transferring context: 151B done
#5 DONE 0.0s

#6 [2/2] COPY missing.txt /
#6 ERROR: failed to calculate checksum of ref e88d64f7-e43f-4aec-ab47-c98997c4a045::bio3de7bp4i2xn6uompztxo40: "/missing.txt": not found
------
 > [2/2] COPY missing.txt /:
------
Dockerfile:2
--------------------
   1 |     FROM alpine:3.21
   2 | >>> COPY missing.txt /
   3 |     
--------------------
ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref e88d64f7-e43f-4aec-ab47-c98997c4a045::bio3de7bp4i2xn6uompztxo40: "/missing.txt": not found
`,
    exitCode: 1,
  })
})

test('a failing RUN stops the build with its exit code and last log lines', async () => {
  const session = await sessionWith([
    "printf 'FROM alpine:3.21\\nRUN echo start\\nRUN echo oops && exit 3\\n' > Dockerfile && docker pull -q alpine:3.21",
  ])
  expect(await run(session, 'docker build .')).toEqual({
    stdout: ``,
    stderr: `#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 56B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/alpine:3.21
#2 DONE 0.0s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s

#4 [1/3] FROM docker.io/library/alpine:3.21
#4 DONE 0.0s

#5 [2/3] RUN echo start
#5 0.118 start
#5 DONE 0.1s

#6 [3/3] RUN echo oops && exit 3
#6 0.118 oops
#6 ERROR: process "/bin/sh -c echo oops && exit 3" did not complete successfully: exit code: 3
------
 > [3/3] RUN echo oops && exit 3:
0.118 oops
------
Dockerfile:3
--------------------
   1 |     FROM alpine:3.21
   2 |     RUN echo start
   3 | >>> RUN echo oops && exit 3
   4 |     
--------------------
ERROR: failed to solve: process "/bin/sh -c echo oops && exit 3" did not complete successfully: exit code: 3
`,
    exitCode: 1,
  })
})

test('a context without a Dockerfile cannot be read', async () => {
  const session = await sessionWith(['mkdir empty'])
  expect(await run(session, 'docker build empty')).toEqual({
    stdout: ``,
    stderr: `#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 2B done
#1 DONE 0.0s
ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory
`,
    exitCode: 1,
  })
})

test('a missing context directory is refused before any build', async () => {
  const session = await sessionWith([])
  expect(await run(session, 'docker build nothere')).toEqual({
    stdout: ``,
    stderr: `ERROR: unable to prepare context: path "nothere" not found
`,
    exitCode: 1,
  })
})

test('a Dockerfile without FROM has no build stage', async () => {
  const session = await sessionWith(["printf 'RUN echo hi\\n' > Dockerfile"])
  expect(await run(session, 'docker build .')).toEqual({
    stdout: ``,
    stderr: `#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 12B done
#1 DONE 0.0s
Dockerfile:1
--------------------
   1 | >>> RUN echo hi
   2 |     
--------------------
ERROR: failed to solve: no build stage in current context
`,
    exitCode: 1,
  })
})

test('a base image tag the registry lacks fails its metadata', async () => {
  const session = await sessionWith(["printf 'FROM alpine:nope\\n' > Dockerfile"])
  expect(await run(session, 'docker build .')).toEqual({
    stdout: ``,
    stderr: `#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 17B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/alpine:nope
#2 ERROR: docker.io/library/alpine:nope: not found
------
 > [internal] load metadata for docker.io/library/alpine:nope:
------
Dockerfile:1
--------------------
   1 | >>> FROM alpine:nope
   2 |     
--------------------
ERROR: failed to solve: alpine:nope: failed to resolve source metadata for docker.io/library/alpine:nope: docker.io/library/alpine:nope: not found
`,
    exitCode: 1,
  })
})

test('dockerignore leaves a file out of the context', async () => {
  const session = await sessionWith([
    "printf 'FROM alpine:3.21\\nCOPY secret.txt /\\n' > Dockerfile && echo s > secret.txt && echo secret.txt > .dockerignore && docker pull -q alpine:3.21",
  ])
  expect(await run(session, 'docker build .')).toEqual({
    stdout: ``,
    stderr: `#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 35B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/alpine:3.21
#2 DONE 0.0s

#3 [internal] load .dockerignore
#3 transferring context: 11B done
#3 DONE 0.0s

#4 [1/2] FROM docker.io/library/alpine:3.21
#4 DONE 0.0s

#5 [internal] load build context
#5 transferring context: 161B done
#5 DONE 0.0s

#6 [2/2] COPY secret.txt /
#6 ERROR: failed to calculate checksum of ref 682c6463-2f82-454c-a397-8fb50a267bbd::hl4610vr4zera09b2384ful99: "/secret.txt": not found
------
 > [2/2] COPY secret.txt /:
------
Dockerfile:2
--------------------
   1 |     FROM alpine:3.21
   2 | >>> COPY secret.txt /
   3 |     
--------------------
ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref 682c6463-2f82-454c-a397-8fb50a267bbd::hl4610vr4zera09b2384ful99: "/secret.txt": not found
`,
    exitCode: 1,
  })
})

test('lint warnings follow the progress', async () => {
  const session = await sessionWith([
    "printf 'from alpine:3.21 AS Base\\nENV APP_HOME /srv\\nENTRYPOINT echo hi\\n' > Dockerfile && docker pull -q alpine:3.21",
  ])
  expect(await run(session, 'docker build .')).toEqual({
    stdout: ``,
    stderr: `#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 62B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/alpine:3.21
#2 DONE 0.0s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s

#4 [1/1] FROM docker.io/library/alpine:3.21
#4 DONE 0.0s

#5 exporting to image
#5 exporting layers done
#5 writing image sha256:da39185dd2f9092b4583b27bc181c92593fcc28861944b782a8c5c3bd6b183ae done
#5 DONE 0.0s

 \u001b[33m4 warnings found (use docker --debug to expand):
\u001b[0m - FromAsCasing: 'AS' and 'from' keywords' casing do not match (line 1)
 - StageNameCasing: Stage name 'Base' should be lowercase (line 1)
 - LegacyKeyValueFormat: "ENV key=value" should be used instead of legacy "ENV key value" format (line 2)
 - JSONArgsRecommended: JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals (line 3)
`,
    exitCode: 0,
  })
})

test('quiet prints only the image id', async () => {
  const session = await sessionWith([
    "printf 'FROM alpine:3.21\\nRUN echo hi\\n' > Dockerfile && docker pull -q alpine:3.21",
  ])
  expect(await run(session, 'docker build -q -t q .')).toEqual({
    stdout: `sha256:d08c23b94fd923ea916ed058ebb67633d6f52b2f1fdd6e5a11a7a8cc820072b0
`,
    stderr: ``,
    exitCode: 0,
  })
})

test('apt-get before apt-get update cannot locate the package', async () => {
  const session = await sessionWith([
    "printf 'FROM debian:bookworm-slim\\nRUN apt-get install -y curl\\n' > Dockerfile && docker pull -q debian:bookworm-slim",
  ])
  expect(await run(session, 'docker build .')).toEqual({
    stdout: ``,
    stderr: `#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 54B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/debian:bookworm-slim
#2 DONE 0.0s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s

#4 [1/2] FROM docker.io/library/debian:bookworm-slim
#4 DONE 0.0s

#5 [2/2] RUN apt-get install -y curl
#5 0.124 Reading package lists...
#5 0.124 Building dependency tree...
#5 0.124 Reading state information...
#5 0.124 E: Unable to locate package curl
#5 ERROR: process "/bin/sh -c apt-get install -y curl" did not complete successfully: exit code: 100
------
 > [2/2] RUN apt-get install -y curl:
0.124 Reading package lists...
0.124 Building dependency tree...
0.124 Reading state information...
0.124 E: Unable to locate package curl
------
Dockerfile:2
--------------------
   1 |     FROM debian:bookworm-slim
   2 | >>> RUN apt-get install -y curl
   3 |     
--------------------
ERROR: failed to solve: process "/bin/sh -c apt-get install -y curl" did not complete successfully: exit code: 100
`,
    exitCode: 1,
  })
})

test('a program the image lacks is not found by its shell', async () => {
  const session = await sessionWith([
    "printf 'FROM alpine:3.21\\nRUN apt-get update\\n' > Dockerfile && docker pull -q alpine:3.21",
  ])
  expect(await run(session, 'docker build .')).toEqual({
    stdout: ``,
    stderr: `#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 36B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/alpine:3.21
#2 DONE 0.0s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s

#4 [1/2] FROM docker.io/library/alpine:3.21
#4 DONE 0.0s

#5 [2/2] RUN apt-get update
#5 0.118 /bin/sh: apt-get: not found
#5 ERROR: process "/bin/sh -c apt-get update" did not complete successfully: exit code: 127
------
 > [2/2] RUN apt-get update:
0.118 /bin/sh: apt-get: not found
------
Dockerfile:2
--------------------
   1 |     FROM alpine:3.21
   2 | >>> RUN apt-get update
   3 |     
--------------------
ERROR: failed to solve: process "/bin/sh -c apt-get update" did not complete successfully: exit code: 127
`,
    exitCode: 1,
  })
})

test('a multi-stage build copies from an earlier stage', async () => {
  const session = await sessionWith([
    "printf 'FROM golang:1.22-alpine AS build\\nWORKDIR /src\\nCOPY . .\\nRUN go build -o /out/app .\\n\\nFROM alpine:3.21\\nCOPY --from=build /out/app /usr/local/bin/app\\nCMD [\"app\"]\\n' > Dockerfile && mkdir src && mv Dockerfile src/ && printf 'module example.com/app\\n' > src/go.mod && docker pull -q golang:1.22-alpine && docker pull -q alpine:3.21",
  ])
  expect(await run(session, 'docker build -t app src')).toEqual({
    stdout: ``,
    stderr: `#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 158B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/golang:1.22-alpine
#2 DONE 0.0s

#3 [internal] load metadata for docker.io/library/alpine:3.21
#3 DONE 0.0s

#4 [internal] load .dockerignore
#4 transferring context: 2B done
#4 DONE 0.0s

#5 [build 1/4] FROM docker.io/library/golang:1.22-alpine
#5 DONE 0.0s

#6 [internal] load build context
#6 transferring context: 181B done
#6 DONE 0.0s

#7 [stage-1 1/2] FROM docker.io/library/alpine:3.21
#7 DONE 0.0s

#8 [build 2/4] WORKDIR /src
#8 DONE 0.0s

#9 [build 3/4] COPY . .
#9 DONE 0.0s

#10 [build 4/4] RUN go build -o /out/app .
#10 DONE 4.6s

#11 [stage-1 2/2] COPY --from=build /out/app /usr/local/bin/app
#11 DONE 0.0s

#12 exporting to image
#12 exporting layers 0.0s done
#12 writing image sha256:55ea4d058f1a3c278ec2be9ec8c4c6ed61914218639b1b2297063615d604ae36 done
#12 naming to docker.io/library/app:latest done
#12 DONE 0.0s
`,
    exitCode: 0,
  })
})

test('an unknown --target is named in the error', async () => {
  const session = await sessionWith([
    "printf 'FROM alpine:3.21 AS base\\nFROM base AS build\\n' > Dockerfile",
  ])
  expect(await run(session, 'docker build --target biuld .')).toEqual({
    stdout: ``,
    stderr: `#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 44B done
#1 DONE 0.0s
ERROR: failed to solve: target stage "biuld" could not be found (did you mean build?)
`,
    exitCode: 1,
  })
})

test('the terminal shows the final BuildKit view', async () => {
  const session = await sessionWith([
    "printf 'FROM alpine:3.21\\nRUN echo hi > /greeting\\n' > Dockerfile && docker pull -q alpine:3.21",
  ])
  const { result, screen } = await runOnTerminal(session, 'docker build -t hello .')
  expect(result).toEqual({ stdout: ``, stderr: ``, exitCode: 0 })
  expect(lastFrame(screen)).toBe(
    `[+] Building 0.2s (6/6) FINISHED                                 docker:default
\u001b[34m => [internal] load build definition from Dockerfile                       0.0s
\u001b[0m\u001b[34m => => transferring dockerfile: 41B                                        0.0s
\u001b[0m\u001b[34m => [internal] load metadata for docker.io/library/alpine:3.21             0.0s
\u001b[0m\u001b[34m => [internal] load .dockerignore                                          0.0s
\u001b[0m\u001b[34m => => transferring context: 2B                                            0.0s
\u001b[0m\u001b[34m => [1/2] FROM docker.io/library/alpine:3.21                               0.0s
\u001b[0m\u001b[34m => [2/2] RUN echo hi > /greeting                                          0.1s
\u001b[0m\u001b[34m => exporting to image                                                     0.0s
\u001b[0m\u001b[34m => => exporting layers                                                    0.0s
\u001b[0m\u001b[34m => => writing image sha256:a25cbac837b7af217bac0ef01a8a0ffebccad2595f041  0.0s
\u001b[0m\u001b[34m => => naming to docker.io/library/hello:latest                            0.0s
\u001b[0m\u001b[?25h`,
  )
})

test('a RUN step writes into the image, and its containers see the file', async () => {
  const session = await sessionWith([
    'printf \'FROM alpine:3.21\\nARG GREETING=hello\\nRUN echo "$GREETING" > /x && mkdir -p /data\\n\' > Dockerfile',
    'docker build -q --build-arg GREETING=bonjour -t greet .',
  ])
  const image = session.world.docker.findImage('greet')
  expect(image?.files.get('/x')).toBe('bonjour\n')
  expect(image?.directories?.has('/data')).toBe(true)
  expect(await run(session, 'docker run --rm greet cat /x')).toEqual({
    stdout: 'bonjour\n',
    stderr: '',
    exitCode: 0,
  })
})

test('the built image carries the Dockerfile configuration', async () => {
  const session = await sessionWith([
    'printf \'FROM alpine:3.21\\nENV APP_HOME=/srv PORT=8080\\nWORKDIR $APP_HOME\\nLABEL org.example.team="web"\\nEXPOSE $PORT 9000/udp\\nUSER nobody\\nHEALTHCHECK NONE\\nSTOPSIGNAL SIGINT\\nVOLUME /data\\nENTRYPOINT echo entry\\nONBUILD RUN echo child\\n\' > Dockerfile',
    'docker build -q -t configured .',
  ])
  const inspect = session.world.docker.inspectImage('configured')
  expect(inspect.ok && inspect.value.Config).toEqual({
    Hostname: '',
    Domainname: '',
    User: 'nobody',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    ExposedPorts: { '8080/tcp': {}, '9000/udp': {} },
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: [
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'APP_HOME=/srv',
      'PORT=8080',
    ],
    Cmd: null,
    Healthcheck: { Test: ['NONE'] },
    Image: '',
    Volumes: { '/data': {} },
    WorkingDir: '/srv',
    Entrypoint: ['/bin/sh', '-c', 'echo entry'],
    OnBuild: ['RUN echo child'],
    Labels: { 'org.example.team': 'web' },
    StopSignal: 'SIGINT',
  })
})

test('a built image appears in docker images with its base size plus what the build added', async () => {
  const session = await sessionWith([
    "printf 'FROM alpine:3.21\\nRUN echo hi > /x\\n' > Dockerfile",
    'docker build -q -t sized:1.0 .',
  ])
  expect(await run(session, "docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}'")).toEqual(
    {
      stdout: 'sized:1.0 7.83MB\n',
      stderr: '',
      exitCode: 0,
    },
  )
})
