import { composeFileSchema, type JsonType, type SchemaIssue } from './schema'

/**
 * Checks one compose document against the specification (schema.ts) and words the failure as
 * Compose does: of all the violations, the one deepest in the document (an unknown key counts
 * one level deeper than its mapping), the first found on a tie, as `<path> <description>`.
 */
export function validateDocument(doc: unknown): string | undefined {
  const result = composeFileSchema.safeParse(doc)
  if (result.success) return undefined
  let best: { path: (string | number)[]; issue: SchemaIssue } | undefined
  let bestScore = -1
  for (const raw of result.error.issues) {
    const issue = (raw as { params?: SchemaIssue }).params
    if (issue === undefined) continue
    const path = raw.path as (string | number)[]
    const score = path.length + (issue.kind === 'additional' ? 1 : 0)
    if (score > bestScore) {
      best = { path, issue }
      bestScore = score
    }
  }
  if (best === undefined) return 'invalid compose file'
  return `${best.path.join('.')} ${describe(best.issue)}`
}

function humanType(want: JsonType[]): string {
  const names = want.map((t) => (t === 'object' && want.length === 1 ? 'mapping' : t))
  if (names.length === 1) return names[0] ?? ''
  const mapped = want.map((t) => (t === 'object' ? 'mapping' : t)).sort()
  return `${mapped.slice(0, -1).join(', ')} or ${mapped[mapped.length - 1] ?? ''}`
}

const quote = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`

function describe(issue: SchemaIssue): string {
  switch (issue.kind) {
    case 'type':
      return `must be a ${humanType(issue.want)}`
    case 'required':
      return issue.missing.length === 1
        ? `missing property ${quote(issue.missing[0] ?? '')}`
        : `missing properties ${issue.missing.map(quote).join(', ')}`
    case 'additional':
      return `additional properties ${issue.keys.map(quote).join(', ')} not allowed`
    case 'enum':
      return `value must be one of ${issue.allowed.map(quote).join(', ')}`
    case 'pattern':
      return `${quote(issue.got)} does not match pattern ${quote(issue.pattern)}`
    case 'minimum':
      return `must be greater than or equal to ${issue.want}`
    case 'maximum':
      return `must be less than or equal to ${issue.want}`
    case 'unique':
      return `items at ${issue.first} and ${issue.second} are equal`
    case 'oneOfMany':
      return `oneOf failed, subschemas ${issue.matched.join(', ')} matched`
  }
}
