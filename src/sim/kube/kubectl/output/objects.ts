/**
 * Printing objects as data, as `kubectl get` does for -o json|yaml|name|jsonpath|go-template|
 * custom-columns: one named object bare, otherwise kubectl's `List` (apiVersion v1, items,
 * metadata.resourceVersion ""). Objects come back from the server as unstructured maps, so JSON
 * keys print sorted.
 */
import { GoTemplate, KUBECTL_FUNCS } from '../../../cli-kit/go-template'
import { fromJSON, type GoValue } from '../../../cli-kit/go-value'
import { formatValue } from '../../../cli-kit/go-fmt'
import { JSONPath, kubectlJSONPathError } from '../../../cli-kit/jsonpath'
import { KUBECTL_TABWRITER, tabwrite } from '../../../cli-kit/tabwriter'
import type { CommandOutput } from '../../../shell/command'
import type { KubeObject } from '../../api/object'
import { resourceForKind } from '../../api/resources'
import { kindPrefix } from '../resource-args'
import type { OutputFormat } from './format'
import { marshalIndent } from './json'
import { goYaml } from './yaml'

export const listOf = (items: readonly KubeObject[]): Record<string, unknown> => ({
  apiVersion: 'v1',
  items,
  kind: 'List',
  metadata: { resourceVersion: '' },
})

const stripManagedFields = (o: KubeObject): KubeObject => {
  if (o.metadata.managedFields === undefined) return o
  const { managedFields: _dropped, ...metadata } = o.metadata
  void _dropped
  return { ...o, metadata: metadata as KubeObject['metadata'] }
}

/** `pod/web`, `deployment.apps/web`. */
export function nameOf(o: KubeObject): string {
  const t = resourceForKind(o.apiVersion, o.kind)
  const prefix = t !== undefined ? kindPrefix(t) : o.kind.toLowerCase()
  return `${prefix}/${o.metadata.name}`
}

export interface DataPrintOptions {
  /** Print the one object bare rather than in a List. */
  single: boolean
  showManagedFields: boolean
  allowMissingTemplateKeys: boolean
  noHeaders: boolean
}

const ok = (stdout: string): CommandOutput => ({ stdout, stderr: '', exitCode: 0 })

/** RelaxedJSONPathExpression: `.metadata.name` → `{.metadata.name}`. */
function relaxed(path: string): string | undefined {
  const trimmed = path.trim()
  if (trimmed === '') return undefined
  if (trimmed.startsWith('{') && trimmed.endsWith('}')) return trimmed
  const inner = trimmed.startsWith('.') ? trimmed : `.${trimmed}`
  return `{${inner}}`
}

function customColumns(
  spec: string,
  objects: readonly KubeObject[],
  noHeaders: boolean,
): CommandOutput {
  const columns: { header: string; path: JSONPath }[] = []
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':')
    if (colon < 0)
      return {
        stdout: '',
        stderr: `error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>\n`,
        exitCode: 1,
      }
    const header = part.slice(0, colon)
    const expr = relaxed(part.slice(colon + 1))
    const parsed = expr === undefined ? undefined : JSONPath.parse(expr)
    if (parsed === undefined || !parsed.ok)
      return {
        stdout: '',
        stderr: `error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n`,
        exitCode: 1,
      }
    columns.push({ header, path: parsed.jsonpath })
  }
  let text = noHeaders ? '' : columns.map((c) => c.header).join('\t') + '\n'
  for (const o of objects) {
    const data = fromJSON(o)
    const cells = columns.map((c) => {
      const values = evaluateAll(c.path, data)
      return values.length === 0 ? '<none>' : values.join(',')
    })
    text += cells.join('\t') + '\n'
  }
  return ok(tabwrite(text, KUBECTL_TABWRITER))
}

/** Every value a JSONPath yields, each printed as %v. */
function evaluateAll(path: JSONPath, data: GoValue): string[] {
  const r = path.execute(data, { allowMissingKeys: true, outputJSON: true })
  if (!r.ok) return []
  const parsed = JSON.parse(r.output) as unknown[]
  return parsed
    .filter((v) => v !== null && v !== undefined)
    .map((v) => (typeof v === 'string' ? v : formatValue(fromJSON(v))))
}

/** Prints objects in a data format (everything but tables). */
export function printData(
  format: Exclude<OutputFormat, { kind: 'table' }>,
  objects: readonly KubeObject[],
  options: DataPrintOptions,
): CommandOutput {
  const shown = options.showManagedFields ? objects : objects.map(stripManagedFields)
  const whole: unknown = options.single && shown.length === 1 ? shown[0] : listOf(shown)
  switch (format.kind) {
    case 'json':
      return ok(marshalIndent(whole, '    ', true) + '\n')
    case 'yaml':
      return ok(goYaml(whole))
    case 'name':
      return ok(shown.map((o) => nameOf(o) + '\n').join(''))
    case 'custom-columns':
      return customColumns(format.spec, shown, options.noHeaders)
    case 'jsonpath': {
      const parsed = JSONPath.parse(format.template)
      if (!parsed.ok)
        return {
          stdout: '',
          stderr: `error: error parsing jsonpath ${format.template}, ${parsed.error.message}\n`,
          exitCode: 1,
        }
      const data = fromJSON(whole)
      const r = parsed.jsonpath.execute(data, {
        allowMissingKeys: options.allowMissingTemplateKeys,
        outputJSON: format.asJson,
      })
      if (!r.ok)
        return {
          stdout: '',
          stderr: `error: ${kubectlJSONPathError(format.template, r.error, data)}`,
          exitCode: 1,
        }
      return ok(r.output)
    }
    case 'go-template': {
      const parsed = GoTemplate.parse(format.template, {
        name: 'output',
        funcs: KUBECTL_FUNCS,
        missingKey: options.allowMissingTemplateKeys ? 'default' : 'error',
        rangeOverInt: false,
      })
      if (!parsed.ok)
        return {
          stdout: '',
          stderr: `error: error parsing template ${format.template}, ${parsed.error.message}\n`,
          exitCode: 1,
        }
      const r = parsed.template.execute(fromJSON(whole))
      if (!r.ok)
        return {
          stdout: r.output,
          stderr: `error: error executing template "${format.template}": ${r.error.message}\n`,
          exitCode: 1,
        }
      return ok(r.output)
    }
  }
}
