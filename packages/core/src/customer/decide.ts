import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import type { EventFact } from '../decider.js'
import { fact } from '../decider.js'
import { toEpochMs } from '../time.js'
import type { CustomerCommand, DomainError, DomainErrorCode } from './commands.js'
import { domainError } from './commands.js'
import type { CustomerState } from './state.js'
import { consentKey } from './state.js'

type Decision = Either<DomainError, readonly EventFact[]>

const one = (f: EventFact): Decision => right([f])

/** Refuses with `code` when `failed`; otherwise undefined. */
type Check = readonly [failed: boolean, code: DomainErrorCode, why: string]

const firstFailure = (command: CustomerCommand, checks: readonly Check[]): DomainError | undefined => {
  for (const [failed, code, why] of checks) if (failed) return domainError(command, code, why)
  return undefined
}

const orderChecks = (s: CustomerState, orderId: string): Check[] => {
  const order = s.orders[orderId]
  return [
    [order === undefined, 'OrderNotFound', `order ${orderId} was never placed`],
    [order?.status === 'cancelled', 'OrderCancelled', `order ${orderId} was cancelled`],
  ]
}

const deliveryChecks = (s: CustomerState, deliveryId: string, orderId: string): Check[] => {
  const delivery = s.deliveries[deliveryId]
  return [
    ...orderChecks(s, orderId),
    [
      delivery !== undefined && delivery.orderId !== orderId,
      'DeliveryNotFound',
      `delivery ${deliveryId} belongs to order ${delivery?.orderId}, not ${orderId}`,
    ],
    [
      delivery?.status === 'completed' || delivery?.status === 'failed',
      'DeliveryClosed',
      `delivery ${deliveryId} already ${delivery?.status}`,
    ],
  ]
}

const invoiceChecks = (s: CustomerState, invoiceId: string, currency: string): Check[] => {
  const invoice = s.invoices[invoiceId]
  return [
    [invoice === undefined, 'InvoiceNotFound', `invoice ${invoiceId} was never issued`],
    [
      invoice !== undefined && invoice.currency !== currency,
      'CurrencyMismatch',
      `invoice ${invoiceId} is in ${invoice?.currency}, not ${currency}`,
    ],
    [
      invoice !== undefined && invoice.paid >= invoice.amount,
      'InvoicePaid',
      `invoice ${invoiceId} is paid in full`,
    ],
  ]
}

const isNew = (record: Readonly<Record<string, unknown>>, id: string, what: string): Check => [
  Object.hasOwn(record, id),
  'DuplicateId',
  `${what} ${id} already exists`,
]

