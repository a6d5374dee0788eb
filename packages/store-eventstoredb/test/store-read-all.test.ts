import type { EventFilter, JourneyEvent, RecordedEvent } from '@journeykit/core'
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client'
import { matchesFilter } from '@journeykit/core'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { UndecodableEvent } from '../src/index.js'
import { UndecodableEventError, eventStoreDbEventStore } from '../src/index.js'
import { collect, collectAll, journey, useDoubleStore } from './fixtures.js'

const strictlyIncreasing = (events: readonly RecordedEvent[]) =>
  events.every((e, i) => i === 0 || e.position > (events[i - 1]?.position ?? 0n))

describe('readAll over the double', () => {
  const env = useDoubleStore()
  const written: JourneyEvent[] = []

  beforeAll(async () => {
    for (const id of ['a1', 'b2', 'a3', 'c4', 'a5']) {
      const events = journey(id, id.startsWith('a') ? 3 : 1)
      await env.store.appendToStream(`customer-${id}`, events)
      written.push(...events)
      env.double.log.appendSystemEvent('$stats-127.0.0.1:2113', '$statsCollected')
    }
    await env.store.appendToStream('journeykit-checkpoint-p1', [])
  })

  it('delivers every journey event once, in order, with strictly increasing positions, and no system events', async () => {
    const all = await collectAll(env.store.readAll())
    expect(all.map((e) => e.id)).toEqual(written.map((e) => e.id))
    expect(strictlyIncreasing(all)).toBe(true)
    expect(env.double.log.all().some((r) => r.type.startsWith('$'))).toBe(true)
  })

  it('respects batchSize and maxCount, and `from` is inclusive', async () => {
    const batches = await collect(env.store.readAll({ batchSize: 4, maxCount: 10 }))
    expect(batches.map((b) => b.length)).toEqual([4, 4, 2])
    const all = batches.flat()
    const from = await collectAll(env.store.readAll({ from: all[5]?.position, maxCount: 3 }))
    expect(from.map((e) => e.id)).toEqual(all.slice(5, 8).map((e) => e.id))
    expect(await collectAll(env.store.readAll({ from: 'end' }))).toEqual([])
  })

  it('reads backwards from the end and from a position (inclusive)', async () => {
    const all = await collectAll(env.store.readAll())
    const back = await collectAll(env.store.readAll({ direction: 'backwards' }))
    expect(back.map((e) => e.id)).toEqual([...all].reverse().map((e) => e.id))
    const fromThird = await collectAll(env.store.readAll({ direction: 'backwards', from: all[2]?.position }))
    expect(fromThird.map((e) => e.id)).toEqual(
      all
        .slice(0, 3)
        .reverse()
        .map((e) => e.id),
    )
  })

  it('filters by event types, type prefixes and stream prefixes (AND across criteria) like matchesFilter', async () => {
    const filters: EventFilter[] = [
      { eventTypes: ['OrderPlaced'] },
      { eventTypePrefixes: ['Customer'] },
      { streamNamePrefixes: ['customer-a'] },
      { eventTypes: ['OrderPlaced'], streamNamePrefixes: ['customer-a1', 'customer-c'] },
      { eventTypes: [] },
      { eventTypes: ['Order'] },
    ]
    for (const filter of filters) {
      const expected = written.filter((e) => matchesFilter(e, filter)).map((e) => e.id)
      const server = await collectAll(env.store.readAll({ filter }))
      expect(server.map((e) => e.id)).toEqual(expected)
    }
  })

  it('gives the same events whether filtered on the server or here, from any position (property)', async () => {
    const all = await collectAll(env.store.readAll())
    const clientSide = eventStoreDbEventStore({
      connection: env.double.connectionString,
      readAllFiltering: 'client',
    })
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: all.length - 1 }),
          fc.constantFrom<EventFilter | undefined>(
            undefined,
            { eventTypes: ['OrderPlaced'] },
            { streamNamePrefixes: ['customer-b', 'customer-c'] },
          ),
          fc.integer({ min: 1, max: 7 }),
          async (index, filter, batchSize) => {
            const from = all[index]?.position
            const a = await collectAll(env.store.readAll({ from, filter, batchSize }))
            const b = await collectAll(clientSide.readAll({ from, filter, batchSize }))
            expect(a.map((e) => e.id)).toEqual(b.map((e) => e.id))
            expect(a.map((e) => e.id)).toEqual(
              all
                .slice(index)
                .filter((e) => matchesFilter(e, filter))
                .map((e) => e.id),
            )
          },
        ),
        { numRuns: 10 },
      )
    } finally {
      await clientSide.close()
    }
  })
})

describe('events that are not journey events', () => {
  const env = useDoubleStore()
  let client: EventStoreDBClient

  beforeAll(async () => {
    client = EventStoreDBClient.connectionString(env.double.connectionString)
    await env.store.appendToStream('customer-z', journey('z', 1))
    await client.appendToStream('customer-z', jsonEvent({ type: 'Foreign', data: { a: 1 } }))
    // OrderPlaced at schema version 1: amounts as floats in major units, upcast on read
    await client.appendToStream(
      'customer-z',
      jsonEvent({
        type: 'OrderPlaced',
        data: {
          orderId: 'o-old',
          currency: 'EUR',
          amount: 12.34,
          lines: [{ sku: 's', quantity: 1, unitPrice: 12.34 }],
          channel: 'web',
        },
        metadata: {
          customerId: 'z',
          occurredAt: '2023-01-01T00:00:00Z',
          recordedAt: '2023-01-01T00:00:00Z',
          schemaVersion: 1,
        },
      }),
    )
    return () => client.dispose()
  })

  it('fails the read with UndecodableEventError saying where and why, when no handler is given', async () => {
    const error = await collect(env.store.readStream('customer-z')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UndecodableEventError)
    expect(error).toMatchObject({ report: { streamId: 'customer-z', revision: 2n, type: 'Foreign' } })
    expect(String(error)).toMatch(
      /\(Foreign\) at customer-z@2 cannot be decoded: Foreign: customerId is required/,
    )
  })

  it('reports and skips them with onUndecodable, and upcasts older schema versions', async () => {
    const reports: UndecodableEvent[] = []
    const store = eventStoreDbEventStore({
      connection: env.double.connectionString,
      onUndecodable: (r) => reports.push(r),
    })
    try {
      const events = await collect(store.readStream('customer-z'))
      expect(events.map((e) => e.type)).toEqual(['CustomerRegistered', 'OrderPlaced', 'OrderPlaced'])
      expect(events[2]).toMatchObject({
        schemaVersion: 2,
        data: { amount: 1234, lines: [{ unitPrice: 1234 }] },
      })
      expect(reports.map((r) => r.type)).toEqual(['Foreign'])
      const all = await collectAll(store.readAll())
      expect(all).toHaveLength(3)
      expect(reports).toHaveLength(2)
    } finally {
      await store.close()
    }
  })
})
