/**
 * The records the customer 360 keeps per customer. Every time is epoch milliseconds of the fact's `occurredAt`;
 * `null` means the fact has not been seen (yet). A record can exist before the event that creates it (events
 * recorded out of order): it then counts only once that event arrives. Fields that hold personal data are
 * marked; they are set to null when the customer is forgotten and never filled afterwards.
 */

export interface OrderRecord {
  at: number | null
  currency: string | null
  amount: number
  channel: string | null
  cancelledMs: number | null
}

export interface DeliveryRecord {
  /** Time of the earliest fact about the delivery (it exists from then on); Infinity until one is folded. */
  at: number
  orderId: string
  /**
   * The first late millisecond of the promise in effect (the promise that occurred last): the end of a promised
   * day in its time zone, or just after a promised instant; null when never promised.
   */
  deadlineMs: number | null
  /** The promised calendar date, when the promise is a date. */
  promisedDate: string | null
  promisedMs: number | null
  earlierPromises: PromiseEntry[]
  shippedMs: number | null
  completedMs: number | null
  /** The completion's calendar date, when it is known only by day. */
  completedDate: string | null
  failedMs: number | null
  /** When its order was cancelled (an open delivery of a cancelled order is neither pending nor overdue). */
  cancelledMs: number | null
}

/** A delivery promise: when it was made, its first late millisecond, and its calendar date if it has one. */
export interface PromiseEntry {
  at: number
  deadlineMs: number
  promisedDate: string | null
}

export interface ReturnRecord {
  at: number
  orderId: string
  amount: number
  currency: string | null
}

export interface InvoiceRecord {
  at: number | null
  currency: string | null
  amount: number
  /** The first millisecond the invoice is overdue: the day after its due date (UTC). */
  overdueFromMs: number | null
  /** Payments as flat pairs [at, amount, at, amount, ...], sorted by time, bounded (older ones merged). */
  payments: number[]
}

export interface WarrantyRecord {
  at: number | null
  sku: string | null
  /** The first millisecond the warranty no longer covers: the day after `expiresOn` (UTC). */
  coverEndsMs: number | null
  /** Claim times, sorted (bounded). */
  claims: number[]
}

export interface ContractChange {
  at: number
  endsOn: string
  cancelled: boolean
}

export interface SubscriptionRecord {
  at: number | null
  plan: string | null
  amount: number | null
  currency: string | null
  /** Start, renewals and cancellation with the contract end date each sets, sorted by time (bounded). */
  changes: ContractChange[]
}

export interface InquiryRecord {
  at: number | null
  channel: string | null
  topic: string | null
  slaHours: number | null
  /** What the customer wrote or said (personal data). */
  text: string | null
  /** The first answer. */
  answeredMs: number | null
  answerChannel: string | null
  resolvedMs: number | null
  firstContactResolution: boolean | null
}

export interface AbandonedRecord {
  at: number | null
  channel: string | null
  kind: string | null
  waitSeconds: number
  topic: string | null
  /** The first OutreachMade that follows this contact up (`followsUp`). */
  outreachMs: number | null
}

export interface CallbackRecord {
  at: number | null
  channel: string | null
  dueMs: number | null
  followsUp: string | null
  completedMs: number | null
  missedMs: number | null
}

export interface ComplaintRecord {
  at: number | null
  channel: string | null
  category: string | null
  severity: string | null
  orderId: string | null
  /** What the customer said (personal data). */
  comment: string | null
  resolvedMs: number | null
  outcome: string | null
  satisfied: boolean | null
}

export interface ContactPersonRecord {
  at: number | null
  /** Personal data. */
  name: string | null
  role: string | null
  champion: boolean
  /** Personal data. */
  email: string | null
  /** Personal data. */
  phone: string | null
  /** Additions (true) and departures (false), sorted by time (bounded): the latest by an instant decides. */
  presence: Change<boolean>[]
}

export interface Change<T> {
  at: number
  value: T
}

export interface IdentityEntry {
  at: number
  kind: string
  /** The address, number or external id (personal data). */
  value: string | null
  system: string | null
}

export interface OwnerChange {
  at: number
  /** The manager who owns the customer from `at`, or, for an unassignment, the manager who stops owning it. */
  managerId: string
  managerName: string | null
  assigned: boolean
}

export interface CreditEntry {
  at: number
  score: number
  agency: string
  validUntil: string | null
}

export interface ForecastEntry {
  at: number
  expectedSpend: number
  currency: string
  model: string | null
}

export interface SurveyEntry {
  at: number
  surveyId: string
  nps: number | null
  csat: number | null
  ces: number | null
  /** What the customer wrote (personal data). */
  comment: string | null
  relatesTo: string | null
}
