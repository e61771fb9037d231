import { z } from 'zod'

/**
 * The Compose Specification's file format as zod schemas, written from the specification's
 * rules (which keys each element takes, their types, the `x-` extension keys allowed almost
 * everywhere, the name patterns, enums, required keys, unique lists). Every check reports a
 * structured issue (`params.kind`) so validate.ts can word the one Compose prints.
 */

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array'

export type SchemaIssue =
  | { kind: 'type'; want: JsonType[] }
  | { kind: 'required'; missing: string[] }
  | { kind: 'additional'; keys: string[] }
  | { kind: 'enum'; allowed: string[] }
  | { kind: 'pattern'; got: string; pattern: string }
  | { kind: 'minimum'; want: number }
  | { kind: 'maximum'; want: number }
  | { kind: 'unique'; first: number; second: number }
  | { kind: 'oneOfMany'; matched: number[] }

type Ctx = z.RefinementCtx
type Path = (string | number)[]
type Schema = z.ZodType

function report(ctx: Ctx, issue: SchemaIssue, path: Path = []): void {
  ctx.addIssue({ code: 'custom', message: issue.kind, params: issue, path })
}

/** Runs `schema` on a nested value and re-reports its issues under `path`. */
function nested(schema: Schema, value: unknown, ctx: Ctx, path: Path): boolean {
  const result = schema.safeParse(value)
  if (result.success) return true
  for (const issue of result.error.issues) {
    ctx.addIssue({
      code: 'custom',
      message: issue.message,
      params: (issue as { params?: unknown }).params as Record<string, unknown>,
      path: [...path, ...(issue.path as Path)],
    })
  }
  return false
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export function matchesType(v: unknown, t: JsonType): boolean {
  switch (t) {
    case 'string':
      return typeof v === 'string'
    case 'number':
      return typeof v === 'number' || typeof v === 'bigint'
    case 'integer':
      return typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))
    case 'boolean':
      return typeof v === 'boolean'
    case 'null':
      return v === null
    case 'object':
      return isObject(v)
    case 'array':
      return Array.isArray(v)
  }
}

interface NodeRules {
  enum?: string[]
  pattern?: string
  minimum?: number
  maximum?: number
  /** Object: named properties. */
  properties?: Record<string, Schema>
  required?: string[]
  /** Object: values of keys matching a pattern. */
  patterns?: [RegExp, Schema][]
  /** false: keys matched by nothing above are errors (`^x-` keys allowed when `extensions`). */
  additional?: boolean
  extensions?: boolean
  items?: Schema
  unique?: boolean
}

/** One JSON-schema-like node: a type check, then the rules that apply to that type. */
export function node(types: JsonType[], rules: NodeRules = {}): Schema {
  return z.unknown().superRefine((v, ctx) => {
    if (types.length > 0 && !types.some((t) => matchesType(v, t))) {
      report(ctx, { kind: 'type', want: types })
      return
    }
    if (rules.enum && typeof v === 'string' && !rules.enum.includes(v))
      report(ctx, { kind: 'enum', allowed: rules.enum })
    if (rules.pattern && typeof v === 'string' && !new RegExp(rules.pattern).test(v)) {
      report(ctx, { kind: 'pattern', got: v, pattern: rules.pattern })
    }
    if (typeof v === 'number') {
      if (rules.minimum !== undefined && v < rules.minimum)
        report(ctx, { kind: 'minimum', want: rules.minimum })
      if (rules.maximum !== undefined && v > rules.maximum)
        report(ctx, { kind: 'maximum', want: rules.maximum })
    }
    if (isObject(v)) checkObject(v, rules, ctx)
    if (Array.isArray(v)) {
      if (rules.unique) {
        for (let i = 0; i < v.length; i++) {
          for (let j = i + 1; j < v.length; j++) {
            if (jsonEqual(v[i], v[j])) {
              report(ctx, { kind: 'unique', first: i, second: j })
              i = v.length
              break
            }
          }
        }
      }
      if (rules.items) v.forEach((item, i) => nested(rules.items as Schema, item, ctx, [i]))
    }
  })
}

