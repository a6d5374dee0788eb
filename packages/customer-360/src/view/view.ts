import type { AsOf } from '../as-of.js'
import { resolveAsOf } from '../as-of.js'
import type { Customer360Options } from '../options.js'
import { defaultOptions } from '../options.js'
import type { Customer360State } from '../state/state.js'
import { countUpTo } from '../state/time-counter.js'
import { deliveriesAsOf, invoicesAsOf, subscriptionsAsOf, warrantiesAsOf } from './accounts.js'
import { channelsAsOf } from './channels.js'
import { timelineAsOf } from './timeline.js'
import { feedbackAsOf } from './feedback.js'
import { stageAsOf } from './journey.js'
import {
  accountManagerAsOf,
  consentsAsOf,
  contactPersonsAsOf,
  creditAsOf,
  identitiesAsOf,
  profileAsOf,
} from './profile.js'
import { serviceAsOf } from './service.js'
import type { CustomerView, ValueTier } from './types.js'
import { valueAsOf } from './value.js'
import { isoOrNull } from './window.js'

export interface ViewOptions {
  /** The customer's value tier (from `valueTiers`); the view's tier is null without it. */
  readonly tier?: ValueTier
  /** Timeline entries to show. Default: the options' `timelineSize`. */
  readonly timelineSize?: number
}

/**
 * The customer 360 view of one customer's state as of an instant: every time-dependent field counts only facts
 * that occurred (occurredAt) at or before it. Pure: the same state and instant always give the same view.
 * Throws InvalidAsOf for an unusable instant.
 */
export const viewAsOf = (
  s: Customer360State,
  asOf: AsOf,
  options: Customer360Options = defaultOptions,
  view: ViewOptions = {},
): CustomerView => {
  const at = resolveAsOf(asOf)
  const { value, orders } = valueAsOf(s, at, view.tier ?? null)
  return {
    customerId: s.customerId,
    asOf: new Date(at).toISOString(),
    known: s.firstMs !== null && s.firstMs <= at,
    erased: s.erased,
    forgottenAt: isoOrNull(s.forgottenMs),
    exact: s.horizonMs === null || at >= s.horizonMs,
    horizon: isoOrNull(s.horizonMs),
    profile: profileAsOf(s, at),
    identities: identitiesAsOf(s, at),
    consents: consentsAsOf(s, at),
    contactPersons: contactPersonsAsOf(s, at),
    accountManager: accountManagerAsOf(s, at),
    credit: creditAsOf(s, at),
    value,
    orders,
    deliveries: deliveriesAsOf(s, at),
    invoices: invoicesAsOf(s, at),
    warranties: warrantiesAsOf(s, at),
    subscriptions: subscriptionsAsOf(s, at),
    service: serviceAsOf(s, at, options),
    feedback: feedbackAsOf(s, at),
    channels: channelsAsOf(s, at),
    journey: {
      stage: stageAsOf(s, at, options.stageRules),
      engagedAt: s.engagedMs !== null && s.engagedMs <= at ? new Date(s.engagedMs).toISOString() : null,
      leads: countUpTo(s.leads, at),
      quotes: countUpTo(s.quotes, at),
    },
    timeline: timelineAsOf(s, at, view.timelineSize ?? options.timelineSize),
  }
}
