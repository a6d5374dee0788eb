import type { EventFilter, EventMetadata, JourneyEvent, RecordedEvent } from '@journeykit/core'
import { flatString, matchesFilter } from '@journeykit/core'
import { bigIntColumn, intColumn } from './columns.js'
import { idIndex } from './id-index.js'
import { revisionBigint, symbolTable } from './intern.js'

/** Freezes `value` and everything in it, flattening the strings it holds (see `flatString`). */
const deepFreeze = (value: unknown): void => {
  if (typeof value === 'string') flatString(value)
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const v of Object.values(value)) deepFreeze(v)
}

/** Largest global position the log can hold (positions are kept as signed 64-bit integers). */
export const MAX_POSITION = (1n << 63n) - 1n

/**
 * The global log of the memory store, column by column: the strings and data each event brings (id, times,
 * data) in arrays, everything else as small integers in typed arrays (type, stream and customer as indexes
 * into symbol tables, schema version, revision, position). A million events hold about 300 bytes each, against
 * about 500 as one frozen object per event. Reads build a fresh envelope per event (short-lived, so cheap for
 * the garbage collector); the data objects are deep-frozen and shared, so nobody changes history through them.
 */
export interface EventLog {
  readonly length: () => number
  /** Adds one event at the end; the caller has checked position order and revisions. Returns its index. */
  readonly push: (event: JourneyEvent, streamId: string, position: bigint, revision: number) => number
  /** The event at `index` (0 ≤ index < length), as a fresh envelope. */
  readonly at: (index: number) => RecordedEvent
  readonly positionAt: (index: number) => bigint
  readonly idAt: (index: number) => string
  readonly streamIdAt: (index: number) => string
  readonly revisionAt: (index: number) => number
  /**
   * A test of whether the event at an index passes `filter` (system events never do), without building it;
   * make one per read: it remembers the answer per event type.
   */
  readonly matcher: (filter: EventFilter | undefined) => (index: number) => boolean
  /** The index of the event with this id, if any. */
  readonly indexOfId: (id: string) => number | undefined
}

export const eventLog = (): EventLog => {
  const ids: string[] = []
  const occurredAt: string[] = []
  const recordedAt: string[] = []
  const data: unknown[] = []
  /** Created when the first event with metadata arrives (one slot per event from then on). */
  let metadata: (EventMetadata | undefined)[] | undefined
  const types = symbolTable()
  const streams = symbolTable()
  const customers = symbolTable()
  const typeOf = intColumn((n) => new Uint16Array(n))
  const streamOf = intColumn((n) => new Uint32Array(n))
  const customerOf = intColumn((n) => new Uint32Array(n))
  const schemaOf = intColumn((n) => new Uint32Array(n))
  const revisionOf = intColumn((n) => new Uint32Array(n))
  const positionOf = bigIntColumn()
  const byId = idIndex((index) => ids[index])

  const push = (event: JourneyEvent, streamId: string, position: bigint, revision: number): number => {
    const index = ids.length
    deepFreeze(event.data)
    ids.push(flatString(event.id))
    occurredAt.push(flatString(event.occurredAt))
    recordedAt.push(flatString(event.recordedAt))
    data.push(event.data)
    if (event.metadata !== undefined) {
      deepFreeze(event.metadata)
      metadata ??= new Array<EventMetadata | undefined>(index).fill(undefined)
    }
    metadata?.push(event.metadata)
    typeOf.push(types.intern(event.type))
    streamOf.push(streams.intern(streamId))
    customerOf.push(customers.intern(event.customerId))
    schemaOf.push(event.schemaVersion)
    revisionOf.push(revision)
    positionOf.push(position)
    byId.add(event.id, index)
    return index
  }

  const at = (index: number): RecordedEvent => {
    const id = ids[index] ?? ''
    const type = types.at(typeOf.at(index))
    const streamId = streams.at(streamOf.at(index))
    const customerId = customers.at(customerOf.at(index))
    const occurred = occurredAt[index] ?? ''
    const recorded = recordedAt[index] ?? ''
    const schemaVersion = schemaOf.at(index)
    const position = positionOf.at(index)
    const revision = revisionBigint(revisionOf.at(index))
    const meta = metadata?.[index]
    // one literal per shape (with and without metadata), so that readers see two hidden classes, not more;
    // the log holds only events that were valid journey events when they were stored
    const event =
      meta === undefined
        ? {
            id,
            type,
            streamId,
            customerId,
            occurredAt: occurred,
            recordedAt: recorded,
            schemaVersion,
            data: data[index],
            position,
            revision,
          }
        : {
            id,
            type,
            streamId,
            customerId,
            occurredAt: occurred,
            recordedAt: recorded,
            schemaVersion,
            data: data[index],
            metadata: meta,
            position,
            revision,
          }
    return event as RecordedEvent
  }

  const matcher = (filter: EventFilter | undefined): ((index: number) => boolean) => {
    if (filter?.streamNamePrefixes !== undefined)
      return (index) =>
        matchesFilter({ type: types.at(typeOf.at(index)), streamId: streams.at(streamOf.at(index)) }, filter)
    const passes: boolean[] = [] // by type index: the answer does not depend on the stream
    return (index) => {
      const type = typeOf.at(index)
      let known = passes[type]
      if (known === undefined) {
        known = matchesFilter({ type: types.at(type), streamId: '' }, filter)
        passes[type] = known
      }
      return known
    }
  }

  return {
    length: () => ids.length,
    push,
    at,
    positionAt: (index) => positionOf.at(index),
    idAt: (index) => ids[index] ?? '',
    streamIdAt: (index) => streams.at(streamOf.at(index)),
    revisionAt: (index) => revisionOf.at(index),
    matcher,
    indexOfId: (id) => byId.find(id),
  }
}
