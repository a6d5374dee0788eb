import type { JourneyEvent } from '@journeykit/core'
import { endOfDayMs } from '@journeykit/core'
import { earlierOf, insertRecent, keyed, latestPartMs, laterOf } from './bounded.js'
import type { AccountFacts, ChurnFacts, InvoiceFact, PersonFact, SubscriptionFact } from './types.js'
import { KEYED_ITEMS, RECENT_REFS } from './types.js'

const account = (f: ChurnFacts): AccountFacts =>
  (f.account ??= {
    people: [],
    manager: undefined,
    subscriptions: [],
    renewalActivity: undefined,
    invoices: [],
  })

const newPerson = (key: string): PersonFact => ({ key, added: undefined, left: undefined })
const personTime = (p: PersonFact): number => latestPartMs(p.added, p.left)

export const onRegistered = (f: ChurnFacts, e: JourneyEvent<'CustomerRegistered'>): void => {
  f.kind = e.data.kind
}

export const onContactPersonAdded = (
  f: ChurnFacts,
  e: JourneyEvent<'ContactPersonAdded'>,
  ms: number,
): void => {
  const a = account(f)
  const p = keyed(a.people, e.data.personId, newPerson, KEYED_ITEMS, personTime)
  p.added = earlierOf(p.added, { ms, id: e.id, champion: e.data.champion })
}

export const onContactPersonLeft = (
  f: ChurnFacts,
  e: JourneyEvent<'ContactPersonLeft'>,
  ms: number,
): void => {
  const a = account(f)
  const p = keyed(a.people, e.data.personId, newPerson, KEYED_ITEMS, personTime)
  p.left = laterOf(p.left, { ms, id: e.id })
}

export const onManagerAssigned = (
  f: ChurnFacts,
  e: JourneyEvent<'AccountManagerAssigned'>,
  ms: number,
): void => {
  const a = account(f)
  a.manager = laterOf(a.manager, { ms, id: e.id, managerId: e.data.managerId, assigned: true })
}

export const onManagerUnassigned = (
  f: ChurnFacts,
  e: JourneyEvent<'AccountManagerUnassigned'>,
  ms: number,
): void => {
  const a = account(f)
  a.manager = laterOf(a.manager, { ms, id: e.id, managerId: e.data.managerId, assigned: false })
}

const newSubscription = (key: string): SubscriptionFact => ({
  key,
  started: undefined,
  term: undefined,
  cancelled: undefined,
})
const subscriptionTime = (s: SubscriptionFact): number => latestPartMs(s.started, s.term, s.cancelled)

const setTerm = (
  f: ChurnFacts,
  subscriptionId: string,
  ms: number,
  id: string,
  endsOn: string,
): SubscriptionFact => {
  const a = account(f)
  const s = keyed(a.subscriptions, subscriptionId, newSubscription, KEYED_ITEMS, subscriptionTime)
  s.term = laterOf(s.term, { ms, id, endMs: endOfDayMs(endsOn) })
  return s
}

export const onSubscriptionStarted = (
  f: ChurnFacts,
  e: JourneyEvent<'SubscriptionStarted'>,
  ms: number,
): void => {
  const s = setTerm(f, e.data.subscriptionId, ms, e.id, e.data.endsOn)
  s.started = earlierOf(s.started, { ms, id: e.id })
}

export const onSubscriptionRenewed = (
  f: ChurnFacts,
  e: JourneyEvent<'SubscriptionRenewed'>,
  ms: number,
): void => {
  setTerm(f, e.data.subscriptionId, ms, e.id, e.data.endsOn)
  const a = account(f)
  a.renewalActivity = laterOf(a.renewalActivity, { ms, id: e.id })
}

export const onSubscriptionCancelled = (
  f: ChurnFacts,
  e: JourneyEvent<'SubscriptionCancelled'>,
  ms: number,
): void => {
  const a = account(f)
  const s = keyed(a.subscriptions, e.data.subscriptionId, newSubscription, KEYED_ITEMS, subscriptionTime)
  s.cancelled = laterOf(s.cancelled, { ms, id: e.id, endMs: endOfDayMs(e.data.endsOn) })
}

/** A quote, or an outreach about renewal or retention, counts as renewal activity. */
export const RENEWAL_PURPOSE = /renew|retention|contract/i

export const onRenewalActivity = (f: ChurnFacts, ms: number, id: string): void => {
  const a = account(f)
  a.renewalActivity = laterOf(a.renewalActivity, { ms, id })
}

const newInvoice = (key: string): InvoiceFact => ({
  key,
  issued: undefined,
  paid: 0,
  lastPaymentMs: undefined,
  failures: [],
})
const invoiceTime = (i: InvoiceFact): number =>
  Math.max(
    latestPartMs(i.issued, i.failures[i.failures.length - 1]),
    i.lastPaymentMs ?? Number.NEGATIVE_INFINITY,
  )

export const onInvoiceIssued = (f: ChurnFacts, e: JourneyEvent<'InvoiceIssued'>, ms: number): void => {
  const a = account(f)
  const i = keyed(a.invoices, e.data.invoiceId, newInvoice, KEYED_ITEMS, invoiceTime)
  i.issued = earlierOf(i.issued, {
    ms,
    id: e.id,
    amount: e.data.amount,
    currency: e.data.currency,
    dueDate: e.data.dueDate,
  })
}

export const onPaymentReceived = (f: ChurnFacts, e: JourneyEvent<'PaymentReceived'>, ms: number): void => {
  const a = account(f)
  const i = keyed(a.invoices, e.data.invoiceId, newInvoice, KEYED_ITEMS, invoiceTime)
  i.paid += e.data.amount
  i.lastPaymentMs = Math.max(i.lastPaymentMs ?? -Infinity, ms)
}

export const onPaymentFailed = (f: ChurnFacts, e: JourneyEvent<'PaymentFailed'>, ms: number): void => {
  const a = account(f)
  const i = keyed(a.invoices, e.data.invoiceId, newInvoice, KEYED_ITEMS, invoiceTime)
  insertRecent(i.failures, { ms, id: e.id }, RECENT_REFS)
}
