import { eventStoreContract } from '@journeykit/testing'
import { afterAll, describe } from 'vitest'
import type { EventStoreDbEventStore } from '../src/index.js'
import { eventStoreDbEventStore } from '../src/index.js'
import { useDoubleStore } from './fixtures.js'

describe('over the loopback gRPC test double', () => {
  const env = useDoubleStore()
  eventStoreContract('EventStoreDB adapter (test double)', () => env.store)
})

const connectionString = process.env['EVENTSTOREDB_CONNECTION_STRING']
describe.skipIf(connectionString === undefined)(
  connectionString === undefined
    ? 'against a real EventStoreDB server: skipped, set EVENTSTOREDB_CONNECTION_STRING (esdb://…) to run the contract there'
    : `against a real EventStoreDB server at ${connectionString}`,
  () => {
    let store: EventStoreDbEventStore | undefined
    afterAll(async () => store?.close())
    eventStoreContract('EventStoreDB adapter (real server)', () => {
      store ??= eventStoreDbEventStore({ connection: connectionString ?? '' })
      return store
    })
  },
)
