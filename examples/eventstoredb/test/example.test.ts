import type { EventStoreDbEventStore } from '@journeykit/store-eventstoredb'
import { eventStoreDbEventStore } from '@journeykit/store-eventstoredb'
import type { EventStoreDouble } from '@journeykit/store-eventstoredb/test-double'
import { startEventStoreDouble } from '@journeykit/store-eventstoredb/test-double'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { journeyCommands, seedJourneys } from '../src/seed.js'
import { runWorkers } from '../src/workers.js'

describe('the EventStoreDB example over the test double', () => {
  let double: EventStoreDouble
  let store: EventStoreDbEventStore
  beforeAll(async () => {
    double = await startEventStoreDouble()
    store = eventStoreDbEventStore({ connection: double.connectionString })
  })
  afterAll(async () => {
    await store.close()
    await double.stop()
  })

  it('splits the customers between three workers, each customer on exactly one, totals per currency intact', async () => {
    const seeded = await seedJourneys(store, 24)
    expect(seeded.refused).toEqual([])
    const reports = await runWorkers(store, 3)
    const owned = reports.flatMap((r) => [...r.state.partitions.keys()])
    expect(owned.sort()).toEqual([...seeded.customers].sort())
    expect(reports.every((r) => r.state.partitions.size > 0)).toBe(true)
    expect(reports.reduce((n, r) => n + r.events, 0)).toBe(seeded.events)
    const expectedOrders = seeded.customers.reduce(
      (n, id, i) => n + journeyCommands(id, i).filter((c) => c.type === 'PlaceOrder').length,
      0,
    )
    const totals = reports.flatMap((r) => [...r.state.partitions.values()])
    expect(totals.reduce((n, t) => n + t.orders, 0)).toBe(expectedOrders)
    expect(Object.keys(totals.find((t) => t.orders > 0)?.revenue ?? {})).toHaveLength(1)
  })
})
