import type { CustomerKind, EventData, JourneyEvent } from '@journeykit/core'
import { DAY_MS, deadlineMs, toEpochMs } from '@journeykit/core'

/**
 * What the journey generator knows about one customer: the ids that exist and whether each is still open.
 * It is deliberately independent of the customer decider's state, so that generated journeys test the
 * decider rather than mirror it. Lists keep creation order, so picking "the n-th open order" is deterministic.
 */
export interface JourneyModel {
  readonly customerId: string
  /** The currency the customer buys in. */
  readonly currency: string
  kind: CustomerKind | undefined
  registered: boolean
  forgotten: boolean
  /** Business time of the latest event, epoch ms. */
  nowMs: number
  readonly counters: Map<string, number>
  readonly orders: { id: string; amount: number; cancelled: boolean; delivered: boolean }[]
  readonly deliveries: { id: string; orderId: string; open: boolean; deadlineMs: number | undefined }[]
  readonly inquiries: { id: string; resolved: boolean }[]
  readonly callbacks: { id: string; open: boolean }[]
  readonly complaints: { id: string; open: boolean }[]
  readonly invoices: { id: string; currency: string; amount: number; paid: number }[]
  readonly people: { id: string; active: boolean; champion: boolean }[]
  readonly warranties: { id: string; coverEndsMs: number }[]
  readonly subscriptions: { id: string; active: boolean }[]
  /** Consents currently given. */
  readonly consents: EventData<'ConsentGiven'>[]
  readonly quotes: string[]
  readonly campaigns: string[]
  readonly abandonedContacts: string[]
  manager: string | undefined
}

export const emptyModel = (customerId: string, currency: string, startMs: number): JourneyModel => ({
  customerId,
  currency,
  kind: undefined,
  registered: false,
  forgotten: false,
  nowMs: startMs,
  counters: new Map(),
  orders: [],
  deliveries: [],
  inquiries: [],
  callbacks: [],
  complaints: [],
  invoices: [],
  people: [],
  warranties: [],
  subscriptions: [],
  consents: [],
  quotes: [],
  campaigns: [],
  abandonedContacts: [],
  manager: undefined,
})

/** A new readable id for this customer: `o1`, `o2`, `inv1`, ... */
export const freshId = (m: JourneyModel, prefix: string): string => {
  const n = (m.counters.get(prefix) ?? 0) + 1
  m.counters.set(prefix, n)
  return `${prefix}${n}`
}

/** The id `freshId` will return next, without taking it. */
export const peekId = (m: JourneyModel, prefix: string): string =>
  `${prefix}${(m.counters.get(prefix) ?? 0) + 1}`

const upsertDelivery = (m: JourneyModel, id: string, orderId: string, open: boolean, deadline?: number) => {
  const existing = m.deliveries.find((d) => d.id === id)
  if (existing === undefined) m.deliveries.push({ id, orderId, open, deadlineMs: deadline })
  else {
    existing.open = open
    if (deadline !== undefined) existing.deadlineMs = deadline
  }
}

