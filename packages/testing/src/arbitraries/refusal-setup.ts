import type { CustomerCommand } from '@journeykit/core'
import { DAY_MS, toCalendarDate } from '@journeykit/core'
import { commandOf, instantOf } from './command.js'
import { freshId } from './model.js'
import { resolvers } from './resolve.js'
import type { JourneyRun } from './run.js'
import type { Step, StepKind } from './steps.js'

// Building blocks of refusal scenarios: valid commands that set a situation up, and the commands to refuse.

/** The step kind `kind` resolved with the dice of `s`, one gap after the latest event (no registration check). */
export const via = (run: JourneyRun, kind: StepKind, s: Step): CustomerCommand | undefined => {
  const atMs = run.model.nowMs + s.gapMs
  return resolvers[kind](run.model, s, instantOf(atMs), atMs)
}
/** A command of a kind that needs nothing to exist first (so it always resolves). */
export const free = (run: JourneyRun, kind: StepKind, s: Step): CustomerCommand => {
  const command = via(run, kind, s)
  if (command === undefined) throw new Error(`refusedCommandArb: ${kind} did not resolve (a generator bug)`)
  return command
}
/** Submits the command `kind` resolves to, and returns it. */
export const setup = (run: JourneyRun, kind: StepKind, s: Step): CustomerCommand | undefined => {
  const command = via(run, kind, s)
  run.submit(command)
  return command
}
/** One step's gap after the latest event. */
export const later = (run: JourneyRun, s: Step) => instantOf(run.model.nowMs + s.gapMs)

/** Commands that need nothing to exist first. */
export const freeKinds = [
  'ReceiveInquiry',
  'PlaceOrder',
  'UpdateProfile',
  'GiveConsent',
  'SendCampaign',
] as const
/** Commands that create something with an id of its own (a second one with that id is a DuplicateId). */
export const creators = [
  'PlaceOrder',
  'ReceiveInquiry',
  'RequestCallback',
  'FileComplaint',
  'IssueInvoice',
  'RegisterWarranty',
  'StartSubscription',
] as const

/** Places a new order; returns its id. */
export const order = (run: JourneyRun, s: Step): string => {
  const placed = setup(run, 'PlaceOrder', s)
  return placed?.type === 'PlaceOrder' ? placed.data.orderId : 'missing'
}
export const deliveryKinds = [
  'ShipDelivery',
  'CompleteDelivery',
  'RecordFailedDelivery',
  'PromiseDelivery',
] as const
type DeliveryKind = (typeof deliveryKinds)[number]

/** A delivery command of `type` for `deliveryId` of `orderId`. */
export const deliveryOf = (
  run: JourneyRun,
  s: Step,
  deliveryId: string,
  orderId: string,
  type: DeliveryKind,
) => {
  const at = later(run, s)
  const m = run.model
  const ids = { deliveryId, orderId }
  if (type === 'PromiseDelivery')
    return commandOf(m, type, at, { ...ids, promisedBy: toCalendarDate(run.model.nowMs + 3 * DAY_MS) })
  if (type === 'RecordFailedDelivery') return commandOf(m, type, at, { ...ids, reason: 'lost' })
  return commandOf(m, type === 'ShipDelivery' ? type : 'CompleteDelivery', at, ids)
}

export function closeCallback(
  r: JourneyRun,
  s: Step,
  callbackId: string,
  completed: boolean,
): CustomerCommand {
  return commandOf(r.model, completed ? 'CompleteCallback' : 'RecordMissedCallback', later(r, s), {
    callbackId,
  })
}
export function invoice(r: JourneyRun, s: Step): string {
  const invoiceId = freshId(r.model, 'inv')
  const dueDate = toCalendarDate(r.model.nowMs + 30 * DAY_MS)
  r.submit(
    commandOf(r.model, 'IssueInvoice', later(r, s), {
      invoiceId,
      currency: r.model.currency,
      amount: s.amount,
      dueDate,
    }),
  )
  return invoiceId
}
export function pay(
  r: JourneyRun,
  s: Step,
  invoiceId: string,
  amount: number,
  currency: string,
  failed: boolean,
) {
  return failed
    ? commandOf(r.model, 'RecordFailedPayment', later(r, s), {
        paymentId: freshId(r.model, 'pay'),
        invoiceId,
        currency,
        amount,
        reason: 'card declined',
      })
    : commandOf(r.model, 'ReceivePayment', later(r, s), {
        paymentId: freshId(r.model, 'pay'),
        invoiceId,
        currency,
        amount,
      })
}
export function subscription(r: JourneyRun, s: Step, subscriptionId: string): CustomerCommand {
  const endsOn = toCalendarDate(r.model.nowMs + 500 * DAY_MS)
  return s.flag
    ? commandOf(r.model, 'RenewSubscription', later(r, s), { subscriptionId, endsOn })
    : commandOf(r.model, 'CancelSubscription', later(r, s), { subscriptionId, endsOn })
}
