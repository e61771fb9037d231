import { output, type ShellCommand } from '../command'

const BASH_BUILTINS = [
  'alias',
  'cd',
  'echo',
  'exit',
  'export',
  'false',
  'history',
  'if',
  'for',
  'while',
  'printf',
  'pwd',
  'read',
  'set',
  'source',
  'true',
  'type',
  'unalias',
  'unset',
]

export const help: ShellCommand = {
  name: 'help',
  summary: 'list the commands this shell knows',
  run: async (args, ctx) => {
    const topic = args[0]
    if (topic !== undefined) {
      const command = ctx.commands.get(topic)
      if (command) return output(`${command.name}: ${command.summary}\n`)
      if (BASH_BUILTINS.includes(topic))
        return output(`${topic}: a bash builtin; see 'man bash'.\n`)
      return {
        stdout: '',
        stderr: `bash: help: no help topics match \`${topic}'.  Try \`help help' or \`man -k ${topic}' or \`info ${topic}'.\n`,
        exitCode: 1,
      }
    }
    const width = Math.max(...ctx.commands.all().map((c) => c.name.length))
    const lines = ctx.commands.all().map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`)
    return output(
      [
        'Quai, a simulated Linux shell (GNU bash look-alike) for learning DevOps.',
        '',
        'Shell builtins: ' + BASH_BUILTINS.join(' '),
        'Tools: ls cat cp mv rm mkdir grep sed awk sort uniq wc head tail find tree jq … (GNU coreutils)',
        '',
        'Quai commands:',
        ...lines,
        '',
        "Type 'COMMAND --help' for the details of one command.",
        '',
      ].join('\n'),
    )
  },
}
