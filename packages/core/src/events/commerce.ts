import type * as t from 'io-ts'
import {
  BusinessTime,
  CalendarDate,
  CurrencyCode,
  FreeText,
  Id,
  MinorUnits,
  NonEmptyString,
  PositiveInt,
  TimeZone,
  boundedArray,
  struct,
} from '../codecs/primitives.js'
import { defineEvent } from './define.js'
import { CancelledBy, Channel } from './enums.js'

const money = {
  currency: [CurrencyCode, 'ISO 4217 currency code'],
  amount: [MinorUnits, 'integer amount in minor units of the currency (1234 = 12.34 EUR)'],
} as const

export const OrderLine = struct({ sku: Id, quantity: PositiveInt, unitPrice: MinorUnits }, {}, 'OrderLine')
export type OrderLine = t.TypeOf<typeof OrderLine>

export const QuoteIssued = defineEvent({
  type: 'QuoteIssued',
  group: 'commerce',
  summary: 'We offer the customer a price.',
  required: { quoteId: [Id, 'our id for the quote'], ...money },
  optional: { validUntil: [CalendarDate, 'last day the quote can be accepted'] },
})

export const OrderPlaced = defineEvent({
  type: 'OrderPlaced',
  group: 'commerce',
  schemaVersion: 2,
  summary:
    'The customer orders. Version 2 carries money in integer minor units; version 1 (a float `amount` in major units) is upcast on read.',
  required: {
    orderId: [Id, 'our id for the order'],
    ...money,
    lines: [
      boundedArray(OrderLine, 1000),
      'order lines, each `{ sku, quantity, unitPrice }` with unitPrice in minor units; at most 1000',
    ],
    channel: [Channel, 'where the order was placed'],
  },
  optional: {
    partnerId: [Id, 'the channel partner who sold it, when sold through one'],
    quoteId: [Id, 'the quote it accepts'],
  },
})

export const OrderCancelled = defineEvent({
  type: 'OrderCancelled',
  group: 'commerce',
  summary: 'An order is cancelled before delivery.',
  required: {
    orderId: [Id, 'the order'],
    by: [CancelledBy, 'customer or company'],
  },
  optional: { reason: [FreeText, 'why'] },
})

const delivery = {
  deliveryId: [Id, 'our id for the delivery (one order can have several)'],
  orderId: [Id, 'the order it delivers'],
} as const

export const DeliveryPromised = defineEvent({
  type: 'DeliveryPromised',
  group: 'commerce',
  summary:
    'We promise a delivery by a calendar date (late only if it arrives after that day ends in `timeZone`, UTC when absent) or by an instant.',
  required: { ...delivery, promisedBy: [BusinessTime, 'the promised calendar date or instant'] },
  optional: { timeZone: [TimeZone, 'IANA zone of a calendar-date promise, such as "America/Sao_Paulo"'] },
})

export const DeliveryShipped = defineEvent({
  type: 'DeliveryShipped',
  group: 'commerce',
  summary: 'The delivery leaves us.',
  required: { ...delivery },
  optional: { carrier: [NonEmptyString, 'who carries it'] },
})

export const DeliveryCompleted = defineEvent({
  type: 'DeliveryCompleted',
  group: 'commerce',
  summary: 'The customer received the delivery (at the event’s occurredAt).',
  required: { ...delivery },
})

export const DeliveryFailed = defineEvent({
  type: 'DeliveryFailed',
  group: 'commerce',
  summary: 'The delivery did not reach the customer and will not without a new delivery.',
  required: { ...delivery, reason: [NonEmptyString, 'why, such as "address not found" or "lost"'] },
})

export const ProductReturned = defineEvent({
  type: 'ProductReturned',
  group: 'commerce',
  summary: 'The customer sends goods of an order back.',
  required: {
    returnId: [Id, 'our id for the return'],
    orderId: [Id, 'the order'],
  },
  optional: {
    sku: [Id, 'the product returned, when one line'],
    ...{ amount: money.amount, currency: money.currency },
    reason: [FreeText, 'why'],
  },
  check: (d) =>
    (d.amount === undefined) !== (d.currency === undefined)
      ? 'amount and currency must be given together'
      : undefined,
})

export const InvoiceIssued = defineEvent({
  type: 'InvoiceIssued',
  group: 'commerce',
  summary: 'We bill the customer.',
  required: {
    invoiceId: [Id, 'our id for the invoice'],
    ...money,
    dueDate: [CalendarDate, 'last day to pay; overdue from the day after'],
  },
  optional: { orderId: [Id, 'the order it bills'] },
})

export const PaymentReceived = defineEvent({
  type: 'PaymentReceived',
  group: 'commerce',
  summary: 'The customer pays (all or part of) an invoice.',
  required: { paymentId: [Id, 'our id for the payment'], invoiceId: [Id, 'the invoice'], ...money },
  optional: { method: [NonEmptyString, 'card, transfer, boleto, ...'] },
})

export const PaymentFailed = defineEvent({
  type: 'PaymentFailed',
  group: 'commerce',
  summary: 'A payment attempt fails (declined card, returned debit).',
  required: {
    paymentId: [Id, 'our id for the attempt'],
    invoiceId: [Id, 'the invoice'],
    ...money,
    reason: [NonEmptyString, 'why, such as "card declined"'],
  },
})

export const WarrantyRegistered = defineEvent({
  type: 'WarrantyRegistered',
  group: 'commerce',
  summary: 'A product of the customer is under warranty until a date.',
  required: {
    warrantyId: [Id, 'our id for the warranty'],
    sku: [Id, 'the product'],
    expiresOn: [CalendarDate, 'last day of cover'],
  },
  optional: { orderId: [Id, 'the order it came with'] },
})

export const WarrantyClaimed = defineEvent({
  type: 'WarrantyClaimed',
  group: 'commerce',
  summary: 'The customer claims under a warranty.',
  required: { warrantyId: [Id, 'the warranty'], claimId: [Id, 'our id for the claim'] },
  optional: { reason: [FreeText, 'what is wrong'] },
})

const subscription = { subscriptionId: [Id, 'our id for the subscription or contract'] } as const

export const SubscriptionStarted = defineEvent({
  type: 'SubscriptionStarted',
  group: 'commerce',
  summary: 'A subscription or contract starts; it runs until `endsOn` unless renewed.',
  required: {
    ...subscription,
    plan: [NonEmptyString, 'the plan or contract type'],
    endsOn: [CalendarDate, 'contract end date'],
  },
  optional: { ...{ amount: money.amount, currency: money.currency } },
  check: (d) =>
    (d.amount === undefined) !== (d.currency === undefined)
      ? 'amount and currency must be given together'
      : undefined,
})

export const SubscriptionRenewed = defineEvent({
  type: 'SubscriptionRenewed',
  group: 'commerce',
  summary: 'A subscription is renewed to a new end date.',
  required: { ...subscription, endsOn: [CalendarDate, 'the new contract end date'] },
})

export const SubscriptionCancelled = defineEvent({
  type: 'SubscriptionCancelled',
  group: 'commerce',
  summary: 'The customer cancels a subscription; it ends on `endsOn`.',
  required: { ...subscription, endsOn: [CalendarDate, 'the contract end date after cancellation'] },
  optional: { reason: [FreeText, 'why, as told'] },
})

export const PurchaseForecastUpdated = defineEvent({
  type: 'PurchaseForecastUpdated',
  group: 'marketing',
  summary: 'A model or a person forecasts what the customer will spend with us over the next 12 months.',
  required: { expectedSpend: money.amount, currency: money.currency },
  optional: { model: [NonEmptyString, 'which model or who made the forecast'] },
})