function checkObject(v: Record<string, unknown>, rules: NodeRules, ctx: Ctx): void {
  const missing = (rules.required ?? []).filter((k) => !Object.hasOwn(v, k))
  if (missing.length > 0) report(ctx, { kind: 'required', missing })
  const extra: string[] = []
  for (const [key, value] of Object.entries(v)) {
    let matched = false
    const prop = rules.properties?.[key]
    if (prop !== undefined && Object.hasOwn(rules.properties ?? {}, key)) {
      matched = true
      nested(prop, value, ctx, [key])
    }
    for (const [re, schema] of rules.patterns ?? []) {
      if (re.test(key)) {
        matched = true
        nested(schema, value, ctx, [key])
      }
    }
    if (!matched && rules.extensions && key.startsWith('x-')) matched = true
    if (!matched && rules.additional === false) extra.push(key)
  }
  if (extra.length > 0) report(ctx, { kind: 'additional', keys: extra })
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a === 'number' && typeof b === 'bigint') return BigInt(a) === b
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]))
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a)
    return (
      ka.length === Object.keys(b).length &&
      ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]))
    )
  }
  return false
}

/** Exactly one alternative must hold (JSON schema oneOf). */
export function oneOf(...alternatives: Schema[]): Schema {
  return z.unknown().superRefine((v, ctx) => {
    const results = alternatives.map((a) => a.safeParse(v))
    const matched = results.flatMap((r, i) => (r.success ? [i] : []))
    if (matched.length === 1) return
    if (matched.length > 1) {
      report(ctx, { kind: 'oneOfMany', matched })
      return
    }
    for (const r of results) {
      if (r.success) continue
      for (const issue of r.error.issues) {
        ctx.addIssue({
          code: 'custom',
          message: issue.message,
          params: (issue as { params?: unknown }).params as Record<string, unknown>,
          path: issue.path as Path,
        })
      }
    }
  })
}

const lazy = (f: () => Schema): Schema => z.lazy(f)

// A strict object that also takes `x-` extension keys: the common shape of the specification.
const spec = (
  properties: Record<string, Schema>,
  extra: Omit<NodeRules, 'properties'> = {},
): Schema => node(['object'], { properties, additional: false, extensions: true, ...extra })

const str = node(['string'])
const bool = node(['boolean'])
const boolOrStr = node(['boolean', 'string'])
const intOrStr = node(['integer', 'string'])
const numOrStr = node(['number', 'string'])
const any = z.unknown()
const NAME = /^[a-zA-Z0-9._-]+$/

