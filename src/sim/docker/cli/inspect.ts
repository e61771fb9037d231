/**
 * `docker inspect` and `docker container inspect` (docker/cli cli/command/inspect/inspector.go,
 * cli/command/system/inspect.go). The daemon's JSON is printed as json.Indent prints it (four
 * spaces, struct fields in declaration order, map keys sorted, <, > and & escaped); a --format
 * template runs first on the typed object and, when that fails, on the raw JSON decoded into maps
 * with missingkey=error, which is how a typo like `{{.state}}` becomes an error.
 */
import { FlagSet } from '../../cli-kit/flags'
import { marshalJSON } from '../../cli-kit/go-fmt'
import { DOCKER_FUNCS, GoTemplate } from '../../cli-kit/go-template'
import { fromJSON, GoStruct, goTyped, type GoValue } from '../../cli-kit/go-value'
import type { CommandOutput } from '../../shell/command'
import { layerSize } from '../engine/container-fs'
import type { DockerEngine } from '../engine/engine'
import { dockerCommand } from './command'

const INSPECT_FORMAT_USAGE =
  "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"

const TYPES = [
  'config',
  'container',
  'image',
  'network',
  'node',
  'plugin',
  'secret',
  'service',
  'task',
  'volume',
]

type ObjectKind = 'container' | 'image' | 'network' | 'volume'

/** Objects inside these are Go maps (keys sorted, any key allowed); every other object is a struct. */
const MAP_PATHS: Readonly<Record<ObjectKind, readonly string[]>> = {
  container: [
    'Config.Labels',
    'Config.ExposedPorts',
    'Config.Volumes',
    'HostConfig.PortBindings',
    'HostConfig.LogConfig.Config',
    'NetworkSettings.Ports',
    'NetworkSettings.Networks',
  ],
  image: ['Config.Labels', 'Config.ExposedPorts', 'Config.Volumes'],
  network: ['IPAM.Options', 'Containers', 'Options', 'Labels'],
  volume: ['Labels', 'Options', 'Status'],
}

/**
 * Pointers inside a value a template prints: fmt shows their address (`map[bridge:0xc…]`). The
 * template engine itself dereferences the value it prints, so `{{.State}}` shows `{running …}`.
 */
const POINTER_PATHS: Readonly<Record<ObjectKind, readonly string[]>> = {
  container: ['NetworkSettings.Networks.*'],
  image: [],
  network: [],
  volume: [],
}

/** Pointer fields the JSON leaves out when nil (omitempty) but a template prints as `<nil>`. */
const NIL_FIELDS: Readonly<Record<ObjectKind, Readonly<Record<string, readonly string[]>>>> = {
  container: { State: ['Health'] },
  image: {},
  network: {},
  volume: {},
}

/**
 * The API object as a Go value: structs keep their field order, maps sort their keys. For a
 * template (`forTemplate`) nil pointer fields the JSON omits are there, as Go's structs have them.
 */
function typed(value: unknown, kind: ObjectKind, path: string, forTemplate = false): GoValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return fromJSON(value, 'int')
  if (Array.isArray(value)) {
    const items = value.map((v, i) => typed(v, kind, `${path}.${i}`, forTemplate))
    return value.every((v) => typeof v === 'string') ? goTyped('[]string', items) : items
  }
  const entries = Object.entries(value as Record<string, unknown>)
  const child = (key: string): string => (path === '' ? key : `${path}.${key}`)
  if (MAP_PATHS[kind].includes(path)) {
    const out: Record<string, GoValue> = {}
    for (const [key, v] of entries) out[key] = typed(v, kind, `${path}.*`, forTemplate)
    return out
  }
  const fields: Record<string, GoValue> = {}
  for (const [key, v] of entries) fields[key] = typed(v, kind, child(key), forTemplate)
  if (forTemplate)
    for (const name of NIL_FIELDS[kind][path] ?? []) if (!(name in fields)) fields[name] = null
  const pointer = POINTER_PATHS[kind].includes(path)
  return new GoStruct(pointer ? `*${kind}.${path}` : `${kind}.${path}`, fields, {}, { pointer })
}

interface Found {
  kind: ObjectKind
  value: unknown
}

function containerJson(engine: DockerEngine, ref: string, size: boolean): Found | string {
  const found = engine.inspectContainer(ref)
  if (!found.ok) return `Error response from daemon: ${found.error.message}`
  if (!size) return { kind: 'container', value: found.value }
  const record = engine.findContainer(ref)
  const rw = record ? layerSize(record) : 0
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(found.value)) {
    out[key] = v
    if (key === 'HostConfig') {
      out.SizeRw = rw
      out.SizeRootFs = (record?.image.inspect.Size ?? 0) + rw
    }
  }
  return { kind: 'container', value: out }
}

function lookup(
  engine: DockerEngine,
  kind: ObjectKind,
  ref: string,
  size: boolean,
): Found | string {
  switch (kind) {
    case 'container':
      return containerJson(engine, ref, size)
    case 'image': {
      const found = engine.inspectImage(ref)
      return found.ok
        ? { kind, value: found.value }
        : `Error response from daemon: ${found.error.message}`
    }
    case 'network': {
      const network = engine.networks.find(ref)
      return network
        ? { kind, value: network.resource }
        : `Error response from daemon: network ${ref} not found`
    }
    case 'volume': {
      const volume = engine.volumes.get(ref)
      return volume
        ? { kind, value: volume.volume }
        : `Error response from daemon: get ${ref}: no such volume`
    }
  }
}

