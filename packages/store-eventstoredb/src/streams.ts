/**
 * Stream names. Journey events live in one stream per customer, named by core's `customerStreamId`:
 * `customer-<customerId>` (EventStoreDB's `$by_category` projection groups them as category `customer`).
 * Projection checkpoints are to live in one stream per projection, `journeykit-checkpoint-<projection>`, which the
 * adapter leaves out of `readAll` and subscriptions.
 */
export const CHECKPOINT_STREAM_PREFIX = 'journeykit-checkpoint-'

export const checkpointStreamName = (projection: string): string => `${CHECKPOINT_STREAM_PREFIX}${projection}`
