import type { Channel, CommandName } from '@journeykit/core'
import fc from 'fast-check'
import { channelArb, gapMsArb } from './values.js'

/** Every command a generated step can become (registration always opens a journey). */
export type StepKind = Exclude<CommandName, 'RegisterCustomer'>

/**
 * One generated step of a journey: which command to attempt, and the dice it is resolved with against the
 * model of the customer (`pick` chooses among existing orders, invoices, ...; the rest fills in the data).
 * A step that cannot apply (no open order to cancel) is skipped.
 */
export interface Step {
  readonly kind: StepKind
  /** How long after the previous event this happens, in ms (at least a minute). */
  readonly gapMs: number
  /** Which existing thing the step refers to (modulo how many there are). */
  readonly pick: number
  readonly channel: Channel
  /** Money in minor units, 1..50,000. */
  readonly amount: number
  /** A share of something, 1..100 (of the due amount for payments). */
  readonly percent: number
  /** A number of days, 1..400 (promise dates, contract terms). */
  readonly days: number
  readonly flag: boolean
}

/** How often each step kind is drawn: commerce and contact flows dominate, as in real journeys. */
export const stepWeights: Readonly<Record<StepKind, number>> = {
  PlaceOrder: 8,
  PromiseDelivery: 3,
  ShipDelivery: 3,
  CompleteDelivery: 5,
  RecordFailedDelivery: 1,
  CancelOrder: 2,
  ReturnProduct: 3,
  IssueInvoice: 4,
  ReceivePayment: 6,
  RecordFailedPayment: 1,
  IssueQuote: 2,
  ReceiveInquiry: 4,
  AnswerInquiry: 3,
  ResolveInquiry: 4,
  RecordAbandonedContact: 2,
  MakeOutreach: 1,
  RequestCallback: 2,
  CompleteCallback: 3,
  RecordMissedCallback: 1,
  FileComplaint: 2,
  ResolveComplaint: 3,
  UpdateProfile: 1,
  LinkIdentity: 1,
  AddContactPerson: 2,
  RecordContactPersonLeft: 2,
  AssignAccountManager: 1,
  UnassignAccountManager: 2,
  GiveConsent: 2,
  WithdrawConsent: 2,
  AssessCreditScore: 1,
  CaptureLead: 1,
  RegisterWarranty: 1,
  ClaimWarranty: 2,
  StartSubscription: 1,
  RenewSubscription: 2,
  CancelSubscription: 2,
  SendCampaign: 2,
  RecordCampaignResponse: 3,
  RecordSurveyAnswer: 2,
  UpdatePurchaseForecast: 1,
  ForgetCustomer: 0,
}

export const stepKinds: readonly StepKind[] = Object.freeze(
  Object.keys(stepWeights).filter((k): k is StepKind => Object.hasOwn(stepWeights, k)),
)

const kindArb = (kinds: readonly StepKind[], weights: Readonly<Record<StepKind, number>>) => {
  const weighted = kinds
    .map((kind) => ({ arbitrary: fc.constant(kind), weight: weights[kind] }))
    .filter((w) => w.weight > 0)
  if (weighted.length === 0) throw new Error('stepArb: no step kind has a positive weight')
  return fc.oneof(...weighted)
}

/** Steps of the given kinds (default: all but forgetting), drawn with `weights` (default `stepWeights`). */
export const stepArb = (
  kinds: readonly StepKind[] = stepKinds,
  weights: Readonly<Record<StepKind, number>> = stepWeights,
): fc.Arbitrary<Step> =>
  fc.record({
    kind: kindArb(kinds, weights),
    gapMs: gapMsArb,
    pick: fc.nat({ max: 99 }),
    channel: channelArb,
    amount: fc.integer({ min: 1, max: 50_000 }),
    percent: fc.integer({ min: 1, max: 100 }),
    days: fc.integer({ min: 1, max: 400 }),
    flag: fc.boolean(),
  })

/** A step of exactly this kind, with generated dice. */
export const stepOfKindArb = (kind: StepKind): fc.Arbitrary<Step> =>
  stepArb([kind], { ...stepWeights, [kind]: 1 })
