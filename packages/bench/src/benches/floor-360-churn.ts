import type { JourneyEvent } from '@journeykit/core'
import { DAY_MS, deadlineMs, toEpochMs } from '@journeykit/core'
import type { MemoryEventStore } from '@journeykit/store-memory'

/**
 * The floor of the `rebuild-360-churn-memory` benchmark (issue 10): what a team would write by hand instead of
 * using the projections, in plain idiomatic TypeScript. One loop, one state per customer, Maps by id, and the
 * aggregation of both projections in one place: revenue per currency, orders, deliveries (on time against the
 * promised day in its zone), returns, invoices and payments, warranties, subscriptions, inquiries per channel,
 * abandoned contacts and follow-ups, callbacks, complaints, contacts and campaigns per channel, surveys, consents,
 * identities, contact persons, account manager, and the churn facts (purchase occasions, recent orders, lifetime
 * spend less cancellations, recent support contacts). It keeps no as-of history, no evidence and no bounds
 * beyond short recent lists: it is the work the library's projections do, minus their generality.
 */

interface Order {
  at: number
  currency: string
  amount: number
  channel: string
  cancelled: boolean
}
interface Delivery {
  deadline: number | undefined
  shipped: number | undefined
  done: number | undefined
}
interface Invoice {
  currency: string
  amount: number
  dueMs: number
  paid: number
  failures: number
}
interface Inquiry {
  at: number
  channel: string
  slaHours: number
  answered: number | undefined
  resolved: boolean
}
interface Followed {
  at: number
  followedUp: boolean
}
interface Complaint {
  severity: string
  resolved: boolean
  satisfied: boolean | undefined
}
interface Survey {
  at: number
  score: number
  positive: boolean
}

class Customer {
  events = 0
  firstMs = Infinity
  latestMs = -Infinity
  lateEvents = 0
  kind = ''
  name = ''
  country = ''
  segment = ''
  forgotten = false
  identities = new Set<string>()
  consents = new Map<string, boolean>()
  persons = new Map<string, boolean>()
  manager: string | undefined = undefined
  creditScore = 0
  forecast = 0
  engagedMs = Infinity
  orders = new Map<string, Order>()
  revenue = new Map<string, number>()
  lifetimeSpend = new Map<string, number>()
  recentOrders: Order[] = []
  purchaseDays = 0
  lastOrderDay = -1
  cancelledOrders = 0
  deliveries = new Map<string, Delivery>()
  onTime = 0
  late = 0
  failedDeliveries = 0
  returns = 0
  refunded = new Map<string, number>()
  invoices = new Map<string, Invoice>()
  warranties = new Map<string, number>()
  subscriptions = new Map<string, { endsMs: number; cancelled: boolean }>()
  inquiries = new Map<string, Inquiry>()
  inquiriesByChannel = new Map<string, number>()
  recentContacts: number[] = []
  abandoned = new Map<string, Followed>()
  callbacks = new Map<string, { dueMs: number; done: boolean; missed: boolean }>()
  complaints = new Map<string, Complaint>()
  outreachByChannel = new Map<string, number>()
  campaignsByChannel = new Map<string, number>()
  responses = new Map<string, number>()
  lastEngagedMs = -Infinity
  surveys: Survey[] = []
  quotes = 0
  leads = 0
}

const add = (map: Map<string, number>, key: string, amount: number): void => {
  map.set(key, (map.get(key) ?? 0) + amount)
}

const keepRecent = <T>(list: T[], item: T, max: number): void => {
  list.push(item)
  if (list.length > max) list.shift()
}

const deadlines = new Map<string, number>()
const lateFromMs = (promisedBy: string, timeZone = 'UTC'): number => {
  if (promisedBy.length !== 10) return toEpochMs(promisedBy) + 1
  const key = `${timeZone} ${promisedBy}`
  let deadline = deadlines.get(key)
  if (deadline === undefined) {
    deadline = deadlineMs(promisedBy, timeZone === 'UTC' ? undefined : timeZone)
    deadlines.set(key, deadline)
  }
  return deadline
}

const surveyOf = (at: number, nps?: number, csat?: number, ces?: number): Survey => {
  const parts = [nps === undefined ? NaN : nps / 10, csat === undefined ? NaN : (csat - 1) / 4]
  parts.push(ces === undefined ? NaN : (7 - ces) / 6)
  let sum = 0
  let scores = 0
  for (const part of parts) {
    if (Number.isNaN(part)) continue
    sum += part
    scores++
  }
  const positive = scores > 0 && (nps ?? 10) >= 9 && (csat ?? 5) >= 4 && (ces ?? 1) <= 3
  return { at, score: scores === 0 ? 1 : sum / scores, positive }
}

