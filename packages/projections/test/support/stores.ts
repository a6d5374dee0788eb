import type {
  EventStore,
  JourneyEvent,
  ReadAllOptions,
  RecordedEvent,
  Subscription,
  SubscriptionMessage,
} from '@journeykit/core'
import { memoryEventStore } from '../../../store-memory/src/index.js'
import type { MemoryEventStore } from '../../../store-memory/src/index.js'

/** A memory store holding `events` in order (their positions are then 128 + 16·i, as `recordEvents` gives). */
export const storeWith = async (events: readonly JourneyEvent[]): Promise<MemoryEventStore> => {
  const store = memoryEventStore()
  for (const event of events) await store.appendToStream(event.streamId, [event])
  return store
}

const refused = (): never => {
  throw new Error('scripted store: read-only')
}

/**
 * A store that delivers exactly the batches it is given: `catchUp` through every `readAll` (whatever `from`
 * says: the processors must ignore what they have), `live` through `subscribe`, then `caughtUp`, then nothing
 * until stopped. For redeliveries and precise batch sizes.
 */
export const scriptedStore = (
  catchUp: readonly (readonly RecordedEvent[])[],
  live: readonly (readonly RecordedEvent[])[],
): EventStore => ({
  appendToStream: async () => refused(),
  readStream: () => refused(),
  readAll: async function* (_options?: ReadAllOptions) {
    yield* catchUp
  },
  subscribe: (): Subscription => {
    let release: () => void = () => undefined
    const stopped = new Promise<void>((resolve) => {
      release = resolve
    })
    async function* messages(): AsyncGenerator<SubscriptionMessage> {
      for (const events of live) yield { kind: 'events', events }
      yield { kind: 'caughtUp', position: live.at(-1)?.at(-1)?.position }
      await stopped
    }
    const iterator = messages()
    return {
      [Symbol.asyncIterator]: () => iterator,
      stop: async () => {
        release()
      },
    }
  },
  deleteStream: async () => refused(),
})

/**
 * Wraps a store so that `onEvents(count)` hears how many events it has delivered so far (readAll and
 * subscriptions), after each batch; `failAfter` makes it throw once that many events were delivered.
 */
export const watchedStore = (
  store: EventStore,
  onEvents: (delivered: number) => void,
  failAfter = Infinity,
): EventStore => {
  let delivered = 0
  const count = (n: number): void => {
    delivered += n
    if (delivered > failAfter) throw new Error(`store failure after ${failAfter} events`)
    onEvents(delivered)
  }
  return {
    ...store,
    readAll: async function* (options?: ReadAllOptions) {
      for await (const batch of store.readAll(options)) {
        count(batch.length)
        yield batch
      }
    },
    subscribe: (options) => {
      const inner = store.subscribe(options)
      async function* messages(): AsyncGenerator<SubscriptionMessage> {
        for await (const message of inner) {
          if (message.kind === 'events') count(message.events.length)
          yield message
        }
      }
      const iterator = messages()
      return { [Symbol.asyncIterator]: () => iterator, stop: () => inner.stop() }
    },
  }
}

/** Splits `items` into consecutive chunks of the given sizes (the last chunk takes the rest). */
export const chunks = <T>(items: readonly T[], sizes: readonly number[]): T[][] => {
  const out: T[][] = []
  let at = 0
  for (const size of sizes) {
    if (at >= items.length) break
    out.push(items.slice(at, at + Math.max(1, size)))
    at += Math.max(1, size)
  }
  if (at < items.length) out.push(items.slice(at))
  return out
}
