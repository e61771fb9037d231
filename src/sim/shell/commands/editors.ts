import { runNano } from '../editors/nano'
import { runVi } from '../editors/vi'
import type { EditorFiles } from '../editors/editor-files'
import { failure, output, type CommandContext, type ShellCommand } from '../command'

type Editor = typeof runNano

function editorFiles(ctx: CommandContext): EditorFiles {
  return {
    readFile: (path) => ctx.fs.readFile(path),
    writeFile: (path, content) => ctx.fs.writeFile(path, content),
    exists: (path) => ctx.fs.exists(path),
    stat: async (path) => ({ isDirectory: (await ctx.fs.stat(path)).isDirectory }),
  }
}

function editorCommand(name: string, summary: string, run: Editor): ShellCommand {
  return {
    name,
    summary,
    run: async (args, ctx) => {
      if (ctx.tty === undefined)
        return failure(
          `${name}: no terminal attached: open ${name} in Quai's interactive terminal\n`,
        )
      // Options (nano -l, vim -R…) are accepted and ignored; the first other word is the file.
      const file = args.find((a) => !a.startsWith('-') && !a.startsWith('+'))
      const code = await run(
        ctx.tty,
        editorFiles(ctx),
        file === undefined ? undefined : ctx.resolve(file),
        file ?? '',
        {
          cwd: ctx.cwd,
          now: () => ctx.clock.now(),
        },
      )
      return output('', '', code)
    },
  }
}

export const nano = editorCommand(
  'nano',
  'edit a file in a full-screen text editor (GNU nano)',
  runNano,
)
export const vi = editorCommand('vi', 'edit a file in a modal text editor (vim, minimal)', runVi)
export const vim = editorCommand('vim', 'edit a file in a modal text editor (vim, minimal)', runVi)

export const editorCommands: readonly ShellCommand[] = [nano, vi, vim]
