import type { JourneyStage } from '@journeykit/core'
import type { ContactPersonTally, DeliveryTally, SubscriptionTally, WarrantyTally } from '../state/tallies.js'
import type { ContractStatus } from './contracts.js'
import type { ChannelView, FeedbackView, ServiceView, TimelineItem, Trend } from './activity-types.js'

export type { ChannelView, FeedbackView, ServiceView, TimelineItem, Trend }

/** Instants are ISO-8601 UTC strings; durations say their unit; money is integer minor units per currency. */

export interface Profile {
  readonly kind: string | null
  /** Personal data: null once the customer is forgotten. */
  readonly name: string | null
  readonly country: string | null
  readonly segment: string | null
  readonly registeredAt: string | null
}

export interface IdentityView {
  readonly kind: string
  /** Personal data: null once the customer is forgotten. */
  readonly value: string | null
  readonly system: string | null
  readonly linkedAt: string
}

export interface ConsentView {
  readonly channel: string
  readonly purpose: string
  readonly given: boolean
  readonly since: string
}

export interface ContactPersonView {
  readonly personId: string
  readonly name: string | null
  readonly role: string | null
  readonly champion: boolean
  readonly email: string | null
  readonly phone: string | null
  readonly since: string | null
  readonly leftAt: string | null
  readonly active: boolean
}

/** Who owns the customer: an account manager, or explicitly nobody. */
export type Owner =
  | {
      readonly kind: 'manager'
      readonly managerId: string
      readonly managerName: string | null
      readonly since: string
    }
  | { readonly kind: 'nobody'; readonly since: string | null }

export interface OwnershipPeriod {
  readonly managerId: string
  readonly managerName: string | null
  readonly from: string
  /** When the ownership ended (unassigned or replaced), or null while it lasts. */
  readonly to: string | null
}

export interface CreditView {
  readonly score: number
  readonly agency: string
  readonly assessedAt: string
  readonly validUntil: string | null
  readonly previousScore: number | null
  readonly trend: Trend | null
}

export interface CurrencyValue {
  readonly currency: string
  /** Revenue of orders placed by the as-of instant and not cancelled by then. */
  readonly lifetimeRevenue: number
  readonly last12MonthsRevenue: number
  readonly orders: number
  /** lifetimeRevenue / orders, rounded to whole minor units. */
  readonly averageOrderValue: number
  /** Amounts refunded by returns that carry an amount. */
  readonly refunded: number
}

export type ValueTierName = 'top' | 'high' | 'medium' | 'low' | 'none'

export interface ValueTier {
  readonly tier: ValueTierName
  /** The currency the customer was ranked in (their best tier), null for `none`. */
  readonly currency: string | null
  readonly last12MonthsRevenue: number
  /** 1-based rank among customers with 12-month revenue in that currency, and how many there are. */
  readonly rank: number | null
  readonly of: number
}

export interface ForecastView {
  readonly expectedSpend: number
  readonly currency: string
  /** `forecast`: the latest PurchaseForecastUpdated; `cadence`: derived from the purchase cadence. */
  readonly source: 'forecast' | 'cadence'
  readonly model: string | null
  readonly at: string | null
}

export interface ValueView {
  readonly byCurrency: readonly CurrencyValue[]
  readonly orderCount: number
  readonly firstPurchaseAt: string | null
  readonly lastPurchaseAt: string | null
  /** Median gap between consecutive purchases, and the time since the last one, in days. */
  readonly typicalGapDays: number | null
  readonly currentGapDays: number | null
  /** Filled by queries that rank the portfolio (`customerView`, `listCustomers`); null from `viewAsOf` alone. */
  readonly tier: ValueTier | null
  readonly forecast12Months: ForecastView | null
}

export interface OrdersView {
  readonly placed: number
  readonly open: number
  readonly delivered: number
  readonly cancelled: number
  readonly returned: number
  readonly returns: number
}

export interface MoneyView {
  readonly currency: string
  readonly billed: number
  readonly paid: number
  readonly outstanding: number
  readonly overdue: number
}

export interface InvoicesView {
  readonly issued: number
  readonly outstanding: number
  readonly overdue: number
  readonly paid: number
  readonly amounts: readonly MoneyView[]
  readonly paymentFailures: number
  readonly lastPaymentFailureAt: string | null
}

export interface ContractView {
  readonly subscriptionId: string
  readonly plan: string | null
  readonly startedAt: string | null
  readonly endsOn: string
  readonly status: ContractStatus
  readonly amount: number | null
  readonly currency: string | null
}

/** Everything the company has with one customer, as of an instant. */
export interface CustomerView {
  readonly customerId: string
  readonly asOf: string
  /** Whether any event of the customer occurred by the as-of instant. */
  readonly known: boolean
  /** Personal data was erased (CustomerForgotten); it is gone for every as-of instant. */
  readonly erased: boolean
  readonly forgottenAt: string | null
  /** False when the as-of instant is before facts that were summarized to bound memory (see `horizon`). */
  readonly exact: boolean
  readonly horizon: string | null
  readonly profile: Profile
  readonly identities: readonly IdentityView[]
  readonly consents: readonly ConsentView[]
  readonly contactPersons: ContactPersonTally & { readonly people: readonly ContactPersonView[] }
  readonly accountManager: { readonly owner: Owner; readonly history: readonly OwnershipPeriod[] }
  readonly credit: CreditView | null
  readonly value: ValueView
  readonly orders: OrdersView
  readonly deliveries: DeliveryTally
  readonly invoices: InvoicesView
  readonly warranties: WarrantyTally
  readonly subscriptions: SubscriptionTally & { readonly contracts: readonly ContractView[] }
  readonly service: ServiceView
  readonly feedback: FeedbackView
  readonly channels: readonly ChannelView[]
  readonly journey: {
    readonly stage: JourneyStage
    readonly engagedAt: string | null
    readonly leads: number
    readonly quotes: number
  }
  /** The most recent events by the as-of instant, newest first (from the bounded timeline). */
  readonly timeline: readonly TimelineItem[]
}
