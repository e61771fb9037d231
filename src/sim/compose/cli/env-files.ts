import type { CommandContext } from '../../shell/command'
import type { ComposeProject } from '../model'

/** The services' env_file texts, by path (a missing optional file is left out). */
export async function readEnvFiles(
  shell: CommandContext,
  project: ComposeProject,
  services: readonly string[],
): Promise<Map<string, string>> {
  const texts = new Map<string, string>()
  for (const name of services)
    for (const file of project.services[name]?.env_file ?? []) {
      if (texts.has(file.path)) continue
      if (await shell.fs.exists(file.path)) texts.set(file.path, await shell.fs.readFile(file.path))
    }
  return texts
}
