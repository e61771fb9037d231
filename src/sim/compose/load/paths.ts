/**
 * POSIX path arithmetic for the loader (Go's path/filepath on Linux): the simulated filesystem
 * has no node:path, and Compose resolves every relative path against a known directory.
 */

export function normalize(path: string): string {
  const absolute = path.startsWith('/')
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop()
      else if (!absolute) parts.push('..')
      continue
    }
    parts.push(part)
  }
  const joined = parts.join('/')
  if (absolute) return `/${joined}`
  return joined === '' ? '.' : joined
}

export function join(...parts: string[]): string {
  return normalize(parts.filter((p) => p !== '').join('/'))
}

export function isAbs(path: string): boolean {
  return path.startsWith('/')
}

/** `path` made absolute against `base` (already absolute), as filepath.Abs would from there. */
export function resolve(base: string, path: string): string {
  return isAbs(path) ? normalize(path) : join(base, path)
}

export function dirname(path: string): string {
  const clean = normalize(path)
  const i = clean.lastIndexOf('/')
  if (i < 0) return '.'
  if (i === 0) return '/'
  return clean.slice(0, i)
}

export function basename(path: string): string {
  const clean = normalize(path)
  if (clean === '/') return '/'
  return clean.slice(clean.lastIndexOf('/') + 1)
}

/** `~` and `~/x` expand to the user's home, as Compose does for bind sources and env files. */
export function expandHome(path: string, home: string | undefined): string {
  if (home === undefined) return path
  if (path === '~') return home
  if (path.startsWith('~/')) return join(home, path.slice(2))
  return path
}
