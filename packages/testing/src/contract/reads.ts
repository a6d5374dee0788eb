import type { EventStore } from '@journeykit/core'
import { StreamDeletedError, StreamNotFoundError, customerStreamId } from '@journeykit/core'
import { describe, expect, it } from 'vitest'
import { allRead, contractRun, journey, orderPlaced, readPrefix, streamRead } from './events.js'

/** Reads of a stream and of all streams, filters, and what deletion leaves. */
export const readContract = (store: () => EventStore): void => {
  const names = contractRun()

  describe('readStream', () => {
    it('reads from a revision (inclusive), backwards, and at most maxCount', async () => {
      const c = names.customer('read')
      const stream = customerStreamId(c)
      await store().appendToStream(stream, journey(c, 4))
      const revisions = async (options: Parameters<EventStore['readStream']>[1]): Promise<bigint[]> =>
        (await streamRead(store().readStream(stream, options))).map((e) => e.revision)
      expect(await revisions({ from: 2n })).toEqual([2n, 3n, 4n])
      expect(await revisions({ direction: 'backwards' })).toEqual([4n, 3n, 2n, 1n, 0n])
      expect(await revisions({ direction: 'backwards', from: 2n, maxCount: 2 })).toEqual([2n, 1n])
      expect(await revisions({ maxCount: 2 })).toEqual([0n, 1n])
    })

    it('a stream that was never written is a StreamNotFoundError', async () => {
      const read = streamRead(store().readStream(customerStreamId(names.customer('missing'))))
      await expect(read).rejects.toBeInstanceOf(StreamNotFoundError)
    })
  })

  describe('readAll', () => {
    it('reads in global order with positions that increase (never assumed contiguous), from inclusive', async () => {
      const a = names.customer('all')
      const prefix = a.slice(0, a.lastIndexOf('-'))
      const b = `${prefix}-b`
      await store().appendToStream(customerStreamId(a), journey(a, 1))
      await store().appendToStream(customerStreamId(b), journey(b, 1))
      await store().appendToStream(customerStreamId(a), [orderPlaced(a, 'o2')])
      const all = await readPrefix(store(), prefix)
      expect(all.map((e) => [e.customerId, e.revision])).toEqual([
        [a, 0n],
        [a, 1n],
        [b, 0n],
        [b, 1n],
        [a, 2n],
      ])
      const from = all[2]?.position
      const tail = await allRead(
        store().readAll({ from, filter: { streamNamePrefixes: [customerStreamId(prefix)] } }),
      )
      expect(tail.map((e) => e.id)).toEqual(all.slice(2).map((e) => e.id))
      const backwards = await allRead(
        store().readAll({
          direction: 'backwards',
          filter: { streamNamePrefixes: [customerStreamId(prefix)] },
        }),
      )
      expect(backwards.map((e) => e.id)).toEqual(all.map((e) => e.id).reverse())
    })

    it('filters by event type and by stream-name prefix, in batches of at most batchSize', async () => {
      const c = names.customer('filter')
      await store().appendToStream(customerStreamId(c), journey(c, 5))
      const streamNamePrefixes = [customerStreamId(c)]
      const orders = await allRead(
        store().readAll({ filter: { streamNamePrefixes, eventTypes: ['OrderPlaced'] } }),
      )
      expect(orders.map((e) => e.type)).toEqual(Array(5).fill('OrderPlaced'))
      const byPrefix = await allRead(
        store().readAll({ filter: { streamNamePrefixes, eventTypePrefixes: ['CustomerReg'] } }),
      )
      expect(byPrefix.map((e) => e.type)).toEqual(['CustomerRegistered'])
      const sizes: number[] = []
      for await (const batch of store().readAll({ batchSize: 2, filter: { streamNamePrefixes } }))
        sizes.push(batch.length)
      expect(sizes.reduce((s, n) => s + n, 0)).toBe(6)
      expect(Math.max(...sizes)).toBeLessThanOrEqual(2)
    })
  })

  describe('deleteStream', () => {
    it('soft: the stream reads as not found; a later append continues its revisions and reads only what follows', async () => {
      const c = names.customer('soft')
      const stream = customerStreamId(c)
      await store().appendToStream(stream, journey(c, 1))
      await store().deleteStream(stream)
      await expect(streamRead(store().readStream(stream))).rejects.toBeInstanceOf(StreamNotFoundError)
      const next = await store().appendToStream(stream, [orderPlaced(c, 'o2')])
      expect(next.nextExpectedRevision).toBe(2n)
      expect((await streamRead(store().readStream(stream))).map((e) => e.revision)).toEqual([2n])
    })

    it('tombstone: reads and appends fail with StreamDeletedError for good', async () => {
      const c = names.customer('tomb')
      const stream = customerStreamId(c)
      await store().appendToStream(stream, journey(c, 0))
      await store().deleteStream(stream, { mode: 'tombstone' })
      await expect(streamRead(store().readStream(stream))).rejects.toBeInstanceOf(StreamDeletedError)
      await expect(store().appendToStream(stream, [orderPlaced(c, 'o1')])).rejects.toBeInstanceOf(
        StreamDeletedError,
      )
    })
  })
}
