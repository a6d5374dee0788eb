import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describe } from './codecs/primitives.js'
import type { EventEnvelope, JourneyEvent } from './envelope.js'
import { EnvelopeFields } from './envelope.js'
import type { EventType } from './events/catalogue.js'
import { definitionOf, isEventType } from './events/catalogue.js'
import type { RawData, UpcasterRegistry } from './upcasting.js'
import { defaultUpcasters, upcast } from './upcasting.js'

/** Why a payload is not a valid journey event: which type, which field, and why, in one sentence. */
export interface DecodeError {
  readonly _tag: 'DecodeError'
  /** The event type when it could be read. */
  readonly eventType: string | undefined
  /** The field path, such as `data.lines[0].unitPrice`, or `(root)` for the payload itself. */
  readonly path: string
  readonly reason: string
  /** `OrderPlaced: data.amount must be an integer amount in minor units, got 12.5` */
  readonly message: string
}

export interface DecodeOptions {
  /** Payloads larger than this many bytes of JSON are rejected. Default 64 KiB. */
  readonly maxBytes?: number
  /** Upcasters applied to older schema versions. Default: the ones journeykit ships. */
  readonly upcasters?: UpcasterRegistry
}

export const DEFAULT_MAX_EVENT_BYTES = 64 * 1024

export const decodeError = (eventType: string | undefined, path: string, reason: string): DecodeError => ({
  _tag: 'DecodeError',
  eventType,
  path,
  reason,
  message: `${eventType ?? 'event'}: ${path} ${reason}`,
})

const STRUCT_BRANCH = new Set(['InterfaceType', 'PartialType'])

/** `data.lines[0].unitPrice` from an io-ts context, leaving out the branches of required/optional structs. */
const pathOf = (context: t.Context): string => {
  let path = ''
  for (let i = 1; i < context.length; i++) {
    const entry = context[i]
    if (entry === undefined) continue
    const numeric = /^\d+$/.test(entry.key)
    if (numeric && STRUCT_BRANCH.has(String(Reflect.get(entry.type, '_tag')))) continue
    if (numeric) path += `[${entry.key}]`
    else path += path === '' ? entry.key : `.${entry.key}`
  }
  return path === '' ? '(root)' : path
}

const firstError = (errors: t.Errors, prefix: string): { path: string; reason: string } => {
  const error = errors[0]
  if (error === undefined) return { path: prefix || '(root)', reason: 'is invalid' }
  const inner = pathOf(error.context)
  const path = prefix === '' ? inner : inner === '(root)' ? prefix : `${prefix}.${inner}`
  const reason =
    error.value === undefined
      ? 'is required'
      : (error.message ??
        `must be ${error.context[error.context.length - 1]?.type.name ?? 'valid'}, got ${describe(error.value)}`)
  return { path, reason }
}

const sizeOf = (input: unknown): number => {
  const json = JSON.stringify(input)
  return json === undefined ? 0 : Buffer.byteLength(json)
}

type Envelope = t.TypeOf<typeof EnvelopeFields>

const decodeTyped = (
  type: EventType,
  envelope: Envelope,
  registry: UpcasterRegistry,
): Either<DecodeError, JourneyEvent> => {
  const definition = definitionOf(type)
  const upcasted = upcast(registry, type, envelope.schemaVersion, definition.schemaVersion, envelope.data)
  if (!upcasted.ok) return left(decodeError(type, 'schemaVersion', upcasted.reason))
  const codec = definition.codec
  const data: unknown = upcasted.data
  if (!codec.is(data)) {
    const result = codec.validate(data, [{ key: '', type: t.unknown, actual: data }])
    const { path, reason } =
      result._tag === 'Left' ? firstError(result.left, 'data') : { path: 'data', reason: 'is invalid' }
    return left(decodeError(type, path, reason))
  }
  // two literals, not a spread of an optional metadata: one hidden class each, and no slow copy per event
  const event: EventEnvelope<EventType, unknown> =
    envelope.metadata === undefined
      ? {
          id: envelope.id,
          type,
          streamId: envelope.streamId,
          customerId: envelope.customerId,
          occurredAt: envelope.occurredAt,
          recordedAt: envelope.recordedAt,
          schemaVersion: upcasted.schemaVersion,
          data,
        }
      : {
          id: envelope.id,
          type,
          streamId: envelope.streamId,
          customerId: envelope.customerId,
          occurredAt: envelope.occurredAt,
          recordedAt: envelope.recordedAt,
          schemaVersion: upcasted.schemaVersion,
          data,
          metadata: envelope.metadata,
        }
  // The one place a type is asserted: `data` was just validated by the codec of exactly `type`.
  return right(event as JourneyEvent)
}

