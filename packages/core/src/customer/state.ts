import type { EventFact } from '../decider.js'
import type { CustomerKind } from '../events/enums.js'
import { DAY_MS, toEpochMs } from '../time.js'
import type { JourneyFacts } from './stage.js'
import { evolveJourneyFacts, initialJourneyFacts } from './stage.js'

export interface OrderState {
  status: 'placed' | 'cancelled'
  currency: string
  amount: number
  delivered: boolean
  returned: number
}

export type DeliveryStatus = 'promised' | 'shipped' | 'completed' | 'failed'

export interface InvoiceState {
  currency: string
  amount: number
  paid: number
}

/**
 * What the customer decider knows of one customer: just enough to enforce the journey's invariants. (The rich
 * read model is the customer 360 view.)
 */
export interface CustomerState {
  status: 'unregistered' | 'registered' | 'forgotten'
  kind: CustomerKind | undefined
  orders: Record<string, OrderState>
  deliveries: Record<string, { orderId: string; status: DeliveryStatus }>
  inquiries: Record<string, 'received' | 'answered' | 'resolved'>
  callbacks: Record<string, 'requested' | 'completed' | 'missed'>
  complaints: Record<string, 'open' | 'resolved'>
  invoices: Record<string, InvoiceState>
  contactPersons: Record<string, 'active' | 'left'>
  /** Warranties by id: the first day (epoch ms) they no longer cover. */
  warranties: Record<string, { coverEndsMs: number }>
  subscriptions: Record<string, 'active' | 'cancelled'>
  /** Consents given, by `channel/purpose`. */
  consents: Record<string, true>
  accountManager: string | undefined
  journey: JourneyFacts
}

export const initialCustomerState = (): CustomerState => ({
  status: 'unregistered',
  kind: undefined,
  orders: {},
  deliveries: {},
  inquiries: {},
  callbacks: {},
  complaints: {},
  invoices: {},
  contactPersons: {},
  warranties: {},
  subscriptions: {},
  consents: {},
  accountManager: undefined,
  journey: initialJourneyFacts(),
})

export const consentKey = (channel: string, purpose: string): string => `${channel}/${purpose}`

/** Applies one event to the customer state; an immer recipe (it mutates `s`). Total over valid histories. */
export const evolveCustomer = (s: CustomerState, e: EventFact): void => {
  evolveJourneyFacts(s.journey, e)
  switch (e.type) {
    case 'CustomerRegistered':
      s.status = 'registered'
      s.kind = e.data.kind
      return
    case 'CustomerForgotten':
      s.status = 'forgotten'
      return
    case 'ContactPersonAdded':
      s.contactPersons[e.data.personId] = 'active'
      return
    case 'ContactPersonLeft':
      s.contactPersons[e.data.personId] = 'left'
      return
    case 'AccountManagerAssigned':
      s.accountManager = e.data.managerId
      return
    case 'AccountManagerUnassigned':
      s.accountManager = undefined
      return
    case 'ConsentGiven':
      s.consents[consentKey(e.data.channel, e.data.purpose)] = true
      return
    case 'ConsentWithdrawn':
      delete s.consents[consentKey(e.data.channel, e.data.purpose)]
      return
    case 'InquiryReceived':
      s.inquiries[e.data.inquiryId] = 'received'
      return
    case 'InquiryAnswered':
      if (s.inquiries[e.data.inquiryId] === 'received') s.inquiries[e.data.inquiryId] = 'answered'
      return
    case 'InquiryResolved':
      s.inquiries[e.data.inquiryId] = 'resolved'
      return
    case 'CallbackRequested':
      s.callbacks[e.data.callbackId] = 'requested'
      return
    case 'CallbackCompleted':
      s.callbacks[e.data.callbackId] = 'completed'
      return
    case 'CallbackMissed':
      s.callbacks[e.data.callbackId] = 'missed'
      return
    case 'ComplaintFiled':
      s.complaints[e.data.complaintId] = 'open'
      return
    case 'ComplaintResolved':
      s.complaints[e.data.complaintId] = 'resolved'
      return
    case 'OrderPlaced':
      s.orders[e.data.orderId] = {
        status: 'placed',
        currency: e.data.currency,
        amount: e.data.amount,
        delivered: false,
        returned: 0,
      }
      return
    case 'OrderCancelled': {
      const order = s.orders[e.data.orderId]
      if (order !== undefined) order.status = 'cancelled'
      return
    }
    case 'DeliveryPromised':
      s.deliveries[e.data.deliveryId] = { orderId: e.data.orderId, status: 'promised' }
      return
    case 'DeliveryShipped':
      s.deliveries[e.data.deliveryId] = { orderId: e.data.orderId, status: 'shipped' }
      return
    case 'DeliveryCompleted': {
      s.deliveries[e.data.deliveryId] = { orderId: e.data.orderId, status: 'completed' }
      const order = s.orders[e.data.orderId]
      if (order !== undefined) order.delivered = true
      return
    }
    case 'DeliveryFailed':
      s.deliveries[e.data.deliveryId] = { orderId: e.data.orderId, status: 'failed' }
      return
    case 'ProductReturned': {
      const order = s.orders[e.data.orderId]
      if (order !== undefined) order.returned++
      return
    }
    case 'InvoiceIssued':
      s.invoices[e.data.invoiceId] = { currency: e.data.currency, amount: e.data.amount, paid: 0 }
      return
    case 'PaymentReceived': {
      const invoice = s.invoices[e.data.invoiceId]
      if (invoice !== undefined) invoice.paid += e.data.amount
      return
    }
    case 'WarrantyRegistered':
      s.warranties[e.data.warrantyId] = { coverEndsMs: toEpochMs(e.data.expiresOn) + DAY_MS }
      return
    case 'SubscriptionStarted':
    case 'SubscriptionRenewed':
      s.subscriptions[e.data.subscriptionId] = 'active'
      return
    case 'SubscriptionCancelled':
      s.subscriptions[e.data.subscriptionId] = 'cancelled'
      return
    default:
      return
  }
}