/** The checks a command must pass beyond the customer being registered and not forgotten. */
const checksFor = (c: CustomerCommand, s: CustomerState): readonly Check[] => {
  switch (c.type) {
    case 'AddContactPerson':
      return [
        [s.kind !== 'organization', 'NotAnOrganization', 'contact persons exist only at organizations'],
        [
          s.contactPersons[c.data.personId] === 'active',
          'DuplicateId',
          `contact person ${c.data.personId} is already added`,
        ],
      ]
    case 'RecordContactPersonLeft': {
      const p = s.contactPersons[c.data.personId]
      return [
        [p === undefined, 'ContactPersonNotFound', `contact person ${c.data.personId} was never added`],
        [p === 'left', 'ContactPersonLeft', `contact person ${c.data.personId} already left`],
      ]
    }
    case 'UnassignAccountManager':
      return [
        [
          s.accountManager !== c.data.managerId,
          'AccountManagerMismatch',
          `the account manager is ${s.accountManager ?? 'nobody'}, not ${c.data.managerId}`,
        ],
      ]
    case 'WithdrawConsent':
      return [
        [
          s.consents[consentKey(c.data.channel, c.data.purpose)] !== true,
          'ConsentNotGiven',
          `no consent for ${c.data.purpose} on ${c.data.channel} was given`,
        ],
      ]
    case 'ReceiveInquiry':
      return [isNew(s.inquiries, c.data.inquiryId, 'inquiry')]
    case 'AnswerInquiry':
    case 'ResolveInquiry': {
      const i = s.inquiries[c.data.inquiryId]
      return [
        [i === undefined, 'InquiryNotFound', `inquiry ${c.data.inquiryId} was never received`],
        [i === 'resolved', 'InquiryResolved', `inquiry ${c.data.inquiryId} is already resolved`],
      ]
    }
    case 'RequestCallback':
      return [isNew(s.callbacks, c.data.callbackId, 'callback')]
    case 'CompleteCallback':
    case 'RecordMissedCallback': {
      const cb = s.callbacks[c.data.callbackId]
      return [
        [cb === undefined, 'CallbackNotFound', `callback ${c.data.callbackId} was never requested`],
        [
          cb !== undefined && cb !== 'requested',
          'CallbackClosed',
          `callback ${c.data.callbackId} is already ${cb}`,
        ],
      ]
    }
    case 'FileComplaint':
      return [isNew(s.complaints, c.data.complaintId, 'complaint')]
    case 'ResolveComplaint': {
      const x = s.complaints[c.data.complaintId]
      return [
        [x === undefined, 'ComplaintNotFound', `complaint ${c.data.complaintId} was never filed`],
        [x === 'resolved', 'ComplaintResolved', `complaint ${c.data.complaintId} is already resolved`],
      ]
    }
    case 'PlaceOrder':
      return [isNew(s.orders, c.data.orderId, 'order')]
    case 'CancelOrder':
      return [
        ...orderChecks(s, c.data.orderId),
        [
          s.orders[c.data.orderId]?.delivered === true,
          'OrderDelivered',
          `order ${c.data.orderId} was delivered; return it instead`,
        ],
      ]
    case 'PromiseDelivery':
    case 'ShipDelivery':
    case 'CompleteDelivery':
    case 'RecordFailedDelivery':
      return deliveryChecks(s, c.data.deliveryId, c.data.orderId)
    case 'ReturnProduct':
      return [
        ...orderChecks(s, c.data.orderId),
        [
          s.orders[c.data.orderId]?.delivered === false,
          'OrderNotDelivered',
          `order ${c.data.orderId} was never delivered`,
        ],
      ]
    case 'IssueInvoice':
      return [
        isNew(s.invoices, c.data.invoiceId, 'invoice'),
        ...(c.data.orderId === undefined ? [] : orderChecks(s, c.data.orderId).slice(0, 1)),
      ]
    case 'ReceivePayment': {
      const invoice = s.invoices[c.data.invoiceId]
      const due = invoice === undefined ? 0 : invoice.amount - invoice.paid
      return [
        ...invoiceChecks(s, c.data.invoiceId, c.data.currency),
        [
          c.data.amount > due,
          'PaymentExceedsDue',
          `payment of ${c.data.amount} exceeds the ${due} due on invoice ${c.data.invoiceId}`,
        ],
      ]
    }
    case 'RecordFailedPayment':
      return invoiceChecks(s, c.data.invoiceId, c.data.currency)
    case 'RegisterWarranty':
      return [isNew(s.warranties, c.data.warrantyId, 'warranty')]
    case 'ClaimWarranty': {
      const w = s.warranties[c.data.warrantyId]
      return [
        [w === undefined, 'WarrantyNotFound', `warranty ${c.data.warrantyId} was never registered`],
        [
          w !== undefined && toEpochMs(c.occurredAt) >= w.coverEndsMs,
          'WarrantyExpired',
          `warranty ${c.data.warrantyId} had expired`,
        ],
      ]
    }
    case 'StartSubscription':
      return [isNew(s.subscriptions, c.data.subscriptionId, 'subscription')]
    case 'RenewSubscription':
    case 'CancelSubscription': {
      const sub = s.subscriptions[c.data.subscriptionId]
      return [
        [
          sub === undefined,
          'SubscriptionNotFound',
          `subscription ${c.data.subscriptionId} was never started`,
        ],
        [sub === 'cancelled', 'SubscriptionNotActive', `subscription ${c.data.subscriptionId} is cancelled`],
      ]
    }
    default:
      return []
  }
}

/**
 * Decides a command against the customer's state. Nothing is allowed for an unregistered (except
 * registering) or forgotten customer; each command's own rules are in `checksFor`.
 */
