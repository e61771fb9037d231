import { describe, expect, test } from 'vitest'
import { decodeKubeProtobuf } from '../../../../src/sim/api/kube/protobuf'

// A tiny protobuf writer: enough to build the envelopes kubectl's typed clients send.
const varint = (n: number): number[] => {
  const out: number[] = []
  let v = n
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80)
    v >>>= 7
  }
  out.push(v)
  return out
}
const bytes = (field: number, payload: number[]): number[] => [
  ...varint((field << 3) | 2),
  ...varint(payload.length),
  ...payload,
]
const str = (field: number, s: string): number[] => bytes(field, [...new TextEncoder().encode(s)])
const num = (field: number, n: number): number[] => [...varint(field << 3), ...varint(n)]
const envelope = (apiVersion: string, kind: string, raw: number[]): Uint8Array =>
  new Uint8Array([
    0x6b,
    0x38,
    0x73,
    0x00,
    ...bytes(1, [...str(1, apiVersion), ...str(2, kind)]),
    ...bytes(2, raw),
    ...str(3, ''),
    ...str(4, ''),
  ])

describe('kubectl’s protobuf bodies', () => {
  test('a ConfigMap decodes to its JSON shape, empty strings dropped as omitempty', () => {
    const meta = [...str(1, 'cfg'), ...str(2, ''), ...str(3, ''), ...num(7, 0), ...bytes(8, [])]
    const raw = [...bytes(1, meta), ...bytes(2, [...str(1, 'a'), ...str(2, '1')])]
    expect(decodeKubeProtobuf(envelope('v1', 'ConfigMap', raw))).toEqual({
      ok: true,
      value: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '1' } },
    })
  })

  test('a pointer field keeps its zero: replicas 0 stays, as --replicas=0 asked', () => {
    const raw = [...bytes(1, str(1, 'web')), ...bytes(2, num(1, 0)), ...bytes(3, [])]
    expect(decodeKubeProtobuf(envelope('apps/v1', 'Deployment', raw))).toEqual({
      ok: true,
      value: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: { replicas: 0 },
        status: {},
      },
    })
  })

  test('a service port’s targetPort is an IntOrString, its number or its name', () => {
    const port = (target: number[]): number[] => bytes(1, [...num(3, 80), ...bytes(4, target)])
    const raw = [
      ...bytes(1, str(1, 'web')),
      ...bytes(2, [
        ...port([...num(1, 0), ...num(2, 8080)]),
        ...port([...num(1, 1), ...str(3, 'http')]),
      ]),
    ]
    const decoded = decodeKubeProtobuf(envelope('v1', 'Service', raw))
    expect(decoded.ok && decoded.value['spec']).toEqual({
      ports: [
        { port: 80, targetPort: 8080 },
        { port: 80, targetPort: 'http' },
      ],
    })
  })

  test('a body without the k8s magic prefix is refused with the decoder’s words', () => {
    expect(decodeKubeProtobuf(new TextEncoder().encode('{}'))).toEqual({
      ok: false,
      message:
        'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]',
    })
  })

  test('a kind no kubectl generator sends is named in the refusal', () => {
    expect(decodeKubeProtobuf(envelope('v1', 'Pod', []))).toEqual({
      ok: false,
      message: 'no protobuf decoding for v1, Kind=Pod in this simulation',
    })
  })
})
