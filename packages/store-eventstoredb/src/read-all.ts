import type { ReadAllOptions, RecordedEvent } from '@journeykit/core'
import type { IncomingEvent, LogPosition } from './boundary/connection.js'
import type { AdapterContext } from './context.js'
import type { FilterPlan } from './filter.js'
import { planFilter } from './filter.js'
import { decodePosition, encodePosition } from './position.js'
import { readAllBySubscription } from './read-all-filtered.js'
import { batcher } from './batcher.js'
import { pull } from './read-stream.js'

const firstEventAt = async (ctx: AdapterContext, from: LogPosition): Promise<IncomingEvent | undefined> => {
  for await (const batch of pull(
    ctx.connection.readAll({ from, direction: 'forwards', maxCount: 1 }),
    1,
    '$all',
  ))
    return batch[0]
  return undefined
}

/** Reads $all with a plain read and filters here: backwards reads, and servers without caught-up messages. */
async function* readAllByRead(
  ctx: AdapterContext,
  options: ReadAllOptions,
  plan: FilterPlan,
): AsyncGenerator<readonly RecordedEvent[]> {
  const backwards = options.direction === 'backwards'
  const batchSize = Math.max(1, options.batchSize ?? ctx.batchSize)
  const out = batcher(ctx, plan, batchSize, options.maxCount ?? Infinity)
  const from = options.from ?? (backwards ? 'end' : 'start')
  if (from === 'end' && !backwards) return
  let start: 'start' | 'end' | LogPosition = typeof from === 'bigint' ? decodePosition(from) : from
  let upTo: bigint | undefined
  if (backwards && from !== 'end') {
    // inclusive: the event at exactly `from` first (a backwards read starts before its position)
    const at = await firstEventAt(ctx, typeof start === 'string' ? { commit: 0n, prepare: 0n } : start)
    if (at?.position !== undefined && (from === 'start' || encodePosition(at.position) === from)) {
      out.add(at)
      if (from === 'start') {
        const head = out.take()
        if (head.length > 0) yield head
        return
      }
    }
    upTo = typeof from === 'bigint' ? from : undefined
    start = typeof from === 'bigint' ? decodePosition(from) : 'end'
  }
  const feed = ctx.connection.readAll({ from: start, direction: backwards ? 'backwards' : 'forwards' })
  for await (const items of pull(feed, batchSize, '$all')) {
    for (const incoming of items) {
      if (upTo !== undefined && incoming.position !== undefined && encodePosition(incoming.position) >= upTo)
        continue
      const more = out.add(incoming)
      if (out.full() || !more) yield out.take()
      if (!more) return
    }
  }
  const rest = out.take()
  if (rest.length > 0) yield rest
}

/**
 * Every stream's events in $all order, in batches. Forwards reads filter on the server (a filtered catch-up
 * subscription read up to caught-up: the 6.2.1 client has no filtered read); backwards reads, and
 * `readAllFiltering: 'client'`, read everything and filter here.
 */
export const readAllEvents = (
  ctx: AdapterContext,
  options: ReadAllOptions = {},
): AsyncGenerator<readonly RecordedEvent[]> => {
  const plan = planFilter(options.filter, ctx.ignoredStreamPrefixes, ctx.filterTuning)
  if (options.direction === 'backwards' || ctx.readAllFiltering === 'client')
    return readAllByRead(ctx, options, plan)
  return readAllBySubscription(ctx, options, plan)
}
