/** ObjectMeta validation: the name (each kind has its rule), namespace, labels, annotations. */
import type { ObjectMeta } from '../object'
import { type FieldError, invalidValue, required, tooLong } from './field-errors'
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
} from './names'

export type NameRule = (name: string) => string[]

/** Names ending in the generated suffix are checked without it, as `NameIsDNSSubdomain(x, true)`. */
const withPrefix =
  (rule: NameRule): ((name: string, prefix: boolean) => string[]) =>
  (name, prefix) =>
    rule(prefix ? maskTrailingDash(name) : name)

const maskTrailingDash = (name: string): string =>
  name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name

export const NAME_RULES: Record<string, NameRule> = {
  subdomain: isDNS1123Subdomain,
  label: isDNS1123Label,
  dns1035: isDNS1035Label,
  /** Path segment names (ConfigMaps, Secrets …) must not be `.`/`..` nor contain `/` or `%`. */
  path: (name) => {
    if (name === '.' || name === '..') return [`may not be '${name}'`]
    const errs: string[] = []
    for (const bad of ['/', '%']) if (name.includes(bad)) errs.push(`may not contain '${bad}'`)
    return errs
  },
}

export function validateLabels(
  labels: Record<string, string> | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = []
  for (const key of Object.keys(labels ?? {}).sort()) {
    for (const msg of isQualifiedName(key)) errs.push(invalidValue(path, key, msg))
    const value = labels?.[key]
    if (typeof value === 'string')
      for (const msg of isValidLabelValue(value)) errs.push(invalidValue(path, value, msg))
  }
  return errs
}

const TOTAL_ANNOTATION_SIZE = 256 * 1024

export function validateAnnotations(
  annotations: Record<string, string> | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = []
  let size = 0
  for (const key of Object.keys(annotations ?? {}).sort()) {
    for (const msg of isQualifiedName(key.toLowerCase())) errs.push(invalidValue(path, key, msg))
    size += key.length + (annotations?.[key]?.length ?? 0)
  }
  if (size > TOTAL_ANNOTATION_SIZE) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE))
  return errs
}

export function validateObjectMeta(
  meta: ObjectMeta,
  namespaced: boolean,
  rule: NameRule,
  path = 'metadata',
): FieldError[] {
  const errs: FieldError[] = []
  const check = withPrefix(rule)
  if (meta.generateName)
    for (const msg of check(meta.generateName, true))
      errs.push(invalidValue(`${path}.generateName`, meta.generateName, msg))
  if (!meta.name) errs.push(required(`${path}.name`, 'name or generateName is required'))
  else
    for (const msg of check(meta.name, false))
      errs.push(invalidValue(`${path}.name`, meta.name, msg))
  if (namespaced) {
    if (!meta.namespace) errs.push(required(`${path}.namespace`))
    else
      for (const msg of isDNS1123Label(meta.namespace))
        errs.push(invalidValue(`${path}.namespace`, meta.namespace, msg))
  }
  errs.push(...validateLabels(meta.labels, `${path}.labels`))
  errs.push(...validateAnnotations(meta.annotations, `${path}.annotations`))
  for (const f of meta.finalizers ?? [])
    for (const msg of isQualifiedName(f)) errs.push(invalidValue(`${path}.finalizers`, f, msg))
  return errs
}
