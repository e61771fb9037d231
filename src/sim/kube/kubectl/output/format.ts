/**
 * kubectl's -o values (genericclioptions PrintFlags + the get command's own table formats):
 * `json`, `yaml`, `name`, `wide`, `jsonpath=…`, `go-template=…`, `custom-columns=…` and their
 * `-file` variants, with `--template` supplying the template when -o names only the kind.
 */
import { err, ok, type Result } from '../../../core/errors'
import type { VirtualFs } from '../../../fs/virtual-fs'

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'json' }
  | { kind: 'yaml' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; asJson: boolean }
  | { kind: 'go-template'; template: string }
  | { kind: 'custom-columns'; spec: string }

export const GET_FORMATS = [
  'custom-columns',
  'custom-columns-file',
  'go-template',
  'go-template-file',
  'json',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'name',
  'template',
  'templatefile',
  'wide',
  'yaml',
]

const unmatched = (format: string, allowed: readonly string[]): string =>
  `unable to match a printer suitable for the output format "${format}", allowed formats are: ${[...allowed].sort().join(',')}`

export interface FormatContext {
  fs: VirtualFs
  resolve(path: string): string
}

async function readTemplateFile(ctx: FormatContext, path: string): Promise<Result<string, string>> {
  try {
    return ok(await ctx.fs.readFile(ctx.resolve(path)))
  } catch {
    return err(`error reading --template ${path}, open ${path}: no such file or directory`)
  }
}

/** Parses -o (and --template); the error is kubectl's text after `error: `. */
export async function parseOutputFormat(
  output: string,
  template: string,
  ctx: FormatContext,
  allowed: readonly string[] = GET_FORMATS,
): Promise<Result<OutputFormat, string>> {
  if (output === '' && template !== '') output = 'go-template'
  if (output === '') return ok({ kind: 'table', wide: false })
  const eq = output.indexOf('=')
  const base = eq < 0 ? output : output.slice(0, eq)
  let arg = eq < 0 ? template : output.slice(eq + 1)
  if (!allowed.includes(base)) return err(unmatched(output, allowed))
  switch (base) {
    case 'wide':
      return ok({ kind: 'table', wide: true })
    case 'json':
      return ok({ kind: 'json' })
    case 'yaml':
      return ok({ kind: 'yaml' })
    case 'name':
      return ok({ kind: 'name' })
    case 'custom-columns':
    case 'custom-columns-file': {
      if (arg === '') return err('custom-columns format specified but no custom columns given')
      if (base === 'custom-columns-file') {
        const text = await readTemplateFile(ctx, arg)
        if (!text.ok) return text
        arg = text.value
      }
      return ok({ kind: 'custom-columns', spec: arg })
    }
    default: {
      if (arg === '') return err('template format specified but no template given')
      if (base.endsWith('-file') || base === 'templatefile') {
        const text = await readTemplateFile(ctx, arg)
        if (!text.ok) return text
        arg = text.value
      }
      if (base.startsWith('jsonpath'))
        return ok({ kind: 'jsonpath', template: arg, asJson: base === 'jsonpath-as-json' })
      return ok({ kind: 'go-template', template: arg })
    }
  }
}
