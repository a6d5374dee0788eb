import { randomUUID } from 'node:crypto'
import type { EventStore, JourneyEvent, RecordedEvent } from '@journeykit/core'
import { customerStreamId } from '@journeykit/core'

let clock = Date.UTC(2024, 0, 1)
const nextInstant = (): string => new Date((clock += 60_000)).toISOString()

/** Names unique to one run of the suite, so it can run again and again against the same real server. */
export const contractRun = (): { readonly customer: (name: string) => string } => {
  const run = `contract${Date.now().toString(36)}${randomUUID().slice(0, 6)}`
  let n = 0
  return { customer: (name) => `${run}-${name}-${n++}` }
}

export const registered = (customerId: string): JourneyEvent<'CustomerRegistered'> => ({
  id: randomUUID(),
  type: 'CustomerRegistered',
  streamId: customerStreamId(customerId),
  customerId,
  occurredAt: nextInstant(),
  recordedAt: nextInstant(),
  schemaVersion: 1,
  data: { kind: 'person', name: `Customer ${customerId}`, country: 'DE' },
})

export const orderPlaced = (customerId: string, orderId: string): JourneyEvent<'OrderPlaced'> => ({
  id: randomUUID(),
  type: 'OrderPlaced',
  streamId: customerStreamId(customerId),
  customerId,
  occurredAt: nextInstant(),
  recordedAt: nextInstant(),
  schemaVersion: 2,
  data: {
    orderId,
    currency: 'EUR',
    amount: 1250,
    lines: [{ sku: 'sku-1', quantity: 1, unitPrice: 1250 }],
    channel: 'web',
  },
  metadata: { correlationId: `corr-${orderId}`, causationId: `cmd-${orderId}` },
})

/** A registration and `orders` orders of one customer. */
export const journey = (customerId: string, orders: number): JourneyEvent[] => [
  registered(customerId),
  ...Array.from({ length: orders }, (_, i) => orderPlaced(customerId, `o${i + 1}`)),
]

export const streamRead = async (iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = []
  for await (const e of iterable) events.push(e)
  return events
}

export const allRead = async (batches: AsyncIterable<readonly RecordedEvent[]>): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = []
  for await (const batch of batches) events.push(...batch)
  return events
}

/** The events of the customers whose ids start with `prefix`, in global order. */
export const readPrefix = (store: EventStore, prefix: string): Promise<RecordedEvent[]> =>
  allRead(store.readAll({ filter: { streamNamePrefixes: [customerStreamId(prefix)] } }))

/** Without position and revision: what was appended. */
export const appended = ({ position: _p, revision: _r, ...event }: RecordedEvent): JourneyEvent => event
