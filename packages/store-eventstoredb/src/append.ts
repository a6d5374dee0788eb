import type { AppendOptions, AppendResult, ExpectedRevision, JourneyEvent } from '@journeykit/core'
import { InvalidAppendError, StreamDeletedError, WrongExpectedVersionError } from '@journeykit/core'
import type { OutgoingEvent, StreamExpectation, WriteResult } from './boundary/connection.js'
import type { AdapterContext } from './context.js'
import { portError } from './errors.js'
import { lastEventOf, positionAtRevision } from './last-event.js'
import { encodePosition } from './position.js'
import { outgoingOf } from './serialization.js'

/** What the server counts of an event toward its maximum append size, plus headroom for the envelope. */
const PER_EVENT_OVERHEAD = 256

const sizeOf = (e: OutgoingEvent): number =>
  Buffer.byteLength(JSON.stringify(e.data)) +
  Buffer.byteLength(JSON.stringify(e.metadata)) +
  PER_EVENT_OVERHEAD

/** Splits an append into consecutive chunks each below the server's maximum append size. */
export const chunksOf = (
  events: readonly OutgoingEvent[],
  maxBytes: number,
  streamId: string,
): OutgoingEvent[][] => {
  const chunks: OutgoingEvent[][] = []
  let current: OutgoingEvent[] = []
  let bytes = 0
  for (const e of events) {
    const size = sizeOf(e)
    if (size > maxBytes)
      throw new InvalidAppendError(
        streamId,
        `event ${e.id} (${e.type}) is about ${size} bytes, over the server's maximum append size of ${maxBytes}`,
      )
    if (bytes + size > maxBytes && current.length > 0) {
      chunks.push(current)
      current = []
      bytes = 0
    }
    current.push(e)
    bytes += size
  }
  if (current.length > 0) chunks.push(current)
  return chunks
}

const validate = (streamId: string, events: readonly JourneyEvent[]): void => {
  const ids = new Set<string>()
  for (const e of events) {
    if (e.streamId !== streamId)
      throw new InvalidAppendError(streamId, `event ${e.id} names stream ${e.streamId}`)
    const id = e.id.toLowerCase()
    if (ids.has(id)) throw new InvalidAppendError(streamId, `event id ${e.id} appears twice in one append`)
    ids.add(id)
  }
}

const holds = (expected: ExpectedRevision, actual: bigint | undefined): boolean =>
  expected === 'any' ||
  (expected === 'no_stream' && actual === undefined) ||
  (expected === 'stream_exists' && actual !== undefined) ||
  (typeof expected === 'bigint' && actual === expected)

/** Nothing to write: check the expectation against the stream's last event and answer as the port says. */
const appendNothing = async (ctx: AdapterContext, streamId: string, expected: ExpectedRevision) => {
  const last = await lastEventOf(ctx, streamId)
  if (last.kind === 'deleted') throw new StreamDeletedError(streamId)
  const actual = last.kind === 'last' ? last.revision : undefined
  if (!holds(expected, actual)) throw new WrongExpectedVersionError(streamId, expected, actual ?? 'no_stream')
  return {
    nextExpectedRevision: actual ?? -1n,
    position: last.kind === 'last' ? (last.position ?? -1n) : -1n,
  }
}

/**
 * Appends in one server append when the events fit below the maximum append size, else in consecutive chunks
 * chained by expected revision. Input is validated before anything is written. A chunked append is not atomic:
 * if it fails part-way, retrying the same call completes it (the written chunks are recognised by event id).
 */
export const appendEvents = async (
  ctx: AdapterContext,
  streamId: string,
  events: readonly JourneyEvent[],
  options: AppendOptions = {},
): Promise<AppendResult> => {
  const expected = options.expectedRevision ?? 'any'
  validate(streamId, events)
  if (events.length === 0) return appendNothing(ctx, streamId, expected)
  const chunks = chunksOf(events.map(outgoingOf), ctx.maxAppendBytes, streamId)
  let expectation: StreamExpectation = expected
  let result: WriteResult | undefined
  for (const chunk of chunks) {
    try {
      result = await ctx.connection.append(streamId, chunk, expectation)
    } catch (e) {
      throw portError(e, { streamId, expected: expectation })
    }
    expectation = result.nextExpectedRevision
  }
  if (result === undefined) throw new InvalidAppendError(streamId, 'nothing to append')
  const position =
    result.position === undefined
      ? await positionAtRevision(ctx, streamId, result.nextExpectedRevision)
      : encodePosition(result.position)
  return { nextExpectedRevision: result.nextExpectedRevision, position }
}
