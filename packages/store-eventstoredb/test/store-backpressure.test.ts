import type { JourneyEvent, SubscriptionMessage } from '@journeykit/core'
import { customerStreamId } from '@journeykit/core'
import { describe, expect, it } from 'vitest'
import { journey, useDoubleStore } from './fixtures.js'

const CUSTOMERS = 6
const PER_CUSTOMER = 250
const READ_AHEAD = 64
const TOTAL = CUSTOMERS * PER_CUSTOMER

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `read` until it stays the same for `quiet` polls in a row, and answers that value. */
const settled = async (read: () => number, quiet = 6, everyMs = 50): Promise<number> => {
  let last = read()
  for (let same = 0; same < quiet;) {
    await sleep(everyMs)
    const now = read()
    same = now === last ? same + 1 : 0
    last = now
  }
  return last
}

describe('a slow subscriber over the double', () => {
  const env = useDoubleStore({}, { batchSize: 32, readAhead: READ_AHEAD })

  it('holds the server back (HTTP/2 flow control) instead of buffering the whole history, then gets every event', async () => {
    const written: JourneyEvent[] = []
    for (let c = 0; c < CUSTOMERS; c++) {
      const events = journey(`slow-${c}`, PER_CUSTOMER - 1)
      await env.store.appendToStream(customerStreamId(`slow-${c}`), events)
      written.push(...events)
    }
    const subscription = env.store.subscribe({ filter: { streamNamePrefixes: ['customer-slow-'] } })
    const iterator = subscription[Symbol.asyncIterator]()
    const first = await iterator.next() // then the consumer stalls
    const sentWhileStalled = await settled(() => env.double.subscriptionEventsSent())
    expect(sentWhileStalled).toBeGreaterThan(0)
    // what the client buffers (about 2 × readAhead) plus what HTTP/2 has in flight: far from the whole history
    expect(sentWhileStalled).toBeLessThan(TOTAL / 3)

    const ids: string[] =
      first.done === true || first.value.kind !== 'events' ? [] : first.value.events.map((e) => e.id)
    while (ids.length < TOTAL) {
      const next: IteratorResult<SubscriptionMessage> = await iterator.next()
      if (next.done === true) break
      if (next.value.kind === 'events') ids.push(...next.value.events.map((e) => e.id))
    }
    await subscription.stop()
    expect(ids).toEqual(written.map((e) => e.id))
  })
})
