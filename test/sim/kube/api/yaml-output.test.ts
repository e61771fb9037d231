import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { goYamlKeyLess, toYaml } from '../../../../src/sim/kube/api/yaml-output'

const KUBECTL = '/usr/bin/kubectl'
const hasKubectl = existsSync(KUBECTL)
if (!hasKubectl) console.warn('kubectl not found at /usr/bin/kubectl: oracle comparisons skipped')

/** Real kubectl's `-o yaml` for a client-side object (the oracle). */
function withOutput(args: string[], output: string): string[] {
  const dash = args.indexOf('--')
  const flags = ['--dry-run=client', '-o', output]
  return dash === -1 ? [...args, ...flags] : [...args.slice(0, dash), ...flags, ...args.slice(dash)]
}
function kubectlYaml(args: string[]): string {
  return execFileSync(KUBECTL, withOutput(args, 'yaml'), { encoding: 'utf8' })
}
function kubectlJson(args: string[]): unknown {
  return JSON.parse(execFileSync(KUBECTL, withOutput(args, 'json'), { encoding: 'utf8' }))
}

const LITERALS: [string, string][] = [
  ['a', '1'],
  ['b', 'true'],
  ['c', ''],
  ['d', 'line1\nline2'],
  ['e', 'on'],
  ['f', '2026-01-05T09:00:00Z'],
  ['g', 'a: b'],
  ['h', '  x'],
  ['i', '- x'],
  ['j', 'null'],
  ['k', '0x1F'],
  ['l', '1e3'],
  ['m', '#x'],
  ['n', 'y'],
  ['o', '1.5'],
  ['p', 'x: '],
  ['q', 'line1\nline2\n'],
  ['r', '~'],
  ['s', `${'word '.repeat(30)}end`],
  ['t', 'x'.repeat(120)],
  ['u', "it's a 'quoted' thing: yes"],
  ['v', 'tab\there'],
  ['w', 'line1\n line2'],
  ['x', 'é ü'],
  ['y', '1:20'],
  ['z', '-1'],
  ['A', '+1'],
  ['B', '.5'],
  ['C', '1_000'],
  ['D', '0o17'],
  ['E', '017'],
  ['F', '.inf'],
  ['G', '<<'],
  ['H', '2026-01-05'],
  ['I', 'Yes'],
  ['J', 'a,b'],
  ['K', '[x]'],
  ['L', 'x #y'],
  ['M', '*x'],
  ['N', '---'],
  ['O', 'a:b'],
  ['P', ' lead'],
  ['Q', 'trail '],
  ['R', 'two\n\nblank\n\n'],
  ['S', '\nstarts with break'],
  ['T', 'space before \nbreak'],
  ['U', `"${'quoted words '.repeat(8)}"`],
  ['V', `${'- list '.repeat(15)}`],
  ['W', '123abc'],
  ['X', '12e'],
  ['Y', 'key_1'],
  ['Z', '1.2.3'],
]

describe('toYaml', () => {
  it('prints a Deployment exactly as kubectl create deployment -o yaml does', () => {
    const object = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { creationTimestamp: null, labels: { app: 'x' }, name: 'x' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'x' } },
        strategy: {},
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'x' } },
          spec: { containers: [{ image: 'nginx', name: 'nginx', resources: {} }] },
        },
      },
      status: {},
    }
    expect(toYaml(object)).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: x
  name: x
spec:
  replicas: 1
  selector:
    matchLabels:
      app: x
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: x
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`)
  })

  it('sorts keys the way go-yaml does: digits by value, punctuation before letters', () => {
    const keys = ['b', 'a10', 'a2', 'a.b', 'ab', 'B', 'a-b', 'a_b', '1', '10', '9']
    const sorted = [...keys].sort((x, y) =>
      goYamlKeyLess(x, y) ? -1 : goYamlKeyLess(y, x) ? 1 : 0,
    )
    expect(sorted).toEqual(['1', '9', '10', 'B', 'a-b', 'a.b', 'a_b', 'a2', 'a10', 'ab', 'b'])
  })

  it('prints empty collections, nulls, numbers and nested sequences', () => {
    expect(
      toYaml({ a: [], b: {}, c: null, d: 1.5, e: 3, f: [[1, 2], []], g: [{}], h: false }),
    ).toBe('a: []\nb: {}\nc: null\nd: 1.5\ne: 3\nf:\n- - 1\n  - 2\n- []\ng:\n- {}\nh: false\n')
  })

  it.skipIf(!hasKubectl)(
    'quotes and folds strings exactly like kubectl for a ConfigMap of tricky values',
    () => {
      const args = [
        'create',
        'configmap',
        'c',
        ...LITERALS.map(([k, v]) => `--from-literal=${k}=${v}`),
      ]
      expect(toYaml(kubectlJson(args))).toBe(kubectlYaml(args))
    },
  )

  it.skipIf(!hasKubectl)('matches kubectl for generated objects of several kinds', () => {
    const commands = [
      ['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3', '--port=80'],
      ['create', 'service', 'nodeport', 'web', '--tcp=80:8080'],
      [
        'create',
        'job',
        'pi',
        '--image=perl',
        '--',
        'perl',
        '-Mbignum=bpi',
        '-wle',
        'print bpi(2000)',
      ],
      ['create', 'cronjob', 'tick', '--image=busybox', '--schedule=*/5 * * * *', '--', 'date'],
      ['create', 'secret', 'generic', 's', '--from-literal=password=s3cr3t'],
      ['create', 'ingress', 'web', '--rule=example.com/=web:80'],
      ['create', 'namespace', 'team-a'],
    ]
    for (const args of commands) expect(toYaml(kubectlJson(args))).toBe(kubectlYaml(args))
  })
})
