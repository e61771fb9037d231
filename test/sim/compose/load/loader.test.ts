import { describe, expect, it } from 'vitest'
import { loadProject, type LoadOptions } from '../../../../src/sim/compose/load'
import type { ComposeProject } from '../../../../src/sim/compose/model'
import { fsWith } from './helpers'

async function load(
  files: Record<string, string>,
  options: Partial<LoadOptions> = {},
  env: Record<string, string> = {},
): Promise<ComposeProject> {
  const r = await loadProject({ cwd: '/home/u/app', ...options }, await fsWith(files), env)
  if (!r.ok) throw new Error(`unexpected load error: ${r.error.message}`)
  return r.value
}

async function loadError(
  files: Record<string, string>,
  options: Partial<LoadOptions> = {},
  env: Record<string, string> = {},
): Promise<string> {
  const r = await loadProject({ cwd: '/home/u/app', ...options }, await fsWith(files), env)
  if (r.ok) throw new Error('expected a load error')
  return r.error.message
}

const WEB = 'services:\n  web:\n    image: nginx\n'

describe('discovery', () => {
  it('finds compose.yaml in a parent directory and names the project after that directory', async () => {
    const p = await load(
      { '/home/u/app/compose.yaml': WEB, '/home/u/app/sub/x': '' },
      { cwd: '/home/u/app/sub' },
    )
    expect([p.name, p.workingDir, p.configFiles]).toEqual([
      'app',
      '/home/u/app',
      ['/home/u/app/compose.yaml'],
    ])
  })

  it('adds the override file and merges it', async () => {
    const p = await load({
      '/home/u/app/compose.yaml': WEB,
      '/home/u/app/compose.override.yaml': 'services:\n  web:\n    image: nginx:alpine\n',
    })
    expect(p.configFiles).toEqual(['/home/u/app/compose.yaml', '/home/u/app/compose.override.yaml'])
    expect(p.services.web?.image).toBe('nginx:alpine')
  })

  it('warns when several supported names exist and uses compose.yaml', async () => {
    const p = await load({ '/home/u/app/compose.yaml': WEB, '/home/u/app/docker-compose.yml': WEB })
    expect(p.warnings).toEqual([
      'WARN[0000] Found multiple config files with supported names: /home/u/app/compose.yaml, /home/u/app/docker-compose.yml',
      'WARN[0000] Using /home/u/app/compose.yaml',
    ])
  })

  it('fails without any compose file', async () => {
    expect(await loadError({ '/home/u/app/x': '' })).toBe(
      'no configuration file provided: not found',
    )
  })

  it('fails on a missing -f file with the open error', async () => {
    expect(await loadError({ '/home/u/app/x': '' }, { files: ['nope.yml'] })).toBe(
      'open /home/u/app/nope.yml: no such file or directory',
    )
  })

  it('reads COMPOSE_FILE with the : separator, relative to the working directory', async () => {
    const p = await load(
      { '/home/u/app/a.yml': WEB, '/home/u/app/b.yml': 'services:\n  web:\n    restart: always\n' },
      {},
      { COMPOSE_FILE: 'a.yml:b.yml' },
    )
    expect([p.configFiles, p.services.web?.restart]).toEqual([
      ['/home/u/app/a.yml', '/home/u/app/b.yml'],
      'always',
    ])
  })
})

describe('project name', () => {
  it('takes -p over COMPOSE_PROJECT_NAME over name: over the directory', async () => {
    const files = { '/home/u/My.App/compose.yaml': `name: from-file\n${WEB}` }
    const cwd = '/home/u/My.App'
    expect(
      (await load(files, { cwd, projectName: 'flag' }, { COMPOSE_PROJECT_NAME: 'env' })).name,
    ).toBe('flag')
    expect((await load(files, { cwd }, { COMPOSE_PROJECT_NAME: 'env' })).name).toBe('env')
    expect((await load(files, { cwd })).name).toBe('from-file')
    expect((await load({ '/home/u/My.App/compose.yaml': WEB }, { cwd })).name).toBe('myapp')
  })

  it('rejects an invalid -p name', async () => {
    expect(await loadError({ '/home/u/app/compose.yaml': WEB }, { projectName: 'My App' })).toBe(
      'invalid project name "My App": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number',
    )
  })

  it('fails when the directory name normalizes to nothing', async () => {
    expect(await loadError({ '/home/u/__/compose.yaml': WEB }, { cwd: '/home/u/__' })).toBe(
      'project name must not be empty',
    )
  })
})

