/**
 * Programs a container's processes find besides the shell's own: the network tools its image
 * ships (curl in nginx, wget in BusyBox, …) bound to the container's side of the network, and the
 * clients of the services students check in healthchecks — `redis-cli ping`, `pg_isready`,
 * `mysqladmin ping` — which really connect (reach.ts) and answer from what they reach: a server
 * still starting, a stopped one, one on a network this container is not on.
 */
import { intrinsicTools } from '../build/toolbox'
import type { ServiceSpec } from '../images/catalog-types'
import type { ContainerRecord } from '../engine/container-record'
import type { DockerEngine } from '../engine/engine'
import { connect, type Connection } from '../engine/reach'
import type { CommandOutput, ShellCommand } from '../../shell/command'
import { networkTools } from '../../shell/commands/network'
import { lookup, type NetworkSide } from '../../shell/commands/network/common'

const BIN_DIRS = ['/usr/local/bin', '/usr/bin', '/bin', '/usr/local/sbin', '/usr/sbin', '/sbin']

/** What the image has on its PATH: its distribution's and runtime's tools, and what a build installed. */
export function imagePrograms(record: ContainerRecord): Set<string> {
  const programs = intrinsicTools(record.image.catalog)
  for (const path of record.image.files.keys()) {
    const slash = path.lastIndexOf('/')
    if (BIN_DIRS.includes(path.slice(0, slash))) programs.add(path.slice(slash + 1))
  }
  return programs
}

const fail = (stderr: string, exitCode = 1): CommandOutput => ({ stdout: '', stderr, exitCode })

/** Reads `-h host` / `-p port` style options common to the database clients. */
function option(args: readonly string[], short: string, long: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? ''
    if (a === short || a === long) return args[i + 1]
    if (a.startsWith(`${long}=`)) return a.slice(long.length + 1)
    if (a.startsWith(short) && a.length > short.length && short.length === 2) return a.slice(2)
  }
  return undefined
}

/** The connection a client makes, and the service it found there, if it speaks `kind`. */
function reachService(
  side: NetworkSide,
  host: string,
  port: number,
  nowMs: number,
  kind: ServiceSpec['kind'],
): { connection: Connection | undefined; speaks: boolean } {
  const address = lookup(side, host)[0]
  if (address === undefined) return { connection: undefined, speaks: false }
  const connection = connect(side.engine, address, port, nowMs, side.from)
  return {
    connection,
    speaks: connection.kind === 'open' && connection.server.service.kind === kind,
  }
}

/** Words after the options that take a value. */
function positional(args: readonly string[], withValue: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? ''
    if (withValue.includes(a)) i++
    else if (!a.startsWith('-')) out.push(a)
  }
  return out
}

/** The keys a redis server holds, per container, for `redis-cli set` / `get` in a lesson. */
const redisData = new WeakMap<ContainerRecord, Map<string, string>>()

function redisCommand(server: ContainerRecord, words: readonly string[]): string {
  const data = redisData.get(server) ?? new Map<string, string>()
  redisData.set(server, data)
  const [name = '', ...rest] = words
  switch (name.toUpperCase()) {
    case 'PING':
      return rest.length > 0 ? `${rest[0]}\n` : 'PONG\n'
    case 'ECHO':
      return `${rest[0] ?? ''}\n`
    case 'SET':
      if (rest.length < 2) return "ERR wrong number of arguments for 'set' command\n"
      data.set(rest[0] ?? '', rest[1] ?? '')
      return 'OK\n'
    case 'GET':
      return `${data.get(rest[0] ?? '') ?? ''}\n`
    case 'DEL': {
      let n = 0
      for (const key of rest) if (data.delete(key)) n++
      return `${n}\n`
    }
    case 'INCR': {
      const key = rest[0] ?? ''
      const next = Number(data.get(key) ?? '0') + 1
      if (!Number.isInteger(next)) return 'ERR value is not an integer or out of range\n'
      data.set(key, String(next))
      return `${next}\n`
    }
    case 'EXISTS':
      return `${rest.filter((k) => data.has(k)).length}\n`
    case 'KEYS':
      return [...data.keys()]
        .sort()
        .map((k) => `${k}\n`)
        .join('')
    case 'DBSIZE':
      return `${data.size}\n`
    case 'FLUSHALL':
    case 'FLUSHDB':
      data.clear()
      return 'OK\n'
    default:
      return `ERR unknown command '${name}', with args beginning with: ${rest.map((r) => `'${r}' `).join('')}\n`
  }
}

