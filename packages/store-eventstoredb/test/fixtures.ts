import type { JourneyEvent } from '@journeykit/core'
import { customerStreamId } from '@journeykit/core'
import { afterAll, beforeAll } from 'vitest'
import type { EventStoreDbEventStore, EventStoreDbOptions } from '../src/index.js'
import { eventStoreDbEventStore } from '../src/index.js'
import type { EventStoreDouble, EventStoreDoubleOptions } from './double/index.js'
import { startEventStoreDouble } from './double/index.js'

let clock = Date.parse('2024-01-01T00:00:00Z')
const nextInstant = (): string => new Date((clock += 60_000)).toISOString()

export const registered = (
  customerId: string,
  name = `Customer ${customerId}`,
): JourneyEvent<'CustomerRegistered'> => ({
  id: crypto.randomUUID(),
  type: 'CustomerRegistered',
  streamId: customerStreamId(customerId),
  customerId,
  occurredAt: nextInstant(),
  recordedAt: nextInstant(),
  schemaVersion: 1,
  data: { kind: 'organization', name, country: 'DE' },
  metadata: { correlationId: `corr-${customerId}`, causationId: `cmd-${customerId}`, actor: 'agent-7' },
})

export const orderPlaced = (
  customerId: string,
  orderId: string,
  amount = 1234,
): JourneyEvent<'OrderPlaced'> => ({
  id: crypto.randomUUID(),
  type: 'OrderPlaced',
  streamId: customerStreamId(customerId),
  customerId,
  occurredAt: nextInstant(),
  recordedAt: nextInstant(),
  schemaVersion: 2,
  data: {
    orderId,
    currency: 'EUR',
    amount,
    lines: [{ sku: 'sku-1', quantity: 1, unitPrice: amount }],
    channel: 'web',
  },
})

/** A journey of `orders` orders for one customer. */
export const journey = (customerId: string, orders: number): JourneyEvent[] => [
  registered(customerId),
  ...Array.from({ length: orders }, (_, i) => orderPlaced(customerId, `${customerId}-o${i}`, 100 + i)),
]

export const collect = async <T>(source: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = []
  for await (const item of source) out.push(item)
  return out
}

export const collectAll = async <T>(source: AsyncIterable<readonly T[]>): Promise<T[]> =>
  (await collect(source)).flat()

/** A double and a store over it for one describe block; fast resubscription so fault tests stay quick. */
export const useDoubleStore = (
  doubleOptions: EventStoreDoubleOptions = {},
  storeOptions: Omit<EventStoreDbOptions, 'connection'> = {},
) => {
  let double: EventStoreDouble | undefined
  let store: EventStoreDbEventStore | undefined
  beforeAll(async () => {
    double = await startEventStoreDouble(doubleOptions)
    store = eventStoreDbEventStore({
      connection: double.connectionString,
      resubscribe: { initialDelayMs: 5, maxDelayMs: 50, maxAttempts: 5 },
      ...storeOptions,
    })
  })
  afterAll(async () => {
    await store?.close()
    await double?.stop()
  })
  return {
    get double(): EventStoreDouble {
      if (double === undefined) throw new Error('the double starts in beforeAll')
      return double
    },
    get store(): EventStoreDbEventStore {
      if (store === undefined) throw new Error('the store starts in beforeAll')
      return store
    },
  }
}
