import { describe, expect, it } from 'vitest'
import { DEFAULT_EPOCH_MS, VirtualClock } from '../../../src/sim/core/clock'

describe('VirtualClock', () => {
  it('starts at the default epoch and moves only when advanced', () => {
    const clock = new VirtualClock()
    expect(clock.now()).toBe(DEFAULT_EPOCH_MS)
    clock.advance(1500)
    expect(clock.now()).toBe(DEFAULT_EPOCH_MS + 1500)
    clock.advance(-10)
    expect(clock.now()).toBe(DEFAULT_EPOCH_MS + 1500)
  })

  it('fires due timers in due order, each seeing its own due time', () => {
    const clock = new VirtualClock(0)
    const fired: string[] = []
    clock.setTimer(300, () => fired.push(`c@${clock.now()}`))
    clock.setTimer(100, () => fired.push(`a@${clock.now()}`))
    clock.setTimer(200, () => fired.push(`b@${clock.now()}`))
    clock.advance(250)
    expect(fired).toEqual(['a@100', 'b@200'])
    expect(clock.now()).toBe(250)
    clock.advance(50)
    expect(fired).toEqual(['a@100', 'b@200', 'c@300'])
  })

  it('forgets a cleared timer and tells when the next one is due', () => {
    const clock = new VirtualClock(0)
    let fired = false
    const t = clock.setTimer(10, () => (fired = true))
    expect(clock.nextDueAt()).toBe(10)
    clock.clearTimer(t)
    clock.advance(20)
    expect(fired).toBe(false)
    expect(clock.nextDueAt()).toBeUndefined()
  })

  it('fires a timer that a timer schedules within the same advance', () => {
    const clock = new VirtualClock(0)
    const fired: number[] = []
    clock.setTimer(10, () => clock.setTimer(10, () => fired.push(clock.now())))
    clock.advance(100)
    expect(fired).toEqual([20])
  })
})
