import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import {
  flagUsagesWrapped,
  kubectlFlagUsages,
  kubectlWrapLimit,
  wordWrap,
} from '../../../src/sim/cli-kit/flag-help'
import { readCsvRecord } from '../../../src/sim/cli-kit/flag-values'
import {
  dockerFlagError,
  FlagError,
  FlagSet,
  helpFlag,
  kubectlFlagError,
  listOpts,
  mapOpts,
  wordSepNormalize,
  type CustomFlagSpec,
} from '../../../src/sim/cli-kit/flags'
import { DOCKER, KUBECTL, oracleAvailable, runDocker, runKubectl } from './oracle'

function list<const N extends string>(name: N, usage: string, shorthand?: string) {
  return listOpts(shorthand === undefined ? { name, usage } : { name, usage, shorthand })
}

// A slice of `docker run`'s table (docker 28), enough for the behaviours under test.
const runFlags = new FlagSet(
  [
    { name: 'detach', shorthand: 'd', type: 'bool', usage: 'Run container in background' },
    { name: 'interactive', shorthand: 'i', type: 'bool', usage: 'Keep STDIN open' },
    { name: 'tty', shorthand: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
    { name: 'rm', type: 'bool', usage: 'Automatically remove the container' },
    { name: 'name', type: 'string', usage: 'Assign a name to the container' },
    { name: 'hostname', shorthand: 'h', type: 'string', usage: 'Container host name' },
    { name: 'memory', shorthand: 'm', type: 'bytes', usage: 'Memory limit' },
    { name: 'cpus', type: 'decimal', usage: 'Number of CPUs' },
    { name: 'stop-timeout', type: 'int', usage: 'Timeout (in seconds) to stop a container' },
    { name: 'health-interval', type: 'duration', usage: 'Time between running the check' },
    { name: 'blkio-weight', type: 'uint16', usage: 'Block IO (relative weight)' },
    { name: 'memory-swappiness', type: 'int64', default: -1, usage: 'Tune swappiness' },
    { name: 'pull', type: 'string', default: 'missing', usage: 'Pull image before running' },
    { name: 'platform', type: 'string', usage: 'Set platform' },
    mapOpts({ name: 'annotation', usage: 'Add an annotation' }),
    list('publish', "Publish a container's port(s) to the host", 'p'),
    list('env', 'Set environment variables', 'e'),
    helpFlag('Print usage', { shorthand: undefined, hidden: true }),
  ] as const,
  { interspersed: false },
)

describe('flag parsing (pflag rules)', () => {
  it('stops at the first positional in non-interspersed mode (docker run IMAGE CMD…)', () => {
    const r = runFlags.parse(['-it', '--rm', 'alpine', 'sh', '-c', 'ls -l'])
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.args).toEqual(['alpine', 'sh', '-c', 'ls -l'])
    expect(r.values.interactive).toBe(true)
    expect(r.values.tty).toBe(true)
    expect(r.values.rm).toBe(true)
    expect(r.values.detach).toBe(false)
    expect(r.changed).toEqual(['interactive', 'tty', 'rm'])
    // The table types the values: these assignments must compile.
    const detach: boolean = r.values.detach
    const publish: string[] = r.values.publish
    const memory: number = r.values.memory
    const annotations: Record<string, string> = r.values.annotation
    expect([detach, publish, memory, annotations]).toEqual([false, [], 0, {}])
  })

  it('reads every value spelling: --n v, --n=v, -n v, -nv, -n=v, grouped -dit', () => {
    const r = runFlags.parse([
      '-dit',
      '--name',
      'web',
      '--pull=always',
      '-p',
      '8080:80',
      '-p8443:443',
      '-p=9000:9000',
      '-e',
      'A=1,B=2',
      '-m512m',
      '--cpus=1.5',
      '--health-interval',
      '1m30s',
      'nginx',
    ])
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.values).toMatchObject({
      detach: true,
      interactive: true,
      tty: true,
      name: 'web',
      pull: 'always',
      publish: ['8080:80', '8443:443', '9000:9000'],
      env: ['A=1,B=2'],
      memory: 536870912,
      cpus: 1500000000,
      'health-interval': 90e9,
      annotation: {},
      'memory-swappiness': -1,
    })
    expect(r.args).toEqual(['nginx'])
  })

  it('takes --bool=false, and a separate "false" is a positional', () => {
    const r = runFlags.parse(['--rm=false', '-t=true', 'img'])
    expect(r.ok && [r.values.rm, r.values.tty, r.args]).toEqual([false, true, ['img']])
    const s = runFlags.parse(['--rm', 'false'])
    expect(s.ok && s.args).toEqual(['false'])
  })

  it('ends flags at -- and records how many positionals came before it', () => {
    const ls = new FlagSet([{ name: 'all', shorthand: 'a', type: 'bool', usage: '' }] as const)
    const r = ls.parse(['x', '-a', '--', '-a', 'y'])
    expect(r.ok && [r.args, r.argsLenAtDash, r.values.all]).toEqual([['x', '-a', 'y'], 1, true])
    const single = ls.parse(['-'])
    expect(single.ok && single.args).toEqual(['-'])
  })

  it('splits stringSlice values as CSV and keeps stringArray values whole', () => {
    const set = new FlagSet([
      { name: 'image', type: 'stringSlice', usage: '' },
      { name: 'env', type: 'stringArray', default: ['X=1'], usage: '' },
      { name: 'labels', type: 'stringToString', usage: '' },
    ] as const)
    const r = set.parse([
      '--image=a,b',
      '--image',
      '"c,d",e',
      '--env=A=1,B=2',
      '--env',
      'C=3',
      '--labels',
      'k=v,x=y',
    ])
    expect(r.ok && r.values).toEqual({
      image: ['a', 'b', 'c,d', 'e'],
      env: ['A=1,B=2', 'C=3'],
      labels: { k: 'v', x: 'y' },
    })
  })

  it('counts repeated count flags and reports deprecations as stderr lines', () => {
    const set = new FlagSet([
      { name: 'verbose', shorthand: 'v', type: 'count', usage: '' },
      { name: 'old', type: 'string', deprecated: 'use --new instead', usage: '' },
      helpFlag('Print usage', { shorthandDeprecated: 'use --help', hidden: true }),
    ] as const)
    const r = set.parse(['-vvv', '--old', 'x', '-h'])
    expect(r.ok && [r.values.verbose, r.values.old, r.values.help]).toEqual([3, 'x', true])
    expect(r.warnings).toEqual([
      'Flag --old has been deprecated, use --new instead\n',
      'Flag shorthand -h has been deprecated, use --help\n',
    ])
  })

  it('normalizes kubectl-style names (dry_run is dry-run)', () => {
    const set = new FlagSet([{ name: 'dry-run', type: 'string', usage: '' }] as const, {
      normalizeName: wordSepNormalize,
    })
    const r = set.parse(['--dry_run=client'])
    expect(r.ok && r.values['dry-run']).toBe('client')
  })

  it('returns typed errors with pflag messages', () => {
    const cases: Array<[string[], string, string]> = [
      [['--badflag'], 'unknown-flag', 'unknown flag: --badflag'],
      [['-diz'], 'unknown-shorthand', "unknown shorthand flag: 'z' in -z"],
      [['--name'], 'needs-argument', 'flag needs an argument: --name'],
      [['-p'], 'needs-argument', "flag needs an argument: 'p' in -p"],
      [['---x'], 'bad-syntax', 'bad flag syntax: ---x'],
      [
        ['-m', 'abc'],
        'invalid-argument',
        `invalid argument "abc" for "-m, --memory" flag: invalid size: 'abc'`,
      ],
    ]
    for (const [argv, code, message] of cases) {
      const r = runFlags.parse(argv)
      expect(r.ok).toBe(false)
      if (r.ok) continue
      expect(r.error).toBeInstanceOf(FlagError)
      expect([r.error.code, r.error.message]).toEqual([code, message])
    }
  })

  it('frames errors the way kubectl prints them', () => {
    const r = runFlags.parse(['--nope'])
    if (r.ok) throw new Error('expected an error')
    expect(kubectlFlagError(r.error, 'kubectl get')).toBe(
      "Error: unknown flag: --nope\nSee 'kubectl get --help' for usage.\n",
    )
  })

  it('reads CSV records like encoding/csv, errors included', () => {
    expect(readCsvRecord('a,"b,c",,"d""e"')).toEqual({ ok: true, value: ['a', 'b,c', '', 'd"e'] })
    expect(readCsvRecord('')).toEqual({ ok: true, value: [] })
  })
})

