import type { RecordedEvent } from '@journeykit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ProjectionDefinition, ProjectionProcessor } from '../src/index.js'
import {
  ProjectionHandlerError,
  ProjectionUsageError,
  defineProjection,
  foldProjection,
  memoryCheckpointStore,
  projectionProcessor,
  rebuildProjections,
  runProjections,
} from '../src/index.js'
import { customer360Projection } from '../../customer-360/src/index.js'
import { orderPlaced, registered } from './support/events.js'
import { fragileProjection } from './support/fragile.js'
import type { OrderBook, Totals } from './support/orders.js'
import { ordersProjection } from './support/orders.js'
import { chunks, storeWith } from './support/stores.js'
import { interleavedJourneysArb, recordEvents } from './support/testing.js'

/** Partitioned by event type, not by customer: its groups of a batch share no key with the others'. */
const byType = defineProjection<{ count: number; customers: string[] }>({
  name: 'by-type',
  version: 1,
  partitionBy: (event) => event.type,
  initialState: () => ({ count: 0, customers: [] }),
  handlers: {
    OrderPlaced: (tally, { customerId }) => {
      tally.count++
      tally.customers.push(customerId)
    },
    InquiryReceived: (tally, { customerId }) => {
      tally.count++
      tally.customers.push(customerId)
    },
  },
})

/** Some customers share a partition (the first letter of the id), so one group holds several customers. */
const byInitial = defineProjection<{ order: string[] }>({
  name: 'by-initial',
  version: 1,
  partitionBy: (event) => event.customerId.slice(0, 1),
  initialState: () => ({ order: [] }),
  handlers: { OrderPlaced: (state, { id }) => void state.order.push(id) },
})

const alone = <S, G>(definition: ProjectionDefinition<S, G>, events: readonly RecordedEvent[]) => {
  const { partitions, portfolio, position } = foldProjection(definition, events)
  return { partitions: Object.fromEntries(partitions), portfolio, position }
}

const together = <S, G>(processor: ProjectionProcessor<S, G>) => {
  const { partitions, portfolio, position } = processor.snapshot()
  return { partitions: Object.fromEntries(partitions), portfolio, position }
}

/** A processor of `definition`, and the check that it ends where the definition folded alone ends. */
const caseOf = <S, G>(definition: ProjectionDefinition<S, G>) => {
  const processor = projectionProcessor(definition)
  return {
    processor,
    expectAlone: (events: readonly RecordedEvent[]) =>
      expect(together(processor)).toEqual(alone(definition, events)),
  }
}

const failureOf = (run: Promise<unknown>): Promise<unknown> =>
  run.then(
    () => undefined,
    (error: unknown) => error,
  )

describe('processors rebuilt together (their batches interleaved group by group)', () => {
  it('end where each one folded alone ends, whatever their partition keys and the batch sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        interleavedJourneysArb({ maxCustomers: 5, journey: { maxSteps: 12 } }),
        fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 30 }),
        async ({ events }, sizes) => {
          const recorded = recordEvents(events)
          const cases = [
            caseOf(ordersProjection()),
            caseOf(byType),
            caseOf(byInitial),
            caseOf(customer360Projection()),
          ]
          await rebuildProjections(
            () => chunks(recorded, sizes),
            cases.map((c) => c.processor),
          )
          for (const c of cases) c.expectAlone(recorded)
        },
      ),
      { numRuns: 40 },
    )
  })

  const raw = [
    registered('c1'),
    orderPlaced('c1', 'o1', 100),
    orderPlaced('c2', 'o2', 13), // the fragile partition handler throws
    orderPlaced('c1', 'o3', 7),
  ]
  const history = recordEvents(raw)

  it('report the failure of the first processor that fails, and every failing processor halts', async () => {
    const orders = projectionProcessor(ordersProjection())
    const first = projectionProcessor(fragileProjection)
    const second = projectionProcessor(fragileProjection)
    const failure = await failureOf(rebuildProjections(() => [history], [orders, first, second]))
    expect(failure).toBeInstanceOf(ProjectionHandlerError)
    expect(failure).toMatchObject({ position: history[2]?.position, partition: 'c2' })
    for (const halted of [first, second])
      await expect(rebuildProjections(() => [history], [halted])).rejects.toBeInstanceOf(ProjectionUsageError)
    // nothing of the failed rebuild is visible, and a processor that did not fail can rebuild again
    expect(orders.snapshot().position).toBeUndefined()
    await rebuildProjections(() => [history], [orders])
    expect(together(orders)).toEqual(alone(ordersProjection(), history))
  })

  it('keep the dead letters and states each processor would keep alone (under skip)', async () => {
    const withYen = recordEvents([...raw, orderPlaced('c3', 'o4', 5, 'JPY')]) // the portfolio throws
    const first = projectionProcessor(fragileProjection, { onError: 'skip' })
    const second = projectionProcessor(ordersProjection())
    await rebuildProjections(() => [withYen], [first, second])
    const alone = projectionProcessor(fragileProjection, { onError: 'skip' })
    await rebuildProjections(() => [withYen], [alone])
    expect(first.snapshot().stats).toEqual(alone.snapshot().stats)
    expect(first.snapshot().stats.deadLetters).toHaveLength(2)
    expect(together(first)).toEqual(together(alone))
  })
})

describe('processors with one partition key at different positions', () => {
  it('share a read, each folding only what it has not seen', async () => {
    const raw = [
      registered('c1'),
      orderPlaced('c1', 'o1', 100),
      orderPlaced('c2', 'o2', 20),
      orderPlaced('c1', 'o3', 7),
      orderPlaced('c2', 'o4', 5),
    ]
    const store = await storeWith(raw.slice(0, 3))
    const checkpoints = memoryCheckpointStore<OrderBook, Totals>()
    const early = runProjections(store, [projectionProcessor(ordersProjection(), { checkpoints })])
    await early.caughtUp
    await early.stop()
    for (const event of raw.slice(3)) await store.appendToStream(event.streamId, [event])

    const resumed = projectionProcessor(ordersProjection(), { checkpoints }) // from the third event's position
    const fresh = projectionProcessor(ordersProjection()) // from scratch
    const runner = runProjections(store, [resumed, fresh], { batchSize: 100 })
    await runner.caughtUp
    await runner.stop()
    const everything = [] as RecordedEvent[]
    for await (const batch of store.readAll()) everything.push(...batch)
    for (const processor of [resumed, fresh])
      expect(together(processor)).toEqual(alone(ordersProjection(), everything))
  })
})
