/**
 * Where an app process listens: read from its command line (`--port 8000`, `-b 0.0.0.0:8000`,
 * `http.server 8000`), from its source (`app.listen(process.env.PORT || 3000)`,
 * `app.run(host='0.0.0.0', port=5000)`) and its environment, falling back on what the
 * framework does by default. Listening on a loopback address only is the classic trap: the
 * published port then finds nothing on the container's eth0.
 */
import { literalOf, splitArguments, type Dialect } from './literals'

export interface ListenAddress {
  /** As the program binds it: `0.0.0.0`, `::`, `127.0.0.1`, `localhost`. */
  host: string
  port: number
}

export const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host.startsWith('127.')

/** The environment as a lookup (`KEY=value` entries, the last one wins). */
export function envLookup(env: readonly string[]): (name: string) => string | undefined {
  return (name) => {
    let found: string | undefined
    for (const entry of env) if (entry.startsWith(`${name}=`)) found = entry.slice(name.length + 1)
    return found
  }
}

/** The value of an option: `--port 8000`, `--port=8000`, `-p 8000`, `-p8000`. */
export function optionValue(argv: readonly string[], names: readonly string[]): string | undefined {
  let found: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? ''
    for (const name of names) {
      if (word === name) found = argv[i + 1]
      else if (name.startsWith('--') && word.startsWith(`${name}=`))
        found = word.slice(name.length + 1)
      else if (!name.startsWith('--') && word.startsWith(name) && word.length > name.length)
        found = word.slice(name.length)
    }
  }
  return found
}

/** `0.0.0.0:8000`, `:8000`, `[::]:8000`, `8000`, `localhost` into its parts. */
export function splitHostPort(text: string): { host?: string; port?: number } {
  const v6 = /^\[([^\]]*)\](?::(\d+))?$/.exec(text)
  if (v6 !== null) return { host: v6[1] ?? '::', ...(v6[2] ? { port: Number(v6[2]) } : {}) }
  if (/^\d+$/.test(text)) return { port: Number(text) }
  const at = text.lastIndexOf(':')
  if (at < 0) return { host: text }
  const port = text.slice(at + 1)
  return {
    host: text.slice(0, at) === '' ? '0.0.0.0' : text.slice(0, at),
    ...(/^\d+$/.test(port) ? { port: Number(port) } : {}),
  }
}

/** Assignments at any depth of `source`: `PORT = 5000`, `const port = process.env.PORT || 3000`. */
function assignment(source: string, name: string, dialect: Dialect): string | undefined {
  const escaped = name.replace(/[$]/g, '\\$')
  const pattern =
    dialect === 'js'
      ? new RegExp(`(?:const|let|var)\\s+${escaped}\\s*=\\s*([^;\\n]+)`)
      : new RegExp(`^\\s*${escaped}\\s*=\\s*([^\\n#]+)`, 'm')
  return pattern.exec(source)?.[1]?.trim()
}

/**
 * Evaluates the small expressions apps compute their port or host with: literals, environment
 * look-ups with a default (`process.env.PORT || 3000`, `os.environ.get('PORT', 5000)`,
 * `os.getenv("PORT", "8080")`, `int(…)`, `Number(…)`), and names assigned such a value.
 */
export function evaluate(
  expr: string,
  source: string,
  env: (name: string) => string | undefined,
  dialect: Dialect,
  depth = 0,
): string | number | undefined {
  const text = expr.trim()
  if (text === '' || depth > 4) return undefined
  const literal = literalOf(text, dialect)
  if (typeof literal === 'string' || typeof literal === 'number') return literal
  const wrapped = /^(?:int|str|Number|parseInt|String)\s*\((.*)\)$/s.exec(text)
  if (wrapped !== null) {
    const inner = splitArguments(wrapped[1] ?? '', dialect)[0] ?? ''
    const value = evaluate(inner, source, env, dialect, depth + 1)
    return /^(int|Number|parseInt)/.test(text) && value !== undefined ? Number(value) : value
  }
  if (dialect === 'js') {
    const alternatives = text.split(/\|\||\?\?/)
    if (alternatives.length > 1) {
      for (const part of alternatives) {
        const value = evaluate(part, source, env, dialect, depth + 1)
        if (value !== undefined && value !== '') return value
      }
      return undefined
    }
    const envRef = /^process\.env(?:\.(\w+)|\[\s*['"](\w+)['"]\s*\])$/.exec(text)
    if (envRef !== null) return env(envRef[1] ?? envRef[2] ?? '')
  } else {
    const get = /^os\.(?:environ\.get|getenv)\s*\((.*)\)$/s.exec(text)
    if (get !== null) {
      const [name = '', fallback] = splitArguments(get[1] ?? '', dialect)
      const key = literalOf(name, dialect)
      const value = typeof key === 'string' ? env(key) : undefined
      if (value !== undefined) return value
      return fallback === undefined
        ? undefined
        : evaluate(fallback, source, env, dialect, depth + 1)
    }
    const item = /^os\.environ\s*\[\s*['"](\w+)['"]\s*\]$/.exec(text)
    if (item !== null) return env(item[1] ?? '')
    const or = text.split(/\s+or\s+/)
    if (or.length > 1) {
      for (const part of or) {
        const value = evaluate(part, source, env, dialect, depth + 1)
        if (value !== undefined && value !== '') return value
      }
      return undefined
    }
  }
  if (/^[A-Za-z_$][\w$]*$/.test(text)) {
    const assigned = assignment(source, text, dialect)
    return assigned === undefined ? undefined : evaluate(assigned, source, env, dialect, depth + 1)
  }
  return undefined
}

export function asPort(value: string | number | undefined): number | undefined {
  const n = typeof value === 'number' ? value : Number(value ?? 'x')
  return Number.isInteger(n) && n >= 0 && n < 65536 ? n : undefined
}
