import type { CustomerCommand } from '@journeykit/core'
import { DAY_MS, deadlineMs, toEpochMs } from '@journeykit/core'
import fc from 'fast-check'
import { commandOf, dateAfter, instantOf } from './command.js'
import type { JourneyOptions } from './journeys.js'
import { journeyHeaderArb, journeyStepsArb } from './journeys.js'
import { freshId } from './model.js'
import { resolveStep } from './resolve.js'
import type { Journey, JourneyRun } from './run.js'
import { describeJourney, journeyOf, printable, startJourney } from './run.js'
import type { StepKind } from './steps.js'
import { stepArb, stepKinds } from './steps.js'

const HOUR_MS = 3_600_000

/** Steps that do not change the commercial story: conversations, campaigns, surveys, consents. */
const benignKinds: readonly StepKind[] = [
  'ReceiveInquiry',
  'AnswerInquiry',
  'ResolveInquiry',
  'SendCampaign',
  'RecordCampaignResponse',
  'RecordSurveyAnswer',
  'GiveConsent',
  'LinkIdentity',
  'IssueQuote',
]

/** Places an order of `amount` at `atMs` and returns its id. */
const placeOrder = (run: JourneyRun, atMs: number, amount: number): string => {
  const orderId = freshId(run.model, 'o')
  run.submit(
    commandOf(run.model, 'PlaceOrder', instantOf(atMs), {
      orderId,
      currency: run.model.currency,
      amount,
      lines: [{ sku: 'sku-1', quantity: 1, unitPrice: amount }],
      channel: 'web',
    }),
  )
  return orderId
}

/** Promises delivery of `orderId` for the calendar day `promiseDays` after `atMs`; returns the delivery id. */
const promise = (run: JourneyRun, orderId: string, atMs: number, promiseDays: number): string => {
  const deliveryId = freshId(run.model, 'd')
  run.submit(
    commandOf(run.model, 'PromiseDelivery', instantOf(atMs + HOUR_MS), {
      deliveryId,
      orderId,
      promisedBy: dateAfter(atMs, promiseDays),
    }),
  )
  return deliveryId
}

const complete = (run: JourneyRun, deliveryId: string, orderId: string, atMs: number) =>
  run.submit(commandOf(run.model, 'CompleteDelivery', instantOf(atMs), { deliveryId, orderId }))

export interface LoyalThenNeglectedJourney extends Journey {
  /** The end of the loyal phase (its last event): by then the customer is loyal (5+ orders over a year+). */
  readonly loyalUntil: string
  /** Deliveries that arrived after the promised day had ended. */
  readonly lateDeliveries: readonly string[]
  /** The abandoned phone call that followed. */
  readonly abandonedContactId: string
}

const loyalOrderArb = fc.record({
  gapDays: fc.integer({ min: 92, max: 120 }),
  amount: fc.integer({ min: 100, max: 20_000 }),
  promiseDays: fc.integer({ min: 2, max: 7 }),
  deliveredEarlyBy: fc.nat({ max: 5 }),
  paid: fc.boolean(),
  extras: fc.array(stepArb(benignKinds), { maxLength: 2 }),
})

const lateOrderArb = fc.record({
  gapDays: fc.integer({ min: 20, max: 60 }),
  amount: fc.integer({ min: 100, max: 20_000 }),
  promiseDays: fc.integer({ min: 1, max: 5 }),
  lateDays: fc.integer({ min: 1, max: 10 }),
})

/**
 * A loyal customer (5 to 8 orders, months apart, delivered on time, paid) who then meets 1 to 3 late
 * deliveries and abandons a phone call, sometimes after a callback we missed.
 */
