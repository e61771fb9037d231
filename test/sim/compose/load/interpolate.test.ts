import { describe, expect, it } from 'vitest'
import { interpolateTree, substitute } from '../../../../src/sim/compose/load/interpolate'
import { ComposeLoadError } from '../../../../src/sim/compose/load/errors'

const env: Record<string, string> = { TAG: '1.2', EMPTY: '', NAME: 'web' }
const unset: string[] = []
const opts = { lookup: (n: string) => env[n], onUnset: (n: string) => unset.push(n) }
const sub = (t: string): string => substitute(t, opts)

describe('variable substitution', () => {
  it('replaces $VAR and ${VAR}', () => {
    expect(sub('nginx:$TAG-${NAME}')).toBe('nginx:1.2-web')
  })

  it('applies defaults: :- for unset or empty, - for unset only', () => {
    expect(sub('${EMPTY:-d} ${EMPTY-d} ${NOPE:-d} ${NOPE-d}')).toBe('d  d d')
  })

  it('applies alternatives: :+ when set and non-empty, + when set', () => {
    expect(sub('[${TAG:+x}] [${EMPTY:+x}] [${EMPTY+x}] [${NOPE+x}]')).toBe('[x] [] [x] []')
  })

  it('substitutes nested templates in defaults', () => {
    expect(sub('${NOPE:-${NAME:-x}-${TAG}}!')).toBe('web-1.2!')
  })

  it('turns $$ into a literal $', () => {
    expect(sub('echo $$HOME $${TAG}')).toBe('echo $HOME ${TAG}')
  })

  it('reports unset variables and substitutes an empty string', () => {
    unset.length = 0
    expect(sub('a${MISSING}b$OTHER')).toBe('ab')
    expect(unset).toEqual(['MISSING', 'OTHER'])
  })

  it('fails on a required variable with Compose message and path', () => {
    expect(() =>
      interpolateTree({ services: { web: { image: '${IMG:?must be set}' } } }, opts),
    ).toThrow(
      new ComposeLoadError(
        'error while interpolating services.web.image: required variable IMG is missing a value: must be set',
      ),
    )
    expect(() => interpolateTree({ x: '${EMPTY:?}' }, opts)).toThrow(
      'error while interpolating x: required variable EMPTY is missing a value',
    )
    expect(sub('${EMPTY?}')).toBe('')
  })

  it('fails on an invalid template naming the value path and the whole value', () => {
    expect(() => interpolateTree({ services: { web: { image: 'nginx:${' } } }, opts)).toThrow(
      new ComposeLoadError(
        'invalid interpolation format for services.web.image.\nYou may need to escape any $ with another $.\nnginx:${',
      ),
    )
    expect(() =>
      interpolateTree({ services: { web: { command: ['echo', 'cost 5$'] } } }, opts),
    ).toThrow('invalid interpolation format for services.web.command.[].')
  })

  it('leaves keys and non-string values alone', () => {
    expect(interpolateTree({ $TAG: 1, b: [true, null, '$TAG'] }, opts)).toEqual({
      $TAG: 1,
      b: [true, null, '1.2'],
    })
  })
})
