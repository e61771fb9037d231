import { describe, expect, it } from 'vitest'
import { fromJSON, type GoValue } from '../../../src/sim/cli-kit/go-value'
import { JSONPath, kubectlJSONPathError } from '../../../src/sim/cli-kit/jsonpath'
import { KUBECTL, oracleAvailable, runKubectl } from './oracle'

const DEPLOY = [
  'create',
  'deployment',
  'web',
  '--image=nginx',
  '--image=busybox',
  '--replicas=3',
  '--dry-run=client',
]

/** What kubectl prints for `-o jsonpath=TEXT` on `data`. */
function simulate(
  text: string,
  data: GoValue,
  allowMissingKeys = true,
): { stdout: string; stderr: string; status: number } {
  const parsed = JSONPath.parse(text)
  if (!parsed.ok) {
    return {
      stdout: '',
      stderr: `error: ${kubectlJSONPathError(text, parsed.error, data)}\n`,
      status: 1,
    }
  }
  const r = parsed.jsonpath.execute(data, { allowMissingKeys })
  if (!r.ok) {
    return {
      stdout: '',
      stderr: `error: ${kubectlJSONPathError(text, r.error, data)}\n`,
      status: 1,
    }
  }
  return { stdout: r.output, stderr: '', status: 0 }
}

const CASES = [
  '{.metadata.name}',
  '{.metadata.labels}',
  '{.spec.template.spec.containers[*].name}',
  '{range .spec.template.spec.containers[*]}{.name}{"\\n"}{end}',
  '{range .spec.template.spec.containers[*]}[{.name}={.image}]{end} after',
  "{range .spec.template.spec.containers[*]}{.name}{'\\t'}{.image}{'\\n'}{end}",
  '{.spec.template.spec.containers[?(@.name=="nginx")].image}',
  '{.spec.template.spec.containers[?(@.name!="nginx")].image}',
  '{.spec.template.spec.containers[?(@.image)].name}',
  '{.spec.template.spec.containers[?(@.nope)].name}',
  '{.spec.template.spec.containers[?(@.nope=="x")].name}',
  '{.spec.replicas}',
  '{..image}',
  '{..name}',
  '{.spec.template.spec.containers[0:1].name}',
  '{.spec.template.spec.containers[1:].name}',
  '{.spec.template.spec.containers[-1].name}',
  '{.spec.template.spec.containers[-2:].name}',
  '{.spec.template.spec.containers[0,1].image}',
  "{.metadata['name']}",
  '{.x}',
  '{.metadata.name',
  '{.spec.template.spec.containers[5].name}',
  '{.spec.template.spec.containers[2].name}',
  '{.spec.template.spec}',
  '.metadata.name',
  '{$.kind}',
  '{@.apiVersion}',
  '{.metadata.creationTimestamp}',
  '{.status}',
  'name={.metadata.name} kind={.kind}',
  '{.spec.template.spec.containers[*]}',
  '{.metadata.labels.app}',
  '{.metadata.labels.*}',
  '{.spec.replicas.x}',
  '{.spec.template.spec.containers[x]}',
  '{end}',
  '{nope}',
  '{.spec.template.spec.containers[?(@.name=="nginx"]}',
  '{.metadata.name}{.kind}',
  '{.metadata.name} {.kind}',
  '{.a.b[}',
  '{.metadata[0]}',
  '{.spec.template.spec.containers[?(@.name>3)].name}',
  '{.metadata.name!}',
  '{"unterminated}',
  '{range .spec.template.spec.containers[*]}{.name}{end}{range .metadata.labels.*}<{@}>{end}',
]

describe.runIf(oracleAvailable(KUBECTL, 'kubectl'))('JSONPath matches kubectl -o jsonpath', () => {
  const data = oracleAvailable(KUBECTL, 'kubectl')
    ? fromJSON(JSON.parse(runKubectl([...DEPLOY, '-o', 'json']).stdout))
    : null
  for (const text of CASES) {
    it(text, () => {
      const real = runKubectl([...DEPLOY, '-o', `jsonpath=${text}`])
      expect(simulate(text, data)).toEqual(real)
    })
  }
  for (const text of ['{.x}', '{.spec.replicas.x}', '{.metadata.name}']) {
    it(`${text} with --allow-missing-template-keys=false`, () => {
      const real = runKubectl([
        ...DEPLOY,
        '--allow-missing-template-keys=false',
        '-o',
        `jsonpath=${text}`,
      ])
      expect(simulate(text, data, false)).toEqual(real)
    })
  }
})

describe('JSONPath', () => {
  const pods: GoValue = fromJSON({
    items: [
      {
        metadata: { name: 'a', annotations: { 'kubernetes.io/created-by': 'me' } },
        status: { conditions: [{ type: 'Ready', status: 'True' }] },
      },
      {
        metadata: { name: 'b', annotations: {} },
        status: { conditions: [{ type: 'Ready', status: 'False' }] },
      },
    ],
  })

  function run(text: string): string {
    const p = JSONPath.parse(text)
    if (!p.ok) return `parse: ${p.error.message}`
    const r = p.jsonpath.execute(pods)
    return r.ok ? r.output : `exec: ${r.error.message}`
  }

  it('joins the results of one expression with spaces', () => {
    expect(run('{.items[*].metadata.name}')).toBe('a b')
  })

  it('filters on nested fields and escapes dots in keys', () => {
    expect(
      run(
        '{range .items[*]}{.metadata.name}:{.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}',
      ),
    ).toBe('a:True\nb:False\n')
    expect(run('{.items[0].metadata.annotations.kubernetes\\.io/created-by}')).toBe('me')
  })

  it('loses text after {end} when the range is empty, as client-go does', () => {
    expect(run('{range .items[5:5]}{.x}{end}tail')).toBe('')
  })

  it('prints all results as an indented JSON array for jsonpath-as-json', () => {
    const p = JSONPath.parse('{.items[*].metadata.name}')
    expect(p.ok && p.jsonpath.execute(pods, { outputJSON: true })).toEqual({
      ok: true,
      output: '[\n    "a",\n    "b"\n]\n',
    })
  })

  it('reports unknown identifiers and multiple recursive descents', () => {
    expect(run('{.items[*]....x}')).toBe('parse: invalid multiple recursive descent')
  })
})
