import type { EventStore } from '@journeykit/core'
import { describe } from 'vitest'
import { appendContract } from './appends.js'
import { readContract } from './reads.js'
import { subscriptionContract } from './subscriptions.js'

/**
 * The contract every event-store adapter passes: the same tests for the memory store, EventStoreDB, and yours.
 * Call it at the top level of a vitest test file with a function giving the store under test (called inside
 * the tests, so the store may be created in your own `beforeAll`). Every test writes to streams of its own
 * (`customer-contract<run>-…`), so the suite can run against a shared, long-lived server.
 *
 * ```ts
 * import { eventStoreContract } from '@journeykit/testing'
 * const store = myEventStore()
 * eventStoreContract('my store', () => store)
 * ```
 */
export const eventStoreContract = (name: string, store: () => EventStore): void => {
  describe(`the event-store contract: ${name}`, () => {
    appendContract(store)
    readContract(store)
    subscriptionContract(store)
  })
}

export { contractRun, journey, orderPlaced, registered } from './events.js'
