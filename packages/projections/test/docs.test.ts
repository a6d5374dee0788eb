// The code blocks of docs/projections.md are the regions of this file (`pnpm docs:snippets` copies them):
// they compile and run here.
import type { JourneyEvent } from '@journeykit/core'
import { describe, expect, it } from 'vitest'
import { churnProjection } from '../../churn/src/index.js'
import { customer360Projection } from '../../customer-360/src/index.js'
import {
  defineProjection,
  foldProjection,
  memoryCheckpointStore,
  projectionHost,
  projectionProcessor,
  rebuildProjections,
  runProjections,
} from '../src/index.js'
import { orderPlaced, registered } from './support/events.js'
import { storeWith } from './support/stores.js'
import { recordEvents } from './support/testing.js'

// #region define
interface OrderBook {
  orders: number
  /** Minor units per currency, never mixed. */
  revenue: Record<string, number>
}

export const orderBooks = defineProjection<OrderBook, { customers: number }>({
  name: 'order-books',
  version: 1,
  initialState: () => ({ orders: 0, revenue: {} }),
  handlers: {
    OrderPlaced: (book, { data }) => {
      book.orders++
      book.revenue[data.currency] = (book.revenue[data.currency] ?? 0) + data.amount
    },
  },
  // optional: state kept across all partitions
  portfolio: {
    initialState: () => ({ customers: 0 }),
    handlers: { CustomerRegistered: (totals) => void totals.customers++ },
  },
})
// #endregion

const history: JourneyEvent[] = [
  registered('ada'),
  orderPlaced('ada', 'o1', 1_250),
  registered('bob'),
  orderPlaced('ada', 'o2', 500, 'USD'),
]

describe('docs/projections.md', () => {
  it('defines a projection', () => {
    const state = foldProjection(orderBooks, recordEvents(history))
    expect(state.partitions.get('ada')).toEqual({ orders: 2, revenue: { EUR: 1_250, USD: 500 } })
    expect(state.portfolio).toEqual({ customers: 2 })
  })

  it('rebuilds the customer 360 and the churn facts in one read, with progress', async () => {
    const store = await storeWith(history)
    const lines: string[] = []
    const log = (line: string): number => lines.push(line)
    // #region rebuild
    const view = projectionProcessor(customer360Projection(), { freeze: 'never' })
    const facts = projectionProcessor(churnProjection, { freeze: 'never' })

    const report = await rebuildProjections(store, [view, facts], {
      total: store.size(), // when known: the progress then has an ETA
      onProgress: ({ done, total, eventsPerSecond, etaSeconds }) =>
        log(`${done}/${total} events, ${Math.round(eventsPerSecond)}/s, ETA ${etaSeconds?.toFixed(0)}s`),
    })

    const states = view.snapshot().partitions // the 360 states by customer
    const { projections } = report // per projection: position, applied, unhandled types, dead letters
    // #endregion
    expect(states.size).toBe(2)
    expect(projections).toHaveLength(2)
    expect(facts.snapshot().partitions.get('ada')).toBeDefined()
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^4\/4 events, \d+\/s, ETA 0s$/)
    expect(report.projections.map((p) => p.name)).toEqual(['customer-360', 'churn-facts'])
  })

  it('runs live, with change notifications', async () => {
    const store = await storeWith(history.slice(0, 2))
    const changed: string[][] = []
    const invalidate = (keys: readonly string[]): number => changed.push([...keys])
    const refreshAll = (_snapshot: unknown): number => changed.push(['*'])
    // #region live
    const books = projectionProcessor(orderBooks)
    const runner = runProjections(store, [books], { batchSize: 512 })

    books.subscribe((change) => {
      if (change.kind === 'batch')
        invalidate(change.changed) // the partition keys this batch changed
      else refreshAll(change.snapshot) // 'replaced': a rebuild completed or a checkpoint was loaded
    })

    await runner.caughtUp // true once caught up with the store (false if the run ended first)
    const adaOrders = books.snapshot().partitions.get('ada')?.orders // an immutable, consistent state
    // #endregion
    expect(adaOrders).toBe(1)
    const late = orderPlaced('bob', 'o3', 99)
    await store.appendToStream(late.streamId, [late])
    for (let i = 0; i < 100 && changed.length < 2; i++) await new Promise((r) => setImmediate(r))
    // #region stop
    await runner.stop() // finishes the batch in hand, commits, ends
    // #endregion
    expect(changed).toEqual([['*'], ['bob']])
    expect(books.snapshot().partitions.get('bob')?.orders).toBe(1)
  })

  it('deploys a new version blue/green', async () => {
    const store = await storeWith(history)
    const checkpoints = memoryCheckpointStore<OrderBook, { customers: number }>()
    const orderBooksV2 = defineProjection({ ...orderBooks, version: 2 })
    // #region host
    const host = projectionHost(store, orderBooks, { checkpoints, retire: true })
    await host.ready

    host.query((snapshot) => snapshot.partitions.get('ada')) // answered by the active version

    // v2 rebuilds beside v1; v1 keeps answering (and following the store) until v2 has caught up
    const { from, to } = await host.deploy(orderBooksV2) // resolves after the switch: { from: 1, to: 2 }
    // #endregion
    expect([from, to]).toEqual([1, 2])
    expect(host.snapshot().version).toBe(2)
    expect(checkpoints.keys()).toEqual(['order-books-v2'])
    await host.stop()
  })

  it('lists dead letters and unhandled types', async () => {
    const printed: string[] = []
    const console = { error: (...parts: unknown[]) => printed.push(parts.join(' ')) }
    const picky = defineProjection<OrderBook>({
      ...orderBooks,
      portfolio: undefined,
      handlers: {
        OrderPlaced: (_book, { data }) => {
          if (data.currency === 'USD') throw new Error('no dollars')
        },
      },
    })
    const books = projectionProcessor(picky, { onError: 'skip' })
    await rebuildProjections(() => [recordEvents(history)], [books])
    // #region dead-letters
    const { deadLetters, unhandled } = books.snapshot().stats
    for (const { event, error } of deadLetters) console.error(error.message, event.id)
    // #endregion
    expect(unhandled).toEqual({ CustomerRegistered: 2 })
    expect(printed).toHaveLength(1)
    expect(printed[0]).toContain('no dollars')
  })
})
