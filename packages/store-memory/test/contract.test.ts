import { eventStoreContract } from '@journeykit/testing'
import { memoryEventStore } from '../src/index.js'

// #region contract
const store = memoryEventStore({ batchSize: 64 })
eventStoreContract('memory store', () => store)
// #endregion
