/**
 * `kubectl taint nodes NAME KEY[=VALUE]:EFFECT… | KEY[:EFFECT]-…`: adds, overwrites or removes
 * node taints. New taints come first, the node's other taints after them, as kubectl's
 * reorganizeTaints orders them; the operation reads `tainted`, `untainted` or `modified`.
 */
import { FlagSet, wordSepNormalize } from '../../cli-kit/flags'
import type { CommandOutput } from '../../shell/command'
import { resolveResource } from '../api/resources'
import { kubectlCommand } from './command'
import { findNodes, NODES } from './cordon'
import {
  dryRunFlag,
  dryRunStrategy,
  errorLine,
  fail,
  fieldManagerFlag,
  printFlags,
  selectorFlag,
  validateFlag,
} from './write-kit'
import { dataFormat, printIn, type DataFormat } from './write-output'

interface Taint {
  key: string
  value?: string
  effect: string
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

const NAME_ERROR =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

const usageError = (message: string): CommandOutput =>
  fail(`error: ${message}\nSee 'kubectl taint -h' for help and examples\n`)

/** A qualified name: `[prefix/]name`, the name part 63 characters at most. */
function keyError(key: string): string | undefined {
  const parts = key.split('/')
  const name = parts[parts.length - 1] ?? ''
  if (parts.length > 2 || name === '' || !/^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(name))
    return NAME_ERROR
  if (name.length > 63) return 'name part must be no more than 63 characters'
  return undefined
}

const toText = (t: Taint): string =>
  t.effect === ''
    ? t.key
    : t.value === undefined || t.value === ''
      ? `${t.key}:${t.effect}`
      : `${t.key}=${t.value}:${t.effect}`

type Parsed = { ok: true; add: Taint[]; remove: Taint[] } | { ok: false; output: CommandOutput }

/** kubectl's ParseTaints. */
function parseTaints(specs: readonly string[]): Parsed {
  const add: Taint[] = []
  const remove: Taint[] = []
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const body = spec.slice(0, -1)
      const [kv = '', effect = ''] = body.split(':')
      // `key=value:effect-` removes by key and effect: the value does not matter.
      const key = kv.includes('=') ? kv.slice(0, kv.indexOf('=')) : kv
      const bad = keyError(key)
      if (bad !== undefined)
        return { ok: false, output: usageError(`invalid taint spec: ${spec}, ${bad}`) }
      if (effect !== '' && !EFFECTS.includes(effect))
        return {
          ok: false,
          output: usageError(`invalid taint effect: ${effect}, unsupported taint effect`),
        }
      remove.push({ key, effect })
      continue
    }
    const parts = spec.split(':')
    const [kv = '', effect = ''] = parts
    const eq = kv.indexOf('=')
    const key = eq === -1 ? kv : kv.slice(0, eq)
    const value = eq === -1 ? undefined : kv.slice(eq + 1)
    const bad = parts.length > 2 ? NAME_ERROR : keyError(key)
    if (bad !== undefined || parts.length === 1)
      return {
        ok: false,
        output: usageError(`invalid taint spec: ${spec}, ${bad ?? NAME_ERROR}`),
      }
    if (!EFFECTS.includes(effect))
      return {
        ok: false,
        output: usageError(`invalid taint effect: ${effect}, unsupported taint effect`),
      }
    if (
      value !== undefined &&
      value !== '' &&
      !/^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(value)
    )
      return {
        ok: false,
        output: usageError(
          `invalid taint spec: ${spec}, a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
        ),
      }
    add.push(value === undefined ? { key, effect } : { key, value, effect })
  }
  return { ok: true, add, remove }
}

const sameKeyEffect = (a: Taint, b: Taint): boolean => a.key === b.key && a.effect === b.effect

export const taint = kubectlCommand({
  path: 'kubectl taint',
  use: 'NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N',
  short: 'Update the taints on one or more nodes',
  long: `Update the taints on one or more nodes.

  *  A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.
  *  The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.
  *  The effect must be NoSchedule, PreferNoSchedule or NoExecute.
  *  Currently taint can only apply to node.`,
  example: `  # Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'
  # If a taint with that key and effect already exists, its value is replaced as specified
  kubectl taint nodes foo dedicated=special-user:NoSchedule
  
  # Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists
  kubectl taint nodes foo dedicated:NoSchedule-
  
  # Remove from node 'foo' all the taints with key 'dedicated'
  kubectl taint nodes foo dedicated-
  
  # Add a taint with key 'dedicated' on nodes having label myLabel=X
  kubectl taint node -l myLabel=X  dedicated=foo:PreferNoSchedule
  
  # Add to node 'foo' a taint with key 'bar' and no value
  kubectl taint nodes foo bar:NoSchedule`,
  args: { kind: 'any' },
  flags: () =>
    new FlagSet(
      [
        { name: 'all', type: 'bool', usage: 'Select all nodes in the cluster' },
        ...printFlags(),
        dryRunFlag,
        fieldManagerFlag('kubectl-taint'),
        {
          name: 'overwrite',
          type: 'bool',
          usage:
            'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.',
        },
        selectorFlag(),
        validateFlag,
      ] as const,
      { normalizeName: wordSepNormalize },
    ),
  async run({ values, args }, ctx): Promise<CommandOutput> {
    const dry = dryRunStrategy(values['dry-run'], ctx.shell.clock.now())
    if (!dry.ok) return dry.output
    const resources: string[] = []
    const specs: string[] = []
    for (const a of args) {
      const isTaint = a.includes('=') || a.includes(':') || a.endsWith('-')
      if (isTaint) specs.push(a)
      else if (specs.length > 0)
        return errorLine(`all resources must be specified before taint changes: ${a}`)
      else resources.push(a)
    }
    if (resources.length === 0 && !values.all && values.selector === '')
      return errorLine('one or more resources must be specified as <resource> <name>')
    if (specs.length === 0) return errorLine('at least one taint update is required')
    const parsed = parseTaints(specs)
    if (!parsed.ok) return parsed.output
    const clash = parsed.add.filter((a) =>
      parsed.remove.some((r) => r.key === a.key && (r.effect === '' || r.effect === a.effect)),
    )
    if (clash.length > 0)
      return errorLine(
        `can not both modify and remove the following taint(s) in the same command: ${clash.map((t) => `${t.key}=${t.effect}`).join(', ')}`,
      )
    const [typeWord = '', ...names] = resources
    const t = resolveResource(typeWord)
    if (t === undefined || t.kind !== 'Node') {
      if (t === undefined) return errorLine(`the server doesn't have a resource type "${typeWord}"`)
      return errorLine(`invalid resource type ${typeWord}, only node types are supported`)
    }
    if (names.length === 0 && !values.all && values.selector === '')
      return errorLine('resource(s) were provided, but no name was specified')
    let format: DataFormat | undefined
    if (values.output !== '' || values.template !== '') {
      const f = await dataFormat({ output: values.output, template: values.template }, ctx)
      if (!f.ok) return f.output
      format = f.format
    }
    const found = findNodes(ctx, names, values.all ? '' : values.selector)
    if (!found.ok) return found.output
    let nodes = found.nodes
    if (values.all) {
      const listed = found.cluster.api.list(NODES, {})
      nodes = listed.ok ? listed.value.items : []
    }
    let stdout = ''
    let stderr = dry.warning + found.stderr
    for (const node of nodes) {
      const spec = (node['spec'] ?? {}) as { taints?: Taint[] }
      const old = spec.taints ?? []
      if (!values.overwrite) {
        const exists = parsed.add
          .filter((a) => old.some((o) => sameKeyEffect(o, a)))
          .map((a) => a.key)
        if (exists.length > 0) {
          stderr += `error: node ${node.metadata.name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false\n`
          continue
        }
      }
      const next: Taint[] = [...parsed.add]
      for (const o of old) if (!next.some((n) => sameKeyEffect(n, o))) next.push(o)
      const added = old.length !== next.length
      let deleted = false
      const missing: string[] = []
      let result = next
      for (const r of parsed.remove) {
        const kept = result.filter(
          (x) => !(x.key === r.key && (r.effect === '' || x.effect === r.effect)),
        )
        if (kept.length === result.length) missing.push(`taint "${toText(r)}" not found`)
        else deleted = true
        result = kept
      }
      if (missing.length > 0) {
        stderr +=
          missing.length === 1 ? `error: ${missing[0]}\n` : `error: [${missing.join(', ')}]\n`
        continue
      }
      const operation =
        (added && deleted) || values.overwrite ? 'modified' : added ? 'tainted' : 'untainted'
      let shown = { ...node, spec: { ...(node['spec'] as object), taints: result } }
      if (dry.value !== 'client') {
        const patched = found.cluster.api.patch(
          NODES,
          '',
          node.metadata.name,
          'merge',
          { spec: { taints: result.length === 0 ? null : result } },
          { dryRun: dry.value === 'server', fieldManager: values['field-manager'] },
        )
        if (!patched.ok) {
          stderr += `Error from server (${patched.error.status.reason}): ${patched.error.status.message}\n`
          continue
        }
        shown = patched.value as typeof shown
      }
      stdout +=
        format !== undefined
          ? printIn(format, [shown]).stdout
          : `node/${node.metadata.name} ${operation}\n`
    }
    return { stdout, stderr, exitCode: stderr === dry.warning ? 0 : 1 }
  },
})
