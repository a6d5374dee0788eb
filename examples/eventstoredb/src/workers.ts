import type { EventStore, RecordedEvent } from '@journeykit/core'
import type { ProjectionState } from '@journeykit/projections'
import { defineProjection, foldProjection } from '@journeykit/projections'
import type { Partition } from '@journeykit/store-eventstoredb'
import { subscribePartition } from '@journeykit/store-eventstoredb'

export interface CustomerTotals {
  orders: number
  /** Minor units per ISO 4217 currency: never summed across currencies. */
  revenue: Record<string, number>
  inquiries: number
}

/** The projection each worker runs over its share of the customers. */
export const customerTotals = defineProjection<CustomerTotals>({
  name: 'customer-totals',
  version: 1,
  initialState: () => ({ orders: 0, revenue: {}, inquiries: 0 }),
  handlers: {
    OrderPlaced: (draft, event) => {
      draft.orders++
      draft.revenue[event.data.currency] = (draft.revenue[event.data.currency] ?? 0) + event.data.amount
    },
    InquiryReceived: (draft) => {
      draft.inquiries++
    },
  },
})

export interface WorkerReport {
  readonly partition: Partition
  readonly events: number
  /** Where this worker got to: its checkpoint (it moves on through other workers' customers too). */
  readonly position: bigint | undefined
  readonly state: ProjectionState<CustomerTotals, undefined>
}

/**
 * One projection worker: subscribes to the customer streams, keeps the customers its partition owns, and
 * folds them until it has caught up. In production it would keep running (live) and store its checkpoint.
 */
export const runWorker = async (store: EventStore, partition: Partition): Promise<WorkerReport> => {
  const subscription = subscribePartition(store, partition, { filter: { streamNamePrefixes: ['customer-'] } })
  const events: RecordedEvent[] = []
  let position: bigint | undefined
  for await (const message of subscription) {
    if (message.kind === 'events') {
      events.push(...message.events)
      position = message.events[message.events.length - 1]?.position
    } else if (message.kind === 'checkpoint') position = message.position
    else break
  }
  await subscription.stop()
  return { partition, events: events.length, position, state: foldProjection(customerTotals, events) }
}

/** `count` workers side by side (here in one process; in production one per process or machine). */
export const runWorkers = (store: EventStore, count: number): Promise<WorkerReport[]> =>
  Promise.all(Array.from({ length: count }, (_, index) => runWorker(store, { index, count })))