const listOfStrings = node(['array'], { items: str, unique: true })
const stringOrList = oneOf(str, listOfStrings)
const listOrDict = oneOf(
  node(['object'], {
    patterns: [[/.+/, node(['string', 'number', 'boolean', 'null'])]],
    additional: false,
  }),
  node(['array'], { items: str, unique: true }),
)
const extraHosts = oneOf(
  node(['object'], {
    patterns: [[/.+/, oneOf(str, node(['array'], { items: str }))]],
    additional: false,
  }),
  node(['array'], { items: str, unique: true }),
)
const command = oneOf(node(['null']), str, node(['array'], { items: str }))
const ulimits = node(['object'], {
  patterns: [
    [
      /^[a-z]+$/,
      oneOf(intOrStr, spec({ hard: intOrStr, soft: intOrStr }, { required: ['soft', 'hard'] })),
    ],
  ],
})
const serviceConfigOrSecret = node(['array'], {
  items: oneOf(str, spec({ source: str, target: str, uid: str, gid: str, mode: numOrStr })),
})
const envFile = oneOf(
  str,
  node(['array'], {
    items: oneOf(
      str,
      node(['object'], {
        properties: { path: str, format: str, required: boolOrStr },
        additional: false,
        required: ['path'],
      }),
    ),
  }),
)
const labelFile = oneOf(str, node(['array'], { items: str }))
const driverOpts = node(['object'], { patterns: [[/^.+$/, node(['string', 'number'])]] })
const serviceHook = spec(
  { command, user: str, privileged: boolOrStr, working_dir: str, environment: listOrDict },
  { required: ['command'] },
)
const preStartHook = spec({
  command,
  image: str,
  user: str,
  privileged: boolOrStr,
  working_dir: str,
  environment: listOrDict,
  per_replica: boolOrStr,
})
const blkioLimit = node(['object'], {
  properties: { path: str, rate: intOrStr },
  additional: false,
})
const blkioWeight = node(['object'], {
  properties: { path: str, weight: intOrStr },
  additional: false,
})
const deviceRequest = spec(
  {
    capabilities: listOfStrings,
    count: node(['string', 'integer']),
    device_ids: listOfStrings,
    driver: str,
    options: listOrDict,
  },
  { required: ['capabilities'] },
)
const gpus = oneOf(
  node(['string'], { enum: ['all'] }),
  node(['array'], {
    items: node(['object'], {
      properties: {
        capabilities: listOfStrings,
        count: node(['string', 'integer']),
        device_ids: listOfStrings,
        driver: str,
        options: listOrDict,
      },
    }),
  }),
)
const healthcheck = spec({
  disable: boolOrStr,
  interval: str,
  retries: numOrStr,
  test: oneOf(str, node(['array'], { items: str })),
  timeout: str,
  start_period: str,
  start_interval: str,
})
const updateConfig = spec({
  parallelism: intOrStr,
  delay: str,
  failure_action: str,
  monitor: str,
  max_failure_ratio: numOrStr,
  order: node(['string'], { enum: ['start-first', 'stop-first'] }),
})
const deployment = node(['object', 'null'], {
  additional: false,
  extensions: true,
  properties: {
    mode: str,
    endpoint_mode: str,
    replicas: intOrStr,
    labels: listOrDict,
    rollback_config: updateConfig,
    update_config: updateConfig,
    resources: spec({
      limits: spec({ cpus: numOrStr, memory: str, pids: intOrStr }),
      reservations: spec({
        cpus: numOrStr,
        memory: str,
        generic_resources: node(['array'], {
          items: spec({ discrete_resource_spec: spec({ kind: str, value: numOrStr }) }),
        }),
        devices: node(['array'], { items: deviceRequest }),
      }),
    }),
    restart_policy: spec({ condition: str, delay: str, max_attempts: intOrStr, window: str }),
    placement: spec({
      constraints: node(['array'], { items: str }),
      preferences: node(['array'], { items: spec({ spread: str }) }),
      max_replicas_per_node: intOrStr,
    }),
  },
})
const development = node(['object', 'null'], {
  additional: false,
  extensions: true,
  properties: {
    watch: node(['array'], {
      items: spec(
        {
          ignore: stringOrList,
          include: stringOrList,
          path: str,
          action: node(['string'], {
            enum: ['rebuild', 'sync', 'restart', 'sync+restart', 'sync+exec'],
          }),
          target: str,
          exec: serviceHook,
          initial_sync: bool,
        },
        { required: ['path', 'action'] },
      ),
    }),
  },
})
const build = oneOf(
  str,
  spec({
    context: str,
    dockerfile: str,
    dockerfile_inline: str,
    entitlements: node(['array'], { items: str }),
    args: listOrDict,
    ssh: listOrDict,
    labels: listOrDict,
    cache_from: node(['array'], { items: str }),
    cache_to: node(['array'], { items: str }),
    no_cache: boolOrStr,
    no_cache_filter: stringOrList,
    additional_contexts: listOrDict,
    network: str,
    provenance: boolOrStr,
    sbom: boolOrStr,
    pull: boolOrStr,
    target: str,
    shm_size: intOrStr,
    extra_hosts: extraHosts,
    isolation: str,
    privileged: boolOrStr,
    secrets: serviceConfigOrSecret,
    tags: node(['array'], { items: str }),
    ulimits,
    platforms: node(['array'], { items: str }),
  }),
)
const serviceVolume = oneOf(
  str,
  spec(
    {
      type: node(['string'], { enum: ['bind', 'volume', 'tmpfs', 'cluster', 'npipe', 'image'] }),
      source: str,
      target: str,
      read_only: boolOrStr,
      consistency: str,
      bind: spec({
        propagation: str,
        create_host_path: boolOrStr,
        recursive: node(['string'], { enum: ['enabled', 'disabled', 'writable', 'readonly'] }),
        selinux: node(['string'], { enum: ['z', 'Z'] }),
      }),
      volume: spec({ labels: listOrDict, nocopy: boolOrStr, subpath: str }),
      tmpfs: spec({ size: oneOf(node(['integer'], { minimum: 0 }), str), mode: numOrStr }),
      image: spec({ subpath: str }),
    },
    { required: ['type'] },
  ),
)
const servicePort = oneOf(
  node(['number']),
  str,
  spec({
    name: str,
    mode: str,
    host_ip: str,
    target: intOrStr,
    published: node(['string', 'integer']),
    protocol: str,
    app_protocol: str,
  }),
)
const uniqueStrings = node(['array'], { items: str, unique: true })

