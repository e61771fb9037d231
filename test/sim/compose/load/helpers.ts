import { VirtualFs } from '../../../../src/sim/fs/virtual-fs'

/** A fresh filesystem holding `files` (absolute path → text), parents created. */
export async function fsWith(files: Record<string, string>): Promise<VirtualFs> {
  const fs = new VirtualFs()
  for (const [path, text] of Object.entries(files)) {
    await fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true })
    await fs.writeFile(path, text)
  }
  return fs
}
