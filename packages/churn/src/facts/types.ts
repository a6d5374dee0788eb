/**
 * The compact per-customer facts the churn rules read. Folded from events by the handlers in this folder
 * (immer recipes), one state per customer. Every list is bounded and every fact keeps the ids of the events it
 * came from, so a signal can show its evidence. Groups other than purchases are created on first use, so a
 * customer who only buys stays small.
 *
 * The fold is order-independent: each fact is a min, max, sum or keyed entry, and bounded lists keep the most
 * recent items by (occurredAt, event id). Replaying a customer's events in any store order gives the same facts
 * (as long as no bound is exceeded; then the oldest items are dropped, as documented per list).
 */

/** An event seen at a business time: epoch ms of its `occurredAt`, and its id (the evidence). */
export interface TimedRef {
  ms: number
  id: string
}

export interface OrderFact extends TimedRef {
  orderId: string
  amount: number
  currency: string
  cancelled: boolean
}

export interface PurchaseFacts {
  /** Distinct UTC days with an order: purchase occasions (several baskets on one day count once). */
  days: number
  orders: number
  /** The first and the latest order (undefined until one is seen). */
  first: TimedRef | undefined
  last: TimedRef | undefined
  /** The most recent orders, oldest first (at most `RECENT_ORDERS`). */
  recent: OrderFact[]
  /** Spend over the whole relationship per currency, in minor units, less cancelled orders we still hold. */
  lifetime: Record<string, number>
  /** Ids of cancelled orders (sorted, the last `RECENT_REFS`), whichever arrived first: order or cancellation. */
  cancelledOrderIds: string[]
  /** Order cancellations (by either side), most recent last. */
  cancellations: TimedRef[]
  /** The latest 12-month spend forecast. */
  forecast: (TimedRef & { amount: number; currency: string }) | undefined
}

export interface InquiryFact {
  /** The id it is known by (inquiry, contact, callback, complaint, delivery, person, subscription, invoice id). */
  key: string
  received: TimedRef | undefined
  /** The inquiry's own SLA, in hours (else the default applies at evaluation). */
  slaHours: number | undefined
  /** The first answer (InquiryAnswered or InquiryResolved). */
  answered: TimedRef | undefined
}

export interface AbandonedFact {
  /** The id it is known by (inquiry, contact, callback, complaint, delivery, person, subscription, invoice id). */
  key: string
  abandoned: (TimedRef & { kind: string }) | undefined
  /** The first outreach or callback request that names this contact. */
  followedUp: TimedRef | undefined
}

export interface CallbackFact {
  /** The id it is known by (inquiry, contact, callback, complaint, delivery, person, subscription, invoice id). */
  key: string
  requested: (TimedRef & { dueMs: number }) | undefined
  completed: TimedRef | undefined
  missed: TimedRef | undefined
}

export interface ComplaintFact {
  /** The id it is known by (inquiry, contact, callback, complaint, delivery, person, subscription, invoice id). */
  key: string
  filed: (TimedRef & { severity: string }) | undefined
  resolved: (TimedRef & { satisfied: boolean | undefined }) | undefined
}

export interface ServiceFacts {
  inquiries: InquiryFact[]
  abandoned: AbandonedFact[]
  callbacks: CallbackFact[]
  complaints: ComplaintFact[]
  /** Support contacts (inquiries and complaints received), most recent last, for the spike rule. */
  contacts: TimedRef[]
}

export interface DeliveryFact {
  /** The id it is known by (inquiry, contact, callback, complaint, delivery, person, subscription, invoice id). */
  key: string
  promised: (TimedRef & { lateAfterMs: number; promisedBy: string }) | undefined
  completed: (TimedRef & { date: string | undefined }) | undefined
  failed: (TimedRef & { reason: string }) | undefined
  orderId: string
  /** Its order was cancelled (by the facts' instant): an open delivery is then no longer owed, never overdue. */
  orderCancelled: boolean
}

