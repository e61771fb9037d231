/**
 * Where commands get their project: the loader (src/sim/compose/load, `loadProject`) given the
 * global options. Kept behind one function type so the commands do not depend on how the
 * loader is called, and tests can hand a project built in code.
 */
import { err, type Result } from '../../core/errors'
import type { CommandContext } from '../../shell/command'
import { loadProject } from '../load'
import type { ComposeProject } from '../model'
import { EXIT, type ComposeFailure, type GlobalOptions } from './command'

export type ProjectLoader = (
  global: GlobalOptions,
  shell: CommandContext,
) => Promise<Result<ComposeProject, ComposeFailure>>

/** compose's failure categories: a missing file (14) or one it cannot use (15). */
function exitCodeFor(message: string): number {
  return message.startsWith('no configuration file provided') ? EXIT.fileNotFound : EXIT.parse
}

export const defaultProjectLoader: ProjectLoader = async (global, shell) => {
  const loaded = await loadProject(
    {
      cwd: shell.cwd,
      files: global.files,
      ...(global.projectName === '' ? {} : { projectName: global.projectName }),
      ...(global.projectDirectory === ''
        ? {}
        : { projectDirectory: shell.resolve(global.projectDirectory) }),
      envFiles: global.envFiles,
      profiles: global.profiles,
      stdin: shell.stdin,
    },
    shell.fs,
    shell.env,
  )
  if (loaded.ok) return loaded
  return err({ message: loaded.error.message, exitCode: exitCodeFor(loaded.error.message) })
}
