import type { JourneyEvent } from '@journeykit/core'
import fc from 'fast-check'
import { formatJourney } from '../specification/format.js'
import type { JourneyOptions } from './journeys.js'
import { journeyHeaderArb, journeyStepsArb, runJourney } from './journeys.js'
import type { Journey } from './run.js'
import { printable } from './run.js'

/**
 * Merges lists into one, keeping each list's own order: each pick chooses which list (among those not yet
 * exhausted, modulo their number) gives its next item; when the picks run out the rest follow list by list.
 */
export const interleave = <T>(lists: readonly (readonly T[])[], picks: readonly number[]): T[] => {
  const cursors = lists.map(() => 0)
  const merged: T[] = []
  const open = () => lists.map((_, i) => i).filter((i) => (cursors[i] ?? 0) < (lists[i]?.length ?? 0))
  const take = (i: number) => {
    const item = lists[i]?.[cursors[i] ?? 0]
    cursors[i] = (cursors[i] ?? 0) + 1
    if (item !== undefined) merged.push(item)
  }
  for (const pick of picks) {
    const candidates = open()
    const chosen = candidates[pick % Math.max(1, candidates.length)]
    if (chosen === undefined) break
    take(chosen)
  }
  for (const i of open()) while ((cursors[i] ?? 0) < (lists[i]?.length ?? 0)) take(i)
  return merged
}

/** Every interleaving of `lists` that keeps each list's order (shrinks towards plain concatenation). */
export const interleavingArb = <T>(lists: readonly (readonly T[])[]): fc.Arbitrary<T[]> => {
  const total = lists.reduce((n, l) => n + l.length, 0)
  return fc.array(fc.nat(), { maxLength: total }).map((picks) => interleave(lists, picks))
}

/** Several customers' journeys, and their events merged into one history (as in a store's `$all`). */
export interface Portfolio {
  readonly journeys: readonly Journey[]
  /** All events, each customer's in their own order, interleaved across customers. */
  readonly events: readonly JourneyEvent[]
}

export interface PortfolioOptions {
  readonly minCustomers?: number
  readonly maxCustomers?: number
  /** Options of each journey (its customer id is given by `customerIds`). */
  readonly journey?: Omit<JourneyOptions, 'customerId'>
  /** The id of the i-th customer (from 0). Default `c1`, `c2`, ... */
  readonly customerIds?: (index: number) => string
}

const describePortfolio = (p: Portfolio): string =>
  [
    `${p.journeys.length} customers, ${p.events.length} events interleaved:`,
    formatJourney(p.events, { showCustomer: true }),
  ].join('\n')

/**
 * Interleavings of many customers: valid journeys of distinct customers, merged into one history in an order
 * that preserves each customer's own order. Default 1 to 5 customers.
 */
export const interleavedJourneysArb = (options: PortfolioOptions = {}): fc.Arbitrary<Portfolio> => {
  const idOf = options.customerIds ?? ((i: number) => `c${i + 1}`)
  const journeyOptions = options.journey ?? { maxSteps: 12 }
  return fc
    .tuple(
      fc.array(
        fc.tuple(journeyHeaderArb({ ...journeyOptions, customerId: 'c' }), journeyStepsArb(journeyOptions)),
        {
          minLength: options.minCustomers ?? 1,
          maxLength: options.maxCustomers ?? 5,
        },
      ),
      fc.array(fc.nat(), { maxLength: 400 }),
    )
    .map(([drafts, picks]) => {
      const journeys = drafts.map(([header, steps], i) =>
        runJourney({ ...header, customerId: idOf(i) }, steps),
      )
      const events = interleave(
        journeys.map((j) => j.events),
        picks,
      )
      return printable({ journeys, events }, describePortfolio)
    })
}
