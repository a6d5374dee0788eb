import type { JourneyStage } from '@journeykit/core'
import type { AsOf } from '../as-of.js'
import { resolveAsOf } from '../as-of.js'
import { defaultOptions } from '../options.js'
import { latestAsOf } from '../state/sorted.js'
import { stageAsOf } from '../view/journey.js'
import { ownerIdAsOf } from '../view/profile.js'
import type { CustomerView, ValueTierName } from '../view/types.js'
import type { ViewOptions } from '../view/view.js'
import { viewAsOf } from '../view/view.js'
import type { Customer360Partitions, QueryOptions } from './partitions.js'
import { knownBy } from './partitions.js'
import { valueTiers } from './tiers.js'

/**
 * One customer's 360 view as of an instant, with their value tier ranked against the whole portfolio; undefined
 * when the customer is unknown.
 */
export const customerView = (
  partitions: Customer360Partitions,
  customerId: string,
  asOf: AsOf,
  query: QueryOptions & Pick<ViewOptions, 'timelineSize'> = {},
): CustomerView | undefined => {
  const state = partitions.get(customerId)
  if (state === undefined) return undefined
  const tier = valueTiers(partitions, asOf, query.tierShares).get(customerId)
  return viewAsOf(state, asOf, query.options ?? defaultOptions, {
    ...(tier === undefined ? {} : { tier }),
    ...(query.timelineSize === undefined ? {} : { timelineSize: query.timelineSize }),
  })
}

export interface CustomerFilter {
  readonly segment?: string
  readonly tier?: ValueTierName
  readonly stage?: JourneyStage
  /** An account manager's id, or null for customers nobody owns. */
  readonly owner?: string | null
}

export interface CustomerSummary {
  readonly customerId: string
  /** Personal data: null once the customer is forgotten. */
  readonly name: string | null
  readonly segment: string | null
  readonly tier: ValueTierName
  readonly stage: JourneyStage
  /** The owning account manager's id, or null when nobody owns the customer. */
  readonly owner: string | null
}

/**
 * The customers known by the instant (their first event occurred by then) that match every given filter, as of
 * that instant, ordered by customer id.
 */
export const listCustomers = (
  partitions: Customer360Partitions,
  asOf: AsOf,
  filter: CustomerFilter = {},
  query: QueryOptions = {},
): CustomerSummary[] => {
  const at = resolveAsOf(asOf)
  const rules = (query.options ?? defaultOptions).stageRules
  const tiers = valueTiers(partitions, at, query.tierShares)
  const found: CustomerSummary[] = []
  for (const [customerId, s] of knownBy(partitions, at)) {
    const segment = latestAsOf(s.segments, at)?.value ?? null
    if (filter.segment !== undefined && segment !== filter.segment) continue
    const owner = ownerIdAsOf(s, at)
    if (filter.owner !== undefined && owner !== filter.owner) continue
    const tier = tiers.get(customerId)?.tier ?? 'none'
    if (filter.tier !== undefined && tier !== filter.tier) continue
    const stage = stageAsOf(s, at, rules)
    if (filter.stage !== undefined && stage !== filter.stage) continue
    found.push({ customerId, name: latestAsOf(s.names, at)?.value ?? null, segment, tier, stage, owner })
  }
  return found.sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0))
}
