import type { RecordedEvent } from '@journeykit/core'
import { describe, expect, it } from 'vitest'
import type { ProjectionChange, RebuildProgress } from '../src/index.js'
import {
  InvalidProjectionOption,
  projectionProcessor,
  rebuildProjections,
  runProjections,
} from '../src/index.js'
import { orderCancelled, orderPlaced, registered } from './support/events.js'
import type { OrderBook, Totals } from './support/orders.js'
import { ordersProjection } from './support/orders.js'
import { scriptedStore } from './support/stores.js'
import { recordEvents } from './support/testing.js'

const orders = ordersProjection()

const isDeepFrozen = (value: unknown): boolean =>
  typeof value !== 'object' ||
  value === null ||
  (Object.isFrozen(value) && Object.values(value).every(isDeepFrozen))

describe('rebuild progress', () => {
  it('reports events done, total, events/s and ETA from an injected clock', async () => {
    const events = recordEvents(
      Array.from({ length: 10 }, (_, i) => orderPlaced(`c${i % 3}`, `o${i}`, 10 + i)),
    )
    let now = 5_000
    const batches = function* (): Generator<readonly RecordedEvent[]> {
      for (let i = 0; i < events.length; i += 2) {
        now += 1_000 // each batch of 2 takes a second
        yield events.slice(i, i + 2)
      }
    }
    const reports: RebuildProgress[] = []
    const report = await rebuildProjections(batches, [projectionProcessor(orders)], {
      onProgress: (p) => reports.push(p),
      progressEvery: 4,
      total: 10,
      clock: () => now,
    })
    expect(
      reports.map((r) => [r.done, r.elapsedSeconds, r.eventsPerSecond, r.etaSeconds, r.finished]),
    ).toEqual([
      [4, 2, 2, 3, false],
      [8, 4, 2, 1, false],
      [10, 5, 2, 0, true],
    ])
    expect(reports[0]?.total).toBe(10)
    expect(reports[1]?.position).toBe(events[7]?.position)
    expect(report.progress).toEqual(reports[2])
    expect(report.projections).toEqual([
      expect.objectContaining({ name: 'orders', version: 1, position: events[9]?.position }),
    ])
  })

  it('leaves the ETA out when the total is unknown, and refuses bad options', async () => {
    const events = recordEvents([orderPlaced('c1', 'o1', 1)])
    const reports: RebuildProgress[] = []
    await rebuildProjections(() => [events], [projectionProcessor(orders)], {
      onProgress: (p) => reports.push(p),
    })
    expect(reports).toHaveLength(1)
    expect(reports[0]).toMatchObject({ done: 1, total: undefined, etaSeconds: undefined, finished: true })
    await expect(
      rebuildProjections(() => [events], [projectionProcessor(orders)], { progressEvery: 0 }),
    ).rejects.toBeInstanceOf(InvalidProjectionOption)
  })
})

describe('live change notifications', () => {
  const history = recordEvents([
    registered('c1'),
    orderPlaced('c1', 'o1', 10),
    registered('c2'),
    orderPlaced('c2', 'o2', 20),
    orderPlaced('c1', 'o3', 30, 'USD'),
    orderCancelled('c2', 'o2'),
  ])
  const batch = (...indexes: number[]) => indexes.map((i) => history[i]).filter((e) => e !== undefined)

  it('name the partitions each batch changed; snapshots are frozen and share what did not change', async () => {
    const processor = projectionProcessor(orders)
    const changes: ProjectionChange<OrderBook, Totals>[] = []
    processor.subscribe((change) => changes.push(change))
    const runner = runProjections(scriptedStore([], [batch(0, 1, 2, 3), batch(4), batch(3, 4), batch(5)]), [
      processor,
    ])
    await runner.caughtUp
    await runner.stop()

    const summary = changes.map((c) =>
      c.kind === 'batch' ? [c.changed, c.portfolioChanged, c.position] : c.kind,
    )
    expect(summary).toEqual([
      'replaced', // the (empty) catch-up of a processor without a checkpoint is a rebuild
      [['c1', 'c2'], true, history[3]?.position],
      [['c1'], true, history[4]?.position],
      // batch(3, 4) was delivered again: nothing to apply, nobody is notified
      [['c2'], false, history[5]?.position],
    ])
    const [, first, second, third] = changes.map((c) => c.snapshot)
    if (first === undefined || second === undefined || third === undefined) throw new Error('missing changes')
    expect(second.partitions.get('c2')).toBe(first.partitions.get('c2'))
    expect(third.partitions.get('c1')).toBe(second.partitions.get('c1'))
    expect(third.portfolio).toBe(second.portfolio)
    // An earlier snapshot is not changed by later batches.
    expect(first.partitions.get('c1')?.orders).toBe(1)
    expect(third.partitions.get('c1')?.orders).toBe(2)
    expect(third.partitions.get('c2')).toMatchObject({ orders: 1, cancelled: 1, revenue: { EUR: 0 } })
    for (const snapshot of [first, second, third]) {
      expect(isDeepFrozen(snapshot.portfolio)).toBe(true)
      for (const state of snapshot.partitions.values()) expect(isDeepFrozen(state)).toBe(true)
    }
    expect(processor.snapshot()).toBe(third)
  })

  it('announce a completed rebuild as one replacement, with frozen states', async () => {
    const processor = projectionProcessor(orders)
    const kinds: string[] = []
    processor.subscribe((change) => kinds.push(change.kind))
    await rebuildProjections(() => [history], [processor])
    expect(kinds).toEqual(['replaced'])
    const book = processor.snapshot().partitions.get('c1')
    expect(isDeepFrozen(book)).toBe(true)
    expect(book !== undefined && Reflect.set(book, 'orders', 99)).toBe(false)
    expect(book?.orders).toBe(2)
  })
})
