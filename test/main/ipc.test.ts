import { describe, expect, it } from 'vitest'
import {
  MAX_COLS,
  MAX_INPUT_LENGTH,
  MAX_ROWS,
  parseHostMessage,
  parseRendererMessage,
  splitEnvelope,
} from '../../src/shared/ipc'

describe('messages from the renderer', () => {
  it('accepts the three well-formed messages', () => {
    expect(parseRendererMessage('terminal:input', { data: 'ls -la\r' })).toEqual({
      ok: true,
      message: { channel: 'terminal:input', payload: { data: 'ls -la\r' } },
    })
    expect(parseRendererMessage('terminal:resize', { cols: 120, rows: 40 })).toEqual({
      ok: true,
      message: { channel: 'terminal:resize', payload: { cols: 120, rows: 40 } },
    })
    expect(parseRendererMessage('terminal:interrupt', {})).toEqual({
      ok: true,
      message: { channel: 'terminal:interrupt', payload: {} },
    })
  })

  it('accepts a container selection and its clearing', () => {
    expect(parseRendererMessage('docker:select', { id: 'ab12' }).ok).toBe(true)
    expect(parseRendererMessage('docker:select', { id: null }).ok).toBe(true)
  })

  it('accepts the largest bounds', () => {
    expect(parseRendererMessage('terminal:resize', { cols: MAX_COLS, rows: MAX_ROWS }).ok).toBe(
      true,
    )
    expect(parseRendererMessage('terminal:input', { data: 'x'.repeat(MAX_INPUT_LENGTH) }).ok).toBe(
      true,
    )
  })

  it.each([
    ['an unknown channel', 'terminal:eval', { data: 'x' }],
    ['a channel that is not a string', 42, { data: 'x' }],
    ['a host channel sent the wrong way', 'terminal:output', { data: 'x' }],
    ['no payload', 'terminal:input', undefined],
    ['a null payload', 'terminal:input', null],
    ['a string payload', 'terminal:input', 'ls'],
    ['input that is not a string', 'terminal:input', { data: 42 }],
    ['empty input', 'terminal:input', { data: '' }],
    ['input over the size limit', 'terminal:input', { data: 'x'.repeat(MAX_INPUT_LENGTH + 1) }],
    ['an extra key', 'terminal:input', { data: 'ls', exec: 'rm -rf /' }],
    ['zero columns', 'terminal:resize', { cols: 0, rows: 24 }],
    ['negative rows', 'terminal:resize', { cols: 80, rows: -1 }],
    ['fractional columns', 'terminal:resize', { cols: 80.5, rows: 24 }],
    ['sizes as strings', 'terminal:resize', { cols: '80', rows: '24' }],
    ['an infinite size', 'terminal:resize', { cols: Infinity, rows: 24 }],
    ['NaN rows', 'terminal:resize', { cols: 80, rows: NaN }],
    ['too many columns', 'terminal:resize', { cols: MAX_COLS + 1, rows: 24 }],
    ['too many rows', 'terminal:resize', { cols: 80, rows: MAX_ROWS + 1 }],
    ['a missing dimension', 'terminal:resize', { cols: 80 }],
    ['an interrupt with a payload', 'terminal:interrupt', { signal: 'SIGKILL' }],
    ['an interrupt with no payload', 'terminal:interrupt', undefined],
    ['a container selection that is not an id', 'docker:select', { id: 'web; rm -rf /' }],
    ['a container selection with no id', 'docker:select', {}],
  ])('rejects %s', (_name, channel, payload) => {
    const parsed = parseRendererMessage(channel, payload)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).not.toBe('')
  })

  it('rejects an own __proto__ key rather than merging it', () => {
    const payload: unknown = JSON.parse('{"data":"ls","__proto__":{"polluted":true}}')
    expect(parseRendererMessage('terminal:input', payload).ok).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('names the channel and the field in the reason', () => {
    const parsed = parseRendererMessage('terminal:resize', { cols: 0, rows: 24 })
    expect(parsed.ok ? '' : parsed.reason).toMatch(/^terminal:resize: cols: /)
  })
})

const docker = { containers: [], images: [], networks: [], volumes: [], selected: null }
const panels = { clockRate: 1, docker, compose: [], cluster: { clusters: [] } }

describe('messages from the host', () => {
  it('accepts output, exit and state', () => {
    expect(parseHostMessage('terminal:output', { data: '\x1b[1mhi\x1b[0m\r\n' }).ok).toBe(true)
    expect(parseHostMessage('terminal:exit', { code: 0 }).ok).toBe(true)
    expect(
      parseHostMessage('session:state', { clockMs: 0, cwd: '/home/student', ...panels }).ok,
    ).toBe(true)
  })

  it.each([
    ['an unknown channel', 'terminal:input', { data: 'x' }],
    ['output that is not a string', 'terminal:output', { data: ['x'] }],
    ['a fractional exit code', 'terminal:exit', { code: 1.5 }],
    ['an exit code as a string', 'terminal:exit', { code: '0' }],
    ['state without the docker snapshot', 'session:state', { clockMs: 0, cwd: '/' }],
    [
      'state with an unknown key',
      'session:state',
      { clockMs: 0, cwd: '/', ...panels, changed: ['fs'] },
    ],
    [
      'a container id that is not hex',
      'session:state',
      { clockMs: 0, cwd: '/', ...panels, docker: { ...docker, selected: { id: '../etc' } } },
    ],
  ])('rejects %s', (_name, channel, payload) => {
    expect(parseHostMessage(channel, payload).ok).toBe(false)
  })
})

describe('worker envelopes', () => {
  it('reads channel and payload off an object', () => {
    expect(splitEnvelope({ channel: 'terminal:input', payload: { data: 'a' } })).toEqual({
      channel: 'terminal:input',
      payload: { data: 'a' },
    })
  })

  it.each([null, undefined, 'terminal:input', 42, []])('reads nothing off %j', (data) => {
    const { channel, payload } = splitEnvelope(data)
    expect(parseRendererMessage(channel, payload).ok).toBe(false)
  })
})
