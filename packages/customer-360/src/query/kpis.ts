import type { AsOf } from '../as-of.js'
import { resolveAsOf } from '../as-of.js'
import { defaultOptions } from '../options.js'
import type { Customer360State } from '../state/state.js'
import type { Table } from '../state/table.js'
import { recordsOf } from '../state/table.js'
import type { Tally } from '../state/tally.js'
import { addTally } from '../state/tally.js'
import type { DeliveryTally } from '../state/tallies.js'
import { deliveryTally } from '../view/deliveries.js'
import { npsCategory } from '../view/feedback.js'
import { abandonedTally } from '../view/follow-ups.js'
import { inquiryTally } from '../view/inquiries.js'
import { revenueIn } from '../view/value.js'
import type { Window } from '../view/window.js'
import { inWindow, ratio } from '../view/window.js'
import type { CohortPeriod, CohortRetention } from './cohorts.js'
import { cohortRetention } from './cohorts.js'
import type { Customer360Partitions, QueryOptions } from './partitions.js'
import { knownBy } from './partitions.js'

export interface KpiOptions extends QueryOptions {
  /** The window's start (exclusive); the window ends at the as-of instant. Default: all history. */
  readonly since?: AsOf
  /** Cohort periods for retention. Default month. */
  readonly cohort?: CohortPeriod
  /** How many top customers the revenue share counts. Default 10. */
  readonly topCustomers?: number
}

export interface RevenueShare {
  readonly currency: string
  readonly share: number | null
  readonly topRevenue: number
  readonly totalRevenue: number
  readonly customers: number
  readonly top: readonly { readonly customerId: string; readonly revenue: number }[]
}

/** The portfolio KPIs over the window (since, asOf]; docs/kpis.md defines each. Rates are 0..1 or null. */
export interface PortfolioKpis {
  readonly asOf: string
  readonly since: string | null
  readonly customers: number
  readonly abandonmentRate: {
    readonly rate: number | null
    readonly abandoned: number
    readonly inquiries: number
  }
  readonly firstContactResolution: {
    readonly rate: number | null
    readonly firstContact: number
    readonly resolved: number
  }
  readonly averageSpeedOfAnswer: { readonly seconds: number | null; readonly answered: number }
  readonly slaBreachRate: {
    readonly rate: number | null
    readonly breached: number
    readonly decided: number
  }
  readonly onTimeDelivery: DeliveryTally & { readonly rate: number | null }
  readonly nps: {
    readonly score: number | null
    readonly promoters: number
    readonly passives: number
    readonly detractors: number
    readonly respondents: number
  }
  readonly retentionByCohort: readonly CohortRetention[]
  readonly topCustomerRevenueShare: readonly RevenueShare[]
}

/** A window tally of kept records plus the archive, when the archive lies wholly inside the window. */
const windowed = <R, A extends Tally>(tally: A, t: Table<R, A> | null, w: Window): A => {
  if (
    t !== null &&
    t.archive !== null &&
    t.archivedUntilMs !== null &&
    w.fromMs === -Infinity &&
    w.toMs >= t.archivedUntilMs
  )
    addTally(tally, t.archive)
  return tally
}

/** The latest NPS answer of a customer in the window. */
const latestNps = (s: Customer360State, w: Window): number | null => {
  for (let i = s.surveys.length - 1; i >= 0; i--) {
    const answer = s.surveys[i]
    if (answer !== undefined && answer.nps !== null && inWindow(answer.at, w)) return answer.nps
  }
  return null
}

const topShares = (
  revenue: Map<string, { customerId: string; revenue: number }[]>,
  n: number,
): RevenueShare[] =>
  [...revenue]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, customers]) => {
      customers.sort((a, b) => b.revenue - a.revenue || (a.customerId < b.customerId ? -1 : 1))
      const top = customers.slice(0, n)
      const topRevenue = top.reduce((sum, c) => sum + c.revenue, 0)
      const totalRevenue = customers.reduce((sum, c) => sum + c.revenue, 0)
      return {
        currency,
        share: ratio(topRevenue, totalRevenue),
        topRevenue,
        totalRevenue,
        customers: customers.length,
        top,
      }
    })

