import { setImmediate as nextTick } from 'node:timers/promises'
import type { EventLog, LogRecord } from './log.js'
import { caughtUpResponse, checkpointResponse, confirmationResponse, eventResponse } from './messages.js'
import type { streamsPb } from './protocol.js'
import type { ReadCall, RecordFilter } from './reads.js'
import { filterOf, send, structuredIds } from './reads.js'

/**
 * Where a subscription from a position starts. Servers differ: some read one event at the position and start
 * after it (`skip-first-event`), older ones read one *filtered* event from it (`skip-first-match`), which from a
 * position that does not match the filter skips the next matching event. Both are exclusive of an event the
 * subscriber has seen; the adapter must be exact under either.
 */
export type SubscriptionStart = 'skip-first-event' | 'skip-first-match'

const PAGE_SIZE = 32

const startIndex = (
  log: EventLog,
  options: streamsPb.ReadReq.Options,
  filter: RecordFilter | undefined,
  start: SubscriptionStart,
): number => {
  const records = log.all()
  const all = options.getAll()
  if (all?.hasEnd() === true) return records.length
  const position = all?.getPosition()
  if (all?.hasPosition() !== true || position === undefined) return 0
  const at = log.indexAtOrAfter({
    commit: BigInt(position.getCommitPosition()),
    prepare: BigInt(position.getPreparePosition()),
  })
  if (start === 'skip-first-event' || filter === undefined) return Math.min(at + 1, records.length)
  let scanned = 0
  for (let j = at; j < records.length && scanned < filter.window; j++, scanned++) {
    const r = records[j]
    if (r !== undefined && filter.matches(r)) return j + 1
  }
  return at + scanned
}

/**
 * A catch-up subscription to $all: confirmation, the past events page by page (with a checkpoint whenever a
 * filtered subscription has considered `checkpointInterval` records), caught-up, then live events.
 */
export const subscribeToAll = async (
  log: EventLog,
  call: ReadCall,
  options: streamsPb.ReadReq.Options,
  start: SubscriptionStart,
  onEventSent: () => void = () => undefined,
): Promise<void> => {
  let stopped = false
  const stop = () => {
    stopped = true
  }
  call.once('cancelled', stop)
  call.once('close', stop)
  call.once('error', stop)
  const filter = filterOf(options)
  const window = filter?.window ?? PAGE_SIZE
  const structured = structuredIds(options)
  const records = log.all()
  if (!(await send(call, confirmationResponse(crypto.randomUUID())))) return
  let cursor = startIndex(log, options, filter, start)
  let counter = 0
  let live = false
  while (!stopped) {
    if (cursor < records.length) {
      const pageStart = records[cursor]
      let considered = 0
      let sent = 0
      let lastSent: LogRecord | undefined
      let lastConsidered: LogRecord | undefined
      while (cursor < records.length && considered < window && sent < PAGE_SIZE) {
        const r = records[cursor++]
        considered++
        if (r === undefined) continue
        lastConsidered = r
        if (filter !== undefined && !filter.matches(r)) continue
        if (!(await send(call, eventResponse(r, structured)))) return
        onEventSent()
        sent++
        lastSent = r
      }
      counter += considered
      const endOfCatchUp = !live && cursor >= records.length
      if (filter !== undefined && counter >= filter.checkpointInterval && !endOfCatchUp) {
        counter %= filter.checkpointInterval
        const at = live ? lastConsidered : (lastSent ?? pageStart)
        if (at !== undefined && !(await send(call, checkpointResponse(at)))) return
      }
      await nextTick()
      continue
    }
    if (!live) {
      live = true
      if (!(await send(call, caughtUpResponse()))) return
      continue
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        off()
        call.off('cancelled', done)
        call.off('close', done)
        resolve()
      }
      const off = log.onAppend(done)
      call.once('cancelled', done)
      call.once('close', done)
      if (stopped || cursor < records.length) done()
    })
  }
}
