import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeManifests } from '../../../../src/sim/kube/api/manifest'

// ../shared beside the repository (as on every machine and in CI).
const CORPUS = join(__dirname, '../../../../../shared/corpus')
const hasCorpus = existsSync(join(CORPUS, 'k8s'))
if (!hasCorpus) console.warn(`corpus not found at ${CORPUS}: corpus manifest tests skipped`)

const fatal = (text: string, file = 'x.yaml'): string | undefined =>
  decodeManifests(text, file).fatal?.message

/** Each case: the file text and what real kubectl 1.32 printed after `error: ` for it. */
const SYNTAX: [string, string, string][] = [
  [
    'a value continued on a deeper line',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n     ports:\n    - containerPort: 80\n',
    'yaml: line 9: mapping values are not allowed in this context',
  ],
  [
    'a key indented one space too little',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n labels:\n    app: x\nspec: {}\n',
    'yaml: line 4: did not find expected key',
  ],
  [
    'an unclosed flow sequence',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    command: ["sh", "-c"\n',
    "yaml: line 9: did not find expected ',' or ']'",
  ],
  [
    'a key at the column of the sequence dashes',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n    ports:\n      - containerPort: 80\n',
    "yaml: line 8: did not find expected '-' indicator",
  ],
  [
    'a tab as indentation',
    'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n',
    'yaml: line 4: found character that cannot start any token',
  ],
  [
    'a key without its colon',
    'apiVersion: v1\nkind: Pod\nmetadata\n  name: web\n',
    "yaml: line 4: could not find expected ':'",
  ],
  [
    'an unterminated double quote',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web\n',
    'yaml: line 5: found unexpected end of stream',
  ],
  [
    'an unknown alias',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: *x\n',
    "yaml: unknown anchor 'x' referenced",
  ],
  [
    'a dash after a key',
    'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: - b\n',
    'yaml: line 4: block sequence entries are not allowed in this context',
  ],
  [
    'a reserved character',
    'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: @b\n',
    'yaml: line 4: found character that cannot start any token',
  ],
  [
    'an unclosed flow mapping',
    'apiVersion: v1\nkind: ConfigMap\ndata: {a: 1\n',
    "yaml: line 3: did not find expected ',' or '}'",
  ],
  [
    'an unterminated single quote',
    "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: 'x\n",
    'yaml: line 5: found unexpected end of stream',
  ],
  [
    'a sequence item dedented under a mapping',
    'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n - c\n',
    'yaml: line 4: did not find expected key',
  ],
  [
    'a key after sequence items',
    'apiVersion: v1\nkind: ConfigMap\ndata:\n  - a\n  b: c\n',
    "yaml: line 4: did not find expected '-' indicator",
  ],
  [
    'a value with a nested key',
    'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: x\n    b: y\n',
    'yaml: line 5: mapping values are not allowed in this context',
  ],
  [
    'a container key one space off',
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n   image: b\n',
    'yaml: line 5: did not find expected key',
  ],
]

describe('decodeManifests', () => {
  for (const [what, text, message] of SYNTAX)
    it(`reports go-yaml's words for ${what}`, () => {
      expect(fatal(text)).toBe(`error parsing x.yaml: error converting YAML to JSON: ${message}`)
    })

  it('counts error lines from the start of the failing document, after the good ones', () => {
    const result = decodeManifests(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: x: y\n',
      'two.yaml',
    )
    expect(result.entries.map((e) => e.ok && e.object.metadata.name)).toEqual(['a'])
    expect(result.fatal).toEqual({
      reason: 'parse',
      message:
        'error parsing two.yaml: error converting YAML to JSON: yaml: line 6: mapping values are not allowed in this context',
    })
  })

  it('reports a missing apiVersion as kubectl validation does', () => {
    expect(fatal('kind: Pod\nmetadata:\n  name: web\n', 'p.yaml')).toBe(
      'error validating "p.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false',
    )
    expect(fatal('metadata:\n  name: web\n', 'p.yaml')).toBe(
      'error validating "p.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
    )
  })

  it('reports a missing kind without validation as the decoder does', () => {
    const result = decodeManifests('apiVersion: v1\nmetadata:\n  name: web\n', 'e11.yaml', {
      validate: false,
    })
    expect(result.entries[0]).toEqual({
      ok: false,
      file: 'e11.yaml',
      index: 0,
      error: {
        reason: 'decode',
        message: `unable to decode "e11.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"web"}}'`,
      },
    })
  })

  it('reports documents that are not objects', () => {
    expect(decodeManifests('- a\n- b\n', 'e13.yaml').entries[0]).toEqual({
      ok: false,
      file: 'e13.yaml',
      index: 0,
      error: {
        reason: 'decode',
        message:
          'unable to decode "e13.yaml": json: cannot unmarshal array into Go value of type unstructured.detector',
      },
    })
  })

  it('reports kinds the server does not serve', () => {
    const result = decodeManifests(
      'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata:\n  name: example-ingress\n',
      'ing.yaml',
    )
    expect(result.entries[0]).toEqual({
      ok: false,
      file: 'ing.yaml',
      index: 0,
      error: {
        reason: 'mapping',
        message:
          'resource mapping not found for name: "example-ingress" namespace: "" from "ing.yaml": no matches for kind "Ingress" in version "networking.k8s.io/v1beta1"\nensure CRDs are installed first',
      },
    })
  })

  it('skips empty and comment-only documents and expands a List', () => {
    const result = decodeManifests(
      '---\n---\n# only comments\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: b\n',
      'l.yaml',
    )
    expect(result.fatal).toBeUndefined()
    expect(
      result.entries.map((e) =>
        e.ok ? `${e.index}:${e.object.kind}/${e.object.metadata.name}` : 'error',
      ),
    ).toEqual(['0:ConfigMap/a', '1:Secret/b'])
  })

  it('reads YAML 1.1 scalars as go-yaml v2 does: yes/on are booleans, timestamps stay strings', () => {
    const result = decodeManifests(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: yes\n  b: 2026-01-05\n  c: 0777\n  d: "on"\n  e: 1:20\n  e: 1:30\n',
      'c.yaml',
    )
    const entry = result.entries[0]
    expect(entry?.ok && entry.object['data']).toEqual({
      a: true,
      b: '2026-01-05',
      c: 511,
      d: 'on',
      e: '1:30',
    })
  })

  it('routes an autoscaling/v1 HorizontalPodAutoscaler to its own served version', () => {
    const text =
      'apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  maxReplicas: 3\n'
    const [entry] = decodeManifests(text, 'hpa.yaml').entries
    expect(entry?.ok && [entry.type.group, entry.type.version, entry.type.resource]).toEqual([
      'autoscaling',
      'v1',
      'horizontalpodautoscalers',
    ])
    expect(entry?.ok && entry.object).toEqual({
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: { maxReplicas: 3 },
    })
  })

  it('still fails an autoscaling version no server serves', () => {
    const text =
      'apiVersion: autoscaling/v2beta1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\n'
    expect(decodeManifests(text, 'hpa.yaml').entries[0]).toEqual({
      ok: false,
      file: 'hpa.yaml',
      index: 0,
      error: {
        reason: 'mapping',
        message:
          'resource mapping not found for name: "web" namespace: "" from "hpa.yaml": no matches for kind "HorizontalPodAutoscaler" in version "autoscaling/v2beta1"\nensure CRDs are installed first',
      },
    })
  })

  it.skipIf(!hasCorpus)('decodes every accepted corpus manifest without error', () => {
    const dir = join(CORPUS, 'k8s')
    const failures: string[] = []
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const result = decodeManifests(readFileSync(join(dir, file), 'utf8'), file, {
        validate: true,
      })
      if (result.fatal) failures.push(`${file}: ${result.fatal.message}`)
    }
    expect(failures).toEqual([])
  })

  it.skipIf(!hasCorpus)('rejects the corpus negatives with kubectl’s messages', () => {
    const dir = join(CORPUS, 'k8s-negative')
    const message = (f: string): string | undefined => {
      const r = decodeManifests(readFileSync(join(dir, f), 'utf8'), f)
      return r.fatal?.message ?? r.entries.find((e) => !e.ok)?.error.message
    }
    expect(message('web__controllers__job-pod-failure-policy-ignore.yaml')).toBe(
      'error parsing web__controllers__job-pod-failure-policy-ignore.yaml: error converting YAML to JSON: yaml: line 24: found a tab character that violates indentation',
    )
    expect(message('web__pods__inject__pod-multiple-secret-env-variable.yaml')).toBe(
      'error parsing web__pods__inject__pod-multiple-secret-env-variable.yaml: error converting YAML to JSON: yaml: line 15: found a tab character that violates indentation',
    )
    expect(message('web__pods__inject__pod-single-secret-env-variable.yaml')).toBe(
      'error validating "web__pods__inject__pod-single-secret-env-variable.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false',
    )
    expect(message('web__service__networking__example-ingress.yaml')).toBe(
      'resource mapping not found for name: "example-ingress" namespace: "" from "web__service__networking__example-ingress.yaml": no matches for kind "Ingress" in version "networking.k8s.io/v1beta1"\nensure CRDs are installed first',
    )
  })
})
