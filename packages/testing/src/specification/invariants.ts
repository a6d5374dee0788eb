import type { JourneyEvent } from '@journeykit/core'
import { DAY_MS, customerStreamId, isJourneyEvent, toEpochMs } from '@journeykit/core'
import { formatEvent } from './format.js'

export interface InvariantOptions {
  /** Also require business time never to go backwards within a customer's history. Default false. */
  readonly timeOrdered?: boolean
}

type Open = Map<string, boolean>

/** What one customer's history has established so far; each rule below reads and updates it. */
interface Ledger {
  registered: boolean
  forgotten: boolean
  organization: boolean
  lastMs: number
  readonly orders: Map<string, { cancelled: boolean; delivered: boolean }>
  readonly deliveries: Map<string, { orderId: string; closed: boolean }>
  readonly inquiries: Open
  readonly callbacks: Open
  readonly complaints: Open
  readonly people: Open
  readonly subscriptions: Open
  readonly invoices: Map<string, { currency: string; amount: number; paid: number }>
  readonly warranties: Map<string, number>
  readonly consents: Set<string>
  manager: string | undefined
}

const newLedger = (): Ledger => ({
  registered: false,
  forgotten: false,
  organization: false,
  lastMs: -Infinity,
  orders: new Map(),
  deliveries: new Map(),
  inquiries: new Map(),
  callbacks: new Map(),
  complaints: new Map(),
  people: new Map(),
  subscriptions: new Map(),
  invoices: new Map(),
  warranties: new Map(),
  consents: new Set(),
  manager: undefined,
})

/** The rules an event breaks, given what came before it (the ledger is updated afterwards). */
const broken = (l: Ledger, e: JourneyEvent): string[] => {
  const rules: string[] = []
  const rule = (holds: boolean, text: string) => {
    if (!holds) rules.push(text)
  }
  const order = (id: string) => l.orders.get(id)
  const placedAndNotCancelled = (id: string) => order(id) !== undefined && order(id)?.cancelled === false
  switch (e.type) {
    case 'CustomerRegistered':
      rule(!l.registered, 'a customer is registered once')
      break
    case 'ContactPersonAdded':
      rule(l.organization, 'contact persons exist only at organizations')
      rule(l.people.get(e.data.personId) !== true, 'a contact person is not added twice while active')
      break
    case 'ContactPersonLeft':
      rule(l.people.get(e.data.personId) === true, 'a contact person leaves only if added and still there')
      break
    case 'AccountManagerUnassigned':
      rule(l.manager === e.data.managerId, 'only the current account manager is unassigned')
      break
    case 'ConsentWithdrawn':
      rule(l.consents.has(`${e.data.channel}/${e.data.purpose}`), 'only a given consent is withdrawn')
      break
    case 'InquiryReceived':
    case 'CallbackRequested':
    case 'ComplaintFiled':
    case 'OrderPlaced':
    case 'InvoiceIssued':
    case 'WarrantyRegistered':
    case 'SubscriptionStarted': {
      const [id, ledger] = createdBy(l, e)
      rule(!ledger.has(id), `${e.type} uses a new id (${id} exists)`)
      break
    }
    case 'InquiryAnswered':
    case 'InquiryResolved':
      rule(
        l.inquiries.get(e.data.inquiryId) === true,
        'answer or resolve only a received, unresolved inquiry',
      )
      break
    case 'CallbackCompleted':
    case 'CallbackMissed':
      rule(l.callbacks.get(e.data.callbackId) === true, 'complete or miss only a requested, open callback')
      break
    case 'ComplaintResolved':
      rule(l.complaints.get(e.data.complaintId) === true, 'resolve only a filed, open complaint')
      break
    case 'OrderCancelled':
      rule(placedAndNotCancelled(e.data.orderId), 'cancel only a placed order that is not cancelled')
      rule(order(e.data.orderId)?.delivered !== true, 'a delivered order is returned, not cancelled')
      break
    case 'DeliveryPromised':
    case 'DeliveryShipped':
    case 'DeliveryCompleted':
    case 'DeliveryFailed': {
      const delivery = l.deliveries.get(e.data.deliveryId)
      rule(placedAndNotCancelled(e.data.orderId), 'deliver only a placed order that is not cancelled')
      rule(delivery === undefined || delivery.orderId === e.data.orderId, 'a delivery belongs to one order')
      rule(delivery?.closed !== true, 'nothing happens to a delivery after it completed or failed')
      break
    }
    case 'ProductReturned':
      rule(placedAndNotCancelled(e.data.orderId), 'return only a placed order that is not cancelled')
      rule(order(e.data.orderId)?.delivered === true, 'return only a delivered order')
      break
    case 'PaymentReceived':
    case 'PaymentFailed': {
      const invoice = l.invoices.get(e.data.invoiceId)
      rule(invoice !== undefined, 'pay only an issued invoice')
      rule(invoice === undefined || invoice.currency === e.data.currency, 'pay in the invoice currency')
      rule(invoice === undefined || invoice.paid < invoice.amount, 'do not pay an invoice paid in full')
      if (e.type === 'PaymentReceived')
        rule(
          invoice === undefined || invoice.paid + e.data.amount <= invoice.amount,
          'never pay above what is due',
        )
      break
    }
    case 'WarrantyClaimed': {
      const coverEnds = l.warranties.get(e.data.warrantyId)
      rule(coverEnds !== undefined, 'claim only a registered warranty')
      rule(
        coverEnds === undefined || toEpochMs(e.occurredAt) < coverEnds,
        'claim a warranty only while it covers',
      )
      break
    }
    case 'SubscriptionRenewed':
    case 'SubscriptionCancelled':
      rule(l.subscriptions.get(e.data.subscriptionId) === true, 'renew or cancel only an active subscription')
      break
    default:
      break
  }
  return rules
}