const USE_RUN = 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]'

describe.runIf(oracleAvailable(DOCKER, 'docker'))('flag errors match the docker CLI', () => {
  const failing: string[][] = [
    ['--badflag', 'x'],
    ['-z', 'x'],
    ['-dit', '-z', 'x'],
    ['--name'],
    ['-p'],
    ['-h'],
    ['--pull'],
    ['---x'],
    ['--=x'],
    ['-=x'],
    ['-m', 'abc', 'x'],
    ['--memory=abc', 'x'],
    ['-m', '1.2.3', 'x'],
    ['-m', ' ', 'x'],
    ['-m', '-5', 'x'],
    ['-m', '5kbb', 'x'],
    ['-m', '5q', 'x'],
    ['-m', '0x10', 'x'],
    ['-m', 'inf', 'x'],
    ['-m', '5.5.g', 'x'],
    ['--rm=maybe', 'x'],
    ['--tty=', 'x'],
    ['-t=yes', 'x'],
    ['--cpus', 'abc', 'x'],
    ['--cpus', '0.0000000001', 'x'],
    ['--stop-timeout', 'abc', 'x'],
    ['--stop-timeout', '_1', 'x'],
    ['--stop-timeout', '99999999999999999999', 'x'],
    ['--stop-timeout', '1.5', 'x'],
    ['--health-interval', '1', 'x'],
    ['--health-interval', '1x', 'x'],
    ['--health-interval', '1.5.s', 'x'],
    ['--health-interval', '-', 'x'],
    ['--health-interval', '.s', 'x'],
    ['--health-interval', '9999999999h', 'x'],
    ['--health-interval', 'abc', 'x'],
    ['--blkio-weight', '99999', 'x'],
    ['--blkio-weight', '-1', 'x'],
    ['--blkio-weight', '+1', 'x'],
    ['--memory-swappiness', 'x1', 'x'],
    ['--help', '--badflag'],
  ]
  for (const argv of failing) {
    it(`docker run ${argv.join(' ')}`, () => {
      const real = runDocker(['run', ...argv])
      const r = runFlags.parse(argv)
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(dockerFlagError(r.error, USE_RUN, 'docker run')).toBe(real.stderr)
      expect(real.status).toBe(125)
    })
  }
})

