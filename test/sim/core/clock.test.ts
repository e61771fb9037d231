import { describe, expect, it } from 'vitest'
import { DEFAULT_EPOCH_MS, VirtualClock, type Timer } from '../../../src/sim/core/clock'

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

describe('VirtualClock timer order at scale', () => {
  it('fires timers due at the same instant in the order they were set', () => {
    const clock = new VirtualClock(0)
    const fired: number[] = []
    // Interleaved due times, so the heap reorders them; equal ones must keep their set order.
    for (let i = 0; i < 200; i++) clock.setTimer((i % 3) * 10, () => fired.push(i))
    clock.advance(100)
    const expected = [0, 1, 2].flatMap((r) =>
      Array.from({ length: 200 }, (_, i) => i).filter((i) => i % 3 === r),
    )
    expect(fired).toEqual(expected)
  })

  it('fires a zero-delay timer set by a callback after the timers already due at that instant', () => {
    const clock = new VirtualClock(0)
    const fired: string[] = []
    clock.setTimer(10, () => {
      fired.push('a')
      clock.setTimer(0, () => fired.push('c'))
    })
    clock.setTimer(10, () => fired.push('b'))
    clock.advance(10)
    expect(fired).toEqual(['a', 'b', 'c'])
  })

  it('skips cleared timers among many and keeps the rest in order', () => {
    const clock = new VirtualClock(0)
    const fired: number[] = []
    const timers = Array.from({ length: 300 }, (_, i) =>
      clock.setTimer(1000 - i, () => fired.push(i)),
    )
    for (const t of timers) if (t.id % 2 === 0) clock.clearTimer(t)
    const second = timers[1] as Timer
    clock.clearTimer(second)
    clock.clearTimer(second)
    // Ids start at 1: timer 299 has an even id and is gone, 298 is the earliest left.
    expect(clock.nextDueAt()).toBe(1000 - 298)
    clock.advance(1000)
    const expected = timers
      .map((t, i) => ({ t, i }))
      .filter(({ t, i }) => t.id % 2 === 1 && i !== 1)
      .map(({ i }) => i)
      .reverse()
    expect(fired).toEqual(expected)
    expect(clock.nextDueAt()).toBeUndefined()
  })

  it('ignores clearing a timer that already fired', () => {
    const clock = new VirtualClock(0)
    const fired: string[] = []
    const t = clock.setTimer(5, () => fired.push('a'))
    clock.advance(5)
    clock.clearTimer(t)
    clock.setTimer(5, () => fired.push('b'))
    clock.advance(5)
    expect(fired).toEqual(['a', 'b'])
  })
})
