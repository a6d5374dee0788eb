import { eventStoreContract } from '@journeykit/testing'
import { memoryEventStore } from '../src/index.js'

const store = memoryEventStore({ batchSize: 64 })
eventStoreContract('memory store', () => store)
