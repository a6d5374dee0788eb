import type {
  DecodeError,
  DecodeOptions,
  JourneyEvent,
  RecordedEvent,
  UpcasterRegistry,
} from '@journeykit/core'
import { decode, isJourneyEvent } from '@journeykit/core'
import type { IncomingEvent, OutgoingEvent } from './boundary/connection.js'
import { encodePosition } from './position.js'

/**
 * How a journey event is stored in EventStoreDB: the event id and type as the server's own, the event's `data`
 * as the JSON data, and the rest of the envelope as JSON metadata. Correlation and causation use the keys
 * EventStoreDB itself understands (`$correlationId`, `$causationId`: its `$by_correlation_id` projection and
 * the UI read them); `customerId`, `occurredAt`, `recordedAt`, `schemaVersion`, `actor` and `sourceSystem` are
 * plain keys of the metadata.
 */
export const outgoingOf = (event: JourneyEvent): OutgoingEvent => {
  const m = event.metadata
  return {
    id: event.id,
    type: event.type,
    data: { ...event.data },
    metadata: {
      customerId: event.customerId,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      schemaVersion: event.schemaVersion,
      ...(m?.correlationId === undefined ? {} : { $correlationId: m.correlationId }),
      ...(m?.causationId === undefined ? {} : { $causationId: m.causationId }),
      ...(m?.actor === undefined ? {} : { actor: m.actor }),
      ...(m?.sourceSystem === undefined ? {} : { sourceSystem: m.sourceSystem }),
    },
  }
}

/** An event read from EventStoreDB that is not a valid journey event; where it is and why. */
export interface UndecodableEvent {
  readonly streamId: string
  readonly revision: bigint
  /** Absent on stream reads from servers older than 22.6. */
  readonly position: bigint | undefined
  readonly id: string
  readonly type: string
  /** `OrderPlaced: data.amount must be …`, or why the stored form could not be read at all. */
  readonly reason: string
  readonly decodeError: DecodeError | undefined
}

/** The decoded event, or why it is not a journey event (an `UndecodableEvent`, told apart by `reason`). */
export type Decoded = RecordedEvent | UndecodableEvent

export const isUndecodable = (d: Decoded): d is UndecodableEvent => 'reason' in d

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u) && !(u instanceof Uint8Array)

const NO_METADATA: Readonly<Record<string, unknown>> = {}

const undecodable = (
  incoming: IncomingEvent,
  reason: string,
  decodeError?: DecodeError,
): UndecodableEvent => ({
  streamId: incoming.streamId,
  revision: incoming.revision,
  position: incoming.position === undefined ? undefined : encodePosition(incoming.position),
  id: incoming.id,
  type: incoming.type,
  reason,
  decodeError,
})

const decodeOptions = new WeakMap<UpcasterRegistry, DecodeOptions>()
const DEFAULT_OPTIONS: DecodeOptions = { maxBytes: Infinity }
const optionsFor = (upcasters: UpcasterRegistry | undefined): DecodeOptions => {
  if (upcasters === undefined) return DEFAULT_OPTIONS
  let options = decodeOptions.get(upcasters)
  if (options === undefined) decodeOptions.set(upcasters, (options = { maxBytes: Infinity, upcasters }))
  return options
}

/** A valid journey event at its current schema version, with the revision and position the adapter set. */
const isRecordedJourneyEvent = (u: unknown): u is RecordedEvent =>
  isJourneyEvent(u) &&
  'revision' in u &&
  typeof u.revision === 'bigint' &&
  'position' in u &&
  typeof u.position === 'bigint'

/**
 * Rebuilds the envelope from the stored form and validates it with core: envelope and data are checked by the
 * catalogue's codecs (`isJourneyEvent`, the checks `decode` runs, without a copy, for events at their current
 * schema version; `decode` for older versions, which it upcasts, and for invalid events, whose error it
 * explains). Never throws. On the hot path of every read: no closures, one object per event.
 */
export const decodeIncoming = (incoming: IncomingEvent, upcasters: UpcasterRegistry | undefined): Decoded => {
  if (!incoming.isJson)
    return undecodable(incoming, `${incoming.type}: data is not JSON (content type is not application/json)`)
  const data = incoming.data
  if (!isRecord(data)) return undecodable(incoming, `${incoming.type}: data is not a JSON object`)
  const meta = isRecord(incoming.metadata) ? incoming.metadata : NO_METADATA
  const envelope: Record<string, unknown> = {
    id: incoming.id,
    type: incoming.type,
    streamId: incoming.streamId,
    customerId: meta['customerId'],
    occurredAt: meta['occurredAt'],
    recordedAt: meta['recordedAt'],
    schemaVersion: meta['schemaVersion'],
    data,
  }
  const correlationId = meta['$correlationId']
  const causationId = meta['$causationId']
  const actor = meta['actor']
  const sourceSystem = meta['sourceSystem']
  if (
    correlationId !== undefined ||
    causationId !== undefined ||
    actor !== undefined ||
    sourceSystem !== undefined
  ) {
    const metadata: Record<string, unknown> = {}
    if (correlationId !== undefined) metadata['correlationId'] = correlationId
    if (causationId !== undefined) metadata['causationId'] = causationId
    if (actor !== undefined) metadata['actor'] = actor
    if (sourceSystem !== undefined) metadata['sourceSystem'] = sourceSystem
    envelope['metadata'] = metadata
  }
  const revision = incoming.revision
  const position = incoming.position === undefined ? -1n : encodePosition(incoming.position)
  envelope['revision'] = revision
  envelope['position'] = position
  // the common case, an event at its current schema version: validated by core's codecs in place, no copy
  if (isRecordedJourneyEvent(envelope)) return envelope
  // an older schema version (upcast) or an invalid event (the decode error says which field and why)
  const decoded = decode(envelope, optionsFor(upcasters))
  if (decoded._tag === 'Left') return undecodable(incoming, decoded.left.message, decoded.left)
  return Object.assign(decoded.right, { revision, position })
}
