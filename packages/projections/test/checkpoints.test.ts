import { describe, expect, it } from 'vitest'
import type { ProjectionChange } from '../src/index.js'
import {
  CheckpointConflictError,
  checkpointKey,
  memoryCheckpointStore,
  projectionProcessor,
  runProjections,
} from '../src/index.js'
import { orderPlaced, registered } from './support/events.js'
import type { OrderBook, Totals } from './support/orders.js'
import { ordersProjection } from './support/orders.js'
import { storeWith } from './support/stores.js'

const orders = ordersProjection()
const checkpoint = (position: bigint) => ({
  position,
  partitions: new Map<string, OrderBook>(),
  portfolio: { customers: 0, revenue: {} },
  stats: { applied: 0, ignored: 0, unhandled: {}, deadLetters: [] },
})

describe('the memory checkpoint store', () => {
  it('commits with optimistic concurrency: none, then each revision it handed out', async () => {
    const store = memoryCheckpointStore<OrderBook, Totals>()
    const key = checkpointKey(orders)
    expect(key).toBe('orders-v1')
    expect(await store.load(key)).toBeUndefined()
    expect(await store.commit({ key, expected: 'none', checkpoint: checkpoint(128n), changed: 'all' })).toBe(
      0n,
    )
    expect(await store.commit({ key, expected: 0n, checkpoint: checkpoint(144n), changed: new Set() })).toBe(
      1n,
    )
    const stale = store.commit({ key, expected: 0n, checkpoint: checkpoint(999n), changed: 'all' })
    await expect(stale).rejects.toBeInstanceOf(CheckpointConflictError)
    await expect(stale).rejects.toMatchObject({ _tag: 'CheckpointConflict', key, expected: 0n, actual: 1n })
    await expect(
      store.commit({ key, expected: 'none', checkpoint: checkpoint(999n), changed: 'all' }),
    ).rejects.toMatchObject({ expected: 'none', actual: 1n })
    const stored = await store.load(key)
    expect(stored?.revision).toBe(1n)
    expect(stored?.checkpoint.position).toBe(144n)
    await expect(store.remove(key, 0n)).rejects.toBeInstanceOf(CheckpointConflictError)
    await store.remove(key, 1n)
    expect(await store.load(key)).toBeUndefined()
    await store.remove(key, 'any')
    expect(store.commits()).toBe(2)
  })
})

describe('a runner with a checkpoint store', () => {
  const events = [
    registered('c1'),
    orderPlaced('c1', 'o1', 10),
    registered('c2'),
    orderPlaced('c2', 'o2', 20),
  ]

  it('resumes from the committed state without replaying what it holds', async () => {
    const store = await storeWith(events.slice(0, 2))
    const checkpoints = memoryCheckpointStore<OrderBook, Totals>()
    const first = projectionProcessor(orders, { checkpoints })
    const run1 = runProjections(store, [first])
    await run1.caughtUp
    await run1.stop()
    const stored = await checkpoints.load(first.key)
    expect(stored?.checkpoint.position).toBe(first.snapshot().position)
    expect(stored?.checkpoint.partitions).toBe(first.snapshot().partitions)

    for (const event of events.slice(2)) await store.appendToStream(event.streamId, [event])
    const second = projectionProcessor(orders, { checkpoints })
    const changes: ProjectionChange<OrderBook, Totals>[] = []
    second.subscribe((change) => changes.push(change))
    const run2 = runProjections(store, [second])
    await run2.caughtUp
    await run2.stop()
    expect(changes[0]?.kind).toBe('replaced')
    expect(second.snapshot().stats.applied).toBe(4)
    expect(second.snapshot().stats.ignored).toBe(1) // readAll from the checkpoint is inclusive
    expect(second.snapshot().partitions.get('c1')).toBe(first.snapshot().partitions.get('c1'))
    expect(second.snapshot().partitions.get('c2')?.orders).toBe(1)
    expect((await checkpoints.load(second.key))?.revision).toBe(1n)
  })

  it('lets only one of two runners of the same version commit; the other stops with a conflict', async () => {
    const store = await storeWith(events)
    const checkpoints = memoryCheckpointStore<OrderBook, Totals>()
    const a = projectionProcessor(orders, { checkpoints })
    const b = projectionProcessor(orders, { checkpoints })
    const runA = runProjections(store, [a])
    const runB = runProjections(store, [b])
    const untilCaughtUp = (run: typeof runA) => run.caughtUp.then(() => run.stop())
    const outcomes = await Promise.allSettled([untilCaughtUp(runA), untilCaughtUp(runB)])
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []))
    expect(refused).toHaveLength(1)
    expect(refused[0]).toBeInstanceOf(CheckpointConflictError)
    const stored = await checkpoints.load(checkpointKey(orders))
    expect(stored?.revision).toBe(0n)
    expect(stored?.checkpoint.position).toBe(a.snapshot().position)
    expect(stored?.checkpoint.partitions).toBe(
      outcomes[0]?.status === 'fulfilled' ? a.snapshot().partitions : b.snapshot().partitions,
    )
  })
})
