import type { JourneyEvent } from '@journeykit/core'
import { DAY_MS, toEpochMs } from '@journeykit/core'
import type { Customer360Options } from '../options.js'
import { latestOf, minTime } from '../state/dict.js'
import { EMPTY, copyWith } from '../state/sorted.js'
import type { InvoiceRecord, SubscriptionRecord, WarrantyRecord } from '../state/records.js'
import type { Customer360State } from '../state/state.js'
import { table } from '../state/table.js'
import { timeCounter } from '../state/time-counter.js'
import { invoiceTally } from '../view/invoices.js'
import { subscriptionTally, warrantyTally } from '../view/contracts.js'
import type { Apply, Context } from './common.js'
import { extendHorizon, recordIn, remember, tick, untilLatest } from './common.js'

const newInvoice = (): InvoiceRecord => ({
  at: null,
  currency: null,
  amount: 0,
  overdueFromMs: null,
  payments: EMPTY,
})

const summarizeInvoice = (r: InvoiceRecord, _id: string, { s }: Context) => ({
  tally: invoiceTally([r], untilLatest(s)),
  lastMs: latestOf(r.at, r.payments[r.payments.length - 2] ?? null),
})

const invoice = (s: Customer360State, id: string, at: number, o: Customer360Options): InvoiceRecord =>
  recordIn(s, (s.invoices ??= table()), id, at, o, newInvoice, summarizeInvoice)

export const invoiceIssued: Apply<JourneyEvent<'InvoiceIssued'>> = (s, e, at, o) => {
  const { invoiceId, currency, amount, dueDate } = e.data
  const record = invoice(s, invoiceId, at, o)
  record.at = minTime(record.at, at)
  record.currency = currency
  record.amount = amount
  record.overdueFromMs = toEpochMs(dueDate) + DAY_MS
}

/**
 * The payments [at, amount, ...] with one more, sorted by time (a new, exact-size array); beyond `cap` payments
 * the two oldest are merged (counting from the later one's time), which makes as-of queries before it approximate.
 */
export const withPayment = (
  s: Customer360State,
  payments: readonly number[],
  at: number,
  amount: number,
  cap: number,
): readonly number[] => {
  let i = payments.length
  while (i > 0 && (payments[i - 2] ?? -Infinity) > at) i -= 2
  const next = copyWith(payments, 0, i, at, amount)
  if (next.length <= cap * 2) return next
  const [, first = 0, secondAt = at, second = 0] = next
  extendHorizon(s, secondAt)
  return copyWith(next, 4, 4, secondAt, first + second)
}

export const paymentReceived: Apply<JourneyEvent<'PaymentReceived'>> = (s, e, at, o) => {
  const record = invoice(s, e.data.invoiceId, at, o)
  if (record.currency === null) record.currency = e.data.currency
  if (record.currency === e.data.currency)
    record.payments = withPayment(s, record.payments, at, e.data.amount, o.limits.history)
}

export const paymentFailed: Apply<JourneyEvent<'PaymentFailed'>> = (s, e, at, o) => {
  tick(s, (s.paymentFailures ??= timeCounter()), at, o)
}

const newWarranty = (): WarrantyRecord => ({
  at: null,
  sku: null,
  coverEndsMs: null,
  claims: EMPTY,
})

const summarizeWarranty = (r: WarrantyRecord, _id: string, { s }: Context) => ({
  tally: warrantyTally([r], untilLatest(s).toMs),
  lastMs: latestOf(r.at, r.claims[r.claims.length - 1] ?? null),
})

const warranty = (s: Customer360State, id: string, at: number, o: Customer360Options): WarrantyRecord =>
  recordIn(s, (s.warranties ??= table()), id, at, o, newWarranty, summarizeWarranty)

export const warrantyRegistered: Apply<JourneyEvent<'WarrantyRegistered'>> = (s, e, at, o) => {
  const record = warranty(s, e.data.warrantyId, at, o)
  record.at = minTime(record.at, at)
  record.sku = e.data.sku
  record.coverEndsMs = toEpochMs(e.data.expiresOn) + DAY_MS
}

export const warrantyClaimed: Apply<JourneyEvent<'WarrantyClaimed'>> = (s, e, at, o) => {
  const record = warranty(s, e.data.warrantyId, at, o)
  const claims = record.claims
  let i = claims.length
  while (i > 0 && (claims[i - 1] ?? -Infinity) > at) i--
  const next = copyWith(claims, 0, i, at)
  record.claims = next.length > o.limits.history ? copyWith(next, 1, next.length) : next
  if (next.length > o.limits.history) extendHorizon(s, record.claims[0])
}

const newSubscription = (): SubscriptionRecord => ({
  at: null,
  plan: null,
  amount: null,
  currency: null,
  changes: EMPTY,
})

const summarizeContract = (r: SubscriptionRecord, _id: string, { s }: Context) => ({
  tally: subscriptionTally([r], untilLatest(s).toMs),
  lastMs: latestOf(r.at, r.changes[r.changes.length - 1]?.at ?? null),
})

const contractChange = (
  s: Customer360State,
  e: JourneyEvent<'SubscriptionStarted' | 'SubscriptionRenewed' | 'SubscriptionCancelled'>,
  at: number,
  o: Customer360Options,
  cancelled: boolean,
): SubscriptionRecord => {
  const { subscriptionId, endsOn } = e.data
  const record = recordIn(
    s,
    (s.subscriptions ??= table()),
    subscriptionId,
    at,
    o,
    newSubscription,
    summarizeContract,
  )
  record.changes = remember(s, record.changes, { at, endsOn, cancelled }, o.limits.history)
  return record
}

export const subscriptionStarted: Apply<JourneyEvent<'SubscriptionStarted'>> = (s, e, at, o) => {
  const record = contractChange(s, e, at, o, false)
  record.at = minTime(record.at, at)
  record.plan = e.data.plan
  record.amount = e.data.amount ?? null
  record.currency = e.data.currency ?? null
}

export const subscriptionRenewed: Apply<JourneyEvent<'SubscriptionRenewed'>> = (s, e, at, o) => {
  contractChange(s, e, at, o, false)
}

export const subscriptionCancelled: Apply<JourneyEvent<'SubscriptionCancelled'>> = (s, e, at, o) => {
  contractChange(s, e, at, o, true)
}
