/**
 * `quai`: the Quai shell on a real terminal, or running scripts like `bash -c` / `bash FILE`.
 * Bundled by scripts/build-cli.mjs into out/cli/quai.mjs; bin/quai.mjs launches it.
 */
import { Session } from '../sim/shell/session'
import { createShellTerminal } from '../sim/shell/terminal'
import { readAll, readScriptFile, redirectedStdin } from './host-input'
import { runInteractive } from './interactive'
import { USAGE, VERSION, helpText, parseArguments } from './options'
import { runScript, type OutputSink } from './script'
import { subcommands } from './subcommands'

const hostOutput: OutputSink = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
}

async function main(argv: readonly string[]): Promise<number> {
  const invocation = parseArguments(argv, new Set(subcommands.map((s) => s.name)))
  switch (invocation.kind) {
    case 'help':
      hostOutput.stdout(helpText(subcommands))
      return 0
    case 'version':
      hostOutput.stdout(`quai ${VERSION}\n`)
      return 0
    case 'usage-error':
      // bash: `bash: -x: invalid option`, then its usage, status 2.
      hostOutput.stderr(`quai: ${invocation.message}\n${USAGE}`)
      return 2
    case 'subcommand': {
      const subcommand = subcommands.find((s) => s.name === invocation.name)
      if (subcommand === undefined) throw new Error(`unregistered subcommand ${invocation.name}`)
      return subcommand.run(invocation.args, { seed: invocation.seed })
    }
    case 'command': {
      const stdin = await redirectedStdin()
      const session = await Session.create({ seed: invocation.seed, timing: 'instant' })
      return runScript(session, invocation.line, hostOutput, { args: invocation.args, stdin })
    }
    case 'script': {
      const file = await readScriptFile(invocation.path)
      if ('error' in file) {
        hostOutput.stderr(`quai: ${file.error}\n`)
        return file.status
      }
      const stdin = await redirectedStdin()
      const session = await Session.create({ seed: invocation.seed, timing: 'instant' })
      return runScript(session, file.text, hostOutput, { args: invocation.args, stdin })
    }
    case 'shell': {
      if (process.stdin.isTTY) {
        const session = await Session.create({ seed: invocation.seed, timing: 'realtime' })
        return runInteractive(session, createShellTerminal)
      }
      const text = await readAll(process.stdin)
      const session = await Session.create({ seed: invocation.seed, timing: 'instant' })
      return runScript(session, text, hostOutput, { args: invocation.args })
    }
  }
}

// A reader that goes away (`quai -c 'seq 100000' | head -1`) ends quai as SIGPIPE ends bash
// (128 + 13). Node restores the terminal's mode on exit.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`quai: write error: ${error.message}\n`)
  process.exit(error.code === 'EPIPE' ? 141 : 1)
})

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status
    // A raw-mode stdin or a listener can keep Node's loop alive after the shell has ended;
    // writes to terminals, pipes and files are synchronous on Linux, so nothing is lost.
    if (process.stdin.isTTY) process.exit(status)
  },
  (error: unknown) => {
    process.stderr.write(
      `quai: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
    )
    // EX_SOFTWARE (sysexits.h): a fault in Quai, not in the student's command.
    process.exit(70)
  },
)
