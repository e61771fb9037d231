import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Session } from '../../../../src/sim/shell/session'

/** `docker X --help` as docker 28.2.2 printed it (recorded with the real CLI). */
export function realHelp(name: string): string {
  return readFileSync(join(__dirname, 'golden', 'observe-help', `${name}.txt`), 'utf8')
}

export interface Outcome {
  stdout: string
  stderr: string
  exitCode: number
}

export async function run(session: Session, line: string): Promise<Outcome> {
  const r = await session.run(line)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

/** A session with nginx running as `web`, its start-up logs written (the clock moved 2 s). */
export async function withNginx(
  options: { timing?: 'instant' | 'realtime' } = {},
): Promise<{ session: Session; id: string; short: string }> {
  const session = await Session.create(options)
  await session.run('docker run -d --name web nginx')
  session.clock.advance(2000)
  const id = (await session.run('docker inspect -f "{{.Id}}" web')).stdout.trim()
  return { session, id, short: id.slice(0, 12) }
}

/** A session with an idle Alpine container `box` (its shell waits on -it, writing nothing). */
export async function withAlpine(): Promise<{ session: Session; id: string }> {
  const session = await Session.create()
  await session.run('docker run -dit --name box alpine')
  const id = (await session.run('docker inspect -f "{{.Id}}" box')).stdout.trim()
  return { session, id }
}

/** What nginx itself changes when it starts: `docker diff` of a fresh container. */
export const NGINX_STARTUP_DIFF = [
  'C /etc',
  'C /etc/nginx',
  'C /etc/nginx/conf.d',
  'C /etc/nginx/conf.d/default.conf',
  'C /run',
  'A /run/nginx.pid',
  'C /var',
  'C /var/cache',
  'C /var/cache/nginx',
  'A /var/cache/nginx/client_temp',
  'A /var/cache/nginx/fastcgi_temp',
  'A /var/cache/nginx/proxy_temp',
  'A /var/cache/nginx/scgi_temp',
  'A /var/cache/nginx/uwsgi_temp',
]

/** `docker diff` lines merged in path order, as the daemon sorts them. */
export function diffOutput(...groups: string[][]): string {
  const byPath = new Map<string, string>()
  for (const line of groups.flat()) byPath.set(line.slice(2), line)
  return [...byPath.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((path) => `${byPath.get(path) ?? ''}\n`)
    .join('')
}

/** Lets pending promises (a nested shell, a following command) run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

export async function waitFor(test: () => boolean, rounds = 200): Promise<void> {
  for (let i = 0; i < rounds && !test(); i++) await settle()
  if (!test()) throw new Error('waitFor: condition never became true')
}