/** redis-cli 7: one command from the arguments, or one per line of standard input. */
function redisCli(side: NetworkSide): ShellCommand {
  return {
    name: 'redis-cli',
    summary: 'the Redis command-line client',
    run(args, ctx) {
      const host = option(args, '-h', '--host') ?? '127.0.0.1'
      const port = Number(option(args, '-p', '--port') ?? '6379')
      const words = positional(args, ['-h', '-p', '-a', '-n', '--user', '--pass', '-u'])
      const { connection, speaks } = reachService(side, host, port, ctx.clock.now(), 'redis')
      if (connection === undefined)
        return Promise.resolve(
          fail(`Could not connect to Redis at ${host}:${port}: Name or service not known\n`),
        )
      if (!speaks || connection.kind !== 'open') {
        const why =
          connection.kind === 'dropped' || connection.kind === 'stalled'
            ? 'Connection timed out'
            : connection.kind === 'open'
              ? 'Connection reset by peer'
              : 'Connection refused'
        return Promise.resolve(fail(`Could not connect to Redis at ${host}:${port}: ${why}\n`))
      }
      const server = connection.server.container
      // A listener outside the engine's containers (a kubectl port-forward) holds no keyspace.
      if (server === undefined)
        return Promise.resolve(
          fail(`Could not connect to Redis at ${host}:${port}: Connection reset by peer\n`),
        )
      const lines =
        words.length > 0
          ? [words]
          : ctx.stdin
              .split('\n')
              .filter((l) => l.trim() !== '')
              .map((l) => l.trim().split(/\s+/))
      const stdout = lines.map((w) => redisCommand(server, w)).join('')
      return Promise.resolve({ stdout, stderr: '', exitCode: 0 })
    },
  }
}

/** pg_isready (PostgreSQL 17): 0 accepting, 1 rejecting, 2 no response, 3 bad parameters. */
function pgIsReady(side: NetworkSide): ShellCommand {
  return {
    name: 'pg_isready',
    summary: 'check the connection status of a PostgreSQL server',
    run(args, ctx) {
      const host = option(args, '-h', '--host')
      const port = Number(option(args, '-p', '--port') ?? '5432')
      const quiet = args.includes('-q') || args.includes('--quiet')
      const target = `${host ?? '/var/run/postgresql'}:${port}`
      const { speaks } = reachService(side, host ?? '127.0.0.1', port, ctx.clock.now(), 'postgres')
      const text = speaks ? 'accepting connections' : 'no response'
      return Promise.resolve({
        stdout: quiet ? '' : `${target} - ${text}\n`,
        stderr: '',
        exitCode: speaks ? 0 : 2,
      })
    },
  }
}

/** mysqladmin (MySQL 8/9): `ping` answers "mysqld is alive" whatever the credentials. */
function mysqladmin(side: NetworkSide, name: string): ShellCommand {
  return {
    name,
    summary: 'administer a MySQL server',
    run(args, ctx) {
      const host = option(args, '-h', '--host')
      const port = Number(option(args, '-P', '--port') ?? '3306')
      const words = positional(args, ['-h', '-u', '-P', '--host', '--user', '--port'])
      const silent = args.includes('-s') || args.includes('--silent')
      if (words.length === 0) return Promise.resolve(fail(`${name}: No command given\n`))
      const command = words[0] ?? ''
      if (command !== 'ping' && command !== 'status' && command !== 'version')
        return Promise.resolve(fail(`${name}: Unknown command: '${command}'\n`))
      const local = host === undefined || host === 'localhost'
      const { speaks } = reachService(
        side,
        local ? '127.0.0.1' : host,
        port,
        ctx.clock.now(),
        'mysql',
      )
      if (!speaks) {
        if (silent && command === 'ping') return Promise.resolve(fail('', 1))
        const why = local
          ? "Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)"
          : `Can't connect to MySQL server on '${host}:${port}' (111)`
        const hint = local
          ? "\nCheck that mysqld is running and that the socket: '/var/run/mysqld/mysqld.sock' exists!"
          : ''
        return Promise.resolve(
          fail(
            `${name}: connect to server at '${host ?? 'localhost'}' failed\nerror: '${why}'${hint}\n`,
          ),
        )
      }
      if (command === 'ping')
        return Promise.resolve({
          stdout: silent ? '' : 'mysqld is alive\n',
          stderr: '',
          exitCode: 0,
        })
      return Promise.resolve({
        stdout: 'Uptime: 1  Threads: 2  Questions: 2\n',
        stderr: '',
        exitCode: 0,
      })
    },
  }
}

/**
 * The commands a process in `record` can run besides the interpreter's: the network tools and
 * service clients its image has.
 */
export function containerPrograms(engine: DockerEngine, record: ContainerRecord): ShellCommand[] {
  const has = imagePrograms(record)
  const side: NetworkSide = { engine, from: record }
  const commands: ShellCommand[] = networkTools(engine, record).filter((c) => has.has(c.name))
  if (has.has('redis-cli')) commands.push(redisCli(side))
  if (has.has('pg_isready')) commands.push(pgIsReady(side))
  for (const name of ['mysqladmin', 'mariadb-admin'])
    if (has.has(name)) commands.push(mysqladmin(side, name))
  return commands
}

/** Names of the programs Quai emulates in this container (see containerPrograms). */
export function emulatedPrograms(record: ContainerRecord): Set<string> {
  const has = imagePrograms(record)
  return new Set(
    ['curl', 'wget', 'nc', 'ping', 'redis-cli', 'pg_isready', 'mysqladmin', 'mariadb-admin'].filter(
      (name) => has.has(name),
    ),
  )
}