const apply = (c: Customer, e: JourneyEvent, at: number): void => {
  switch (e.type) {
    case 'CustomerRegistered':
      c.kind = e.data.kind
      c.name = e.data.name
      c.country = e.data.country
      c.segment = e.data.segment ?? c.segment
      return
    case 'ProfileUpdated':
      c.name = e.data.name ?? c.name
      c.country = e.data.country ?? c.country
      c.segment = e.data.segment ?? c.segment
      return
    case 'IdentityLinked':
      c.identities.add(`${e.data.kind}:${e.data.value}`)
      return
    case 'ContactPersonAdded':
      c.persons.set(e.data.personId, e.data.champion)
      return
    case 'ContactPersonLeft':
      c.persons.delete(e.data.personId)
      return
    case 'AccountManagerAssigned':
      c.manager = e.data.managerId
      return
    case 'AccountManagerUnassigned':
      if (c.manager === e.data.managerId) c.manager = undefined
      return
    case 'ConsentGiven':
    case 'ConsentWithdrawn':
      c.consents.set(`${e.data.channel}/${e.data.purpose}`, e.type === 'ConsentGiven')
      return
    case 'CreditScoreAssessed':
      c.creditScore = e.data.score
      return
    case 'CustomerForgotten':
      c.forgotten = true
      c.name = ''
      return
    case 'LeadCaptured':
      c.leads++
      c.engagedMs = Math.min(c.engagedMs, at)
      return
    case 'QuoteIssued':
      c.quotes++
      c.engagedMs = Math.min(c.engagedMs, at)
      return
    case 'OrderPlaced': {
      const { orderId, currency, amount, channel } = e.data
      const order: Order = { at, currency, amount, channel, cancelled: false }
      c.orders.set(orderId, order)
      add(c.revenue, currency, amount)
      add(c.lifetimeSpend, currency, amount)
      keepRecent(c.recentOrders, order, 32)
      const day = Math.floor(at / DAY_MS)
      if (day !== c.lastOrderDay) c.purchaseDays++
      c.lastOrderDay = day
      c.engagedMs = Math.min(c.engagedMs, at)
      return
    }
    case 'OrderCancelled': {
      const order = c.orders.get(e.data.orderId)
      if (order === undefined || order.cancelled) return
      order.cancelled = true
      c.cancelledOrders++
      add(c.revenue, order.currency, -order.amount)
      add(c.lifetimeSpend, order.currency, -order.amount)
      return
    }
    case 'DeliveryPromised': {
      const deadline = lateFromMs(e.data.promisedBy, e.data.timeZone)
      const delivery = c.deliveries.get(e.data.deliveryId)
      if (delivery === undefined)
        c.deliveries.set(e.data.deliveryId, { deadline, shipped: undefined, done: undefined })
      else delivery.deadline ??= deadline
      return
    }
    case 'DeliveryShipped': {
      const delivery = c.deliveries.get(e.data.deliveryId)
      if (delivery !== undefined) delivery.shipped = at
      return
    }
    case 'DeliveryCompleted': {
      const delivery = c.deliveries.get(e.data.deliveryId)
      if (delivery === undefined) return
      delivery.done = at
      if (delivery.deadline !== undefined && at >= delivery.deadline) c.late++
      else c.onTime++
      return
    }
    case 'DeliveryFailed':
      c.failedDeliveries++
      return
    case 'ProductReturned':
      c.returns++
      if (e.data.currency !== undefined) add(c.refunded, e.data.currency, e.data.amount ?? 0)
      return
    case 'PurchaseForecastUpdated':
      c.forecast = e.data.expectedSpend
      return
    case 'InvoiceIssued': {
      const { invoiceId, currency, amount, dueDate } = e.data
      c.invoices.set(invoiceId, {
        currency,
        amount,
        dueMs: toEpochMs(dueDate) + DAY_MS,
        paid: 0,
        failures: 0,
      })
      return
    }
    case 'PaymentReceived': {
      const invoice = c.invoices.get(e.data.invoiceId)
      if (invoice !== undefined && invoice.currency === e.data.currency) invoice.paid += e.data.amount
      return
    }
    case 'PaymentFailed': {
      const invoice = c.invoices.get(e.data.invoiceId)
      if (invoice !== undefined) invoice.failures++
      return
    }
    case 'WarrantyRegistered':
      c.warranties.set(e.data.warrantyId, toEpochMs(e.data.expiresOn) + DAY_MS)
      return
    case 'WarrantyClaimed':
      return
    case 'SubscriptionStarted':
    case 'SubscriptionRenewed':
    case 'SubscriptionCancelled':
      c.subscriptions.set(e.data.subscriptionId, {
        endsMs: toEpochMs(e.data.endsOn) + DAY_MS,
        cancelled: e.type === 'SubscriptionCancelled',
      })
      return
    case 'InquiryReceived': {
      const { inquiryId, channel, slaHours } = e.data
      c.inquiries.set(inquiryId, {
        at,
        channel,
        slaHours: slaHours ?? 24,
        answered: undefined,
        resolved: false,
      })
      add(c.inquiriesByChannel, channel, 1)
      keepRecent(c.recentContacts, at, 64)
      c.engagedMs = Math.min(c.engagedMs, at)
      return
    }
    case 'InquiryAnswered': {
      const inquiry = c.inquiries.get(e.data.inquiryId)
      if (inquiry !== undefined) inquiry.answered ??= at
      return
    }
    case 'InquiryResolved': {
      const inquiry = c.inquiries.get(e.data.inquiryId)
      if (inquiry === undefined) return
      inquiry.answered ??= at
      inquiry.resolved = true
      return
    }
    case 'ContactAbandoned':
      c.abandoned.set(e.data.contactId, { at, followedUp: false })
      return
    case 'OutreachMade': {
      add(c.outreachByChannel, e.data.channel, 1)
      const contact = e.data.followsUp === undefined ? undefined : c.abandoned.get(e.data.followsUp)
      if (contact !== undefined) contact.followedUp = true
      return
    }
    case 'CallbackRequested': {
      c.callbacks.set(e.data.callbackId, { dueMs: toEpochMs(e.data.dueBy), done: false, missed: false })
      const contact = e.data.followsUp === undefined ? undefined : c.abandoned.get(e.data.followsUp)
      if (contact !== undefined) contact.followedUp = true
      return
    }
    case 'CallbackCompleted':
    case 'CallbackMissed': {
      const callback = c.callbacks.get(e.data.callbackId)
      if (callback === undefined) return
      if (e.type === 'CallbackCompleted') callback.done = true
      else callback.missed = true
      return
    }
    case 'ComplaintFiled':
      c.complaints.set(e.data.complaintId, {
        severity: e.data.severity,
        resolved: false,
        satisfied: undefined,
      })
      keepRecent(c.recentContacts, at, 64)
      return
    case 'ComplaintResolved': {
      const complaint = c.complaints.get(e.data.complaintId)
      if (complaint === undefined) return
      complaint.resolved = true
      complaint.satisfied = e.data.satisfied
      return
    }
    case 'CampaignSent':
      add(c.campaignsByChannel, e.data.channel, 1)
      return
    case 'CampaignResponded':
      add(c.responses, e.data.response, 1)
      if (e.data.response !== 'unsubscribed') c.lastEngagedMs = Math.max(c.lastEngagedMs, at)
      return
    case 'SurveyAnswered':
      keepRecent(c.surveys, surveyOf(at, e.data.nps, e.data.csat, e.data.ces), 32)
      return
  }
}