describe('.env and interpolation', () => {
  it('reads .env from the project directory; the shell environment wins', async () => {
    const p = await load(
      {
        '/home/u/app/.env': 'TAG=1.25\nPORT=8080\n',
        '/home/u/app/compose.yaml':
          'services:\n  web:\n    image: nginx:${TAG}\n    ports: ["${PORT}:80"]\n',
      },
      {},
      { PORT: '9090' },
    )
    expect([p.services.web?.image, p.services.web?.ports[0]?.published]).toEqual([
      'nginx:1.25',
      '9090',
    ])
  })

  it('fails on a missing --env-file with its absolute path', async () => {
    expect(await loadError({ '/home/u/app/compose.yaml': WEB }, { envFiles: ['prod.env'] })).toBe(
      "couldn't find env file: /home/u/app/prod.env",
    )
  })

  it('warns once per unset variable reference', async () => {
    const p = await load({
      '/home/u/app/compose.yaml': 'services:\n  web:\n    image: nginx:${TAG}\n',
    })
    expect([p.services.web?.image, p.warnings]).toEqual([
      'nginx:',
      ['WARN[0000] The "TAG" variable is not set. Defaulting to a blank string.'],
    ])
  })

  it('warns that version is obsolete', async () => {
    const p = await load({ '/home/u/app/compose.yaml': `version: "3.8"\n${WEB}` })
    expect(p.warnings).toEqual([
      'WARN[0000] /home/u/app/compose.yaml: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion',
    ])
  })

  it('leaves variables as written with interpolation off', async () => {
    const p = await load(
      { '/home/u/app/compose.yaml': 'services:\n  web:\n    image: nginx:${TAG}\n' },
      { interpolate: false },
    )
    expect(p.services.web?.image).toBe('nginx:${TAG}')
  })
})

describe('YAML and schema errors', () => {
  it('frames YAML syntax errors as compose does', async () => {
    expect(
      await loadError({
        '/home/u/app/compose.yaml': 'services:\n  web:\n    image: nginx: latest\n',
      }),
    ).toBe(
      'failed to parse /home/u/app/compose.yaml: yaml: line 3: mapping values are not allowed in this context',
    )
  })

  it('rejects duplicate keys with their lines', async () => {
    expect(
      await loadError({
        '/home/u/app/compose.yaml': 'services:\n  web:\n    image: a\n    image: b\n',
      }),
    ).toBe(
      'failed to parse /home/u/app/compose.yaml: yaml: unmarshal errors:\n  line 4: mapping key "image" already defined at line 3',
    )
  })

  it('applies anchors, aliases and merge keys', async () => {
    const p = await load({
      '/home/u/app/compose.yaml':
        'x-base: &base\n  image: nginx\n  restart: always\nservices:\n  web:\n    <<: *base\n    restart: "no"\n',
    })
    expect([p.services.web?.image, p.services.web?.restart, p.extra?.['x-base']]).toEqual([
      'nginx',
      'no',
      { image: 'nginx', restart: 'always' },
    ])
  })

  it('reports an unknown service key', async () => {
    expect(await loadError({ '/home/u/app/compose.yaml': `${WEB}    foo: 1\n` })).toBe(
      "validating /home/u/app/compose.yaml: services.web additional properties 'foo' not allowed",
    )
  })

  it('reports an unknown top-level key', async () => {
    expect(await loadError({ '/home/u/app/compose.yaml': `${WEB}servces: {}\n` })).toBe(
      "validating /home/u/app/compose.yaml:  additional properties 'servces' not allowed",
    )
  })

  it('reports a port of the wrong type', async () => {
    expect(await loadError({ '/home/u/app/compose.yaml': `${WEB}    ports: [true]\n` })).toBe(
      'validating /home/u/app/compose.yaml: services.web.ports.0 must be a number',
    )
  })

  it('reports depends_on of the wrong type', async () => {
    expect(await loadError({ '/home/u/app/compose.yaml': `${WEB}    depends_on: db\n` })).toBe(
      'validating /home/u/app/compose.yaml: services.web.depends_on must be a array',
    )
  })
})