/** The portfolio KPIs as of an instant, over (since, asOf]; see docs/kpis.md for every definition. */
export const portfolioKpis = (
  partitions: Customer360Partitions,
  asOf: AsOf,
  kpi: KpiOptions = {},
): PortfolioKpis => {
  const o = kpi.options ?? defaultOptions
  const toMs = resolveAsOf(asOf)
  const fromMs = kpi.since === undefined ? -Infinity : resolveAsOf(kpi.since)
  const w: Window = { fromMs, toMs }
  const totals = {
    abandoned: 0,
    received: 0,
    fcr: 0,
    fcrKnown: 0,
    responded: 0,
    responseMs: 0,
    breached: 0,
    decided: 0,
  }
  const deliveries: DeliveryTally = {
    onTime: 0,
    late: 0,
    failed: 0,
    overdue: 0,
    pending: 0,
    completedUnpromised: 0,
  }
  const nps = { promoters: 0, passives: 0, detractors: 0 }
  const revenue = new Map<string, { customerId: string; revenue: number }[]>()
  const states: Customer360State[] = []
  for (const [customerId, s] of knownBy(partitions, toMs)) {
    states.push(s)
    const entries = s.abandoned === null ? [] : Object.entries(s.abandoned.byId)
    totals.abandoned += windowed(abandonedTally(s, entries, w, o), s.abandoned, w).abandoned
    const inquiries = windowed(inquiryTally(recordsOf(s.inquiries), w, o), s.inquiries, w)
    totals.received += inquiries.received
    totals.fcr += inquiries.firstContactResolved
    totals.fcrKnown += inquiries.resolvedFcrKnown
    totals.responded += inquiries.responded
    totals.responseMs += inquiries.responseMs
    totals.breached += inquiries.slaBreached
    totals.decided += inquiries.slaDecided
    addTally(deliveries, windowed(deliveryTally(recordsOf(s.deliveries), w), s.deliveries, w))
    const score = latestNps(s, w)
    if (score !== null) nps[`${npsCategory(score)}s`]++
    const spent = revenueIn(s, w)
    for (const currency of Object.keys(spent)) {
      const amount = spent[currency]?.amount ?? 0
      if (amount <= 0) continue
      let list = revenue.get(currency)
      if (list === undefined) revenue.set(currency, (list = []))
      list.push({ customerId, revenue: amount })
    }
  }
  const respondents = nps.promoters + nps.passives + nps.detractors
  const decided = deliveries.onTime + deliveries.late + deliveries.failed + deliveries.overdue
  const asSeconds = ratio(totals.responseMs, totals.responded)
  return {
    asOf: new Date(toMs).toISOString(),
    since: fromMs === -Infinity ? null : new Date(fromMs).toISOString(),
    customers: states.length,
    abandonmentRate: {
      rate: ratio(totals.abandoned, totals.abandoned + totals.received),
      abandoned: totals.abandoned,
      inquiries: totals.received,
    },
    firstContactResolution: {
      rate: ratio(totals.fcr, totals.fcrKnown),
      firstContact: totals.fcr,
      resolved: totals.fcrKnown,
    },
    averageSpeedOfAnswer: {
      seconds: asSeconds === null ? null : asSeconds / 1000,
      answered: totals.responded,
    },
    slaBreachRate: {
      rate: ratio(totals.breached, totals.decided),
      breached: totals.breached,
      decided: totals.decided,
    },
    onTimeDelivery: { ...deliveries, rate: ratio(deliveries.onTime, decided) },
    nps: {
      score: respondents === 0 ? null : ((nps.promoters - nps.detractors) / respondents) * 100,
      ...nps,
      respondents,
    },
    retentionByCohort: cohortRetention(states, toMs, fromMs, kpi.cohort ?? 'month'),
    topCustomerRevenueShare: topShares(revenue, kpi.topCustomers ?? 10),
  }
}