/** Folds events into one aggregate per customer, batch after batch: the hand-written floor of both projections. */
export const floorFold = (): {
  readonly customers: ReadonlyMap<string, Customer>
  readonly fold: (events: readonly JourneyEvent[]) => void
} => {
  const customers = new Map<string, Customer>()
  const fold = (events: readonly JourneyEvent[]): void => {
    for (const e of events) {
      let c = customers.get(e.customerId)
      if (c === undefined) {
        c = new Customer()
        customers.set(e.customerId, c)
      }
      const at = toEpochMs(e.occurredAt)
      c.events++
      if (at < c.firstMs) c.firstMs = at
      if (at >= c.latestMs) c.latestMs = at
      else c.lateEvents++
      apply(c, e, at)
    }
  }
  return { customers, fold }
}

/** Folds every event of an array: the hand-written floor of both projections. */
export const handWrittenFloor = (events: readonly JourneyEvent[]): ReadonlyMap<string, Customer> => {
  const floor = floorFold()
  floor.fold(events)
  return floor.customers
}

/**
 * The floor as the benches time it: reads the store and folds every event by hand as it comes, nothing kept but
 * the aggregates. Batches of 4096: faster for it than the rebuild's 524,288 (it gains nothing from grouping).
 */
export const floorRebuild = async (store: MemoryEventStore): Promise<number> => {
  const floor = floorFold()
  for await (const batch of store.readAll({ batchSize: 4096 })) floor.fold(batch)
  return floor.customers.size
}
