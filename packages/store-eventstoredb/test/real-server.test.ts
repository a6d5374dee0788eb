import { WrongExpectedVersionError } from '@journeykit/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventStoreDbEventStore } from '../src/index.js'
import { eventStoreDbEventStore } from '../src/index.js'
import { collect, collectAll, journey, orderPlaced } from './fixtures.js'

const connectionString = process.env['EVENTSTOREDB_CONNECTION_STRING']

/**
 * The adapter against a real EventStoreDB server or cluster (docker compose in examples/eventstoredb). Every
 * run writes to fresh streams, so it can run again and again against the same database.
 */
describe.skipIf(connectionString === undefined)(
  connectionString === undefined
    ? 'a real EventStoreDB server: skipped, set EVENTSTOREDB_CONNECTION_STRING (esdb://…) to run these tests against one'
    : `a real EventStoreDB server at ${connectionString}`,
  () => {
    const run = `run${Date.now().toString(36)}`
    let store: EventStoreDbEventStore
    beforeAll(() => {
      store = eventStoreDbEventStore({ connection: connectionString ?? '' })
    })
    afterAll(async () => {
      await store.close()
    })

    it('round-trips a journey, refuses a stale revision, and is idempotent by event id', async () => {
      const customer = `${run}-a`
      const events = journey(customer, 3)
      const first = await store.appendToStream(`customer-${customer}`, events, {
        expectedRevision: 'no_stream',
      })
      const again = await store.appendToStream(`customer-${customer}`, events, {
        expectedRevision: 'no_stream',
      })
      expect(again.nextExpectedRevision).toBe(first.nextExpectedRevision)
      const read = await collect(store.readStream(`customer-${customer}`))
      expect(read.map((e) => e.id)).toEqual(events.map((e) => e.id))
      await expect(
        store.appendToStream(`customer-${customer}`, [orderPlaced(customer, 'late')], {
          expectedRevision: 0n,
        }),
      ).rejects.toBeInstanceOf(WrongExpectedVersionError)
    })

    it('reads $all filtered on the server from a position, and subscribes after it', async () => {
      const customer = `${run}-b`
      const events = journey(customer, 4)
      await store.appendToStream(`customer-${customer}`, events)
      const prefix = { streamNamePrefixes: [`customer-${customer}`] }
      const all = await collectAll(store.readAll({ filter: prefix }))
      expect(all.map((e) => e.id)).toEqual(events.map((e) => e.id))
      const from = all[1]?.position
      const tail = await collectAll(store.readAll({ filter: prefix, from }))
      expect(tail.map((e) => e.id)).toEqual(events.slice(1).map((e) => e.id))
      const subscription = store.subscribe({ filter: prefix, from })
      const received: string[] = []
      for await (const m of subscription) {
        if (m.kind === 'events') received.push(...m.events.map((e) => e.id))
        if (received.length === events.length - 2) break
      }
      await subscription.stop()
      expect(received).toEqual(events.slice(2).map((e) => e.id))
    })
  },
)
