import type { CustomerCommand, RecordedEvent } from '@journeykit/core'
import { commandHandler, customerDecider, customerStreamId } from '@journeykit/core'
import { describe, expect, it } from 'vitest'
import { memoryEventStore } from '../src/index.js'

const WRITERS = 8
const COMMANDS = 500
const CUSTOMERS = 10

/** A small deterministic generator, so a failure can be replayed. */
const lcg = (seed: number) => () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31

describe('8 concurrent writers × 500 commands against 10 hot customers', () => {
  it('lose and duplicate nothing: each stream holds exactly its accepted commands, every conflict retried or reported', async () => {
    const store = memoryEventStore()
    let ids = 0
    const handle = commandHandler(
      store,
      customerDecider,
      (c: CustomerCommand) => customerStreamId(c.customerId),
      {
        maxAttempts: 12,
        backoffMs: 0.2,
        maxBackoffMs: 2,
        random: lcg(99),
        newId: () => `01900000-0000-7000-8000-${(ids++).toString(16).padStart(12, '0')}`,
        clock: () => new Date('2024-06-01T00:00:00Z'),
      },
    )
    const customer = (i: number): string => `hot-${i}`
    for (let i = 0; i < CUSTOMERS; i++) {
      const registered = await handle({
        type: 'RegisterCustomer',
        customerId: customer(i),
        occurredAt: '2024-01-01T00:00:00Z',
        data: { kind: 'person', name: `Customer ${i}`, country: 'DE' },
      })()
      expect(registered._tag).toBe('Right')
    }

    const accepted = new Map<string, number>()
    let retries = 0
    let reportedConflicts = 0
    const writer = async (w: number): Promise<void> => {
      const random = lcg(w + 1)
      for (let n = 0; n < COMMANDS; n++) {
        const customerId = customer(Math.floor(random() * CUSTOMERS))
        const result = await handle({
          type: 'PlaceOrder',
          customerId,
          occurredAt: '2024-02-01T00:00:00Z',
          data: {
            orderId: `w${w}-${n}`,
            currency: 'EUR',
            amount: 100,
            lines: [{ sku: 'sku', quantity: 1, unitPrice: 100 }],
            channel: 'web',
          },
        })()
        if (result._tag === 'Right') {
          accepted.set(customerId, (accepted.get(customerId) ?? 0) + 1)
          retries += result.right.attempts - 1
        } else if (result.left._tag === 'ConcurrencyConflict') reportedConflicts++
        else throw new Error(`unexpected refusal: ${JSON.stringify(result.left)}`)
      }
    }
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)))

    const acceptedTotal = [...accepted.values()].reduce((s, n) => s + n, 0)
    expect(acceptedTotal + reportedConflicts).toBe(WRITERS * COMMANDS)
    expect(retries).toBeGreaterThan(0) // the writers really did collide
    const seen = new Set<string>()
    for (let i = 0; i < CUSTOMERS; i++) {
      const events: RecordedEvent[] = []
      for await (const e of store.readStream(customerStreamId(customer(i)))) events.push(e)
      expect(events.map((e) => e.revision)).toEqual(events.map((_, r) => BigInt(r)))
      expect(events.length).toBe(1 + (accepted.get(customer(i)) ?? 0))
      const orderIds = events.flatMap((e) => (e.type === 'OrderPlaced' ? [e.data.orderId] : []))
      expect(new Set(orderIds).size).toBe(orderIds.length)
      for (const e of events) seen.add(e.id)
    }
    expect(seen.size).toBe(store.size())
    expect(store.size()).toBe(CUSTOMERS + acceptedTotal)
  })
})