function createdBy(l: Ledger, e: JourneyEvent): [string, ReadonlyMap<string, unknown>] {
  switch (e.type) {
    case 'InquiryReceived':
      return [e.data.inquiryId, l.inquiries]
    case 'CallbackRequested':
      return [e.data.callbackId, l.callbacks]
    case 'ComplaintFiled':
      return [e.data.complaintId, l.complaints]
    case 'OrderPlaced':
      return [e.data.orderId, l.orders]
    case 'InvoiceIssued':
      return [e.data.invoiceId, l.invoices]
    case 'WarrantyRegistered':
      return [e.data.warrantyId, l.warranties]
    case 'SubscriptionStarted':
      return [e.data.subscriptionId, l.subscriptions]
    default:
      return ['', new Map()]
  }
}

/** Records what the event establishes. */
const record = (l: Ledger, e: JourneyEvent): void => {
  const closeDelivery = (closed: boolean) => {
    if ('deliveryId' in e.data) l.deliveries.set(e.data.deliveryId, { orderId: e.data.orderId, closed })
  }
  switch (e.type) {
    case 'CustomerRegistered':
      l.registered = true
      l.organization = e.data.kind === 'organization'
      return
    case 'CustomerForgotten':
      l.forgotten = true
      return
    case 'ContactPersonAdded':
    case 'ContactPersonLeft':
      l.people.set(e.data.personId, e.type === 'ContactPersonAdded')
      return
    case 'AccountManagerAssigned':
    case 'AccountManagerUnassigned':
      l.manager = e.type === 'AccountManagerAssigned' ? e.data.managerId : undefined
      return
    case 'ConsentGiven':
    case 'ConsentWithdrawn': {
      const key = `${e.data.channel}/${e.data.purpose}`
      if (e.type === 'ConsentGiven') l.consents.add(key)
      else l.consents.delete(key)
      return
    }
    case 'InquiryReceived':
    case 'InquiryResolved':
      l.inquiries.set(e.data.inquiryId, e.type === 'InquiryReceived')
      return
    case 'CallbackRequested':
    case 'CallbackCompleted':
    case 'CallbackMissed':
      l.callbacks.set(e.data.callbackId, e.type === 'CallbackRequested')
      return
    case 'ComplaintFiled':
    case 'ComplaintResolved':
      l.complaints.set(e.data.complaintId, e.type === 'ComplaintFiled')
      return
    case 'OrderPlaced':
      l.orders.set(e.data.orderId, { cancelled: false, delivered: false })
      return
    case 'OrderCancelled':
    case 'DeliveryCompleted': {
      const o = l.orders.get(e.data.orderId)
      if (o !== undefined && e.type === 'OrderCancelled') o.cancelled = true
      if (o !== undefined && e.type === 'DeliveryCompleted') o.delivered = true
      closeDelivery(true)
      return
    }
    case 'DeliveryPromised':
    case 'DeliveryShipped':
    case 'DeliveryFailed':
      closeDelivery(e.type === 'DeliveryFailed')
      return
    case 'InvoiceIssued':
      l.invoices.set(e.data.invoiceId, { currency: e.data.currency, amount: e.data.amount, paid: 0 })
      return
    case 'PaymentReceived': {
      const invoice = l.invoices.get(e.data.invoiceId)
      if (invoice !== undefined) invoice.paid += e.data.amount
      return
    }
    case 'WarrantyRegistered':
      l.warranties.set(e.data.warrantyId, toEpochMs(e.data.expiresOn) + DAY_MS)
      return
    case 'SubscriptionStarted':
    case 'SubscriptionRenewed':
    case 'SubscriptionCancelled':
      l.subscriptions.set(e.data.subscriptionId, e.type !== 'SubscriptionCancelled')
      return
    default:
      return
  }
}

/**
 * Checks histories against the customer journey's invariants, written independently of the customer decider
 * so that each can check the other. Events may be of many customers (each is checked in its own order).
 * Returns one line per broken rule, naming the event (empty when every rule holds):
 * nothing before CustomerRegistered or after CustomerForgotten; deliver, cancel or return only a placed,
 * not cancelled order; answer or resolve only a received inquiry; complete or miss only a requested callback;
 * pay only an issued invoice, in its currency, never above what is due; a contact person leaves only if added;
 * every event is a valid journey event of its customer's stream.
 */
export const journeyInvariantViolations = (
  events: readonly JourneyEvent[],
  options: InvariantOptions = {},
): string[] => {
  const ledgers = new Map<string, Ledger>()
  const violations: string[] = []
  events.forEach((e, i) => {
    let l = ledgers.get(e.customerId)
    if (l === undefined) ledgers.set(e.customerId, (l = newLedger()))
    const rules = [
      ...(isJourneyEvent(e) ? [] : ['every event is a valid journey event']),
      ...(e.streamId === customerStreamId(e.customerId)
        ? []
        : [`the stream is ${customerStreamId(e.customerId)}`]),
      ...(l.forgotten ? ['nothing happens after CustomerForgotten'] : []),
      ...(!l.registered && e.type !== 'CustomerRegistered'
        ? ['nothing happens before CustomerRegistered']
        : []),
      ...(options.timeOrdered === true && toEpochMs(e.occurredAt) < l.lastMs ? ['time moves forward'] : []),
      ...broken(l, e),
    ]
    for (const text of rules)
      violations.push(`event ${i + 1} (${formatEvent(e, { showCustomer: true })}): ${text}`)
    l.lastMs = Math.max(l.lastMs, toEpochMs(e.occurredAt))
    record(l, e)
  })
  return violations
}
