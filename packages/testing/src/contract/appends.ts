import type { EventStore } from '@journeykit/core'
import { WrongExpectedVersionError, customerStreamId, isEventStoreError } from '@journeykit/core'
import { describe, expect, it } from 'vitest'
import { appended, contractRun, journey, orderPlaced, streamRead } from './events.js'

/** Appends: every expected-revision mode, typed conflicts, idempotency by event id. */
export const appendContract = (store: () => EventStore): void => {
  const names = contractRun()

  describe('appendToStream', () => {
    it("'no_stream' creates a stream; a second 'no_stream' is a WrongExpectedVersion with the actual revision", async () => {
      const c = names.customer('new')
      const events = journey(c, 2)
      const result = await store().appendToStream(customerStreamId(c), events, {
        expectedRevision: 'no_stream',
      })
      expect(result.nextExpectedRevision).toBe(2n)
      expect(typeof result.position).toBe('bigint')
      const again = store().appendToStream(customerStreamId(c), [orderPlaced(c, 'x')], {
        expectedRevision: 'no_stream',
      })
      await expect(again).rejects.toBeInstanceOf(WrongExpectedVersionError)
      await expect(again).rejects.toMatchObject({ expected: 'no_stream', actual: 2n })
      expect((await streamRead(store().readStream(customerStreamId(c)))).map(appended)).toEqual(events)
    })

    it("'stream_exists' refuses a missing stream and accepts an existing one", async () => {
      const c = names.customer('exists')
      const missing = store().appendToStream(customerStreamId(c), journey(c, 0), {
        expectedRevision: 'stream_exists',
      })
      await expect(missing).rejects.toMatchObject({ expected: 'stream_exists', actual: 'no_stream' })
      await store().appendToStream(customerStreamId(c), journey(c, 0))
      const next = await store().appendToStream(customerStreamId(c), [orderPlaced(c, 'o1')], {
        expectedRevision: 'stream_exists',
      })
      expect(next.nextExpectedRevision).toBe(1n)
    })

    it('an exact revision appends when it is the last one, and fails with expected and actual otherwise', async () => {
      const c = names.customer('exact')
      await store().appendToStream(customerStreamId(c), journey(c, 1))
      const ok = await store().appendToStream(customerStreamId(c), [orderPlaced(c, 'o2')], {
        expectedRevision: 1n,
      })
      expect(ok.nextExpectedRevision).toBe(2n)
      const stale = store().appendToStream(customerStreamId(c), [orderPlaced(c, 'o3')], {
        expectedRevision: 1n,
      })
      await expect(stale).rejects.toMatchObject({ expected: 1n, actual: 2n })
      const error: unknown = await stale.catch((e: unknown) => e)
      expect(isEventStoreError(error)).toBe(true)
    })

    it("'any' appends whatever the stream holds", async () => {
      const c = names.customer('any')
      await store().appendToStream(customerStreamId(c), journey(c, 0), { expectedRevision: 'any' })
      const r = await store().appendToStream(customerStreamId(c), [orderPlaced(c, 'o1')], {
        expectedRevision: 'any',
      })
      expect(r.nextExpectedRevision).toBe(1n)
    })

    it('appending the same event ids again is a no-op, with the same result revision', async () => {
      const c = names.customer('idem')
      const events = journey(c, 2)
      const first = await store().appendToStream(customerStreamId(c), events, {
        expectedRevision: 'no_stream',
      })
      const again = await store().appendToStream(customerStreamId(c), events, {
        expectedRevision: 'no_stream',
      })
      expect(again.nextExpectedRevision).toBe(first.nextExpectedRevision)
      const retried = await store().appendToStream(customerStreamId(c), events, { expectedRevision: 'any' })
      expect(retried.nextExpectedRevision).toBe(first.nextExpectedRevision)
      expect(await streamRead(store().readStream(customerStreamId(c)))).toHaveLength(3)
    })

    it('gives revisions 0, 1, 2, … and strictly increasing bigint positions', async () => {
      const c = names.customer('numbers')
      await store().appendToStream(customerStreamId(c), journey(c, 1))
      await store().appendToStream(customerStreamId(c), [orderPlaced(c, 'o2'), orderPlaced(c, 'o3')])
      const read = await streamRead(store().readStream(customerStreamId(c)))
      expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n])
      for (let i = 1; i < read.length; i++) {
        const [a, b] = [read[i - 1]?.position ?? -1n, read[i]?.position ?? -1n]
        expect(typeof b).toBe('bigint')
        expect(b > a).toBe(true)
      }
    })
  })
}
