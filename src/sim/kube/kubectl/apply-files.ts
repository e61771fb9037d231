/**
 * `-f FILE|DIR|-` as kubectl's resource builder reads it for apply, create, delete and replace:
 * files in the order given, directories' .json/.yaml/.yml files sorted by name (recursively with
 * -R), `-` from stdin; each decoded into objects by the API's manifest decoder. Per-document
 * failures travel with the objects (kubectl reports them after the others went through); a file
 * that cannot be read or parsed stops everything.
 */
import type { CommandContext } from '../../shell/command'
import { decodeManifests, type ManifestEntry } from '../api/manifest'

const EXTENSIONS = ['.json', '.yaml', '.yml']

export interface ManifestFiles {
  readonly entries: readonly ManifestEntry[]
  /** A failure that ends the command (after what was read before it), as `error: …` text. */
  readonly fatal?: string
}

async function filesUnder(
  shell: CommandContext,
  dir: string,
  shown: string,
  recursive: boolean,
): Promise<string[][]> {
  const out: string[][] = []
  for (const name of (await shell.fs.readdir(dir)).sort()) {
    const full = `${dir.replace(/\/$/, '')}/${name}`
    const display = `${shown.replace(/\/$/, '')}/${name}`
    const st = await shell.fs.stat(full)
    if (st.isDirectory) {
      if (recursive) out.push(...(await filesUnder(shell, full, display, true)))
      continue
    }
    if (EXTENSIONS.some((e) => name.endsWith(e))) out.push([full, display])
  }
  return out
}

/** The paths behind each -f value, or kubectl's error for the first that does not resolve. */
async function expand(
  shell: CommandContext,
  filenames: readonly string[],
  recursive: boolean,
): Promise<{ files: { path: string; shown: string }[]; error?: string }> {
  const files: { path: string; shown: string }[] = []
  for (const name of filenames) {
    if (name === '-') {
      files.push({ path: '-', shown: 'STDIN' })
      continue
    }
    if (/^https?:\/\//.test(name))
      return {
        files,
        error: `unable to read URL "${name}", server reported 0 , status code=0`,
      }
    const full = shell.resolve(name)
    if (!(await shell.fs.exists(full))) return { files, error: `the path "${name}" does not exist` }
    const st = await shell.fs.stat(full)
    if (!st.isDirectory) {
      files.push({ path: full, shown: name })
      continue
    }
    const found = await filesUnder(shell, full, name, recursive)
    if (found.length === 0)
      return {
        files,
        error: `error reading [${name}]: recognized file extensions are [.json .yaml .yml]`,
      }
    for (const [path = '', shown = ''] of found) files.push({ path, shown })
  }
  return { files }
}

/** Reads and decodes every manifest the -f values name. */
export async function readManifests(
  shell: CommandContext,
  filenames: readonly string[],
  options: { recursive?: boolean; validate?: boolean } = {},
): Promise<ManifestFiles> {
  const { files, error } = await expand(shell, filenames, options.recursive === true)
  const entries: ManifestEntry[] = []
  for (const file of files) {
    const text = file.path === '-' ? shell.stdin : await shell.fs.readFile(file.path)
    const decoded = decodeManifests(text, file.shown, { validate: options.validate !== false })
    entries.push(...decoded.entries)
    if (decoded.fatal !== undefined) return { entries, fatal: decoded.fatal.message }
  }
  return error === undefined ? { entries } : { entries, fatal: error }
}

/** `--validate` as a decode switch: strict/warn/true check apiVersion and kind, false/ignore do not. */
export function validationEnabled(value: string): boolean {
  return !['false', 'ignore'].includes(value.toLowerCase())
}

/** The API's fieldValidation directive for a --validate value. */
export function fieldValidation(value: string): 'Strict' | 'Warn' | 'Ignore' {
  const v = value.toLowerCase()
  if (v === 'warn') return 'Warn'
  if (v === 'false' || v === 'ignore') return 'Ignore'
  return 'Strict'
}
