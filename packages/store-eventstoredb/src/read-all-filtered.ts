import type { ReadAllOptions, RecordedEvent } from '@journeykit/core'
import { EventStoreUnavailableError } from '@journeykit/core'
import type { FeedItem, IncomingEvent, LogPosition, ReadFromPosition } from './boundary/connection.js'
import { batcher } from './batcher.js'
import type { AdapterContext } from './context.js'
import type { FilterPlan } from './filter.js'
import { portError } from './errors.js'
import { decodePosition, isAfter } from './position.js'
import { pull } from './read-stream.js'

/** The position of the last event in $all now (unfiltered), or undefined when $all is empty. */
export const endOfAll = async (ctx: AdapterContext): Promise<LogPosition | undefined> => {
  for await (const batch of pull(
    ctx.connection.readAll({ from: 'end', direction: 'backwards', maxCount: 1 }),
    1,
    '$all',
  ))
    return batch[0]?.position
  return undefined
}

/**
 * The first event at or after `from` that the server-side filter matches, by a plain read. A subscription from
 * such an event starts exactly after it on every server version (older servers skip the first *matching* event
 * at or after the position, newer ones the first event), which an arbitrary position would not guarantee.
 */
const anchorAt = async (
  ctx: AdapterContext,
  from: LogPosition,
  plan: FilterPlan,
): Promise<IncomingEvent | undefined> => {
  for await (const batch of pull(
    ctx.connection.readAll({ from, direction: 'forwards' }),
    ctx.batchSize,
    '$all',
  ))
    for (const e of batch) if (plan.serverMatches(e)) return e
  return undefined
}

/**
 * A forwards readAll filtered by the server: a filtered catch-up subscription, read until it reports caught-up
 * (or passes what was the end of $all when the read began, for servers that do not send caught-up).
 */
export async function* readAllBySubscription(
  ctx: AdapterContext,
  options: ReadAllOptions,
  plan: FilterPlan,
): AsyncGenerator<readonly RecordedEvent[]> {
  const from = options.from ?? 'start'
  if (from === 'end') return
  const batchSize = Math.max(1, options.batchSize ?? ctx.batchSize)
  const out = batcher(ctx, plan, batchSize, options.maxCount ?? Infinity)
  let start: ReadFromPosition = 'start'
  if (typeof from === 'bigint' && from > 0n) {
    const anchor = await anchorAt(ctx, decodePosition(from), plan)
    if (anchor?.position === undefined) return
    if (!out.add(anchor)) {
      yield out.take()
      return
    }
    start = anchor.position
  }
  const end = await endOfAll(ctx)
  const feed = ctx.connection.subscribeToAll({ from: start, filter: plan.server })
  try {
    for (;;) {
      let items: readonly FeedItem[] | undefined
      try {
        items = await feed.next(batchSize, true)
      } catch (e) {
        throw portError(e, { streamId: '$all' })
      }
      if (items === undefined) break
      for (const item of items) {
        const done =
          item.kind === 'caughtUp' ||
          (end !== undefined && item.kind === 'checkpoint' && isAfter(item.position, end)) ||
          (end !== undefined &&
            item.kind === 'event' &&
            item.position !== undefined &&
            isAfter(item.position, end))
        if (done) {
          const rest = out.take()
          if (rest.length > 0) yield rest
          return
        }
        if (item.kind !== 'event') continue
        const more = out.add(item)
        if (out.full() || !more) yield out.take()
        if (!more) return
      }
    }
  } finally {
    await feed.close()
  }
  throw new EventStoreUnavailableError('EventStoreDB ended a read of $all before it caught up')
}
