import type { EventFact, JourneyEvent } from '@journeykit/core'
import { customerStreamId, stamp } from '@journeykit/core'
import { deterministicUuidV7 } from './event-id.js'
import type { Tally } from './summary.js'
import { countEvent } from './summary.js'

/** Which export the events came from; written to each event's `metadata.sourceSystem`. */
export type SourceSystem = 'cdnow' | 'olist'

/**
 * Stamps an imported fact that happened at `atMs` into a full event. Everything is derived from the data,
 * never from the clock:
 * - `id`: a deterministic UUID v7 from the business time and `source|customerId|type|key`;
 * - `recordedAt`: the instant `occurredAt` denotes (a calendar date: 00:00 UTC of that day);
 * - `metadata.sourceSystem`: the source.
 */
export const importedEvent = (
  source: SourceSystem,
  customerId: string,
  key: string,
  f: EventFact,
  atMs: number,
): JourneyEvent =>
  stamp(
    f,
    customerStreamId(customerId),
    { customerId, metadata: { sourceSystem: source } },
    {
      newId: () => deterministicUuidV7(`${source}|${customerId}|${f.type}|${key}`, atMs),
      clock: () => new Date(atMs),
    },
  )

/** A fact to emit later: when it happened (epoch ms), whose it is, and its key, unique per customer and type. */
export interface Planned {
  readonly atMs: number
  readonly customerId: string
  readonly key: string
  readonly fact: EventFact
}

/**
 * Yields the planned facts as events in business-time order. The sort is stable, so facts at the same
 * millisecond keep the order they were planned in. Right before a customer's first event comes their
 * registration (`register` gives its fact, at that event's `occurredAt`; its key is the customer id).
 */
export function* inTimeOrder(
  source: SourceSystem,
  planned: Planned[],
  register: (customerId: string, occurredAt: string) => EventFact,
  tally: Tally,
): Generator<JourneyEvent> {
  planned.sort((a, b) => a.atMs - b.atMs)
  const registered = new Set<string>()
  for (const next of planned) {
    const { atMs, customerId } = next
    if (!registered.has(customerId)) {
      registered.add(customerId)
      countEvent(tally, 'CustomerRegistered')
      yield importedEvent(source, customerId, customerId, register(customerId, next.fact.occurredAt), atMs)
    }
    countEvent(tally, next.fact.type)
    yield importedEvent(source, customerId, next.key, next.fact, atMs)
  }
  tally.complete = true
}
