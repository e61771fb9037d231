/**
 * Printing the objects a mutating verb produced with `-o json|yaml|name|jsonpath=…|go-template=…`
 * (kubectl's PrintFlags), through the shared printers of kubectl/output. One difference with
 * `get`: JSON keeps the objects' own key order, because these verbs print typed Go structs
 * (marshalled in field order) — the generators build their objects in that order.
 */
import type { CommandOutput } from '../../shell/command'
import type { KubeObject } from '../api/object'
import type { KubectlContext } from './command'
import { parseOutputFormat, type OutputFormat } from './output/format'
import { marshalIndent } from './output/json'
import { printData } from './output/objects'
import { errorLine, PRINT_FORMATS } from './write-kit'

export interface PrintOptions {
  /** -o as given. */
  output: string
  /** --template */
  template?: string
  showManagedFields?: boolean
  allowMissingTemplateKeys?: boolean
  /** Several objects print as a List unless the command names exactly one. */
  single?: boolean
}

export type DataFormat = Exclude<OutputFormat, { kind: 'table' }>

/** -o and --template as a data format, or kubectl's "unable to match a printer" failure. */
export async function dataFormat(
  options: PrintOptions,
  ctx: KubectlContext,
): Promise<{ ok: true; format: DataFormat } | { ok: false; output: CommandOutput }> {
  const parsed = await parseOutputFormat(
    options.output,
    options.template ?? '',
    { fs: ctx.shell.fs, resolve: (p) => ctx.shell.resolve(p) },
    PRINT_FORMATS,
  )
  if (!parsed.ok) return { ok: false, output: errorLine(parsed.error) }
  if (parsed.value.kind === 'table')
    return { ok: false, output: errorLine('no output format given') }
  return { ok: true, format: parsed.value }
}

/** Prints objects in a data format already parsed. */
export function printIn(
  format: DataFormat,
  objects: readonly KubeObject[],
  options: Omit<PrintOptions, 'output' | 'template'> = {},
): CommandOutput {
  const single = options.single ?? objects.length === 1
  if (format.kind === 'json') {
    const shown = options.showManagedFields
      ? objects
      : objects.map((o) => {
          if (o.metadata.managedFields === undefined) return o
          const { managedFields: _drop, ...metadata } = o.metadata
          void _drop
          return { ...o, metadata: metadata as KubeObject['metadata'] }
        })
    const whole =
      single && shown.length === 1
        ? shown[0]
        : { apiVersion: 'v1', items: shown, kind: 'List', metadata: { resourceVersion: '' } }
    return { stdout: `${marshalIndent(whole, '    ')}\n`, stderr: '', exitCode: 0 }
  }
  return printData(format, objects, {
    single,
    showManagedFields: options.showManagedFields === true,
    allowMissingTemplateKeys: options.allowMissingTemplateKeys !== false,
    noHeaders: false,
  })
}

/** Parses -o and prints. */
export async function printObjects(
  objects: readonly KubeObject[],
  options: PrintOptions,
  ctx: KubectlContext,
): Promise<CommandOutput> {
  const format = await dataFormat(options, ctx)
  if (!format.ok) return format.output
  return printIn(format.format, objects, options)
}
