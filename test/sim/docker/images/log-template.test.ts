import { describe, expect, it } from 'vitest'
import { lookupImage } from '../../../../src/sim/docker/images/catalog'
import {
  formatLogTime,
  renderLogLines,
  renderLogText,
  type LogContext,
} from '../../../../src/sim/docker/images/log-template'

const NOW = Date.UTC(2025, 2, 1, 10, 4, 5, 123)
const ctx: LogContext = {
  now: NOW,
  env: { POSTGRES_USER: 'app' },
  hostname: '3f2a1b4c5d6e',
  ip: '172.17.0.2',
  kernel: '6.10.14-linuxkit',
  ncpu: 2,
}

describe('log placeholders', () => {
  it('formats the virtual time the way each program does', () => {
    expect(formatLogTime(NOW, 'nginx')).toBe('2025/03/01 10:04:05')
    expect(formatLogTime(NOW, 'redis')).toBe('01 Mar 2025 10:04:05.123')
    expect(formatLogTime(NOW, 'postgres')).toBe('2025-03-01 10:04:05.123 UTC')
    expect(formatLogTime(NOW, 'rfc3339')).toBe('2025-03-01 10:04:05+00:00')
    expect(formatLogTime(NOW, 'http')).toBe('Sat, 01 Mar 2025 10:04:05 GMT')
    expect(formatLogTime(NOW, 'clf')).toBe('01/Mar/2025:10:04:05 +0000')
    expect(formatLogTime(NOW, 'phpfpm')).toBe('01-Mar-2025 10:04:05')
    expect(formatLogTime(NOW, 'phpServer')).toBe('Sat Mar  1 10:04:05 2025')
    expect(formatLogTime(NOW, 'iso')).toBe('2025-03-01T10:04:05.123Z')
    expect(formatLogTime(NOW, 'unix')).toBe(String(Math.floor(NOW / 1000)))
    expect(formatLogTime(NOW, 'isoMicro')).toMatch(/^2025-03-01T10:04:05\.123\d{3}Z$/)
  })

  it('fills env, host and process placeholders', () => {
    expect(renderLogText('{{env:POSTGRES_USER}}@{{hostname}} {{ip}} {{env:MISSING}}|', ctx)).toBe(
      'app@3f2a1b4c5d6e 172.17.0.2 |',
    )
    expect(renderLogText('{{unknown}}', ctx)).toBe('{{unknown}}')
  })

  it('renders nginx start-up with one worker line per CPU', () => {
    const nginx = lookupImage('nginx')
    const lines = renderLogLines(nginx?.profile.startup ?? [], ctx)
    expect(lines.slice(-4).map((l) => `${l.stream}: ${l.text}`)).toEqual([
      'stderr: 2025/03/01 10:04:05 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      'stderr: 2025/03/01 10:04:05 [notice] 1#1: start worker processes',
      'stderr: 2025/03/01 10:04:05 [notice] 1#1: start worker process 29',
      'stderr: 2025/03/01 10:04:05 [notice] 1#1: start worker process 30',
    ])
    expect(lines.find((l) => l.text.includes('OS:'))?.text).toBe(
      '2025/03/01 10:04:05 [notice] 1#1: OS: Linux 6.10.14-linuxkit',
    )
  })
})