const FORMAT_USAGE =
  "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"

function optionsBlock(help: string): string {
  const start = help.indexOf('Options:\n')
  return help.slice(start + 'Options:\n'.length).trimEnd()
}

describe.runIf(oracleAvailable(DOCKER, 'docker'))('docker --help Options block', () => {
  const filter: CustomFlagSpec<string[]> = {
    ...list('filter', 'Filter output based on conditions provided', 'f'),
    typeName: 'filter',
  }
  it('docker ps', () => {
    const ps = new FlagSet([
      {
        name: 'all',
        shorthand: 'a',
        type: 'bool',
        usage: 'Show all containers (default shows just running)',
      },
      filter,
      { name: 'format', type: 'string', usage: FORMAT_USAGE },
      {
        name: 'last',
        shorthand: 'n',
        type: 'int',
        default: -1,
        usage: 'Show n last created containers (includes all states)',
      },
      {
        name: 'latest',
        shorthand: 'l',
        type: 'bool',
        usage: 'Show the latest created container (includes all states)',
      },
      { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display container IDs' },
      { name: 'size', shorthand: 's', type: 'bool', usage: 'Display total file sizes' },
      helpFlag('Print usage', { hidden: true }),
    ] as const)
    const real = runDocker(['ps', '--help'])
    expect(flagUsagesWrapped(ps, 79).trimEnd()).toBe(optionsBlock(real.stdout))
  })

  it('docker exec', () => {
    const exec = new FlagSet(
      [
        {
          name: 'detach',
          shorthand: 'd',
          type: 'bool',
          usage: 'Detached mode: run command in the background',
        },
        {
          name: 'detach-keys',
          type: 'string',
          usage: 'Override the key sequence for detaching a container',
        },
        list('env', 'Set environment variables', 'e'),
        list('env-file', 'Read in a file of environment variables'),
        {
          name: 'interactive',
          shorthand: 'i',
          type: 'bool',
          usage: 'Keep STDIN open even if not attached',
        },
        { name: 'privileged', type: 'bool', usage: 'Give extended privileges to the command' },
        { name: 'tty', shorthand: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
        {
          name: 'user',
          shorthand: 'u',
          type: 'string',
          usage: 'Username or UID (format: "<name|uid>[:<group|gid>]")',
        },
        {
          name: 'workdir',
          shorthand: 'w',
          type: 'string',
          usage: 'Working directory inside the container',
        },
      ] as const,
      { interspersed: false },
    )
    const real = runDocker(['exec', '--help'])
    expect(flagUsagesWrapped(exec, 79).trimEnd()).toBe(optionsBlock(real.stdout))
  })

  it('docker logs (string defaults are quoted)', () => {
    const logs = new FlagSet([
      { name: 'details', type: 'bool', usage: 'Show extra details provided to logs' },
      { name: 'follow', shorthand: 'f', type: 'bool', usage: 'Follow log output' },
      {
        name: 'since',
        type: 'string',
        usage:
          'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
      },
      {
        name: 'tail',
        shorthand: 'n',
        type: 'string',
        default: 'all',
        usage: 'Number of lines to show from the end of the logs',
      },
      { name: 'timestamps', shorthand: 't', type: 'bool', usage: 'Show timestamps' },
      {
        name: 'until',
        type: 'string',
        usage:
          'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
      },
    ] as const)
    const real = runDocker(['logs', '--help'])
    expect(flagUsagesWrapped(logs, 79).trimEnd()).toBe(optionsBlock(real.stdout))
  })

  it('docker stop', () => {
    const stop = new FlagSet([
      { name: 'signal', shorthand: 's', type: 'string', usage: 'Signal to send to the container' },
      {
        name: 'timeout',
        shorthand: 't',
        type: 'int',
        usage: 'Seconds to wait before killing the container',
      },
    ] as const)
    const real = runDocker(['stop', '--help'])
    expect(flagUsagesWrapped(stop, 79).trimEnd()).toBe(optionsBlock(real.stdout))
  })
})

const createDeployment = new FlagSet(
  [
    {
      name: 'allow-missing-template-keys',
      type: 'bool',
      default: true,
      usage:
        'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
    },
    {
      name: 'dry-run',
      type: 'string',
      default: 'none',
      usage:
        'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
    },
    {
      name: 'field-manager',
      type: 'string',
      default: 'kubectl-create',
      usage: 'Name of the manager used to track field ownership.',
    },
    {
      name: 'image',
      type: 'stringSlice',
      usage:
        'Image names to run. A deployment can have multiple images set for multi-container pod.',
    },
    {
      name: 'output',
      shorthand: 'o',
      type: 'string',
      usage:
        'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
    },
    {
      name: 'port',
      type: 'int32',
      default: -1,
      usage: 'The containerPort that this deployment exposes.',
    },
    {
      name: 'replicas',
      shorthand: 'r',
      type: 'int32',
      default: 1,
      usage: 'Number of replicas to create. Default is 1.',
    },
    {
      name: 'save-config',
      type: 'bool',
      usage:
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
    },
    {
      name: 'show-managed-fields',
      type: 'bool',
      usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
    },
    {
      name: 'template',
      type: 'string',
      usage:
        'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
    },
    {
      name: 'validate',
      type: 'string',
      default: 'strict',
      usage:
        'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
    },
    helpFlag('help for deployment', { hidden: true }),
  ] as const,
  { normalizeName: wordSepNormalize },
)

function kubectlOptions(help: string): string {
  const start = help.indexOf('Options:\n')
  const end = help.indexOf('Usage:\n')
  return help.slice(start + 'Options:\n'.length, end)
}

describe.runIf(oracleAvailable(KUBECTL, 'kubectl'))('kubectl flags', () => {
  it('prints the Options block unwrapped off a terminal', () => {
    const real = runKubectl(['create', 'deployment', '--help'])
    expect(kubectlFlagUsages(createDeployment)).toBe(kubectlOptions(real.stdout))
  })

  for (const argv of [
    ['--replicas', 'abc'],
    ['-r'],
    ['--port', 'abc'],
    ['--image=a"b'],
    ['--image="ab"c'],
    ['--image="abc'],
    ['--nope'],
    ['-z'],
  ]) {
    it(`kubectl create deployment x ${argv.join(' ')}`, () => {
      const real = runKubectl(['create', 'deployment', 'x', '--dry-run=client', ...argv])
      const r = createDeployment.parse(['x', '--dry-run=client', ...argv])
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(kubectlFlagError(r.error, 'kubectl create deployment')).toBe(real.stderr)
      expect(real.status).toBe(1)
    })
  }
})

describe('kubectl help wrapping', () => {
  it('wraps usage to the terminal width minus 10 (80-column terminal)', () => {
    const out = kubectlFlagUsages(createDeployment, 80)
    expect(out.split('\n').slice(0, 5)).toEqual([
      '    --allow-missing-template-keys=true:',
      '\tIf true, ignore any errors in templates when a field or map key is',
      '\tmissing in the template. Only applies to golang and jsonpath output',
      '\tformats.',
      '',
    ])
  })

  it('go-wordwrap keeps words whole and lines within the limit', () => {
    expect(wordWrap('aaa bbb ccc ddd', 7)).toBe('aaa bbb\nccc ddd')
    expect(wordWrap('a verylongword b', 5)).toBe('a\nverylongword\nb')
  })
})

describe.runIf(oracleAvailable(DOCKER, 'docker'))(
  'docker help wrapping of multi-line usages',
  () => {
    it('indents embedded newlines and wraps each piece (docker run --cgroupns)', () => {
      const set = new FlagSet([
        {
          name: 'cgroupns',
          type: 'string',
          usage:
            "Cgroup namespace to use (host|private)\n'host':    Run the container in the Docker host's cgroup namespace\n'private': Run the container in its own private cgroup namespace\n'':        Use the cgroup namespace as configured by the\n           default-cgroupns-mode option on the daemon (default)",
        },
        {
          name: 'health-start-interval',
          type: 'duration',
          usage: 'Time between running the check during the start period (ms|s|m|h) (default 0s)',
        },
      ] as const)
      const real = runDocker(['run', '--help']).stdout.split('\n')
      const pick = (flag: string, lines: string[]): string[] => {
        const start = lines.findIndex((l) => l.startsWith(`      --${flag} `))
        let end = start + 1
        while (end < lines.length && /^ {41}/.test(lines[end] ?? '')) end++
        return lines.slice(start, end)
      }
      const ours = flagUsagesWrapped(set, 79).split('\n')
      expect(pick('cgroupns', ours)).toEqual(pick('cgroupns', real))
      expect(pick('health-start-interval', ours)).toEqual(pick('health-start-interval', real))
    })
  },
)

const SCRIPT = (() => {
  const r = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' })
  return r.status === 0 ? r.stdout.trim() : undefined
})()

describe.runIf(oracleAvailable(KUBECTL, 'kubectl') && oracleAvailable(SCRIPT, 'script'))(
  'kubectl help on a terminal',
  () => {
    for (const cols of [80, 100, 120]) {
      it(`wraps to ${cols} - 10 columns`, () => {
        const r = spawnSync(
          SCRIPT ?? 'script',
          ['-qc', `stty cols ${cols} rows 50; kubectl create deployment --help`, '/dev/null'],
          { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', KUBECONFIG: '/dev/null' } },
        )
        const help = r.stdout.replace(/\r\n/g, '\n')
        expect(kubectlFlagUsages(createDeployment, kubectlWrapLimit(cols))).toBe(
          kubectlOptions(help),
        )
      })
    }
  },
)

describe('docker opts helpers', () => {
  it('ListOpts validates and appends; MapOpts splits key=value; help spells their types', () => {
    const set = new FlagSet([
      listOpts({ name: 'env', shorthand: 'e', usage: 'Set environment variables' }, (v) =>
        v.includes(' ') ? { ok: false, error: `invalid env ${v}` } : { ok: true, value: v },
      ),
      mapOpts({ name: 'annotation', usage: 'Add an annotation' }),
    ] as const)
    const r = set.parse(['-e', 'A=1', '-e', 'B', '--annotation', 'k=v=w', '--annotation', 'x'])
    expect(r.ok && r.values).toEqual({ env: ['A=1', 'B'], annotation: { k: 'v=w', x: '' } })
    const bad = set.parse(['-e', 'A B'])
    expect(!bad.ok && bad.error.message).toBe(
      'invalid argument "A B" for "-e, --env" flag: invalid env A B',
    )
    expect(flagUsagesWrapped(set, 79)).toBe(
      '      --annotation map   Add an annotation (default map[])\n' +
        '  -e, --env list         Set environment variables\n',
    )
  })
})
