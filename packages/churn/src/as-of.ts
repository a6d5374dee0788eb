import type { JourneyEvent } from '@journeykit/core'
import { asOfMs as asOfBound } from '@journeykit/core'
import type { CustomerEvaluation, PreviousHealth } from './evaluate.js'
import { evaluateCustomer } from './evaluate.js'
import { foldChurnFacts } from './fold.js'
import type { PortfolioEvaluation, PortfolioOptions } from './portfolio.js'
import { evaluatePortfolio, withPortfolioPrior } from './portfolio.js'
import { defaultChurnConfig } from './config.js'
import { initialChurnFacts } from './facts/types.js'

const boundOf = (asOf: string): number => {
  const ms = asOfBound(asOf)
  if (Number.isNaN(ms)) throw new RangeError(`asOf ${asOf} is no ISO instant or calendar date`)
  return ms
}

/**
 * The portfolio as of `asOf`, from events in any order (a store's readAll, an importer): only the events that
 * occurred up to `asOf` are folded. `compareWith`, an earlier instant, fills in each customer's trend.
 */
export const evaluateAsOf = (
  events: Iterable<JourneyEvent>,
  asOf: string,
  options: Omit<PortfolioOptions, 'previous'> & { readonly compareWith?: string } = {},
): PortfolioEvaluation => {
  const all = options.compareWith === undefined ? events : Array.from(events)
  const previous =
    options.compareWith === undefined
      ? undefined
      : new Map(
          evaluatePortfolio(
            foldChurnFacts(all, boundOf(options.compareWith)),
            options.compareWith,
            options,
          ).evaluations.map((e) => [e.customerId, { health: e.health, asOf: e.asOf }]),
        )
  return evaluatePortfolio(foldChurnFacts(all, boundOf(asOf)), asOf, {
    ...options,
    ...(previous && { previous }),
  })
}

/**
 * One customer as of `asOf`, from the events of the whole portfolio (customers with few purchases borrow the
 * portfolio's rhythm; pass `cadencePrior: 'configured'` and only this customer's events to skip that).
 */
export const evaluateCustomerAsOf = (
  events: Iterable<JourneyEvent>,
  customerId: string,
  asOf: string,
  options: Omit<PortfolioOptions, 'previous' | 'top'> & { readonly compareWith?: string } = {},
): CustomerEvaluation => {
  const all = Array.from(events)
  const at = (instant: string, previous?: PreviousHealth): CustomerEvaluation => {
    const partitions = foldChurnFacts(all, boundOf(instant))
    const base = options.config ?? defaultChurnConfig
    const config =
      options.cadencePrior === 'configured' ? base : withPortfolioPrior(base, partitions.values())
    const facts = partitions.get(customerId) ?? initialChurnFacts()
    return evaluateCustomer(customerId, facts, instant, { config, ...(previous && { previous }) })
  }
  const previous = options.compareWith === undefined ? undefined : at(options.compareWith)
  return at(asOf, previous && { health: previous.health, asOf: previous.asOf })
}
