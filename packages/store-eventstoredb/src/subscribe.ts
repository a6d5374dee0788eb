import type { RecordedEvent, SubscribeOptions, Subscription, SubscriptionMessage } from '@journeykit/core'
import { EventStoreUnavailableError } from '@journeykit/core'
import type { Feed, FeedItem, LogPosition, ReadFromPosition } from './boundary/connection.js'
import { EsdbConnectionError } from './boundary/connection.js'
import type { AdapterContext } from './context.js'
import { decodeOrReport } from './context.js'
import { isTransient, portError } from './errors.js'
import { planFilter } from './filter.js'
import { decodePosition, encodePosition, isAfter } from './position.js'
import { endOfAll } from './read-all-filtered.js'

/** How a subscription rides out transient faults (server unavailable, deadline exceeded, connection dropped). */
export interface ResubscribeOptions {
  /** First wait before resubscribing, in ms. Default 100. */
  readonly initialDelayMs?: number
  /** Longest wait, in ms (the wait doubles per failed attempt). Default 5000. */
  readonly maxDelayMs?: number
  /** Failed attempts in a row, without progress in between, before the fault is reported. Default 8. */
  readonly maxAttempts?: number
  /**
   * Where to resume: after the later of the last event and the last server checkpoint (`checkpoint`, the
   * default, rescans nothing), or after the last event the server delivered (`event`: exact even on servers
   * whose subscriptions from a non-matching position skip the next match, at the cost of rescanning).
   */
  readonly resumeFrom?: 'checkpoint' | 'event'
  /** Randomness for the jitter, in [0, 1). Default Math.random. */
  readonly random?: () => number
}

/**
 * A catch-up subscription to $all, filtered by the server, that resubscribes after transient faults from
 * where it got to (no gap, no duplicate) with bounded, jittered exponential backoff, and reports a fault that
 * outlasts `maxAttempts` as EventStoreUnavailableError.
 */
export const subscribeAll = (
  ctx: AdapterContext,
  options: SubscribeOptions,
  resubscribe: ResubscribeOptions,
): Subscription => {
  const plan = planFilter(options.filter, ctx.ignoredStreamPrefixes, ctx.filterTuning)
  const batchSize = Math.max(1, options.batchSize ?? ctx.batchSize)
  const initialDelay = resubscribe.initialDelayMs ?? 100
  const maxDelay = resubscribe.maxDelayMs ?? 5000
  const maxAttempts = resubscribe.maxAttempts ?? 8
  const random = resubscribe.random ?? Math.random
  const from = options.from ?? 'start'
  let resumeAt: LogPosition | undefined =
    typeof from === 'bigint' && from >= 0n ? decodePosition(from) : undefined
  /** Highest position reported to the consumer (event or checkpoint): checkpoints never go backwards. */
  let reported = resumeAt === undefined ? -1n : encodePosition(resumeAt)
  let caughtUpSent = false
  let stopped = false
  let feed: Feed<FeedItem> | undefined
  let wakeSleep: (() => void) | undefined

  const advanceTo = (p: LogPosition): boolean => {
    if (resumeAt !== undefined && !isAfter(p, resumeAt)) return false
    resumeAt = p
    return true
  }

  /** Turns one batch from the server into the port's messages; whether it moved the subscription forward. */
  const process = (items: readonly FeedItem[], out: SubscriptionMessage[]): boolean => {
    let events: RecordedEvent[] = []
    let skipped: bigint | undefined
    let progressed = false
    const flush = () => {
      if (events.length > 0) out.push({ kind: 'events', events })
      events = []
    }
    for (const item of items) {
      if (item.kind === 'event') {
        const p = item.position
        if (p === undefined || !advanceTo(p)) continue
        progressed = true
        const key = encodePosition(p)
        const event = plan.accepts(item) ? decodeOrReport(ctx, item) : undefined
        if (event === undefined) skipped = key
        else {
          events.push(event)
          reported = key
          skipped = undefined
          if (events.length >= batchSize) flush()
        }
      } else if (item.kind === 'checkpoint') {
        const key = encodePosition(item.position)
        if (key <= reported) continue
        if (resubscribe.resumeFrom !== 'event') advanceTo(item.position)
        progressed = true
        flush()
        out.push({ kind: 'checkpoint', position: key })
        reported = key
        skipped = undefined
      } else {
        flush()
        if (skipped !== undefined && skipped > reported)
          out.push({ kind: 'checkpoint', position: (reported = skipped) })
        skipped = undefined
        if (!caughtUpSent) out.push({ kind: 'caughtUp', position: reported < 0n ? undefined : reported })
        caughtUpSent = true
      }
    }
    flush()
    if (skipped !== undefined && skipped > reported)
      out.push({ kind: 'checkpoint', position: (reported = skipped) })
    return progressed
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      wakeSleep = () => {
        clearTimeout(timer)
        resolve()
      }
    })

  async function* messages(): AsyncGenerator<SubscriptionMessage> {
    let failures = 0
    let origin: ReadFromPosition = from === 'end' ? 'end' : 'start'
    if (from === 'end' && resumeAt === undefined) {
      // "from the end" pinned to a real position, so that a resubscription does not lose what came meanwhile
      const end = await endOfAll(ctx).catch(() => undefined)
      if (end !== undefined) resumeAt = end
      else origin = 'start'
    }
    while (!stopped) {
      feed = ctx.connection.subscribeToAll({ from: resumeAt ?? origin, filter: plan.server })
      try {
        for (;;) {
          const items = await feed.next(batchSize, true)
          if (stopped) return
          if (items === undefined)
            throw new EsdbConnectionError({ kind: 'transient', reason: 'the server ended the subscription' })
          const out: SubscriptionMessage[] = []
          if (process(items, out)) failures = 0
          yield* out
        }
      } catch (e) {
        if (stopped) return
        if (!isTransient(e)) throw portError(e, { streamId: '$all' })
        failures++
        if (failures > maxAttempts)
          throw new EventStoreUnavailableError(
            `Subscription to $all gave up after ${maxAttempts} attempts to resubscribe: ${e instanceof Error ? e.message : String(e)}`,
            { cause: e },
          )
        const delay = Math.min(maxDelay, initialDelay * 2 ** (failures - 1))
        await sleep(delay / 2 + (random() * delay) / 2)
      } finally {
        await feed.close()
      }
    }
  }

  const iterator = messages()
  return {
    [Symbol.asyncIterator]: () => iterator,
    stop: async () => {
      stopped = true
      wakeSleep?.()
      await feed?.close()
      await iterator.return(undefined)
    },
  }
}