/**
 * Decodes an unknown value (parsed JSON) into a journey event: validates the envelope, upcasts older schema
 * versions, validates the data against the event type's codec. Never throws; a Left names the event type,
 * the field path and the reason.
 */
export const decode = (input: unknown, options: DecodeOptions = {}): Either<DecodeError, JourneyEvent> => {
  try {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_EVENT_BYTES
    if (maxBytes !== Infinity) {
      const size = sizeOf(input)
      if (size > maxBytes)
        return left(decodeError(typeOf(input), '(root)', `is ${size} bytes, over the limit of ${maxBytes}`))
    }
    return decodeParsed(input, options.upcasters ?? defaultUpcasters)
  } catch (e) {
    return left(
      decodeError(undefined, '(root)', `is not plain JSON (${e instanceof Error ? e.message : String(e)})`),
    )
  }
}

/** Decodes one line of JSON text; the size limit is applied to the text. Never throws. */
export const decodeJson = (text: string, options: DecodeOptions = {}): Either<DecodeError, JourneyEvent> => {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_EVENT_BYTES
  const size = text.length > maxBytes / 3 ? Buffer.byteLength(text) : text.length
  if (size > maxBytes)
    return left(decodeError(undefined, '(root)', `is ${size} bytes, over the limit of ${maxBytes}`))
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (e) {
    return left(
      decodeError(undefined, '(root)', `is not valid JSON (${e instanceof Error ? e.message : String(e)})`),
    )
  }
  try {
    return decodeParsed(parsed, options.upcasters ?? defaultUpcasters)
  } catch (e) {
    return left(
      decodeError(
        typeOf(parsed),
        '(root)',
        `could not be decoded (${e instanceof Error ? e.message : String(e)})`,
      ),
    )
  }
}

const typeOf = (input: unknown): string | undefined => {
  if (typeof input !== 'object' || input === null) return undefined
  const type: unknown = Reflect.get(input, 'type')
  return typeof type === 'string' && type.length <= 100 ? type : undefined
}

const decodeParsed = (input: unknown, registry: UpcasterRegistry): Either<DecodeError, JourneyEvent> => {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return left(decodeError(undefined, '(root)', `must be a JSON object, got ${describe(input)}`))
  const type = typeOf(input)
  if (!EnvelopeFields.is(input)) {
    const result = EnvelopeFields.validate(input, [{ key: '', type: EnvelopeFields, actual: input }])
    const { path, reason } =
      result._tag === 'Left' ? firstError(result.left, '') : { path: '(root)', reason: 'is invalid' }
    return left(decodeError(type, path, reason))
  }
  if (!isEventType(input.type))
    return left(decodeError(input.type, 'type', `is not a known event type: ${describe(input.type)}`))
  return decodeTyped(input.type, input, registry)
}

/** The plain-JSON form of an event (what `decode` accepts back). */
export const encode = (event: JourneyEvent): Readonly<Record<string, unknown>> => ({ ...event })

export type { RawData }

/** Whether `u` is a valid journey event at its current schema version (no upcasting, no error details). */
export const isJourneyEvent = (u: unknown): u is JourneyEvent =>
  EnvelopeFields.is(u) &&
  isEventType(u.type) &&
  definitionOf(u.type).schemaVersion === u.schemaVersion &&
  definitionOf(u.type).codec.is(u.data)

/** Whether `u` is a valid journey event of type `type`. */
export const isEventOfType = <K extends EventType>(type: K, u: unknown): u is JourneyEvent<K> =>
  isJourneyEvent(u) && u.type === type
