/**
 * Real-world compose files (awesome-compose, docker/compose's e2e fixtures, the Compose spec's
 * examples) brought up and down: every one must `up -d` and `down -v` with status 0.
 *
 * The corpus holds compose files without their build contexts, so for each `build:` the test
 * lays out the context directory with a Dockerfile: the matching one from the corpus's
 * dockerfiles/ when there is one (awesome-compose's own), else a minimal `FROM alpine` one.
 * Files the compose file points at (secrets, configs, env files) are created empty-ish too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { Session } from '../../../src/sim/shell/session'

// ../shared beside the repository (as on every machine and in CI).
const SHARED = join(__dirname, '../../../../shared/corpus')
const ROOTS = [join(SHARED, 'compose'), join(SHARED, 'visible/compose')]
const root = ROOTS.find((r) => existsSync(r))
if (!root)
  console.warn(`compose corpus absent (looked in ${ROOTS.join(', ')}): corpus test skipped`)
const DOCKERFILES = root ? root.replace(/compose$/, 'dockerfiles') : ''

const files = root
  ? readdirSync(root)
      .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
      .sort()
  : []

/** The corpus Dockerfile for `<project>/<context>` (awesome-compose__<project>__<dir>.Dockerfile). */
function corpusDockerfile(project: string, context: string): string | undefined {
  if (!existsSync(DOCKERFILES)) return undefined
  const dir = context
    .replace(/^\.\/?/, '')
    .replace(/\/$/, '')
    .replace(/\//g, '__')
  const candidates = [
    `awesome-compose__${project}__${dir}.Dockerfile`,
    ...(dir === '' ? [`awesome-compose__${project}.Dockerfile`] : []),
  ]
  for (const name of candidates) {
    const path = `${DOCKERFILES}/${name}`
    if (existsSync(path)) return readFileSync(path, 'utf8')
  }
  return undefined
}

/** Plain file sources of COPY/ADD (no --from, no wildcards, no directories). */
function copySources(dockerfile: string): string[] {
  const out: string[] = []
  for (const line of dockerfile.replace(/\\\n/g, ' ').split('\n')) {
    const m = /^\s*(COPY|ADD)\s+(.*)$/i.exec(line)
    if (!m || /--from/.test(m[2] ?? '')) continue
    const words = (m[2] ?? '')
      .trim()
      .replace(/^\[|\]$/g, '')
      .split(/[\s,]+/)
      .map((w) => w.replace(/^"|"$/g, ''))
      .filter((w) => w !== '' && !w.startsWith('--'))
    for (const w of words.slice(0, -1))
      if (!/[*?]/.test(w) && w !== '.' && !w.endsWith('/') && !w.startsWith('http')) out.push(w)
  }
  return out
}

/** Files real compose also refuses, with the error it gives (the last line of stderr). */
const REAL_FAILURES: Record<string, string> = {
  // postgres without POSTGRES_PASSWORD exits at once: compose's first look finds it exited.
  'spec__05-services__L436.yaml':
    'dependency failed to start: container spec__05-services__l436-db-1 exited (1)\n',
  // `- db-data` (no colon) is an anonymous volume at a relative path: the daemon refuses it.
  'spec__10-fragments__L46.yaml':
    'Error response from daemon: invalid mount config for type "volume": invalid mount path: \'db-data\' mount path must be absolute\n',
}

type Dict = Record<string, unknown>
const asDict = (v: unknown): Dict => (v !== null && typeof v === 'object' ? (v as Dict) : {})

/** Paths a service's `develop.watch` rules follow (directories in the project). */
function watchPaths(service: Dict): Set<string> {
  const watch = asDict(service.develop).watch
  return new Set(
    (Array.isArray(watch) ? watch : []).flatMap((rule) => {
      const path = asDict(rule).path
      return typeof path === 'string' ? [path.replace(/^\.\//, '').replace(/\/$/, '')] : []
    }),
  )
}

/**
 * Python servers a service's `command` may start: the stand-in image installs them from the
 * project's requirements.txt, as the project's own Dockerfile does.
 */
const PYTHON_SERVERS = ['gunicorn', 'uvicorn', 'flask']

/** A Dockerfile standing in for a project's own (the corpus ships compose files only). */
function standIn(service: Dict): { dockerfile: string; sources: Record<string, string> } {
  const command = service.command
  const words = Array.isArray(command)
    ? command.map(String)
    : typeof command === 'string'
      ? command.split(/\s+/)
      : []
  const program = words[0] ?? ''
  if (PYTHON_SERVERS.includes(program))
    return {
      dockerfile:
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n',
      sources: { 'requirements.txt': `${program}\n` },
    }
  // Else a minimal one (ubuntu: commands may need bash).
  return { dockerfile: 'FROM ubuntu\nCMD ["sleep", "3600"]\n', sources: {} }
}

/** Lays out what the compose file refers to on disk: build contexts, secret/config/env files. */
async function layOut(session: Session, dir: string, name: string, doc: Dict): Promise<void> {
  const fs = session.fs
  const project = name.replace(/\.ya?ml$/, '')
  const touch = async (rel: string, text: string): Promise<void> => {
    const path = rel.startsWith('/') ? rel : `${dir}/${rel.replace(/^\.\//, '')}`
    const parent = path.slice(0, path.lastIndexOf('/'))
    await fs.mkdir(parent, { recursive: true })
    if (!(await fs.exists(path))) await fs.writeFile(path, text)
  }
  for (const service of Object.values(asDict(doc.services))) {
    const s = asDict(service)
    const build = s.build
    if (build !== undefined) {
      const b = typeof build === 'string' ? { context: build } : asDict(build)
      const context = typeof b.context === 'string' ? b.context : '.'
      const dockerfile = typeof b.dockerfile === 'string' ? b.dockerfile : 'Dockerfile'
      const ctxDir = context.replace(/\/$/, '')
      const abs = ctxDir.startsWith('/') ? ctxDir : `${dir}/${ctxDir.replace(/^\.\/?/, '')}`
      const watched = watchPaths(s)
      // The sources COPY/ADD lines name, as placeholders (the corpus has no sources): a
      // directory when the service watches it, else a file.
      const own = corpusDockerfile(project, context)
      const stand = standIn(s)
      const layOutSources = async (text: string): Promise<void> => {
        for (const source of copySources(text)) {
          const rel = source.replace(/^\.\//, '').replace(/\/$/, '')
          if (watched.has(rel)) await touch(`${ctxDir}/${rel}/placeholder.txt`, '\n')
          else
            await touch(`${ctxDir}/${rel}`, own === undefined ? (stand.sources[rel] ?? '\n') : '\n')
        }
      }
      if (typeof b.dockerfile_inline === 'string') {
        await fs.mkdir(abs, { recursive: true })
        await layOutSources(b.dockerfile_inline)
      } else if (!/^[a-z]+:\/\//.test(context)) {
        // Without the project's own Dockerfile, a stand-in providing what the service runs.
        const text = own ?? stand.dockerfile
        await fs.mkdir(abs, { recursive: true })
        await touch(`${ctxDir}/${dockerfile}`, text)
        await layOutSources(text)
        // A project Dockerfile that cannot build without the project's real sources (a
        // multi-stage build compiling them) gives way to the minimal one.
        const target = typeof b.target === 'string' ? b.target : undefined
        const targetFlag = target === undefined ? '' : ` --target ${target}`
        const tried = await session.run(
          `docker build -q${targetFlag} -f ${abs}/${dockerfile} ${abs}`,
        )
        if (tried.exitCode !== 0)
          await fs.writeFile(
            `${abs}/${dockerfile}`,
            `FROM ubuntu AS ${target ?? 'base'}\nCMD ["sleep", "3600"]\n`,
          )
      }
    }
    const envFile = s.env_file
    for (const f of Array.isArray(envFile) ? envFile : envFile === undefined ? [] : [envFile]) {
      const path = typeof f === 'string' ? f : asDict(f).path
      if (typeof path === 'string') await touch(path, '')
    }
  }
  for (const section of ['secrets', 'configs'])
    for (const entry of Object.values(asDict(doc[section]))) {
      const file = asDict(entry).file
      if (typeof file === 'string') await touch(file, 'corpus\n')
    }
}

/**
 * Images services name without building them, as `docker compose config` resolves them
 * (through `.env` interpolation: `$IMAGE_NAME:$IMAGE_TAG`).
 */
async function imagesOf(session: Session): Promise<string[]> {
  const config = await session.run('docker compose config --format json')
  const services = asDict(asDict(JSON.parse(config.stdout)).services)
  return Object.values(services).flatMap((s) => {
    const d = asDict(s)
    return typeof d.image === 'string' && d.build === undefined ? [d.image] : []
  })
}

describe.skipIf(!root)('compose corpus: up -d then down -v', () => {
  for (const name of files) {
    it(`${name} comes up and goes down with status 0`, async () => {
      const session = await Session.create({ seed: 7 })
      const dir = `/home/student/${name
        .replace(/\.ya?ml$/, '')
        .replace(/[^a-z0-9_-]/gi, '-')
        .toLowerCase()}`
      await session.fs.mkdir(dir, { recursive: true })
      const text = readFileSync(`${root}/${name}`, 'utf8')
      await session.fs.writeFile(`${dir}/compose.yaml`, text)
      const env = `${root}/${name.replace(/\.ya?ml$/, '.env')}`
      if (existsSync(env)) await session.fs.writeFile(`${dir}/.env`, readFileSync(env, 'utf8'))
      await layOut(session, dir, name, asDict(parse(text)))
      await session.run(`cd ${dir}`)
      const hasBuild = /^\s+build:/m.test(text)
      // Images the offline catalog does not know (the spec's `example/webapp`) are built
      // locally first, as a user would with `docker build -t`.
      for (const image of await imagesOf(session)) {
        if ((await session.run(`docker pull -q ${image}`)).exitCode === 0) continue
        await session.fs.writeFile('/tmp/Dockerfile.stub', 'FROM ubuntu\nCMD ["sleep", "3600"]\n')
        await session.run(`docker build -q -t ${image} -f /tmp/Dockerfile.stub /tmp`)
      }
      const up = await session.run(`docker compose up -d${hasBuild ? ' --build' : ''}`)
      if (REAL_FAILURES[name] !== undefined) {
        expect(up.stderr.slice(up.stderr.lastIndexOf('\n', up.stderr.length - 2) + 1)).toBe(
          REAL_FAILURES[name],
        )
        expect(up.exitCode).toBe(1)
      } else
        expect({ exit: up.exitCode, stderr: up.exitCode === 0 ? '' : up.stderr }).toEqual({
          exit: 0,
          stderr: '',
        })
      if (REAL_FAILURES[name] === undefined) {
        // Every service's command found its program: none is left in Created.
        const created = await session.run(
          "docker ps -a --filter status=created --format '{{.Names}}'",
        )
        expect(created.stdout).toBe('')
      }
      const down = await session.run('docker compose down -v')
      expect({ exit: down.exitCode, stderr: down.exitCode === 0 ? '' : down.stderr }).toEqual({
        exit: 0,
        stderr: '',
      })
      const left = await session.run('docker ps -aq')
      expect(left.stdout).toBe('')
    })
  }

  it('flask-redis.yaml: two containers on the project network, then nothing left', async () => {
    const session = await Session.create({ seed: 7 })
    const dir = '/home/student/flask-redis'
    await session.fs.mkdir(dir, { recursive: true })
    const text = readFileSync(`${root}/flask-redis.yaml`, 'utf8')
    await session.fs.writeFile(`${dir}/compose.yaml`, text)
    await layOut(session, dir, 'flask-redis.yaml', asDict(parse(text)))
    await session.run(`cd ${dir}`)
    await session.run('docker compose up -d --build')
    const ps = await session.run("docker ps -a --format '{{.Names}}'")
    expect(
      ps.stdout
        .split('\n')
        .filter((l) => l !== '')
        .sort(),
    ).toEqual(['flask-redis-redis-1', 'flask-redis-web-1'])
    const nets = await session.run(
      "docker network ls --format '{{.Name}}' --filter label=com.docker.compose.project",
    )
    expect(nets.stdout).toBe('flask-redis_default\n')
    await session.run('docker compose down -v')
    expect(
      (await session.run('docker network ls -q --filter label=com.docker.compose.project')).stdout,
    ).toBe('')
  })
})
