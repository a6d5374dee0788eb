import type { EventType, JourneyEvent, RecordedEvent } from '@journeykit/core'
import { toEpochMs } from '@journeykit/core'
import type { Handler, Handlers, ProjectionDefinition } from '@journeykit/projections'
import { defineProjection } from '@journeykit/projections'
import type { Customer360Options, Customer360OptionsInput } from './options.js'
import { resolveOptions } from './options.js'
import type { Customer360State } from './state/state.js'
import { initialCustomer360State } from './state/state.js'
import * as billing from './fold/billing.js'
import type { Apply } from './fold/common.js'
import { begin } from './fold/common.js'
import * as commerce from './fold/commerce.js'
import * as identity from './fold/identity.js'
import * as marketing from './fold/marketing.js'
import * as service from './fold/service.js'

export const customer360Name = 'customer-360'
/** Bump when the handlers change meaning (a new version rebuilds beside the old one). */
export const customer360Version = 1

/** A customer 360 projection together with the options its queries must use. */
export interface Customer360Projection extends ProjectionDefinition<Customer360State> {
  readonly options: Customer360Options
}

const handle =
  <K extends EventType>(apply: Apply<JourneyEvent<K>>, o: Customer360Options): Handler<Customer360State, K> =>
  (draft: Customer360State, event: RecordedEvent<K>) => {
    const at = toEpochMs(event.occurredAt)
    begin(draft, event.customerId, at)
    apply(draft, event, at, o)
  }

const handlersFor = (o: Customer360Options): Handlers<Customer360State> => ({
  CustomerRegistered: handle(identity.customerRegistered, o),
  ProfileUpdated: handle(identity.profileUpdated, o),
  IdentityLinked: handle(identity.identityLinked, o),
  ContactPersonAdded: handle(identity.contactPersonAdded, o),
  ContactPersonLeft: handle(identity.contactPersonLeft, o),
  AccountManagerAssigned: handle(identity.accountManagerAssigned, o),
  AccountManagerUnassigned: handle(identity.accountManagerUnassigned, o),
  ConsentGiven: handle(identity.consentGiven, o),
  ConsentWithdrawn: handle(identity.consentWithdrawn, o),
  CreditScoreAssessed: handle(identity.creditScoreAssessed, o),
  CustomerForgotten: handle(identity.customerForgotten, o),
  LeadCaptured: handle(marketing.leadCaptured, o),
  QuoteIssued: handle(commerce.quoteIssued, o),
  OrderPlaced: handle(commerce.orderPlaced, o),
  OrderCancelled: handle(commerce.orderCancelled, o),
  DeliveryPromised: handle(commerce.deliveryPromised, o),
  DeliveryShipped: handle(commerce.deliveryShipped, o),
  DeliveryCompleted: handle(commerce.deliveryCompleted, o),
  DeliveryFailed: handle(commerce.deliveryFailed, o),
  ProductReturned: handle(commerce.productReturned, o),
  PurchaseForecastUpdated: handle(commerce.purchaseForecastUpdated, o),
  InvoiceIssued: handle(billing.invoiceIssued, o),
  PaymentReceived: handle(billing.paymentReceived, o),
  PaymentFailed: handle(billing.paymentFailed, o),
  WarrantyRegistered: handle(billing.warrantyRegistered, o),
  WarrantyClaimed: handle(billing.warrantyClaimed, o),
  SubscriptionStarted: handle(billing.subscriptionStarted, o),
  SubscriptionRenewed: handle(billing.subscriptionRenewed, o),
  SubscriptionCancelled: handle(billing.subscriptionCancelled, o),
  InquiryReceived: handle(service.inquiryReceived, o),
  InquiryAnswered: handle(service.inquiryAnswered, o),
  InquiryResolved: handle(service.inquiryResolved, o),
  ContactAbandoned: handle(service.contactAbandoned, o),
  OutreachMade: handle(service.outreachMade, o),
  CallbackRequested: handle(service.callbackRequested, o),
  CallbackCompleted: handle(service.callbackCompleted, o),
  CallbackMissed: handle(service.callbackMissed, o),
  ComplaintFiled: handle(service.complaintFiled, o),
  ComplaintResolved: handle(service.complaintResolved, o),
  CampaignSent: handle(marketing.campaignSent, o),
  CampaignResponded: handle(marketing.campaignResponded, o),
  SurveyAnswered: handle(marketing.surveyAnswered, o),
})

/**
 * The customer 360 projection: one state per customer (partitioned by customer id) holding timestamped facts of
 * every event type; `viewAsOf` turns a state into the view as of an instant. Options bound the memory per
 * customer and set the defaults the queries use (pass the same options, or `projection.options`, to them).
 */
export const customer360Projection = (input: Customer360OptionsInput = {}): Customer360Projection => {
  const options = resolveOptions(input)
  return {
    ...defineProjection<Customer360State>({
      name: customer360Name,
      version: customer360Version,
      initialState: initialCustomer360State,
      handlers: handlersFor(options),
    }),
    options,
  }
}
