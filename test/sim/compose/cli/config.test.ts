import { describe, expect, it } from 'vitest'
import { composeConfig, type ComposeGlobalOptions } from '../../../../src/sim/compose/cli/config'
import { resolve } from '../../../../src/sim/compose/load/paths'
import type { CommandContext } from '../../../../src/sim/shell/command'
import type { World } from '../../../../src/sim/world'
import type { VirtualFs } from '../../../../src/sim/fs/virtual-fs'
import { fsWith } from '../load/helpers'

/** The part of a command context `config` uses: working directory, environment, files. */
function context(
  fs: VirtualFs,
  cwd = '/home/u/app',
  env: Record<string, string> = {},
): CommandContext {
  return {
    cwd,
    env: new Map(Object.entries(env)),
    stdin: '',
    fs,
    resolve: (p: string) => resolve(cwd, p),
  } as unknown as CommandContext
}

const world = {} as World

async function config(
  files: Record<string, string>,
  args: string[] = [],
  global: ComposeGlobalOptions = {},
  env: Record<string, string> = {},
) {
  const fs = await fsWith(files)
  return { fs, out: await composeConfig(args, world, context(fs, '/home/u/app', env), global) }
}

const APP = `services:
  web:
    build: ./web
    ports:
      - "8080:80"
    volumes:
      - ./html:/usr/share/nginx/html:ro
      - data:/data
    environment:
      - MODE=prod
      - "MSG=hello: world"
    depends_on:
      - db
    command: npm start
    healthcheck:
      test: curl -f http://localhost
      interval: 1m30s
      timeout: 10s
      retries: 3
  db:
    image: postgres:16
    mem_limit: 1g
    restart: always
    profiles: [db]
volumes:
  data: {}
`

describe('docker compose config', () => {
  it('prints the canonical YAML: name first, sorted services in compose-go field order, defaults', async () => {
    const { out } = await config({ '/home/u/app/compose.yaml': APP }, [], { profiles: ['db'] })
    expect(out).toEqual({
      stdout: `name: app
services:
  db:
    profiles:
      - db
    image: postgres:16
    mem_limit: "1073741824"
    networks:
      default: null
    restart: always
  web:
    build:
      context: /home/u/app/web
      dockerfile: Dockerfile
    command:
      - npm
      - start
    depends_on:
      db:
        condition: service_started
        required: true
    environment:
      MODE: prod
      MSG: 'hello: world'
    healthcheck:
      test:
        - CMD-SHELL
        - curl -f http://localhost
      timeout: 10s
      interval: 1m30s
      retries: 3
    networks:
      default: null
    ports:
      - mode: ingress
        target: 80
        published: "8080"
        protocol: tcp
    volumes:
      - type: bind
        source: /home/u/app/html
        target: /usr/share/nginx/html
        read_only: true
        bind:
          create_host_path: true
      - type: volume
        source: data
        target: /data
        volume: {}
networks:
  default:
    name: app_default
volumes:
  data:
    name: app_data
`,
      stderr: '',
      exitCode: 0,
    })
  })

  it('lists services, volumes, profiles and images one per line', async () => {
    const files = { '/home/u/app/compose.yaml': APP }
    const global = { profiles: ['db'] }
    expect((await config(files, ['--services'], global)).out.stdout).toBe('db\nweb\n')
    expect((await config(files, ['--volumes'], global)).out.stdout).toBe('data\n')
    expect((await config(files, ['--profiles'])).out.stdout).toBe('db\n')
    expect((await config(files, ['--images'], global)).out.stdout).toBe('postgres:16\napp-web\n')
  })

  it('prints nothing with -q and exits 0 for a valid file', async () => {
    expect(
      (await config({ '/home/u/app/compose.yaml': APP }, ['-q'], { profiles: ['db'] })).out,
    ).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
  })

  it('prints JSON with --format json', async () => {
    const { out } = await config(
      { '/home/u/app/compose.yaml': 'services:\n  web:\n    image: nginx\n' },
      ['--format', 'json'],
    )
    expect(out.stdout).toBe(`{
  "name": "app",
  "services": {
    "web": {
      "image": "nginx",
      "networks": {
        "default": null
      },
      "command": null,
      "entrypoint": null
    }
  },
  "networks": {
    "default": {
      "name": "app_default"
    }
  }
}
`)
  })

  it('writes to a file with -o', async () => {
    const { fs, out } = await config(
      { '/home/u/app/compose.yaml': 'services:\n  web:\n    image: nginx\n' },
      ['-o', 'out.yaml'],
    )
    expect(out).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    expect(await fs.readFile('/home/u/app/out.yaml')).toBe(
      'name: app\nservices:\n  web:\n    image: nginx\n    networks:\n      default: null\nnetworks:\n  default:\n    name: app_default\n',
    )
  })

  it('keeps variables with --no-interpolate and prints warnings on stderr otherwise', async () => {
    const files = { '/home/u/app/compose.yaml': 'services:\n  web:\n    image: nginx:${TAG}\n' }
    expect((await config(files, ['--no-interpolate', '--images'])).out.stdout).toBe(
      'nginx:${TAG}\n',
    )
    expect((await config(files, ['--images'])).out).toEqual({
      stdout: 'nginx:\n',
      stderr: 'WARN[0000] The "TAG" variable is not set. Defaulting to a blank string.\n',
      exitCode: 0,
    })
  })

  it('prints a loading error on stderr with compose parse-failure status 15', async () => {
    const { out } = await config({
      '/home/u/app/compose.yaml':
        'services:\n  web:\n    image: nginx\n    volumes: ["data:/data"]\n',
    })
    expect(out).toEqual({
      stdout: '',
      stderr: 'service "web" refers to undefined volume data: invalid compose project\n',
      exitCode: 15,
    })
  })

  it('prints a selected service with its dependencies only', async () => {
    const files = {
      '/home/u/app/compose.yaml':
        'services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: y\n  c:\n    image: z\n',
    }
    expect((await config(files, ['--services', 'a'])).out.stdout).toBe('a\nb\n')
    expect((await config(files, ['nope'])).out).toEqual({
      stdout: '',
      stderr: 'no such service: nope\n',
      exitCode: 1,
    })
  })

  it('rejects an unknown flag with the command-syntax status 16', async () => {
    expect((await config({ '/home/u/app/compose.yaml': APP }, ['--bogus'])).out).toEqual({
      stdout: '',
      stderr: 'unknown flag: --bogus\n',
      exitCode: 16,
    })
  })

  it('exits 14 when no compose file is found', async () => {
    expect((await config({ '/home/u/app/x': '' })).out).toEqual({
      stdout: '',
      stderr: 'no configuration file provided: not found\n',
      exitCode: 14,
    })
  })
})