export const serviceSchema: Schema = spec({
  develop: development,
  deploy: deployment,
  annotations: listOrDict,
  attach: boolOrStr,
  build,
  blkio_config: node(['object'], {
    additional: false,
    properties: {
      device_read_bps: node(['array'], { items: blkioLimit }),
      device_read_iops: node(['array'], { items: blkioLimit }),
      device_write_bps: node(['array'], { items: blkioLimit }),
      device_write_iops: node(['array'], { items: blkioLimit }),
      weight: intOrStr,
      weight_device: node(['array'], { items: blkioWeight }),
    },
  }),
  cap_add: uniqueStrings,
  cap_drop: uniqueStrings,
  cgroup: node(['string'], { enum: ['host', 'private'] }),
  cgroup_parent: str,
  command,
  configs: serviceConfigOrSecret,
  container_name: node(['string'], { pattern: '[a-zA-Z0-9][a-zA-Z0-9_.-]+' }),
  cpu_count: oneOf(str, node(['integer'], { minimum: 0 })),
  cpu_percent: oneOf(str, node(['integer'], { minimum: 0, maximum: 100 })),
  cpu_shares: numOrStr,
  cpu_quota: numOrStr,
  cpu_period: numOrStr,
  cpu_rt_period: numOrStr,
  cpu_rt_runtime: numOrStr,
  cpus: numOrStr,
  cpuset: str,
  credential_spec: spec({ config: str, file: str, registry: str }),
  depends_on: oneOf(
    listOfStrings,
    node(['object'], {
      additional: false,
      patterns: [
        [
          NAME,
          spec(
            {
              restart: boolOrStr,
              required: bool,
              condition: node(['string'], {
                enum: ['service_started', 'service_healthy', 'service_completed_successfully'],
              }),
            },
            { required: ['condition'] },
          ),
        ],
      ],
    }),
  ),
  device_cgroup_rules: listOfStrings,
  devices: node(['array'], {
    items: oneOf(
      str,
      spec({ source: str, target: str, permissions: str }, { required: ['source'] }),
    ),
  }),
  dns: stringOrList,
  dns_opt: uniqueStrings,
  dns_search: stringOrList,
  domainname: str,
  entrypoint: command,
  env_file: envFile,
  label_file: labelFile,
  environment: listOrDict,
  expose: node(['array'], { items: node(['string', 'number']), unique: true }),
  extends: oneOf(
    str,
    node(['object'], {
      properties: { service: str, file: str },
      required: ['service'],
      additional: false,
    }),
  ),
  provider: spec(
    {
      type: str,
      options: node(['object'], {
        patterns: [
          [
            /^.+$/,
            oneOf(
              node(['string', 'number', 'boolean']),
              node(['array'], { items: node(['string', 'number', 'boolean']) }),
            ),
          ],
        ],
      }),
    },
    { required: ['type'] },
  ),
  external_links: uniqueStrings,
  extra_hosts: extraHosts,
  gpus,
  group_add: node(['array'], { items: node(['string', 'number']), unique: true }),
  healthcheck,
  hostname: str,
  image: str,
  init: boolOrStr,
  ipc: str,
  isolation: str,
  labels: listOrDict,
  links: uniqueStrings,
  logging: spec({
    driver: str,
    options: node(['object'], { patterns: [[/^.+$/, node(['string', 'number', 'null'])]] }),
  }),
  mac_address: str,
  mem_limit: numOrStr,
  mem_reservation: node(['string', 'integer']),
  mem_swappiness: intOrStr,
  memswap_limit: numOrStr,
  network_mode: str,
  models: oneOf(
    listOfStrings,
    node(['object'], {
      patterns: [[NAME, oneOf(spec({ endpoint_var: str, model_var: str }), node(['null']))]],
    }),
  ),
  networks: oneOf(
    listOfStrings,
    node(['object'], {
      additional: false,
      patterns: [
        [
          NAME,
          oneOf(
            spec({
              aliases: listOfStrings,
              interface_name: str,
              ipv4_address: str,
              ipv6_address: str,
              link_local_ips: listOfStrings,
              mac_address: str,
              driver_opts: driverOpts,
              priority: node(['number']),
              gw_priority: node(['number']),
            }),
            node(['null']),
          ),
        ],
      ],
    }),
  ),
  oom_kill_disable: boolOrStr,
  oom_score_adj: oneOf(str, node(['integer'], { minimum: -1000, maximum: 1000 })),
  pid: node(['string', 'null']),
  pids_limit: numOrStr,
  platform: str,
  ports: node(['array'], { items: servicePort, unique: true }),
  pre_start: node(['array'], { items: preStartHook }),
  post_start: node(['array'], { items: serviceHook }),
  pre_stop: node(['array'], { items: serviceHook }),
  privileged: boolOrStr,
  profiles: listOfStrings,
  pull_policy: node(['string'], {
    pattern:
      'always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+',
  }),
  pull_refresh_after: str,
  read_only: boolOrStr,
  restart: str,
  runtime: str,
  scale: intOrStr,
  security_opt: uniqueStrings,
  shm_size: numOrStr,
  secrets: serviceConfigOrSecret,
  sysctls: listOrDict,
  stdin_open: boolOrStr,
  stop_grace_period: str,
  stop_signal: str,
  storage_opt: node(['object']),
  tmpfs: stringOrList,
  tty: boolOrStr,
  ulimits,
  use_api_socket: bool,
  user: str,
  uts: str,
  userns_mode: str,
  volumes: node(['array'], { items: serviceVolume, unique: true }),
  volumes_from: uniqueStrings,
  working_dir: str,
})