/** Updates the model with one recorded event of its customer. */
export const applyToModel = (m: JourneyModel, e: JourneyEvent): void => {
  m.nowMs = Math.max(m.nowMs, toEpochMs(e.occurredAt))
  switch (e.type) {
    case 'CustomerRegistered':
      m.registered = true
      m.kind = e.data.kind
      return
    case 'CustomerForgotten':
      m.forgotten = true
      return
    case 'ContactPersonAdded': {
      const person = m.people.find((p) => p.id === e.data.personId)
      if (person === undefined)
        m.people.push({ id: e.data.personId, active: true, champion: e.data.champion })
      else person.active = true
      return
    }
    case 'ContactPersonLeft':
      for (const p of m.people) if (p.id === e.data.personId) p.active = false
      return
    case 'AccountManagerAssigned':
      m.manager = e.data.managerId
      return
    case 'AccountManagerUnassigned':
      m.manager = undefined
      return
    case 'ConsentGiven': {
      const { channel, purpose } = e.data
      if (!m.consents.some((c) => c.channel === channel && c.purpose === purpose))
        m.consents.push({ channel, purpose })
      return
    }
    case 'ConsentWithdrawn': {
      const i = m.consents.findIndex((c) => c.channel === e.data.channel && c.purpose === e.data.purpose)
      if (i >= 0) m.consents.splice(i, 1)
      return
    }
    case 'InquiryReceived':
      m.inquiries.push({ id: e.data.inquiryId, resolved: false })
      return
    case 'InquiryResolved':
      for (const i of m.inquiries) if (i.id === e.data.inquiryId) i.resolved = true
      return
    case 'CallbackRequested':
      m.callbacks.push({ id: e.data.callbackId, open: true })
      return
    case 'CallbackCompleted':
    case 'CallbackMissed':
      for (const c of m.callbacks) if (c.id === e.data.callbackId) c.open = false
      return
    case 'ComplaintFiled':
      m.complaints.push({ id: e.data.complaintId, open: true })
      return
    case 'ComplaintResolved':
      for (const c of m.complaints) if (c.id === e.data.complaintId) c.open = false
      return
    case 'QuoteIssued':
      m.quotes.push(e.data.quoteId)
      return
    case 'OrderPlaced':
      m.orders.push({ id: e.data.orderId, amount: e.data.amount, cancelled: false, delivered: false })
      return
    case 'OrderCancelled':
      for (const o of m.orders) if (o.id === e.data.orderId) o.cancelled = true
      return
    case 'DeliveryPromised':
      upsertDelivery(
        m,
        e.data.deliveryId,
        e.data.orderId,
        true,
        deadlineMs(e.data.promisedBy, e.data.timeZone),
      )
      return
    case 'DeliveryShipped':
      upsertDelivery(m, e.data.deliveryId, e.data.orderId, true)
      return
    case 'DeliveryCompleted':
      upsertDelivery(m, e.data.deliveryId, e.data.orderId, false)
      for (const o of m.orders) if (o.id === e.data.orderId) o.delivered = true
      return
    case 'DeliveryFailed':
      upsertDelivery(m, e.data.deliveryId, e.data.orderId, false)
      return
    case 'InvoiceIssued':
      m.invoices.push({ id: e.data.invoiceId, currency: e.data.currency, amount: e.data.amount, paid: 0 })
      return
    case 'PaymentReceived':
      for (const i of m.invoices) if (i.id === e.data.invoiceId) i.paid += e.data.amount
      return
    case 'WarrantyRegistered':
      m.warranties.push({ id: e.data.warrantyId, coverEndsMs: toEpochMs(e.data.expiresOn) + DAY_MS })
      return
    case 'SubscriptionStarted':
      m.subscriptions.push({ id: e.data.subscriptionId, active: true })
      return
    case 'SubscriptionRenewed':
      for (const s of m.subscriptions) if (s.id === e.data.subscriptionId) s.active = true
      return
    case 'SubscriptionCancelled':
      for (const s of m.subscriptions) if (s.id === e.data.subscriptionId) s.active = false
      return
    case 'CampaignSent':
      m.campaigns.push(e.data.campaignId)
      return
    case 'ContactAbandoned':
      m.abandonedContacts.push(e.data.contactId)
      return
    default:
      return
  }
}

/** Open (placed, not cancelled) orders. */
export const openOrders = (m: JourneyModel) => m.orders.filter((o) => !o.cancelled)
/** Open deliveries of orders that are not cancelled. */
export const openDeliveries = (m: JourneyModel) =>
  m.deliveries.filter((d) => d.open && m.orders.some((o) => o.id === d.orderId && !o.cancelled))
/** Invoices with money still due. */
export const dueInvoices = (m: JourneyModel) => m.invoices.filter((i) => i.paid < i.amount)