export const decideCustomer = (c: CustomerCommand, s: CustomerState): Decision => {
  if (s.status === 'forgotten')
    return left(domainError(c, 'CustomerForgotten', 'the customer was forgotten (erasure)'))
  if (c.type === 'RegisterCustomer')
    return s.status === 'registered'
      ? left(domainError(c, 'CustomerAlreadyRegistered', 'the customer is already registered'))
      : one(fact('CustomerRegistered', c.data, c.occurredAt))
  if (s.status === 'unregistered')
    return left(domainError(c, 'CustomerNotRegistered', 'the customer is not registered'))
  const failure = firstFailure(c, checksFor(c, s))
  return failure === undefined ? one(toFact(c)) : left(failure)
}

/** The fact a command records: the event type of the command with the command's data. */
const toFact = (c: CustomerCommand): EventFact => {
  const at = c.occurredAt
  switch (c.type) {
    case 'RegisterCustomer':
      return fact('CustomerRegistered', c.data, at)
    case 'UpdateProfile':
      return fact('ProfileUpdated', c.data, at)
    case 'LinkIdentity':
      return fact('IdentityLinked', c.data, at)
    case 'AddContactPerson':
      return fact('ContactPersonAdded', c.data, at)
    case 'RecordContactPersonLeft':
      return fact('ContactPersonLeft', c.data, at)
    case 'AssignAccountManager':
      return fact('AccountManagerAssigned', c.data, at)
    case 'UnassignAccountManager':
      return fact('AccountManagerUnassigned', c.data, at)
    case 'GiveConsent':
      return fact('ConsentGiven', c.data, at)
    case 'WithdrawConsent':
      return fact('ConsentWithdrawn', c.data, at)
    case 'AssessCreditScore':
      return fact('CreditScoreAssessed', c.data, at)
    case 'ForgetCustomer':
      return fact('CustomerForgotten', c.data, at)
    case 'CaptureLead':
      return fact('LeadCaptured', c.data, at)
    case 'ReceiveInquiry':
      return fact('InquiryReceived', c.data, at)
    case 'AnswerInquiry':
      return fact('InquiryAnswered', c.data, at)
    case 'ResolveInquiry':
      return fact('InquiryResolved', c.data, at)
    case 'RecordAbandonedContact':
      return fact('ContactAbandoned', c.data, at)
    case 'MakeOutreach':
      return fact('OutreachMade', c.data, at)
    case 'RequestCallback':
      return fact('CallbackRequested', c.data, at)
    case 'CompleteCallback':
      return fact('CallbackCompleted', c.data, at)
    case 'RecordMissedCallback':
      return fact('CallbackMissed', c.data, at)
    case 'FileComplaint':
      return fact('ComplaintFiled', c.data, at)
    case 'ResolveComplaint':
      return fact('ComplaintResolved', c.data, at)
    case 'IssueQuote':
      return fact('QuoteIssued', c.data, at)
    case 'PlaceOrder':
      return fact('OrderPlaced', c.data, at)
    case 'CancelOrder':
      return fact('OrderCancelled', c.data, at)
    case 'PromiseDelivery':
      return fact('DeliveryPromised', c.data, at)
    case 'ShipDelivery':
      return fact('DeliveryShipped', c.data, at)
    case 'CompleteDelivery':
      return fact('DeliveryCompleted', c.data, at)
    case 'RecordFailedDelivery':
      return fact('DeliveryFailed', c.data, at)
    case 'ReturnProduct':
      return fact('ProductReturned', c.data, at)
    case 'IssueInvoice':
      return fact('InvoiceIssued', c.data, at)
    case 'ReceivePayment':
      return fact('PaymentReceived', c.data, at)
    case 'RecordFailedPayment':
      return fact('PaymentFailed', c.data, at)
    case 'RegisterWarranty':
      return fact('WarrantyRegistered', c.data, at)
    case 'ClaimWarranty':
      return fact('WarrantyClaimed', c.data, at)
    case 'StartSubscription':
      return fact('SubscriptionStarted', c.data, at)
    case 'RenewSubscription':
      return fact('SubscriptionRenewed', c.data, at)
    case 'CancelSubscription':
      return fact('SubscriptionCancelled', c.data, at)
    case 'SendCampaign':
      return fact('CampaignSent', c.data, at)
    case 'RecordCampaignResponse':
      return fact('CampaignResponded', c.data, at)
    case 'RecordSurveyAnswer':
      return fact('SurveyAnswered', c.data, at)
    case 'UpdatePurchaseForecast':
      return fact('PurchaseForecastUpdated', c.data, at)
  }
}
