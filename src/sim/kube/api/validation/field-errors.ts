/**
 * field.Error from apimachinery: a field path, a type and a detail, printed the way the API server
 * prints them inside an Invalid status (`spec.replicas: Invalid value: -1: must be greater than or
 * equal to 0`). Values are shown as Go shows them: strings %q, numbers and booleans plain, a label
 * map as `map[string]string{"app":"web"}`.
 */
import type { StatusCause } from '../status'

export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
}

/** A Go value as field errors print it; `GoMap` marks a map[string]string. */
export type BadValue = string | number | boolean | null | GoMap | GoRaw

export class GoMap {
  constructor(readonly entries: Readonly<Record<string, string>>) {}
  toString(): string {
    const keys = Object.keys(this.entries).sort()
    return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(this.entries[k] ?? '')}`).join(', ')}}`
  }
}

/** A value whose Go rendering the caller already knows (`"25%"` intstr, a struct). */
export class GoRaw {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text
  }
}

export interface FieldError {
  readonly type: FieldErrorType
  readonly field: string
  readonly badValue?: BadValue
  readonly detail?: string
}

/** Go's %q for a string: double quotes, escapes for quotes, backslashes and control characters. */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\r') out += '\\r'
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`
    else out += ch
  }
  return `${out}"`
}

function valueText(v: BadValue | undefined): string {
  if (v === undefined || v === null) return 'null'
  if (typeof v === 'string') return goQuote(v)
  return String(v)
}

/** The part after the field: `Invalid value: "x": detail`. */
export function errorBody(e: FieldError): string {
  let s: string
  switch (e.type) {
    case 'FieldValueRequired':
    case 'FieldValueForbidden':
    case 'FieldValueTooLong':
      s = TYPE_TEXT[e.type]
      break
    default:
      s = `${TYPE_TEXT[e.type]}: ${valueText(e.badValue)}`
  }
  return e.detail ? `${s}: ${e.detail}` : s
}

export const fieldErrorText = (e: FieldError): string => `${e.field}: ${errorBody(e)}`

/** Status causes for `invalid()`: the message there is the body, the field apart. */
export const toCauses = (errors: readonly FieldError[]): StatusCause[] =>
  errors.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field }))

export const required = (field: string, detail = ''): FieldError => ({
  type: 'FieldValueRequired',
  field,
  detail,
})
export const invalidValue = (field: string, badValue: BadValue, detail: string): FieldError => ({
  type: 'FieldValueInvalid',
  field,
  badValue,
  detail,
})
export const duplicate = (field: string, badValue: BadValue): FieldError => ({
  type: 'FieldValueDuplicate',
  field,
  badValue,
})
export const forbidden = (field: string, detail: string): FieldError => ({
  type: 'FieldValueForbidden',
  field,
  detail,
})
export const notFoundValue = (field: string, badValue: BadValue): FieldError => ({
  type: 'FieldValueNotFound',
  field,
  badValue,
})
/** `Unsupported value: "x": supported values: "a", "b"`. */
export const notSupported = (
  field: string,
  badValue: BadValue,
  valid: readonly string[],
): FieldError => ({
  type: 'FieldValueNotSupported',
  field,
  badValue,
  detail: valid.length === 0 ? '' : `supported values: ${valid.map(goQuote).join(', ')}`,
})
export const tooLong = (field: string, max: number): FieldError => ({
  type: 'FieldValueTooLong',
  field,
  detail: `may not be more than ${max} bytes`,
})
