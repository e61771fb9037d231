import { failure, output, type ShellCommand } from '../command'

export const history: ShellCommand = {
  name: 'history',
  summary: 'display the command history list',
  run: async (args, ctx) => {
    const lines = ctx.history
    let shown = lines.map((line, i) => ({ n: i + 1, line }))
    const count = args[0]
    if (count !== undefined) {
      if (!/^\d+$/.test(count))
        return failure(`bash: history: ${count}: numeric argument required\n`, 1)
      shown = shown.slice(Math.max(0, shown.length - Number(count)))
    }
    return output(shown.map(({ n, line }) => `${String(n).padStart(5)}  ${line}\n`).join(''))
  },
}