describe('normalization', () => {
  it('expands port short syntax, ranges and host IPs', async () => {
    const p = await load({
      '/home/u/app/compose.yaml': `${WEB}    ports: ["8080:80", "127.0.0.1:53:53/udp", "3000-3001", 9000, "8000-8010:80"]\n`,
    })
    expect(p.services.web?.ports).toEqual([
      { mode: 'ingress', target: 80, published: '8080', protocol: 'tcp' },
      { mode: 'ingress', host_ip: '127.0.0.1', target: 53, published: '53', protocol: 'udp' },
      { mode: 'ingress', target: 3000, protocol: 'tcp' },
      { mode: 'ingress', target: 3001, protocol: 'tcp' },
      { mode: 'ingress', target: 9000, protocol: 'tcp' },
      { mode: 'ingress', target: 80, published: '8000-8010', protocol: 'tcp' },
    ])
  })

  it('expands volumes: binds resolved against the project directory, named volumes, read-only', async () => {
    const p = await load(
      {
        '/home/u/app/compose.yaml': `${WEB}    volumes: ["./html:/usr/share/nginx/html:ro", "~/cfg:/cfg", "data:/data", "/anon"]\nvolumes:\n  data:\n`,
      },
      {},
      { HOME: '/home/u' },
    )
    expect(p.services.web?.volumes).toEqual([
      {
        type: 'bind',
        source: '/home/u/app/html',
        target: '/usr/share/nginx/html',
        read_only: true,
        bind: { create_host_path: true },
      },
      { type: 'bind', source: '/home/u/cfg', target: '/cfg', bind: { create_host_path: true } },
      { type: 'volume', source: 'data', target: '/data', volume: {} },
      { type: 'volume', target: '/anon', volume: {} },
    ])
    expect(p.volumes.data?.name).toBe('app_data')
  })

  it('merges env_file values under environment, which wins', async () => {
    const p = await load(
      {
        '/home/u/app/web.env': 'A=from-file\nB=from-file\n',
        '/home/u/app/compose.yaml': `${WEB}    env_file: web.env\n    environment: [B=inline, C]\n`,
      },
      {},
      { C: 'shell' },
    )
    expect(p.services.web?.environment).toEqual({ A: 'from-file', B: 'inline', C: 'shell' })
    expect(p.services.web?.env_file).toEqual([{ path: '/home/u/app/web.env', required: true }])
  })

  it('fails on a missing required env_file', async () => {
    expect(await loadError({ '/home/u/app/compose.yaml': `${WEB}    env_file: nope.env\n` })).toBe(
      'env file /home/u/app/nope.env not found: stat /home/u/app/nope.env: no such file or directory',
    )
  })

  it('gives depends_on lists the long form and services the default network', async () => {
    const p = await load({
      '/home/u/app/compose.yaml': `${WEB}    depends_on: [db]\n  db:\n    image: postgres\n`,
    })
    expect([
      p.services.web?.depends_on,
      p.services.web?.networks,
      p.networks.default?.name,
    ]).toEqual([
      { db: { condition: 'service_started', restart: false, required: true } },
      { default: null },
      'app_default',
    ])
  })

  it('parses mem_limit into bytes and splits string commands like a shell', async () => {
    const p = await load({
      '/home/u/app/compose.yaml': `${WEB}    mem_limit: 512m\n    command: sh -c 'echo "hi there"'\n`,
    })
    expect([p.services.web?.mem_limit, p.services.web?.command]).toEqual([
      536870912,
      ['sh', '-c', 'echo "hi there"'],
    ])
  })

  it('moves services of disabled profiles aside and enables them with --profile', async () => {
    const files = {
      '/home/u/app/compose.yaml': `${WEB}  debug:\n    image: busybox\n    profiles: [dev]\n`,
    }
    const off = await load(files)
    expect([Object.keys(off.services), Object.keys(off.disabledServices)]).toEqual([
      ['web'],
      ['debug'],
    ])
    const on = await load(files, { profiles: ['dev'] })
    expect(Object.keys(on.services)).toEqual(['debug', 'web'])
  })
})

