import type { EventType } from '@journeykit/core'
import { entriesOf } from '../state/dict.js'
import type { Customer360State } from '../state/state.js'
import { recordsOf } from '../state/table.js'
import type { TimeCounter } from '../state/time-counter.js'
import type { TimelineItem } from './types.js'
import { byText } from './window.js'

type Entry = { at: number; type: EventType; ref: string | null; channel: string | null }

const entries = <R>(t: { byId: Record<string, R> } | null): [string, R][] =>
  t === null ? [] : Object.entries(t.byId)

/**
 * The most recent events by the instant, newest first, rebuilt from the facts the state keeps (so it costs
 * nothing while folding): each fact of each kept record, each change of a history, each counted time. Personal
 * data never appears in it: `ref` is the id of what the event is about (order, inquiry, ...), never a value.
 */
export const timelineAsOf = (s: Customer360State, asOfMs: number, size: number): TimelineItem[] => {
  const found: Entry[] = []
  const add = (
    at: number | null,
    type: EventType,
    ref: string | null = null,
    channel: string | null = null,
  ) => {
    if (at !== null && at <= asOfMs) found.push({ at, type, ref, channel })
  }
  const times = (
    counter: TimeCounter | null,
    type: EventType,
    ref: string | null = null,
    channel: string | null = null,
  ) => {
    for (const at of counter?.times ?? []) add(at, type, ref, channel)
  }
  add(s.registeredMs, 'CustomerRegistered')
  const profileChanges = new Set([...s.names, ...s.countries, ...s.segments].map((c) => c.at))
  for (const at of profileChanges) if (at !== s.registeredMs) add(at, 'ProfileUpdated')
  for (const i of s.identities) add(i.at, 'IdentityLinked', i.kind)
  for (const [key, changes] of entriesOf(s.consents))
    for (const c of changes)
      add(
        c.at,
        c.value ? 'ConsentGiven' : 'ConsentWithdrawn',
        key.split('/')[1] ?? null,
        key.split('/')[0] ?? null,
      )
  for (const [id, p] of entries(s.contactPersons)) {
    for (const c of p.presence) add(c.at, c.value ? 'ContactPersonAdded' : 'ContactPersonLeft', id)
  }
  for (const c of s.owners)
    add(c.at, c.assigned ? 'AccountManagerAssigned' : 'AccountManagerUnassigned', c.managerId)
  for (const c of s.credit) add(c.at, 'CreditScoreAssessed')
  for (const f of s.forecasts) add(f.at, 'PurchaseForecastUpdated')
  for (const [id, r] of entries(s.orders)) {
    add(r.at, 'OrderPlaced', id, r.channel)
    add(r.cancelledMs, 'OrderCancelled', id)
  }
  for (const [id, d] of entries(s.deliveries)) {
    add(d.promisedMs, 'DeliveryPromised', id)
    add(d.shippedMs, 'DeliveryShipped', id)
    add(d.completedMs, 'DeliveryCompleted', id)
    add(d.failedMs, 'DeliveryFailed', id)
  }
  for (const r of recordsOf(s.returns)) add(r.at, 'ProductReturned', r.orderId)
  for (const [id, r] of entries(s.invoices)) {
    add(r.at, 'InvoiceIssued', id)
    for (let i = 0; i < r.payments.length; i += 2) add(r.payments[i] ?? null, 'PaymentReceived', id)
  }
  times(s.paymentFailures, 'PaymentFailed')
  for (const [id, w] of entries(s.warranties)) {
    add(w.at, 'WarrantyRegistered', id)
    for (const at of w.claims) add(at, 'WarrantyClaimed', id)
  }
  for (const [id, r] of entries(s.subscriptions))
    for (const c of r.changes)
      add(
        c.at,
        c.cancelled ? 'SubscriptionCancelled' : c.at === r.at ? 'SubscriptionStarted' : 'SubscriptionRenewed',
        id,
      )
  for (const [id, q] of entries(s.inquiries)) {
    add(q.at, 'InquiryReceived', id, q.channel)
    add(q.answeredMs, 'InquiryAnswered', id, q.answerChannel)
    add(q.resolvedMs, 'InquiryResolved', id)
  }
  for (const [id, a] of entries(s.abandoned)) add(a.at, 'ContactAbandoned', id, a.channel)
  for (const [channel, c] of entriesOf(s.outreachByChannel)) times(c, 'OutreachMade', null, channel)
  for (const [id, c] of entries(s.callbacks)) {
    add(c.at, 'CallbackRequested', id, c.channel)
    add(c.completedMs, 'CallbackCompleted', id)
    add(c.missedMs, 'CallbackMissed', id)
  }
  for (const [id, c] of entries(s.complaints)) {
    add(c.at, 'ComplaintFiled', id, c.channel)
    add(c.resolvedMs, 'ComplaintResolved', id)
  }
  for (const [channel, c] of entriesOf(s.campaignsByChannel)) times(c, 'CampaignSent', null, channel)
  const { opened = null, clicked = null, converted = null, unsubscribed = null } = s.campaigns ?? {}
  for (const [response, c] of [
    ['opened', opened],
    ['clicked', clicked],
    ['converted', converted],
    ['unsubscribed', unsubscribed],
  ] as const)
    times(c, 'CampaignResponded', response)
  for (const v of s.surveys) add(v.at, 'SurveyAnswered', v.surveyId)
  times(s.leads, 'LeadCaptured')
  times(s.quotes, 'QuoteIssued')
  add(s.forgottenMs, 'CustomerForgotten')
  return found
    .sort(
      (a, b) => b.at - a.at || byText(a.type, b.type) || byText(a.ref, b.ref) || byText(a.channel, b.channel),
    )
    .slice(0, size)
    .map((e) => ({ at: new Date(e.at).toISOString(), type: e.type, ref: e.ref, channel: e.channel }))
}