export interface SurveyFact extends TimedRef {
  /** The answer on a 0 (worst) to 1 (best) scale: the mean of the scores it carries. */
  score: number
  nps: number | undefined
  csat: number | undefined
  /** Positive on every scale it carries (NPS ≥ 9, CSAT ≥ 4, CES ≤ 3): a later recovery. */
  positive: boolean
}

export interface ExperienceFacts {
  deliveries: DeliveryFact[]
  /** Survey answers, oldest first (at most `RECENT_SURVEYS`). */
  surveys: SurveyFact[]
}

export interface PersonFact {
  /** The id it is known by (inquiry, contact, callback, complaint, delivery, person, subscription, invoice id). */
  key: string
  added: (TimedRef & { champion: boolean }) | undefined
  left: TimedRef | undefined
}

export interface SubscriptionFact {
  /** The id it is known by (inquiry, contact, callback, complaint, delivery, person, subscription, invoice id). */
  key: string
  started: TimedRef | undefined
  /** The latest start or renewal (by business time) and the contract end it set: end of `endsOn`, UTC. */
  term: (TimedRef & { endMs: number }) | undefined
  /** The cancellation, and the end of the contract it announced. */
  cancelled: (TimedRef & { endMs: number }) | undefined
}

export interface InvoiceFact {
  /** The id it is known by (inquiry, contact, callback, complaint, delivery, person, subscription, invoice id). */
  key: string
  issued: (TimedRef & { amount: number; currency: string; dueDate: string }) | undefined
  paid: number
  lastPaymentMs: number | undefined
  /** Failed payment attempts, most recent last (at most a few). */
  failures: TimedRef[]
}

export interface AccountFacts {
  people: PersonFact[]
  /** The latest assignment or unassignment of an account manager, by business time. */
  manager: (TimedRef & { managerId: string; assigned: boolean }) | undefined
  subscriptions: SubscriptionFact[]
  /** The latest renewal activity: a quote, or an outreach about renewal or retention. */
  renewalActivity: TimedRef | undefined
  invoices: InvoiceFact[]
}

export interface ConsentFact {
  givenMs: number | undefined
  withdrawn: TimedRef | undefined
}

export interface MarketingFacts {
  /** Campaigns sent, most recent last (at most `RECENT_CAMPAIGNS`). */
  sent: TimedRef[]
  /** The latest open, click or conversion. */
  lastEngaged: TimedRef | undefined
  unsubscribes: TimedRef[]
  consents: Record<string, ConsentFact>
}

export interface ChurnFacts {
  kind: 'person' | 'organization' | undefined
  /** The customer asked to be forgotten: every other fact is dropped and nothing more is folded. */
  forgotten: boolean
  /**
   * The latest business time of any event folded (epoch ms); evaluations must be as of it or later. Before the
   * first event it is `Number.MIN_SAFE_INTEGER` (finite, so the facts survive a JSON snapshot).
   */
  latestMs: number
  purchases: PurchaseFacts | undefined
  service: ServiceFacts | undefined
  experience: ExperienceFacts | undefined
  account: AccountFacts | undefined
  marketing: MarketingFacts | undefined
}

export const initialChurnFacts = (): ChurnFacts => ({
  kind: undefined,
  forgotten: false,
  latestMs: Number.MIN_SAFE_INTEGER,
  purchases: undefined,
  service: undefined,
  experience: undefined,
  account: undefined,
  marketing: undefined,
})

/**
 * Bounds of the lists. Keyed entries (inquiries, complaints, deliveries, invoices, ...) are kept sorted by key
 * and stay after they are settled, so replaying in any order gives the same facts; when a list holds more than
 * `KEYED_ITEMS`, the entry whose latest event is oldest goes. (Lists rather than objects keyed by id: unique
 * property names would give every customer's object its own hidden class.)
 */
export const RECENT_ORDERS = 32
export const RECENT_SURVEYS = 16
export const RECENT_CAMPAIGNS = 16
export const RECENT_CONTACTS = 64
export const RECENT_REFS = 8
export const KEYED_ITEMS = 32
