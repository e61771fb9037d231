import { warnLine } from './errors'
import { dirname, join } from './paths'

/** What the loader needs of a filesystem (VirtualFs has it; tests may pass a smaller one). */
export interface LoaderFs {
  readFile(path: string): Promise<string>
  exists(path: string): Promise<boolean>
  stat(path: string): Promise<{ isFile: boolean; isDirectory: boolean }>
}

/** compose-go's DefaultFileNames and DefaultOverrideFileNames, in order of preference. */
export const DEFAULT_FILE_NAMES = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yml',
  'docker-compose.yaml',
]
export const DEFAULT_OVERRIDE_FILE_NAMES = [
  'compose.override.yml',
  'compose.override.yaml',
  'docker-compose.override.yml',
  'docker-compose.override.yaml',
]

export async function isFile(fs: LoaderFs, path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isFile
  } catch {
    return false
  }
}

async function existing(fs: LoaderFs, dir: string, names: string[]): Promise<string[]> {
  const found: string[] = []
  for (const name of names) {
    const path = join(dir, name)
    if (await fs.exists(path)) found.push(path)
  }
  return found
}

/**
 * Looks for a compose file in `dir`, then in each parent up to `/`: the first directory with one
 * wins, with its override file if any. Several candidates give Compose's two warnings.
 */
export async function discoverConfigFiles(
  fs: LoaderFs,
  dir: string,
  warnings: string[],
): Promise<string[]> {
  let current = dir
  for (;;) {
    const candidates = await existing(fs, current, DEFAULT_FILE_NAMES)
    const winner = candidates[0]
    if (winner !== undefined) {
      if (candidates.length > 1) {
        warnings.push(
          warnLine(`Found multiple config files with supported names: ${candidates.join(', ')}`),
        )
        warnings.push(warnLine(`Using ${winner}`))
      }
      const files = [winner]
      const overrides = await existing(fs, current, DEFAULT_OVERRIDE_FILE_NAMES)
      const override = overrides[0]
      if (override !== undefined) {
        if (overrides.length > 1) {
          warnings.push(
            warnLine(`Found multiple override files with supported names: ${overrides.join(', ')}`),
          )
          warnings.push(warnLine(`Using ${override}`))
        }
        files.push(override)
      }
      return files
    }
    const parent = dirname(current)
    if (parent === current) return []
    current = parent
  }
}