export const loyalThenNeglectedArb = (
  options: Pick<JourneyOptions, 'customerId' | 'kind' | 'currency'> = {},
): fc.Arbitrary<LoyalThenNeglectedJourney> =>
  fc
    .record({
      header: journeyHeaderArb(options),
      loyal: fc.array(loyalOrderArb, { minLength: 5, maxLength: 8 }),
      late: fc.array(lateOrderArb, { minLength: 1, maxLength: 3 }),
      call: fc.record({
        afterLate: fc.nat(),
        kind: fc.constantFrom('queue_hangup', 'dropped_call'),
        waitSeconds: fc.integer({ min: 30, max: 1800 }),
        gapHours: fc.integer({ min: 1, max: 72 }),
        missedCallback: fc.boolean(),
      }),
    })
    .map(({ header, loyal, late, call }) => {
      const run = startJourney(header)
      const m = run.model
      for (const o of loyal) {
        const orderMs = m.nowMs + o.gapDays * DAY_MS
        const orderId = placeOrder(run, orderMs, o.amount)
        const deliveryId = promise(run, orderId, orderMs, o.promiseDays)
        const onTimeDays = 1 + (o.deliveredEarlyBy % (o.promiseDays - 1))
        complete(run, deliveryId, orderId, orderMs + onTimeDays * DAY_MS)
        if (o.paid) {
          const invoiceId = freshId(m, 'inv')
          const at = instantOf(m.nowMs + HOUR_MS)
          run.submit(
            commandOf(m, 'IssueInvoice', at, {
              invoiceId,
              orderId,
              currency: m.currency,
              amount: o.amount,
              dueDate: dateAfter(m.nowMs, 14),
            }),
          )
          run.submit(
            commandOf(m, 'ReceivePayment', instantOf(m.nowMs + DAY_MS), {
              paymentId: freshId(m, 'pay'),
              invoiceId,
              currency: m.currency,
              amount: o.amount,
            }),
          )
        }
        for (const step of o.extras) run.submit(resolveStep(m, step))
      }
      const loyalUntil = instantOf(m.nowMs)
      const lateDeliveries: string[] = []
      let abandonedContactId = ''
      late.forEach((o, i) => {
        const orderMs = m.nowMs + o.gapDays * DAY_MS
        const orderId = placeOrder(run, orderMs, o.amount)
        const deliveryId = promise(run, orderId, orderMs, o.promiseDays)
        const deadline = deadlineMs(dateAfter(orderMs, o.promiseDays))
        if (complete(run, deliveryId, orderId, deadline + o.lateDays * DAY_MS))
          lateDeliveries.push(deliveryId)
        if (i !== call.afterLate % late.length) return
        if (call.missedCallback) {
          const callbackId = freshId(m, 'cb')
          const dueBy = instantOf(m.nowMs + 4 * HOUR_MS)
          run.submit(
            commandOf(m, 'RequestCallback', instantOf(m.nowMs + HOUR_MS), {
              callbackId,
              channel: 'phone',
              dueBy,
            }),
          )
          run.submit(
            commandOf(m, 'RecordMissedCallback', instantOf(toEpochMs(dueBy) + HOUR_MS), { callbackId }),
          )
        }
        abandonedContactId = freshId(m, 'ab')
        run.submit(
          commandOf(m, 'RecordAbandonedContact', instantOf(m.nowMs + call.gapHours * HOUR_MS), {
            contactId: abandonedContactId,
            channel: 'phone',
            kind: call.kind,
            waitSeconds: call.waitSeconds,
            topic: 'delivery',
          }),
        )
      })
      return printable({ ...journeyOf(run), loyalUntil, lateDeliveries, abandonedContactId }, describeJourney)
    })

export interface ChampionLeavesJourney extends Journey {
  /** The contact person who championed us and left. */
  readonly championId: string
  readonly leftAt: string
}

const notAboutPeople = stepKinds.filter((k) => k !== 'AddContactPerson' && k !== 'RecordContactPersonLeft')

/**
 * A business customer with an account manager, a champion and other contact persons, some history, then the
 * champion leaves; the journey may go on for a while after.
 */