/** How each element is written, and how the whole is finished (inspector.go). */
class Inspector {
  private readonly elements: Found[] = []
  private text = ''
  private constructor(
    private readonly mode: 'indented' | 'json' | 'template',
    private readonly template?: GoTemplate,
  ) {}

  static create(format: string): Inspector | string {
    if (format === '') return new Inspector('indented')
    if (format === 'json') return new Inspector('json')
    const parsed = GoTemplate.parse(format, { funcs: DOCKER_FUNCS })
    if (!parsed.ok) return `template parsing error: ${parsed.error.message}`
    return new Inspector('template', parsed.template)
  }

  /** Adds one object; returns an error to report, if its template fails both ways. */
  add(found: Found): string | undefined {
    if (this.mode !== 'template' || !this.template) {
      this.elements.push(found)
      return undefined
    }
    const first = this.template.execute(typed(found.value, found.kind, '', true))
    if (first.ok) {
      this.text += `${first.output}\n`
      return undefined
    }
    const raw = GoTemplate.parse(this.template.text, { funcs: DOCKER_FUNCS, missingKey: 'error' })
    if (!raw.ok) return `template parsing error: ${raw.error.message}`
    const second = raw.template.execute(fromJSON(JSON.parse(JSON.stringify(found.value)), 'int'))
    if (!second.ok) return `template parsing error: ${second.error.message}`
    this.text += `${second.output}\n`
    return undefined
  }

  flush(): string {
    if (this.mode === 'template') return this.text === '' ? '\n' : this.text
    if (this.elements.length === 0) return '[]\n'
    const values = this.elements.map((e) => typed(e.value, e.kind, ''))
    return `${marshalJSON(values, this.mode === 'json' ? {} : { indent: '    ' })}\n`
  }
}

function inspectAll(
  refs: readonly string[],
  format: string,
  find: (ref: string) => Found | string,
): CommandOutput {
  const inspector = Inspector.create(format)
  if (typeof inspector === 'string') return { stdout: '', stderr: `${inspector}\n`, exitCode: 64 }
  const errors: string[] = []
  for (const ref of refs) {
    const found = find(ref)
    if (typeof found === 'string') {
      errors.push(found)
      continue
    }
    const problem = inspector.add(found)
    if (problem !== undefined) errors.push(problem)
  }
  return {
    stdout: inspector.flush(),
    stderr: errors.map((e) => `${e}\n`).join(''),
    exitCode: errors.length > 0 ? 1 : 0,
  }
}

export const inspect = dockerCommand({
  path: 'docker inspect',
  use: '[OPTIONS] NAME|ID [NAME|ID...]',
  short: 'Return low-level information on Docker objects',
  args: { kind: 'min', count: 1 },
  flags: () =>
    new FlagSet([
      { name: 'format', shorthand: 'f', type: 'string', usage: INSPECT_FORMAT_USAGE },
      {
        name: 'size',
        shorthand: 's',
        type: 'bool',
        usage: 'Display total file sizes if the type is container',
      },
      { name: 'type', type: 'string', usage: 'Only inspect objects of the given type' },
    ] as const),
  run({ values, args, changed }, { engine }) {
    const list = TYPES.map((t) => `"${t}"`).join(', ')
    const type = values.type
    if (changed.includes('type') && type === '')
      return { stdout: '', stderr: `type is empty: must be one of ${list}\n`, exitCode: 1 }
    if (type !== '' && !TYPES.includes(type))
      return {
        stdout: '',
        stderr: `unknown type: "${type}": must be one of ${list}\n`,
        exitCode: 1,
      }
    const warnings: string[] = []
    const result = inspectAll(args, values.format, (ref) => {
      const kinds: ObjectKind[] = ['container', 'image', 'network', 'volume']
      for (const kind of kinds) {
        if (type !== '' && kind !== type) continue
        const found = lookup(engine, kind, ref, values.size)
        if (typeof found === 'string') {
          if (type !== '') return found
          continue
        }
        if (values.size && kind !== 'container')
          warnings.push(`WARNING: --size ignored for ${kind}\n`)
        return found
      }
      // Swarm objects (services, nodes, secrets…) do not exist on a single engine.
      return `Error: No such object: ${ref}`
    })
    return { ...result, stderr: warnings.join('') + result.stderr }
  },
})

export const containerInspect = dockerCommand({
  path: 'docker container inspect',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Display detailed information on one or more containers',
  args: { kind: 'min', count: 1 },
  flags: () =>
    new FlagSet([
      { name: 'format', shorthand: 'f', type: 'string', usage: INSPECT_FORMAT_USAGE },
      { name: 'size', shorthand: 's', type: 'bool', usage: 'Display total file sizes' },
    ] as const),
  run({ values, args }, { engine }) {
    return inspectAll(args, values.format, (ref) => containerJson(engine, ref, values.size))
  },
})

export const imageInspect = dockerCommand({
  path: 'docker image inspect',
  use: '[OPTIONS] IMAGE [IMAGE...]',
  short: 'Display detailed information on one or more images',
  args: { kind: 'min', count: 1 },
  flags: () =>
    new FlagSet([
      { name: 'format', shorthand: 'f', type: 'string', usage: INSPECT_FORMAT_USAGE },
      {
        name: 'platform',
        type: 'string',
        usage:
          "Inspect a specific platform of the multi-platform image.\nIf the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)",
      },
    ] as const),
  run({ values, args }, { engine }) {
    return inspectAll(args, values.format, (ref) => lookup(engine, 'image', ref, false))
  },
})
