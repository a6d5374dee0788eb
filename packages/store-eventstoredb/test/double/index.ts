export type { DoubleFaults, EventStoreDouble, EventStoreDoubleOptions } from './server.js'
export { startEventStoreDouble } from './server.js'
export type { AllPosition, EventLog, LogRecord } from './log.js'
export type { SubscriptionStart } from './subscription.js'
/** The client the double is tested with, for benchmarks that compare the adapter with a raw client loop. */
export { EventStoreDBClient } from '@eventstore/db-client'
export type { ProcessDouble } from './process.js'
export { startEventStoreDoubleProcess } from './process.js'
