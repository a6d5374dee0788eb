import type { EventType, JourneyEvent } from '@journeykit/core'
import type { Handlers } from '@journeykit/projections'
import { defineProjection } from '@journeykit/projections'
import * as account from './facts/account.js'
import * as experience from './facts/experience.js'
import { businessTimeMs } from './facts/time.js'
import * as marketing from './facts/marketing.js'
import * as purchases from './facts/purchases.js'
import * as service from './facts/service.js'
import type { ChurnFacts } from './facts/types.js'
import { initialChurnFacts } from './facts/types.js'

type Apply<K extends EventType> = (facts: ChurnFacts, event: JourneyEvent<K>, ms: number) => void
type ChurnHandler<K extends EventType> = (facts: ChurnFacts, event: JourneyEvent<K>) => void
export type ChurnHandlers = { readonly [K in EventType]?: ChurnHandler<K> }

/** Wraps a fact update: skips forgotten customers, parses `occurredAt` once, tracks the latest business time. */
const on =
  <K extends EventType>(apply: Apply<K>): ChurnHandler<K> =>
  (facts, event) => {
    if (facts.forgotten) return
    const ms = businessTimeMs(event.occurredAt)
    if (ms > facts.latestMs) facts.latestMs = ms
    apply(facts, event, ms)
  }

/** The immer recipes of the churn projection, by event type (plain mutation of a draft or a fresh state). */
export const churnHandlers: ChurnHandlers = {
  OrderPlaced: on(purchases.onOrderPlaced),
  OrderCancelled: on(purchases.onOrderCancelled),
  PurchaseForecastUpdated: on(purchases.onForecast),
  InquiryReceived: on(service.onInquiryReceived),
  InquiryAnswered: on(service.onInquiryAnswered),
  InquiryResolved: on(service.onInquiryAnswered),
  ContactAbandoned: on(service.onContactAbandoned),
  OutreachMade: on((f, e, ms) => {
    service.followUp(f, e.data.followsUp, ms, e.id)
    if (account.RENEWAL_PURPOSE.test(e.data.purpose)) account.onRenewalActivity(f, ms, e.id)
  }),
  CallbackRequested: on(service.onCallbackRequested),
  CallbackCompleted: on(service.onCallbackCompleted),
  CallbackMissed: on(service.onCallbackMissed),
  ComplaintFiled: on(service.onComplaintFiled),
  ComplaintResolved: on(service.onComplaintResolved),
  DeliveryPromised: on(experience.onDeliveryPromised),
  DeliveryCompleted: on(experience.onDeliveryCompleted),
  DeliveryFailed: on(experience.onDeliveryFailed),
  SurveyAnswered: on(experience.onSurveyAnswered),
  CustomerRegistered: on(account.onRegistered),
  ContactPersonAdded: on(account.onContactPersonAdded),
  ContactPersonLeft: on(account.onContactPersonLeft),
  AccountManagerAssigned: on(account.onManagerAssigned),
  AccountManagerUnassigned: on(account.onManagerUnassigned),
  SubscriptionStarted: on(account.onSubscriptionStarted),
  SubscriptionRenewed: on(account.onSubscriptionRenewed),
  SubscriptionCancelled: on(account.onSubscriptionCancelled),
  QuoteIssued: on((f, e, ms) => account.onRenewalActivity(f, ms, e.id)),
  InvoiceIssued: on(account.onInvoiceIssued),
  PaymentReceived: on(account.onPaymentReceived),
  PaymentFailed: on(account.onPaymentFailed),
  CampaignSent: on(marketing.onCampaignSent),
  CampaignResponded: on(marketing.onCampaignResponded),
  ConsentGiven: on(marketing.onConsentGiven),
  ConsentWithdrawn: on(marketing.onConsentWithdrawn),
  CustomerForgotten: (facts) => {
    // Erasure: drop every fact; nothing is folded for this customer afterwards.
    Object.assign(facts, initialChurnFacts(), { forgotten: true })
  },
}

/** Applies one event to a customer's facts (mutating them, as a recipe does); events without a rule are skipped. */
export const applyChurnEvent = <K extends EventType>(facts: ChurnFacts, event: JourneyEvent<K>): void => {
  const handler: ChurnHandler<K> | undefined = churnHandlers[event.type]
  if (handler !== undefined) handler(facts, event)
}

const projectionHandlers: Handlers<ChurnFacts> = churnHandlers

/**
 * The churn projection: compact per-customer facts (partitioned by customer), from which the signal rules,
 * the health score and the portfolio view are evaluated "as of" any instant.
 */
export const churnProjection = defineProjection<ChurnFacts>({
  name: 'churn-facts',
  version: 1,
  initialState: initialChurnFacts,
  handlers: projectionHandlers,
})