const external = node(['boolean', 'string', 'object'], {
  properties: { name: str },
  additional: false,
  extensions: true,
})

const network = node(['object', 'null'], {
  additional: false,
  extensions: true,
  properties: {
    name: str,
    driver: str,
    driver_opts: driverOpts,
    ipam: spec({
      driver: str,
      config: node(['array'], {
        items: spec({
          subnet: str,
          ip_range: str,
          gateway: str,
          aux_addresses: node(['object'], { additional: false, patterns: [[/^.+$/, str]] }),
        }),
      }),
      options: node(['object'], { additional: false, patterns: [[/^.+$/, str]] }),
    }),
    external,
    internal: boolOrStr,
    enable_ipv4: boolOrStr,
    enable_ipv6: boolOrStr,
    attachable: boolOrStr,
    labels: listOrDict,
  },
})

const volume = node(['object', 'null'], {
  additional: false,
  extensions: true,
  properties: { name: str, driver: str, driver_opts: driverOpts, external, labels: listOrDict },
})

const secret = spec({
  name: str,
  environment: str,
  file: str,
  external: node(['boolean', 'string', 'object'], { properties: { name: str } }),
  labels: listOrDict,
  driver: str,
  driver_opts: driverOpts,
  template_driver: str,
})

const config = spec({
  name: str,
  content: str,
  environment: str,
  file: str,
  external: node(['boolean', 'string', 'object'], { properties: { name: str } }),
  labels: listOrDict,
  template_driver: str,
})

const model = spec(
  {
    name: str,
    model: str,
    context_size: node(['integer']),
    runtime_flags: node(['array'], { items: str }),
  },
  { required: ['model'] },
)

const include = oneOf(
  str,
  node(['object'], {
    properties: { path: stringOrList, env_file: stringOrList, project_directory: str },
    additional: false,
  }),
)

/** A whole compose file (one YAML document), after interpolation. */
export const composeFileSchema: Schema = node(['object'], {
  additional: false,
  properties: {
    version: str,
    name: str,
    include: node(['array'], { items: include }),
    services: node(['object'], {
      patterns: [[NAME, lazy(() => serviceSchema)]],
      additional: false,
    }),
    models: node(['object'], { patterns: [[NAME, model]] }),
    networks: node(['object'], { patterns: [[NAME, network]] }),
    volumes: node(['object'], { patterns: [[NAME, volume]], additional: false }),
    secrets: node(['object'], { patterns: [[NAME, secret]], additional: false }),
    configs: node(['object'], { patterns: [[NAME, config]], additional: false }),
  },
  patterns: [[/^x-/, any]],
})
