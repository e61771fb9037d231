import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { FIELD_TYPES, KIND_TYPES } from '../../../../src/sim/kube/api/schema/fields.generated'
import { strictDecode } from '../../../../src/sim/kube/api/schema/strict-decode'

describe('the generated schema table', () => {
  it('is what the generator makes from the installed kubernetes-models', () => {
    const out = execFileSync('node', ['test/sim/kube/api/schema-table.gen.mjs', '--json'], {
      encoding: 'utf8',
    })
    expect(JSON.parse(out)).toEqual({ kinds: KIND_TYPES, fields: FIELD_TYPES })
  })

  it('names unknown fields with list indexes, as strict decoding does', () => {
    const r = strictDecode({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'x', labelz: {} },
      spec: {
        containers: [
          { name: 'a', image: 'b' },
          { name: 'c', imagee: 'd' },
        ],
      },
    })
    expect(r).toEqual({ unknownFields: ['metadata.labelz', 'spec.containers[1].imagee'] })
  })

  it('words type errors as Go’s decoder, with the struct and the path without indexes', () => {
    const r = strictDecode({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x', labels: { a: 1 } },
      spec: {},
    })
    expect(r.typeError).toBe(
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    )
    const port = strictDecode({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'x' },
      spec: { containers: [{ name: 'a', ports: [{ containerPort: '80' }] }] },
    })
    expect(port.typeError).toBe(
      'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    )
  })
})
