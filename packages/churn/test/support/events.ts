import type { EventData, EventEnvelope, EventType, JourneyEvent } from '@journeykit/core'
import { currentSchemaVersion, customerStreamId } from '@journeykit/core'
import type { ChurnFacts } from '../../src/index.js'
import { foldChurnFacts, initialChurnFacts } from '../../src/index.js'

let counter = 0

/** A deterministic UUID-shaped event id from a number (unique within a test run). */
export const eventId = (n: number): string => `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`

/** One valid event of `type` for `customerId` at `occurredAt` (an instant or a calendar date). */
export const event = <K extends EventType>(
  type: K,
  data: EventData<K>,
  occurredAt: string,
  customerId = 'ada',
  id = eventId(++counter),
): EventEnvelope<K, EventData<K>> => ({
  id,
  type,
  streamId: customerStreamId(customerId),
  customerId,
  occurredAt,
  recordedAt: occurredAt.length === 10 ? `${occurredAt}T00:00:00Z` : occurredAt,
  schemaVersion: currentSchemaVersion(type),
  data,
})

export const order = (
  orderId: string,
  at: string,
  amount = 1000,
  customerId = 'ada',
): JourneyEvent<'OrderPlaced'> =>
  event(
    'OrderPlaced',
    {
      orderId,
      currency: 'EUR',
      amount,
      lines: [{ sku: 'sku-1', quantity: 1, unitPrice: amount }],
      channel: 'web',
    },
    at,
    customerId,
  )

/** Orders every `everyDays` days from `from`, `count` of them. */
export const ordersEvery = (
  from: string,
  everyDays: number,
  count: number,
  amount = 1000,
  customerId = 'ada',
) =>
  Array.from({ length: count }, (_, i) =>
    order(
      `o-${customerId}-${i}`,
      new Date(Date.parse(`${from}T12:00:00Z`) + i * everyDays * 86_400_000).toISOString(),
      amount,
      customerId,
    ),
  )

/** The facts of one customer folded from `events`. */
export const factsOf = (events: readonly JourneyEvent[]): ChurnFacts => {
  const first = events[0]
  return first === undefined
    ? initialChurnFacts()
    : (foldChurnFacts(events).get(first.customerId) ?? initialChurnFacts())
}
