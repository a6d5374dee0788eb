import type { JourneyEvent } from '@journeykit/core'
import { DAY_MS, toEpochMs } from '@journeykit/core'
import type { Customer360Options } from '../options.js'
import { latestOf, minTime } from '../state/dict.js'
import { EMPTY, copyWith, dropFirstInsert } from '../state/sorted.js'
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

/** Entry `k` of `payments` with the pair (at, amount) inserted at index `i`. */
const withPairAt = (payments: readonly number[], i: number, at: number, amount: number, k: number): number =>
  k < i ? (payments[k] ?? 0) : k === i ? at : k === i + 1 ? amount : (payments[k - 2] ?? 0)

/**
 * The payments [at, amount, ...] with one more, sorted by time: a new, exact-size array below `cap` payments;
 * beyond it the two oldest are merged (counting from the later one's time), in place, which makes as-of queries
 * before it approximate.
 */
export const withPayment = (
  s: Customer360State,
  payments: number[],
  at: number,
  amount: number,
  cap: number,
): number[] => {
  let i = payments.length
  while (i > 0 && (payments[i - 2] ?? -Infinity) > at) i -= 2
  if (payments.length < cap * 2) {
    const next = new Array<number>(payments.length + 2)
    for (let k = 0; k < next.length; k++) next[k] = withPairAt(payments, i, at, amount, k)
    return next
  }
  const secondAt = withPairAt(payments, i, at, amount, 2)
  const merged = withPairAt(payments, i, at, amount, 1) + withPairAt(payments, i, at, amount, 3)
  // Ascending, each entry reads its own index or a later one, so nothing is read after it was overwritten.
  for (let k = 2; k < payments.length; k++) payments[k] = withPairAt(payments, i, at, amount, k + 2)
  payments[0] = secondAt
  payments[1] = merged
  extendHorizon(s, secondAt)
  return payments
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
  if (claims.length < o.limits.history) {
    record.claims = copyWith(claims, 0, i, at)
    return
  }
  // Full: the oldest claim goes (a claim older than all of them goes at once).
  if (i > 0) dropFirstInsert(claims, i, at)
  extendHorizon(s, claims[0])
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
