import type { EventFilter, JourneyEvent, RecordedEvent } from '@journeykit/core'
import { EventStoreUnavailableError, matchesFilter } from '@journeykit/core'
import { describe, expect, it } from 'vitest'
import type { ResubscribeOptions } from '../src/index.js'
import type { DoubleFaults, SubscriptionStart } from './double/index.js'
import { journey, useDoubleStore } from './fixtures.js'

type Fault = 'drop the connection' | 'abort with UNAVAILABLE'

const cases: {
  start: SubscriptionStart
  resumeFrom: NonNullable<ResubscribeOptions['resumeFrom']>
  filter: EventFilter | undefined
  fault: Fault
}[] = [
  { start: 'skip-first-event', resumeFrom: 'checkpoint', filter: undefined, fault: 'drop the connection' },
  {
    start: 'skip-first-event',
    resumeFrom: 'checkpoint',
    filter: { eventTypes: ['CustomerRegistered'] },
    fault: 'drop the connection',
  },
  {
    start: 'skip-first-event',
    resumeFrom: 'event',
    filter: { streamNamePrefixes: ['customer-1'] },
    fault: 'abort with UNAVAILABLE',
  },
  { start: 'skip-first-match', resumeFrom: 'event', filter: undefined, fault: 'abort with UNAVAILABLE' },
  {
    start: 'skip-first-match',
    resumeFrom: 'event',
    filter: { eventTypes: ['CustomerRegistered'] },
    fault: 'drop the connection',
  },
]

const inject = (faults: DoubleFaults, fault: Fault) =>
  fault === 'drop the connection' ? faults.dropConnections() : faults.abortReads()

describe.each(cases)(
  'a subscription that loses its connection ($fault; server $start; resume from $resumeFrom; filter $filter)',
  ({ start, resumeFrom, filter, fault }) => {
    const env = useDoubleStore(
      { subscriptionStart: start },
      { maxSearchWindow: 16, resubscribe: { initialDelayMs: 5, maxDelayMs: 40, maxAttempts: 6, resumeFrom } },
    )

    it('resubscribes from where it got to: every event once, in order, through catch-up and live', async () => {
      const written: JourneyEvent[] = []
      const append = async (from: number, to: number) => {
        for (let i = from; i < to; i++) {
          const events = journey(`${i}`, 30)
          // an append in flight when the connection drops fails as unavailable: retrying it is safe (by event id)
          for (let attempt = 1; ; attempt++) {
            try {
              await env.store.appendToStream(`customer-${i}`, events, { expectedRevision: 'no_stream' })
              break
            } catch (e) {
              if (!(e instanceof EventStoreUnavailableError) || attempt === 10) throw e
              await new Promise((resolve) => setTimeout(resolve, 20))
            }
          }
          written.push(...events)
        }
      }
      await append(0, 30)
      const expectedCount = () => written.filter((e) => matchesFilter(e, filter)).length
      const delivered: RecordedEvent[] = []
      let faults = 0
      let liveWritten = false
      const subscription = env.store.subscribe({ filter, batchSize: 25 })
      for await (const m of subscription) {
        if (m.kind === 'events') delivered.push(...m.events)
        if (faults === 0 && delivered.length >= Math.min(100, expectedCount() / 3)) {
          faults++
          inject(env.double.faults, fault)
        }
        if (m.kind === 'caughtUp' && !liveWritten) {
          liveWritten = true
          await append(30, 36)
        }
        if (liveWritten && faults === 1 && delivered.length > expectedCount() - 60) {
          faults++
          inject(env.double.faults, fault)
          await append(36, 40)
        }
        if (faults === 2 && delivered.length >= expectedCount()) break
      }
      await subscription.stop()
      expect(faults).toBe(2)
      expect(delivered.map((e) => e.id)).toEqual(
        written.filter((e) => matchesFilter(e, filter)).map((e) => e.id),
      )
    })
  },
)