describe('semantic errors', () => {
  it('rejects depends_on an undefined service', async () => {
    expect(await loadError({ '/home/u/app/compose.yaml': `${WEB}    depends_on: [db]\n` })).toBe(
      'service "web" depends on undefined service "db": invalid compose project',
    )
  })

  it('rejects a dependency on a service disabled by profiles', async () => {
    expect(
      await loadError({
        '/home/u/app/compose.yaml': `${WEB}    depends_on: [db]\n  db:\n    image: postgres\n    profiles: [data]\n`,
      }),
    ).toBe('service "db" is required by "web" but is disabled. Can be enabled by profiles [data]')
  })

  it('rejects undefined networks, volumes and secrets', async () => {
    const file = (extra: string): Record<string, string> => ({
      '/home/u/app/compose.yaml': `${WEB}${extra}`,
    })
    expect(await loadError(file('    networks: [back]\n'))).toBe(
      'service "web" refers to undefined network back: invalid compose project',
    )
    expect(await loadError(file('    volumes: ["data:/data"]\n'))).toBe(
      'service "web" refers to undefined volume data: invalid compose project',
    )
    expect(await loadError(file('    secrets: [token]\n'))).toBe(
      'service "web" refers to undefined secret token: invalid compose project',
    )
  })

  it('rejects dependency cycles', async () => {
    expect(
      await loadError({
        '/home/u/app/compose.yaml':
          'services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]\n',
      }),
    ).toBe('dependency cycle detected: a -> b -> a')
  })

  it('rejects a service with neither image nor build', async () => {
    expect(
      await loadError({ '/home/u/app/compose.yaml': 'services:\n  web:\n    restart: always\n' }),
    ).toBe(
      'service "web" has neither an image nor a build context specified: invalid compose project',
    )
  })
})

describe('merge, extends, include', () => {
  it('merges -f files: mappings merged, ports appended, command replaced, volumes by target', async () => {
    const p = await load(
      {
        '/home/u/app/a.yml': `${WEB}    command: [a, b]\n    environment: {A: "1"}\n    ports: ["80:80"]\n    volumes: ["./x:/data"]\n`,
        '/home/u/app/b.yml':
          'services:\n  web:\n    command: [c]\n    environment: {B: "2"}\n    ports: ["443:443"]\n    volumes: ["./y:/data"]\n',
      },
      { files: ['a.yml', 'b.yml'] },
    )
    const web = p.services.web
    expect([
      web?.command,
      web?.environment,
      web?.ports.map((x) => x.target),
      web?.volumes.map((v) => v.source),
    ]).toEqual([['c'], { A: '1', B: '2' }, [80, 443], ['/home/u/app/y']])
  })

  it('applies !reset and !override', async () => {
    const p = await load(
      {
        '/home/u/app/a.yml': `${WEB}    ports: ["80:80"]\n    environment: {A: "1", B: "2"}\n`,
        '/home/u/app/b.yml':
          'services:\n  web:\n    ports: !reset []\n    environment: !override {C: "3"}\n',
      },
      { files: ['a.yml', 'b.yml'] },
    )
    expect([p.services.web?.ports, p.services.web?.environment]).toEqual([[], { C: '3' }])
  })

  it('extends a service of another file with its paths resolved there', async () => {
    const p = await load({
      '/home/u/app/compose.yaml':
        'services:\n  web:\n    extends:\n      file: common/base.yml\n      service: base\n    restart: always\n',
      '/home/u/app/common/base.yml':
        'services:\n  base:\n    build: ./ctx\n    environment: {A: "1"}\n',
    })
    expect([
      p.services.web?.build?.context,
      p.services.web?.environment,
      p.services.web?.restart,
    ]).toEqual(['/home/u/app/common/ctx', { A: '1' }, 'always'])
  })

  it('rejects circular extends', async () => {
    expect(
      await loadError({
        '/home/u/app/compose.yaml':
          'services:\n  a:\n    image: x\n    extends: b\n  b:\n    image: x\n    extends: a\n',
      }),
    ).toBe(
      'Circular reference:\n  a in /home/u/app/compose.yaml\n  extends b in /home/u/app/compose.yaml\n  extends a in /home/u/app/compose.yaml',
    )
  })

  it('includes another project with its own directory and .env', async () => {
    const p = await load({
      '/home/u/app/compose.yaml': `include:\n  - db/compose.yaml\n${WEB}`,
      '/home/u/app/db/compose.yaml':
        'services:\n  db:\n    image: postgres:${PG}\n    volumes: ["./init:/docker-entrypoint-initdb.d"]\n',
      '/home/u/app/db/.env': 'PG=16\n',
    })
    expect([
      Object.keys(p.services),
      p.services.db?.image,
      p.services.db?.volumes[0]?.source,
    ]).toEqual([['db', 'web'], 'postgres:16', '/home/u/app/db/init'])
  })

  it('rejects a service defined both by an include and locally', async () => {
    expect(
      await loadError({
        '/home/u/app/compose.yaml': `include: [other.yaml]\n${WEB}`,
        '/home/u/app/other.yaml': 'services:\n  web:\n    image: httpd\n',
      }),
    ).toBe('services.web conflicts with imported resource')
  })
})
