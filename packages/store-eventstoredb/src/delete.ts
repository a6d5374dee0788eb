import type { DeleteOptions, ExpectedRevision } from '@journeykit/core'
import { StreamDeletedError, StreamNotFoundError, WrongExpectedVersionError } from '@journeykit/core'
import { isEsdbConnectionError } from './boundary/connection.js'
import type { AdapterContext } from './context.js'
import { portError } from './errors.js'
import { lastEventOf } from './last-event.js'

const holds = (expected: ExpectedRevision, actual: bigint | undefined): boolean =>
  expected === 'any' ||
  (expected === 'no_stream' && actual === undefined) ||
  (expected === 'stream_exists' && actual !== undefined) ||
  (typeof expected === 'bigint' && actual === expected)

const ATTEMPTS = 3

/**
 * Soft delete (EventStoreDB writes `$tb` into the stream's metadata; reads answer not found, the next append
 * recreates it) or tombstone (a `$streamDeleted` event; the stream is gone for good). The expectation is
 * checked against the stream's last event, then again by the server with that exact revision, so a concurrent
 * writer is caught; `stream_exists`, which the 6.2.1 client cannot send on delete, is resolved that way too.
 */
export const deleteStream = async (
  ctx: AdapterContext,
  streamId: string,
  options: DeleteOptions = {},
): Promise<void> => {
  const expected = options.expectedRevision ?? 'any'
  for (let attempt = 1; ; attempt++) {
    const last = await lastEventOf(ctx, streamId)
    if (last.kind === 'deleted') throw new StreamDeletedError(streamId)
    const actual = last.kind === 'last' ? last.revision : undefined
    if (!holds(expected, actual))
      throw new WrongExpectedVersionError(streamId, expected, actual ?? 'no_stream')
    if (options.mode !== 'tombstone' && actual === undefined) throw new StreamNotFoundError(streamId)
    const serverExpected = expected === 'any' ? 'any' : (actual ?? 'no_stream')
    try {
      if (options.mode === 'tombstone') await ctx.connection.tombstoneStream(streamId, serverExpected)
      else await ctx.connection.deleteStream(streamId, serverExpected)
      return
    } catch (e) {
      const raced = isEsdbConnectionError(e) && e.failure.kind === 'wrongExpectedVersion'
      if (raced && expected === 'stream_exists' && attempt < ATTEMPTS) continue
      throw portError(e, { streamId, expected })
    }
  }
}
