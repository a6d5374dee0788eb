import type { JourneyEvent, RecordedEvent, Subscription, SubscriptionMessage } from '@journeykit/core'
import { EventStoreUnavailableError } from '@journeykit/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { journey, registered, useDoubleStore } from './fixtures.js'

/** Iterates until `until` says so; `onMessage` may act (append, inject a fault) as messages arrive. */
const consume = async (
  subscription: Subscription,
  until: (events: readonly RecordedEvent[], messages: readonly SubscriptionMessage[]) => boolean,
  onMessage: (message: SubscriptionMessage, events: readonly RecordedEvent[]) => Promise<void> | void = () =>
    undefined,
) => {
  const messages: SubscriptionMessage[] = []
  const events: RecordedEvent[] = []
  for await (const m of subscription) {
    messages.push(m)
    if (m.kind === 'events') events.push(...m.events)
    await onMessage(m, events)
    if (until(events, messages)) break
  }
  await subscription.stop()
  return { messages, events }
}

describe('subscriptions over the double', () => {
  const env = useDoubleStore({}, { maxSearchWindow: 8 })
  const written: JourneyEvent[] = []

  beforeAll(async () => {
    for (let i = 0; i < 6; i++) {
      const events = journey(`s${i}`, 4)
      await env.store.appendToStream(`customer-s${i}`, events)
      written.push(...events)
    }
  })

  it('catches up, says caught-up once, then delivers live events, in order', async () => {
    const live = journey('live', 2)
    const { events, messages } = await consume(
      env.store.subscribe({ batchSize: 7 }),
      (e) => e.length === written.length + live.length,
      async (m) => {
        if (m.kind === 'caughtUp') await env.store.appendToStream('customer-live', live)
      },
    )
    written.push(...live)
    expect(events.map((e) => e.id)).toEqual(written.map((e) => e.id))
    expect(messages.filter((m) => m.kind === 'caughtUp')).toHaveLength(1)
    const caughtUpAt = messages.findIndex((m) => m.kind === 'caughtUp')
    const before = messages.slice(0, caughtUpAt).flatMap((m) => (m.kind === 'events' ? m.events : []))
    expect(before).toHaveLength(written.length - live.length)
    expect(messages.every((m) => m.kind !== 'events' || m.events.length <= 7)).toBe(true)
  })

  it('starts after `from` (exclusive), or at the end', async () => {
    const all = written
    const { events } = await consume(
      env.store.subscribe({ from: await positionOf(env, all[4]?.id) }),
      (e) => e.length === all.length - 5,
    )
    expect(events.map((e) => e.id)).toEqual(all.slice(5).map((e) => e.id))
    const next = registered('after-end')
    const { events: fromEnd } = await consume(
      env.store.subscribe({ from: 'end' }),
      (e) => e.length === 1,
      async (m) => {
        if (m.kind === 'caughtUp') await env.store.appendToStream('customer-after-end', [next])
      },
    )
    expect(fromEnd.map((e) => e.id)).toEqual([next.id])
    written.push(next)
  })

  it('moves a sparse filtered subscription forward with checkpoints', async () => {
    const sparse = journey('sparse', 40)
    await env.store.appendToStream('customer-sparse', sparse)
    written.push(...sparse)
    const { messages } = await consume(
      env.store.subscribe({ filter: { eventTypes: ['CustomerRegistered'] } }),
      (_e, m) => m.some((x) => x.kind === 'caughtUp'),
    )
    const checkpoints = messages.flatMap((m) => (m.kind === 'checkpoint' ? [m.position] : []))
    const delivered = messages.flatMap((m) => (m.kind === 'events' ? m.events : []))
    expect(delivered.every((e) => e.type === 'CustomerRegistered')).toBe(true)
    expect(delivered.map((e) => e.id)).toEqual(
      written.filter((e) => e.type === 'CustomerRegistered').map((e) => e.id),
    )
    expect(checkpoints.every((p, i) => i === 0 || p > (checkpoints[i - 1] ?? 0n))).toBe(true)
    const last = delivered[delivered.length - 1]?.position ?? 0n
    expect(checkpoints.filter((p) => p > last).length).toBeGreaterThanOrEqual(3)
  })

  it('reports a persistent fault instead of retrying forever', async () => {
    const subscription = env.store.subscribe({ from: 'end' })
    const outcome = (async () => {
      try {
        for await (const m of subscription) if (m.kind === 'caughtUp') env.double.faults.setUnreachable(true)
        return 'ended'
      } catch (e) {
        return e
      }
    })()
    const error = await outcome
    env.double.faults.setUnreachable(false)
    expect(error).toBeInstanceOf(EventStoreUnavailableError)
    expect(String(error)).toMatch(/gave up after 5 attempts/)
  })

  it('ends open subscriptions when the store is closed', async () => {
    const { eventStoreDbEventStore } = await import('../src/index.js')
    const store = eventStoreDbEventStore({ connection: env.double.connectionString })
    const subscription = store.subscribe({ from: 'end' })
    const iteration = consume(
      subscription,
      () => false,
      async (m) => {
        if (m.kind === 'caughtUp') await store.close()
      },
    )
    await expect(iteration).resolves.toMatchObject({ events: [] })
  })
})

const positionOf = async (
  env: ReturnType<typeof useDoubleStore>,
  id: string | undefined,
): Promise<bigint> => {
  for await (const batch of env.store.readAll()) for (const e of batch) if (e.id === id) return e.position
  throw new Error(`no event ${id}`)
}
