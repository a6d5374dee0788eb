import { createRequire } from 'node:module'
import codePb from '@eventstore/db-client/generated/code_pb.js'
import featuresGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js'
import featuresPb from '@eventstore/db-client/generated/serverfeatures_pb.js'
import sharedPb from '@eventstore/db-client/generated/shared_pb.js'
import statusPb from '@eventstore/db-client/generated/status_pb.js'
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js'
import streamsPb from '@eventstore/db-client/generated/streams_pb.js'

/**
 * The generated protobuf code the double speaks, loaded from the very `@eventstore/db-client` package under
 * test: google-protobuf registers message types globally, so the double and the client must share one copy.
 */
export { codePb, featuresGrpc, featuresPb, sharedPb, statusPb, streamsGrpc, streamsPb }

export type AnyMessage = NonNullable<ReturnType<statusPb.Status['getDetails']>>
export type GoogleEmpty = NonNullable<ReturnType<streamsPb.BatchAppendResp['getNoStream']>>

const requireFromClient = createRequire(createRequire(import.meta.url).resolve('@eventstore/db-client'))

const constructorOf = <T>(module: unknown, name: string, sample: (value: unknown) => value is T) => {
  const ctor: unknown = typeof module === 'object' && module !== null ? Reflect.get(module, name) : undefined
  if (typeof ctor !== 'function') throw new Error(`google-protobuf: ${name} not found`)
  return (): T => {
    const value: unknown = Reflect.construct(ctor, [])
    if (!sample(value)) throw new Error(`google-protobuf: ${name} is not the expected message`)
    return value
  }
}

const isAny = (value: unknown): value is AnyMessage =>
  typeof value === 'object' && value !== null && typeof Reflect.get(value, 'pack') === 'function'
const isEmpty = (value: unknown): value is GoogleEmpty =>
  typeof value === 'object' && value !== null && typeof Reflect.get(value, 'serializeBinary') === 'function'

/** `google.protobuf.Any`, from the google-protobuf copy the client uses. */
export const newAny: () => AnyMessage = constructorOf(
  requireFromClient('google-protobuf/google/protobuf/any_pb.js'),
  'Any',
  isAny,
)
/** `google.protobuf.Empty` (BatchAppend uses it where the other calls use `event_store.client.Empty`). */
export const newGoogleEmpty: () => GoogleEmpty = constructorOf(
  requireFromClient('google-protobuf/google/protobuf/empty_pb.js'),
  'Empty',
  isEmpty,
)

export const streamName = (identifier: sharedPb.StreamIdentifier | undefined): string =>
  identifier === undefined ? '' : Buffer.from(identifier.getStreamName_asU8()).toString('utf8')

export const streamIdentifier = (name: string): sharedPb.StreamIdentifier =>
  new sharedPb.StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'))

/** A UUID message read as a lowercase string (what the server's Guid formatting gives back). */
export const uuidText = (uuid: sharedPb.UUID | undefined): string => {
  if (uuid === undefined) return ''
  if (uuid.hasString()) return uuid.getString().toLowerCase()
  const structured = uuid.getStructured()
  if (structured === undefined) return ''
  const hex = (s: string) => BigInt.asUintN(64, BigInt(s)).toString(16).padStart(16, '0')
  const h = hex(structured.getMostSignificantBits()) + hex(structured.getLeastSignificantBits())
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

export const uuidMessage = (text: string, structured: boolean): sharedPb.UUID => {
  const uuid = new sharedPb.UUID()
  if (!structured) return uuid.setString(text)
  const hex = text.replaceAll('-', '')
  const signed = (h: string) => BigInt.asIntN(64, BigInt(`0x${h}`)).toString(10)
  return uuid.setStructured(
    new sharedPb.UUID.Structured()
      .setMostSignificantBits(signed(hex.slice(0, 16)))
      .setLeastSignificantBits(signed(hex.slice(16))),
  )
}