export const championLeavesArb = (
  options: Pick<JourneyOptions, 'customerId' | 'currency'> = {},
): fc.Arbitrary<ChampionLeavesJourney> =>
  fc
    .record({
      header: journeyHeaderArb({ ...options, kind: 'organization' }),
      others: fc.nat({ max: 2 }),
      before: journeyStepsArb({ commands: notAboutPeople, minSteps: 1, maxSteps: 12 }),
      after: journeyStepsArb({ commands: notAboutPeople, maxSteps: 8 }),
      gapDays: fc.integer({ min: 1, max: 90 }),
    })
    .map(({ header, others, before, after, gapDays }) => {
      const run = startJourney(header)
      const m = run.model
      const next = (minutes: number) => instantOf(m.nowMs + minutes * 60_000)
      run.submit(commandOf(m, 'AssignAccountManager', next(5), { managerId: 'am1', managerName: 'Sam' }))
      const championId = freshId(m, 'p')
      const person = (personId: string, champion: boolean): CustomerCommand =>
        commandOf(m, 'AddContactPerson', next(10), {
          personId,
          name: champion ? 'Grace Hopper' : 'Alan Turing',
          role: champion ? 'CTO' : 'purchasing',
          champion,
        })
      run.submit(person(championId, true))
      for (let i = 0; i < others; i++) run.submit(person(freshId(m, 'p'), false))
      for (const step of before) run.submit(resolveStep(m, step))
      const leftAt = instantOf(m.nowMs + gapDays * DAY_MS)
      run.submit(
        commandOf(m, 'RecordContactPersonLeft', leftAt, { personId: championId, reason: 'left the company' }),
      )
      for (const step of after) run.submit(resolveStep(m, step))
      return printable({ ...journeyOf(run), championId, leftAt }, describeJourney)
    })

export interface ForgottenJourney extends Journey {
  readonly forgottenAt: string
  /** Commands attempted after the erasure (each would have been valid before it); all must be refused. */
  readonly afterwards: readonly CustomerCommand[]
}

/**
 * A customer forgotten (erasure request) mid-journey, and what was still attempted afterwards: commands that
 * would have been valid before, ending with registering again or a new inquiry.
 */
export const forgottenMidJourneyArb = (
  options: Pick<JourneyOptions, 'customerId' | 'kind' | 'currency'> = {},
): fc.Arbitrary<ForgottenJourney> =>
  fc
    .record({
      header: journeyHeaderArb(options),
      before: journeyStepsArb({ maxSteps: 15 }),
      afterwards: journeyStepsArb({ maxSteps: 5 }),
      reregister: fc.boolean(),
      gapMinutes: fc.integer({ min: 1, max: 10_000 }),
    })
    .map(({ header, before, afterwards, reregister, gapMinutes }) => {
      const run = startJourney(header)
      const m = run.model
      for (const step of before) run.submit(resolveStep(m, step))
      const forgottenAt = instantOf(m.nowMs + gapMinutes * 60_000)
      run.submit(
        commandOf(m, 'ForgetCustomer', forgottenAt, { requestedBy: 'the customer', ticket: 'GDPR-1' }),
      )
      m.forgotten = false // resolve what would have been valid, without submitting it
      const attempted: CustomerCommand[] = []
      for (const step of afterwards) {
        const command = resolveStep(m, step)
        if (command === undefined) continue
        attempted.push(command)
        m.nowMs = toEpochMs(command.occurredAt)
      }
      m.forgotten = true
      const at = instantOf(m.nowMs + DAY_MS)
      attempted.push(
        reregister
          ? commandOf(m, 'RegisterCustomer', at, {
              kind: header.kind,
              name: header.name,
              country: header.country,
            })
          : commandOf(m, 'ReceiveInquiry', at, {
              inquiryId: freshId(m, 'inq'),
              channel: 'email',
              topic: 'account',
            }),
      )
      return printable({ ...journeyOf(run), forgottenAt, afterwards: attempted }, describeJourney)
    })
