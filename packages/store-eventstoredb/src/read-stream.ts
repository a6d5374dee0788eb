import type { ReadStreamOptions, RecordedEvent } from '@journeykit/core'
import type { Feed, IncomingEvent } from './boundary/connection.js'
import type { AdapterContext } from './context.js'
import { decodeOrReport } from './context.js'
import { portError } from './errors.js'

/** Pulls a feed batch by batch, mapping connection failures to the port's errors; closes it when done. */
export async function* pull<T>(
  feed: Feed<T>,
  batchSize: number,
  streamId: string,
): AsyncGenerator<readonly T[]> {
  try {
    for (;;) {
      let batch: readonly T[] | undefined
      try {
        batch = await feed.next(batchSize, true)
      } catch (e) {
        throw portError(e, { streamId })
      }
      if (batch === undefined) return
      yield batch
    }
  } finally {
    await feed.close()
  }
}

/** The events of one stream, decoded. A missing or soft-deleted stream fails with StreamNotFoundError. */
export async function* readStreamEvents(
  ctx: AdapterContext,
  streamId: string,
  options: ReadStreamOptions = {},
): AsyncGenerator<RecordedEvent> {
  const direction = options.direction ?? 'forwards'
  const from = options.from ?? (direction === 'backwards' ? 'end' : 'start')
  const wanted = options.maxCount ?? Number.MAX_SAFE_INTEGER
  // a count of 0 still asks for one event, so that a missing stream is reported as such
  const feed = ctx.connection.readStream(streamId, { from, direction, maxCount: Math.max(1, wanted) })
  let delivered = 0
  for await (const batch of pull<IncomingEvent>(feed, ctx.batchSize, streamId)) {
    for (const incoming of batch) {
      if (delivered >= wanted) return
      const event = decodeOrReport(ctx, incoming)
      if (event === undefined) continue
      delivered++
      yield event
    }
  }
}
