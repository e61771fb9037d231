import { afterEach, describe, expect, it, vi } from 'vitest'
import { VirtualClock } from '../../src/sim/core/clock'
import { RealTimeDriver } from '../../src/shared/real-time-driver'

describe('RealTimeDriver', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('moves the clock by the real time between ticks', () => {
    const clock = new VirtualClock(0)
    let now = 1000
    const driver = new RealTimeDriver(clock, { now: () => now })
    driver.start()
    now += 120
    driver.tick()
    now += 30
    driver.tick()
    driver.stop()
    expect(clock.now()).toBe(150)
  })

  it('ticks on its own every interval until stopped', () => {
    vi.useFakeTimers()
    const clock = new VirtualClock(0)
    let now = 0
    const driver = new RealTimeDriver(clock, { intervalMs: 50, now: () => now })
    driver.start()
    now = 50
    vi.advanceTimersByTime(50)
    now = 100
    vi.advanceTimersByTime(50)
    driver.stop()
    now = 150
    vi.advanceTimersByTime(50)
    expect(clock.now()).toBe(100)
  })

  it('reports a failing timer and keeps the clock going', () => {
    const clock = new VirtualClock(0)
    let now = 0
    const errors: unknown[] = []
    const driver = new RealTimeDriver(clock, { now: () => now, onError: (e) => errors.push(e) })
    const fired: number[] = []
    clock.setTimer(10, () => {
      throw new Error('boom')
    })
    clock.setTimer(20, () => fired.push(clock.now()))
    driver.start()
    now = 15
    driver.tick()
    now = 25
    driver.tick()
    expect(errors).toEqual([new Error('boom')])
    expect(fired).toEqual([20])
  })
})
