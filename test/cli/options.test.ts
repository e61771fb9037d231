import { describe, expect, test } from 'vitest'
import { USAGE, helpText, parseArguments } from '../../src/cli/options'

const none = new Set<string>()

describe('parseArguments reads the command line the way bash does', () => {
  test('no arguments: the shell (interactive or stdin script) with seed 1', () => {
    expect(parseArguments([], none)).toEqual({ kind: 'shell', seed: 1, args: [] })
  })

  test('-c takes the first operand as the line; operands after NAME become $1…', () => {
    expect(parseArguments(['-c', 'echo hi'], none)).toEqual({
      kind: 'command',
      seed: 1,
      line: 'echo hi',
      args: [],
    })
    expect(parseArguments(['-c', 'echo $1', 'name', 'one', 'two'], none)).toEqual({
      kind: 'command',
      seed: 1,
      line: 'echo $1',
      args: ['one', 'two'],
    })
  })

  test('a first operand is the script; everything after it belongs to the script', () => {
    expect(parseArguments(['run.sh', '-x', '--seed', '3'], none)).toEqual({
      kind: 'script',
      seed: 1,
      path: 'run.sh',
      args: ['-x', '--seed', '3'],
    })
  })

  test('--seed N and --seed=N set the seed', () => {
    expect(parseArguments(['--seed', '42', '-c', 'true'], none)).toMatchObject({ seed: 42 })
    expect(parseArguments(['--seed=7', 'f.sh'], none)).toMatchObject({ kind: 'script', seed: 7 })
  })

  test('- and -- end the options', () => {
    expect(parseArguments(['-', 'a'], none)).toEqual({ kind: 'shell', seed: 1, args: ['a'] })
    expect(parseArguments(['--', '-c'], none)).toEqual({
      kind: 'script',
      seed: 1,
      path: '-c',
      args: [],
    })
  })

  test('--help and --version', () => {
    expect(parseArguments(['--help'], none)).toEqual({ kind: 'help' })
    expect(parseArguments(['--version'], none)).toEqual({ kind: 'version' })
  })

  test('unknown options, a missing -c line and a bad seed are usage errors', () => {
    expect(parseArguments(['-x'], none)).toEqual({
      kind: 'usage-error',
      message: '-x: invalid option',
    })
    expect(parseArguments(['--nope'], none)).toEqual({
      kind: 'usage-error',
      message: '--nope: invalid option',
    })
    expect(parseArguments(['-c'], none)).toEqual({
      kind: 'usage-error',
      message: '-c: option requires an argument',
    })
    expect(parseArguments(['--seed'], none)).toEqual({
      kind: 'usage-error',
      message: '--seed: option requires an argument',
    })
    expect(parseArguments(['--seed', '-1'], none)).toEqual({
      kind: 'usage-error',
      message: '--seed: -1: invalid number',
    })
    expect(parseArguments(['--seed=4294967296'], none)).toEqual({
      kind: 'usage-error',
      message: '--seed: 4294967296: invalid number',
    })
  })

  test('a registered subcommand name takes the rest of the line', () => {
    expect(
      parseArguments(['--seed', '2', 'api', '--docker', '127.0.0.1:2375'], new Set(['api'])),
    ).toEqual({ kind: 'subcommand', seed: 2, name: 'api', args: ['--docker', '127.0.0.1:2375'] })
    // Without the registration, `api` is a script file, as in bash.
    expect(parseArguments(['api'], none)).toMatchObject({ kind: 'script', path: 'api' })
  })
})

describe('helpText', () => {
  test('shows the usage, the modes, the options and the registered subcommands', () => {
    expect(helpText([{ name: 'api', summary: 'serve the Docker and Kubernetes APIs' }])).toBe(
      `${USAGE}
Quai: a simulated bash with docker, kubectl and friends, for learning offline.
Nothing typed into Quai touches this computer: its files and processes are simulated.

  quai                  interactive shell (when standard input is a terminal)
  quai < FILE           run the script read from standard input
  quai FILE [ARG...]    run the script FILE (read from this computer)
  quai -c COMMAND       run COMMAND and exit with its status

Options:
  -c                    read commands from the first operand
  --seed N              seed of the simulated machine's randomness (default 1)
  --help                show this help and exit
  --version             show the version and exit

Subcommands:
  api ...               serve the Docker and Kubernetes APIs
`,
    )
  })

  test('leaves the subcommand section out while none is registered', () => {
    expect(helpText([])).not.toContain('Subcommands:')
    expect(helpText([]).endsWith('  --version             show the version and exit\n')).toBe(true)
  })
})
