import type {
  EventStore,
  ReadAllOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionMessage,
} from '@journeykit/core'

/**
 * Scaling projections past one process: N workers each own the customers whose id hashes to their partition.
 * One customer's events all go to one worker, in order; every event goes to exactly one worker; the
 * assignment depends on nothing but the customer id and N, so every process computes the same one.
 */
export interface Partition {
  /** This worker's partition, 0 ≤ index < count. */
  readonly index: number
  /** How many partitions (workers) there are. */
  readonly count: number
}

export class InvalidPartitionError extends Error {
  readonly _tag = 'InvalidPartition'
  constructor(readonly partition: Partition) {
    super(
      `Partition ${partition.index} of ${partition.count} is invalid: count must be a positive integer and index an integer in [0, count)`,
    )
    this.name = 'InvalidPartitionError'
  }
}

const encoder = new TextEncoder()

/** FNV-1a (32 bit) of the customer id's UTF-8 bytes: stable across processes, platforms and versions. */
export const customerHash = (customerId: string): number => {
  let hash = 0x811c9dc5
  for (const byte of encoder.encode(customerId)) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

const checked = (partition: Partition): Partition => {
  const { index, count } = partition
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count)
    throw new InvalidPartitionError(partition)
  return partition
}

/** The partition (0 … count−1) that owns a customer. */
export const partitionOf = (customerId: string, count: number): number => {
  checked({ index: 0, count })
  return customerHash(customerId) % count
}

/** Whether an event belongs to `partition`. */
export const inPartition = (partition: Partition): ((event: { readonly customerId: string }) => boolean) => {
  const { index, count } = checked(partition)
  return (event) => customerHash(event.customerId) % count === index
}

/**
 * A subscription that delivers only this partition's customers. Events of other partitions become checkpoint
 * messages, so the worker's checkpoint moves on even while it receives nothing.
 */
export const subscribePartition = (
  store: EventStore,
  partition: Partition,
  options: SubscribeOptions = {},
): Subscription => {
  const owns = inPartition(partition)
  const inner = store.subscribe(options)
  async function* messages(): AsyncGenerator<SubscriptionMessage> {
    for await (const m of inner) {
      if (m.kind !== 'events') {
        yield m
        continue
      }
      const mine = m.events.filter(owns)
      if (mine.length > 0) yield { kind: 'events', events: mine }
      const last = m.events[m.events.length - 1]
      if (last !== undefined && !owns(last)) yield { kind: 'checkpoint', position: last.position }
    }
  }
  const iterator = messages()
  return {
    [Symbol.asyncIterator]: () => iterator,
    stop: async () => {
      await inner.stop()
      await iterator.return(undefined)
    },
  }
}

/** This partition's share of a readAll (a rebuild split across workers). */
export async function* readPartition(
  store: EventStore,
  partition: Partition,
  options: ReadAllOptions = {},
): AsyncGenerator<readonly RecordedEvent[]> {
  const owns = inPartition(partition)
  for await (const batch of store.readAll(options)) {
    const mine = batch.filter(owns)
    if (mine.length > 0) yield mine
  }
}
