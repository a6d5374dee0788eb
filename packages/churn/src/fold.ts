import type { JourneyEvent } from '@journeykit/core'
import { businessTimeMs } from './facts/time.js'
import type { ChurnFacts } from './facts/types.js'
import { initialChurnFacts } from './facts/types.js'
import { applyChurnEvent } from './projection.js'

/**
 * Folds events into per-customer facts, keeping only events that occurred at or before `asOfMs` (all when it is
 * not given). The same handlers as the projection; the result is plain mutable state (not frozen).
 */
export const foldChurnFacts = (
  events: Iterable<JourneyEvent>,
  asOfMs: number = Number.POSITIVE_INFINITY,
  into: Map<string, ChurnFacts> = new Map(),
): Map<string, ChurnFacts> => {
  for (const event of events) {
    if (asOfMs !== Number.POSITIVE_INFINITY && businessTimeMs(event.occurredAt) > asOfMs) continue
    let facts = into.get(event.customerId)
    if (facts === undefined) {
      facts = initialChurnFacts()
      into.set(event.customerId, facts)
    }
    applyChurnEvent(facts, event)
  }
  return into
}
