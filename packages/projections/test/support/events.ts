import type { JourneyEvent, RecordedEvent } from '@journeykit/core'
import { currentSchemaVersion, customerStreamId } from '@journeykit/core'

let counter = 0
/** A fresh UUID v7-shaped id (deterministic per test file run). */
const nextId = (): string => {
  counter++
  return `01900000-0000-7000-8000-${counter.toString(16).padStart(12, '0')}`
}

const envelope = (customerId: string, day: number) => ({
  id: nextId(),
  streamId: customerStreamId(customerId),
  customerId,
  occurredAt: `2024-03-${String(1 + (day % 28)).padStart(2, '0')}T10:00:00Z`,
  recordedAt: '2024-04-01T00:00:00Z',
})

export const registered = (customerId: string, day = 0): JourneyEvent<'CustomerRegistered'> => ({
  ...envelope(customerId, day),
  type: 'CustomerRegistered',
  schemaVersion: currentSchemaVersion('CustomerRegistered'),
  data: { kind: 'person', name: `Customer ${customerId}`, country: 'DE' },
})

export const orderPlaced = (
  customerId: string,
  orderId: string,
  amount: number,
  currency = 'EUR',
  day = 1,
): JourneyEvent<'OrderPlaced'> => ({
  ...envelope(customerId, day),
  type: 'OrderPlaced',
  schemaVersion: currentSchemaVersion('OrderPlaced'),
  data: {
    orderId,
    currency,
    amount,
    lines: [{ sku: 'sku-1', quantity: 1, unitPrice: amount }],
    channel: 'web',
  },
})

export const orderCancelled = (
  customerId: string,
  orderId: string,
  day = 2,
): JourneyEvent<'OrderCancelled'> => ({
  ...envelope(customerId, day),
  type: 'OrderCancelled',
  schemaVersion: currentSchemaVersion('OrderCancelled'),
  data: { orderId, by: 'customer' },
})

/**
 * An event of a type this build's catalogue does not know (written by a newer producer), as a store adapter
 * would hand it over after reading it from the wire.
 */
export const fromNewerProducer = (customerId: string, type: string, position: bigint): RecordedEvent => {
  const wire: RecordedEvent = JSON.parse(
    JSON.stringify({ ...envelope(customerId, 3), type, schemaVersion: 1, data: { tier: 'gold' } }),
  )
  return { ...wire, position, revision: 0n }
}
