import type { EventStore, RecordedEvent, Subscription } from '@journeykit/core'
import { customerStreamId } from '@journeykit/core'
import { describe, expect, it } from 'vitest'
import { contractRun, journey, orderPlaced, readPrefix } from './events.js'

interface Received {
  readonly events: RecordedEvent[]
  caughtUpAfter: number | undefined
}

/** Collects a subscription's events until `until` holds (then stops it), noting when it caught up. */
const collectUntil = async (
  subscription: Subscription,
  until: (r: Received) => boolean,
  onCaughtUp: () => Promise<void> = async () => undefined,
): Promise<Received> => {
  const received: Received = { events: [], caughtUpAfter: undefined }
  for await (const message of subscription) {
    if (message.kind === 'events') received.events.push(...message.events)
    if (message.kind === 'caughtUp' && received.caughtUpAfter === undefined) {
      received.caughtUpAfter = received.events.length
      await onCaughtUp()
    }
    if (until(received)) break
  }
  await subscription.stop()
  return received
}

/** Subscriptions: catch-up, caught-up, live, exclusive `from`, and the handoff under concurrent writers. */
export const subscriptionContract = (store: () => EventStore): void => {
  const names = contractRun()

  describe('subscribe', () => {
    it('delivers the history, says when it caught up, then delivers live events', async () => {
      const c = names.customer('live')
      const filter = { streamNamePrefixes: [customerStreamId(c)] }
      await store().appendToStream(customerStreamId(c), journey(c, 2))
      const received = await collectUntil(
        store().subscribe({ filter }),
        (r) => r.events.length >= 5,
        async () => {
          await store().appendToStream(customerStreamId(c), [orderPlaced(c, 'o3'), orderPlaced(c, 'o4')])
        },
      )
      expect(received.caughtUpAfter).toBe(3)
      expect(received.events.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n])
    })

    it('starts after `from` (exclusive: resume after a checkpoint)', async () => {
      const c = names.customer('from')
      const filter = { streamNamePrefixes: [customerStreamId(c)] }
      await store().appendToStream(customerStreamId(c), journey(c, 3))
      const all = await readPrefix(store(), c)
      const checkpoint = all[1]?.position
      const received = await collectUntil(
        store().subscribe({ filter, from: checkpoint }),
        (r) => r.caughtUpAfter !== undefined,
      )
      expect(received.events.map((e) => e.id)).toEqual(all.slice(2).map((e) => e.id))
    })

    it('hands off from catch-up to live without a gap or a duplicate while writers keep appending', async () => {
      const c = names.customer('handoff')
      const prefix = customerStreamId(c)
      const writers = 4
      const perWriter = 25
      for (let w = 0; w < writers; w++)
        await store().appendToStream(`${prefix}-${w}`, journey(`${c}-${w}`, 0))
      const write = async (w: number): Promise<void> => {
        for (let i = 0; i < perWriter; i++) {
          await store().appendToStream(`${prefix}-${w}`, [orderPlaced(`${c}-${w}`, `o${i}`)])
          if (i % 5 === 0) await new Promise((resolve) => setImmediate(resolve))
        }
      }
      const total = writers * (perWriter + 1)
      const subscription = store().subscribe({ filter: { streamNamePrefixes: [prefix] }, batchSize: 7 })
      const [received] = await Promise.all([
        collectUntil(subscription, (r) => r.events.length >= total),
        Promise.all(Array.from({ length: writers }, (_, w) => write(w))),
      ])
      const ids = received.events.map((e) => e.id)
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids).toEqual((await readPrefix(store(), c)).map((e) => e.id))
      const positions = received.events.map((e) => e.position)
      expect(positions.every((p, i) => i === 0 || p > (positions[i - 1] ?? p))).toBe(true)
    })
  })
}
