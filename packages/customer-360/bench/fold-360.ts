import type { RecordedEvent } from '@journeykit/core'
import { toEpochMs } from '@journeykit/core'
import { applyHandler, foldProjection } from '@journeykit/projections'
import { castDraft } from 'immer'
import type { Customer360State } from '../src/index.js'
import {
  customer360Projection,
  initialCustomer360State,
  listCustomers,
  portfolioKpis,
  viewAsOf,
} from '../src/index.js'
import { realisticHistories } from './histories.js'

/** One line of benchmark output, shaped like `BenchResult` of @journeykit/bench. */
export interface Customer360BenchResult {
  readonly name: string
  readonly events: number
  readonly eventsPerSec: number
  readonly note?: string
  readonly [extra: string]: unknown
}

const settle = (): void => {
  const gc: unknown = Reflect.get(globalThis, 'gc')
  if (typeof gc === 'function') {
    gc()
    gc()
  }
}
const heap = (): number => {
  settle()
  return process.memoryUsage().heapUsed
}
const rate = (events: number, ms: number): number => Math.round(events / (ms / 1000))
const best = (runs: number, work: () => number): number => Math.min(...Array.from({ length: runs }, work))
const timed = (work: () => void): number => {
  const started = performance.now()
  work()
  return performance.now() - started
}

/** Applies the handlers in a plain loop (a runner without checkpoints or freezing); returns the partitions. */
const foldPlain = (events: readonly RecordedEvent[]): Map<string, Customer360State> => {
  const { handlers } = customer360Projection()
  const partitions = new Map<string, Customer360State>()
  for (const event of events) {
    let state = partitions.get(event.customerId)
    if (state === undefined) partitions.set(event.customerId, (state = initialCustomer360State()))
    applyHandler(handlers, castDraft(state), event)
  }
  return partitions
}

/** The floor any projection pays: parse occurredAt once and find the partition. */
const floor = (events: readonly RecordedEvent[]): number => {
  const partitions = new Map<string, { n: number }>()
  let sum = 0
  for (const event of events) {
    let p = partitions.get(event.customerId)
    if (p === undefined) partitions.set(event.customerId, (p = { n: 0 }))
    p.n++
    sum += toEpochMs(event.occurredAt)
  }
  return sum
}

/**
 * Folds realistic histories (about 100 events per customer) with the customer 360: events per second through
 * `foldProjection` (which deep-freezes the result) and through a plain handler loop, the floor of any projection,
 * heap bytes per customer, and the time of the portfolio queries.
 */
export const runCustomer360Bench = async ({
  quick,
  log,
}: {
  readonly quick: boolean
  readonly log: (line: string) => void
}): Promise<readonly Customer360BenchResult[]> => {
  const customers = quick ? 500 : 3_000
  const events = realisticHistories(customers, 100)
  log(`customer-360: ${events.length} events, ${customers} customers`)
  const runs = quick ? 1 : 3
  const plainMs = best(runs, () => timed(() => foldPlain(events)))
  const foldMs = best(runs, () => timed(() => foldProjection(customer360Projection(), events)))
  const floorMs = best(runs, () => timed(() => floor(events)))
  const before = heap()
  const partitions = foldPlain(events)
  const bytesPerCustomer = Math.round((heap() - before) / partitions.size)
  const asOf = '2024-06-30'
  const viewsMs = timed(() => {
    for (const s of partitions.values()) viewAsOf(s, asOf)
  })
  const kpisMs = timed(() => portfolioKpis(partitions, asOf))
  const listMs = timed(() => listCustomers(partitions, asOf, { tier: 'top' }))
  log(
    `customer-360: views ${Math.round(viewsMs)} ms, kpis ${Math.round(kpisMs)} ms, list ${Math.round(listMs)} ms`,
  )
  return [
    {
      name: 'customer-360/fold-plain',
      events: events.length,
      eventsPerSec: rate(events.length, plainMs),
      bytesPerCustomer,
      floorEventsPerSec: rate(events.length, floorMs),
      note: 'handlers in a plain loop, best of runs; floor = toEpochMs + partition lookup only; heap per customer after gc',
    },
    {
      name: 'customer-360/foldProjection',
      events: events.length,
      eventsPerSec: rate(events.length, foldMs),
      note: 'foldProjection from @journeykit/projections, including its deep freeze of every state',
    },
    {
      name: 'customer-360/queries',
      events: partitions.size,
      eventsPerSec: rate(partitions.size, viewsMs),
      viewsMs: Math.round(viewsMs),
      kpisMs: Math.round(kpisMs),
      listMs: Math.round(listMs),
      note: 'eventsPerSec here = customer views per second; kpis and list over the whole portfolio',
    },
  ]
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '-')) {
  const quick = process.argv.includes('--quick')
  console.log(
    JSON.stringify(await runCustomer360Bench({ quick, log: (line) => console.error(line) }), null, 2),
  )
}
