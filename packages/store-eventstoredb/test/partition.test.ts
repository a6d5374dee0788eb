import type { JourneyEvent, RecordedEvent } from '@journeykit/core'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  InvalidPartitionError,
  customerHash,
  inPartition,
  partitionOf,
  readPartition,
  subscribePartition,
} from '../src/index.js'
import { collectAll, journey, useDoubleStore } from './fixtures.js'

describe('customer partitions', () => {
  it('hash with FNV-1a over UTF-8, so every process and version agrees', () => {
    expect(customerHash('')).toBe(0x811c9dc5)
    expect(customerHash('a')).toBe(0xe40c292c)
    expect(customerHash('foobar')).toBe(0xbf9cf968)
  })

  it('assign every customer to exactly one partition in range', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 64 }), (customerId, count) => {
        const owners = Array.from({ length: count }, (_, index) =>
          inPartition({ index, count })({ customerId }),
        )
        expect(owners.filter(Boolean)).toHaveLength(1)
        expect(owners.indexOf(true)).toBe(partitionOf(customerId, count))
      }),
    )
  })

  it('refuses partitions that do not exist', () => {
    expect(() => inPartition({ index: 3, count: 3 })).toThrow(InvalidPartitionError)
    expect(() => partitionOf('c', 0)).toThrow(InvalidPartitionError)
    expect(() => inPartition({ index: 0.5, count: 2 })).toThrow(/index an integer/)
  })
})

describe('projection workers over the double', () => {
  const env = useDoubleStore()
  const written: JourneyEvent[] = []
  const count = 3

  beforeAll(async () => {
    for (let i = 0; i < 24; i++) {
      const events = journey(`w${i}`, 2)
      await env.store.appendToStream(`customer-w${i}`, events)
      written.push(...events)
    }
  })

  it('split a subscription: each customer on one worker, in order, all events once; others become checkpoints', async () => {
    const received = await Promise.all(
      Array.from({ length: count }, async (_, index) => {
        const subscription = subscribePartition(env.store, { index, count }, { batchSize: 5 })
        const events: RecordedEvent[] = []
        let checkpoints = 0
        for await (const m of subscription) {
          if (m.kind === 'events') events.push(...m.events)
          if (m.kind === 'checkpoint') checkpoints++
          if (m.kind === 'caughtUp') break
        }
        await subscription.stop()
        return { events, checkpoints }
      }),
    )
    const all = received.flatMap((r) => r.events)
    expect(all.map((e) => e.id).sort()).toEqual(written.map((e) => e.id).sort())
    for (const [index, r] of received.entries()) {
      expect(r.events.every((e) => partitionOf(e.customerId, count) === index)).toBe(true)
      expect(r.checkpoints).toBeGreaterThan(0)
      for (const customerId of new Set(r.events.map((e) => e.customerId)))
        expect(r.events.filter((e) => e.customerId === customerId).map((e) => e.id)).toEqual(
          written.filter((e) => e.customerId === customerId).map((e) => e.id),
        )
    }
    expect(received.every((r) => r.events.length > 0)).toBe(true)
  })

  it('split a rebuild: the partitions of readAll add up to readAll', async () => {
    const parts = await Promise.all(
      Array.from({ length: count }, (_, index) => collectAll(readPartition(env.store, { index, count }))),
    )
    const all = await collectAll(env.store.readAll())
    expect(
      parts
        .flat()
        .map((e) => e.id)
        .sort(),
    ).toEqual(all.map((e) => e.id).sort())
  })
})
