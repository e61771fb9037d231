/**
 * The key/value sources `kubectl create configmap` and `create secret generic` read
 * (--from-literal, --from-file, --from-env-file), with kubectl's messages for each failure.
 */
import type { CommandContext } from '../../shell/command'

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/

export type SourceResult = { ok: true } | { ok: false; error: string }

/** A map being filled: kubectl refuses a key given twice. */
export class KeyValues {
  readonly data = new Map<string, string>()
  constructor(
    private readonly kind: 'ConfigMap' | 'Secret',
    private readonly name: string,
  ) {}

  add(key: string, value: string): SourceResult {
    if (!CONFIG_KEY.test(key) || key === '.' || key === '..' || key.startsWith('..'))
      return {
        ok: false,
        error: `${JSON.stringify(key)} is not a valid key name for a ${this.kind}: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
      }
    if (this.data.has(key))
      return {
        ok: false,
        error: `cannot add key "${key}", another key by that name already exists in Data for ${this.kind} "${this.name}"`,
      }
    this.data.set(key, value)
    return { ok: true }
  }

  /** Keys sorted, as Go marshals a map. */
  sorted(encode: (v: string) => string = (v) => v): Record<string, string> {
    const out: Record<string, string> = {}
    for (const k of [...this.data.keys()].sort()) out[k] = encode(this.data.get(k) ?? '')
    return out
  }
}

export function addLiterals(target: KeyValues, literals: readonly string[]): SourceResult {
  for (const literal of literals) {
    const eq = literal.indexOf('=')
    if (eq <= 0 && !(eq === 0 && literal.length > 1))
      return { ok: false, error: `invalid literal source ${literal}, expected key=value` }
    // A leading '=' is part of the key (kubectl splits after the first character).
    const at = eq === 0 ? literal.indexOf('=', 1) : eq
    if (at < 0) return { ok: false, error: `invalid literal source ${literal}, expected key=value` }
    const added = target.add(literal.slice(0, at), literal.slice(at + 1))
    if (!added.ok) return added
  }
  return { ok: true }
}

export async function addFiles(
  target: KeyValues,
  sources: readonly string[],
  shell: CommandContext,
): Promise<SourceResult> {
  for (const source of sources) {
    const eq = source.indexOf('=')
    const key = eq < 0 ? '' : source.slice(0, eq)
    const path = eq < 0 ? source : source.slice(eq + 1)
    if (eq >= 0 && (key === '' || path === ''))
      return {
        ok: false,
        error: `key names or file paths cannot be empty`,
      }
    const full = shell.resolve(path)
    if (!(await shell.fs.exists(full)))
      return { ok: false, error: `error reading ${path}: no such file or directory` }
    const st = await shell.fs.stat(full)
    if (st.isDirectory) {
      if (key !== '') return { ok: false, error: 'cannot give a key name for a directory path' }
      const names = (await shell.fs.readdir(full)).sort()
      for (const name of names) {
        const child = `${full.replace(/\/$/, '')}/${name}`
        const cst = await shell.fs.stat(child)
        if (!cst.isFile || !CONFIG_KEY.test(name)) continue
        const added = target.add(name, await shell.fs.readFile(child))
        if (!added.ok) return added
      }
      continue
    }
    const added = target.add(
      key !== '' ? key : (path.split('/').pop() ?? path),
      await shell.fs.readFile(full),
    )
    if (!added.ok) return added
  }
  return { ok: true }
}

/** cmdutil env files: KEY=value lines, `#` comments and blank lines skipped, a bare KEY empty. */
export async function addEnvFiles(
  target: KeyValues,
  files: readonly string[],
  shell: CommandContext,
): Promise<SourceResult> {
  for (const file of files) {
    const full = shell.resolve(file)
    if (!(await shell.fs.exists(full)))
      return { ok: false, error: `error reading ${file}: no such file or directory` }
    const text = await shell.fs.readFile(full)
    let lineNo = 0
    for (const raw of text.split('\n')) {
      lineNo++
      const line = raw.replace(/^[\s\uFEFF]+/, '')
      if (line === '' || line.startsWith('#')) continue
      const eq = line.indexOf('=')
      const key = eq < 0 ? line.trimEnd() : line.slice(0, eq)
      if (!ENV_NAME.test(key))
        return {
          ok: false,
          error: `${JSON.stringify(key)} is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
        }
      void lineNo
      const value = eq < 0 ? (shell.env.get(key) ?? '') : line.slice(eq + 1)
      const added = target.add(key, value)
      if (!added.ok) return added
    }
  }
  return { ok: true }
}
