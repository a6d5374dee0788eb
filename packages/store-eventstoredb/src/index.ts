export { eventStoreDbEventStore, DEFAULT_MAX_APPEND_BYTES } from './store.js'
export type { EventStoreDbEventStore, EventStoreDbOptions } from './store.js'
export { dbClientConnection } from './boundary/db-client.js'
export type { DbClientConnectionOptions } from './boundary/db-client.js'
export { EsdbConnectionError, isEsdbConnectionError } from './boundary/connection.js'
export type * from './boundary/connection.js'
export { encodePosition, decodePosition } from './position.js'
export { UndecodableEventError, EventStoreDbFailure } from './errors.js'
export type { UndecodableEvent } from './serialization.js'
export type { ResubscribeOptions } from './subscribe.js'
export { CHECKPOINT_STREAM_PREFIX, checkpointStreamName } from './streams.js'
export {
  customerHash,
  inPartition,
  partitionOf,
  readPartition,
  subscribePartition,
  InvalidPartitionError,
} from './partition.js'
export type { Partition } from './partition.js'
export { eventStoreDbCheckpointStore } from './checkpoints.js'
export type { EventStoreDbCheckpointOptions } from './checkpoints.js'
