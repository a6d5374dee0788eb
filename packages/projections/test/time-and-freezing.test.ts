import { afterEach, describe, expect, it, vi } from 'vitest'
import { customer360Projection } from '../../customer-360/src/index.js'
import type { FreezePolicy } from '../src/index.js'
import {
  ProjectionUsageError,
  projectionProcessor,
  rebuildProjections,
  runProjections,
} from '../src/index.js'
import { isPartitionMap, representation } from '../src/partition-map.js'
import { orderPlaced, registered } from './support/events.js'
import { ordersProjection } from './support/orders.js'
import { storeWith } from './support/stores.js'
import { recordEvents } from './support/testing.js'

const history = [registered('c1'), orderPlaced('c1', 'o1', 10), registered('c2'), orderPlaced('c2', 'o2', 20)]

describe('time', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('nothing reads the wall clock when the progress clock is injected (rebuild, live, the customer 360)', async () => {
    const store = await storeWith(history)
    const wallClock = (): never => {
      throw new Error('the wall clock was read')
    }
    vi.spyOn(Date, 'now').mockImplementation(wallClock)
    vi.spyOn(performance, 'now').mockImplementation(wallClock)
    let ticks = 0
    const clock = () => ++ticks * 1_000
    const rebuilt = projectionProcessor(customer360Projection())
    const report = await rebuildProjections(store, [rebuilt], { clock, onProgress: () => undefined })
    expect(report.progress).toMatchObject({ done: 4, finished: true })

    const live = projectionProcessor(ordersProjection())
    const runner = runProjections(store, [live], { clock })
    expect(await runner.caughtUp).toBe(true)
    const late = orderPlaced('c1', 'o3', 5)
    await store.appendToStream(late.streamId, [late])
    for (let i = 0; i < 100 && live.snapshot().partitions.get('c1')?.orders !== 2; i++)
      await new Promise((resolve) => setImmediate(resolve))
    await runner.stop()
    expect(live.snapshot().partitions.get('c1')?.orders).toBe(2)
    expect(ticks).toBeGreaterThan(0)
  })
})

describe('freeze policies of a rebuild', () => {
  const deepFrozen = (value: unknown): boolean =>
    typeof value !== 'object' ||
    value === null ||
    (Object.isFrozen(value) && Object.values(value).every(deepFrozen))

  const rebuiltWith = async (freeze: FreezePolicy) => {
    const processor = projectionProcessor(ordersProjection(), { freeze })
    await rebuildProjections(() => [recordEvents(history)], [processor])
    return processor.snapshot()
  }

  it('eager and lazy hand readers deep-frozen states; never hands them the plain ones', async () => {
    for (const policy of ['eager', 'lazy'] as const) {
      const snapshot = await rebuiltWith(policy)
      for (const state of snapshot.partitions.values()) expect(deepFrozen(state)).toBe(true)
      expect(deepFrozen(snapshot.portfolio)).toBe(true)
    }
    const plain = await rebuiltWith('never')
    expect(Object.isFrozen(plain.partitions.get('c1'))).toBe(false)
    expect(Object.isFrozen(plain.portfolio)).toBe(false)
    expect(plain.partitions.get('c2')?.revenue).toEqual({ EUR: 20 })
  })

  it('lazy freezes a state only when a reader gets it', async () => {
    const snapshot = await rebuiltWith('lazy')
    const { partitions } = snapshot
    if (!isPartitionMap(partitions)) throw new Error('a rebuilt snapshot holds a partition map')
    const stored = (key: string) => partitions[representation].flat?.get(key)
    expect([...snapshot.partitions.keys()].sort()).toEqual(['c1', 'c2']) // keys only: no state handed out
    expect(Object.isFrozen(stored('c1'))).toBe(false)
    const c1 = snapshot.partitions.get('c1')
    expect(c1).toBe(stored('c1'))
    expect(deepFrozen(c1)).toBe(true)
    expect(Object.isFrozen(stored('c2'))).toBe(false)
  })
})

describe('a processor', () => {
  it('is run by one runner at a time', async () => {
    const store = await storeWith(history)
    const processor = projectionProcessor(ordersProjection())
    const first = runProjections(store, [processor])
    const second = runProjections(store, [processor])
    await expect(second.done).rejects.toBeInstanceOf(ProjectionUsageError)
    expect(await first.caughtUp).toBe(true)
    await first.stop()
    const third = runProjections(store, [processor]) // free again once the first run ended
    expect(await third.caughtUp).toBe(true)
    await third.stop()
    expect(processor.snapshot().stats.applied).toBe(4)
  })
})
