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

describe('RealTimeDriver clock controls', () => {
  it('runs the clock at its rate: paused, real time, ×10, ×60', () => {
    const clock = new VirtualClock(0)
    let now = 0
    const driver = new RealTimeDriver(clock, { now: () => now })
    driver.start()
    now = 100
    driver.setRate(0)
    now = 1100
    driver.tick()
    expect([driver.rate, clock.now()]).toEqual([0, 100])
    driver.setRate(10)
    now = 1200
    driver.tick()
    expect([driver.rate, clock.now()]).toEqual([10, 1100])
    driver.setRate(60)
    now = 2200
    driver.tick()
    driver.stop()
    expect([driver.rate, clock.now()]).toEqual([60, 61_100])
  })

  it('counts the time before a rate change at the old rate', () => {
    const clock = new VirtualClock(0)
    let now = 0
    const driver = new RealTimeDriver(clock, { now: () => now })
    driver.start()
    now = 500
    driver.setRate(60)
    expect(clock.now()).toBe(500)
  })

  it('steps forward at once, paused or not, firing the timers due on the way in order', () => {
    const clock = new VirtualClock(0)
    let now = 0
    const driver = new RealTimeDriver(clock, { now: () => now })
    const fired: number[] = []
    clock.setTimer(4000, () => fired.push(clock.now()))
    clock.setTimer(1000, () => fired.push(clock.now()))
    driver.start()
    driver.setRate(0)
    now = 5000
    driver.step(10_000)
    driver.stop()
    expect([clock.now(), fired]).toEqual([10_000, [1000, 4000]])
  })
})
