import type { EventFact } from '../decider.js'
import { DAY_MS, toEpochMs } from '../time.js'

/** Where a customer is in their journey with us. docs/journey-stages.md states the rule for each. */
export const journeyStages = [
  'awareness',
  'consideration',
  'first_purchase',
  'onboarding',
  'active',
  'loyal',
  'at_risk',
  'churned',
  'won_back',
] as const
export type JourneyStage = (typeof journeyStages)[number]

/** The few facts the stage is derived from; folded from events by `evolveJourneyFacts`. */
export interface JourneyFacts {
  registered: boolean
  /** An inquiry, a quote, a lead, or a campaign click/conversion: the customer is considering us. */
  engaged: boolean
  /** Orders placed (cancelled or not). */
  orders: number
  firstOrderMs: number | undefined
  lastOrderMs: number | undefined
  /** Deliveries completed for the first order's customer so far (any order). */
  deliveriesCompleted: number
  /** When the customer came back after a silence long enough to count as churned. */
  wonBackMs: number | undefined
  ordersSinceWonBack: number
  /** Subscriptions: active count, and the latest end date of a cancelled one (epoch ms, end of day). */
  activeSubscriptions: number
  cancelledSubscriptionEndMs: number | undefined
}

export interface StageRules {
  /** The expected gap between orders for a customer with a single order. Default 90 days. */
  readonly firstRepeatGapDays: number
  /** Silence longer than this many expected gaps puts the customer at risk. Default 2. */
  readonly atRiskGaps: number
  /** Silence longer than this many expected gaps means churned. Default 4. */
  readonly churnedGaps: number
  /** Loyal: at least this many orders ... Default 5. */
  readonly loyalOrders: number
  /** ... over at least this many days between first and last order. Default 365. */
  readonly loyalTenureDays: number
  /** Won back lasts until this many further orders. Default 2. */
  readonly wonBackOrders: number
}

export const defaultStageRules: StageRules = {
  firstRepeatGapDays: 90,
  atRiskGaps: 2,
  churnedGaps: 4,
  loyalOrders: 5,
  loyalTenureDays: 365,
  wonBackOrders: 2,
}

export const initialJourneyFacts = (): JourneyFacts => ({
  registered: false,
  engaged: false,
  orders: 0,
  firstOrderMs: undefined,
  lastOrderMs: undefined,
  deliveriesCompleted: 0,
  wonBackMs: undefined,
  ordersSinceWonBack: 0,
  activeSubscriptions: 0,
  cancelledSubscriptionEndMs: undefined,
})

/** The customer's typical gap between orders: the mean gap, or the first-repeat default for one order. */
export const expectedGapMs = (facts: JourneyFacts, rules: StageRules = defaultStageRules): number =>
  facts.orders >= 2 &&
  facts.firstOrderMs !== undefined &&
  facts.lastOrderMs !== undefined &&
  facts.lastOrderMs > facts.firstOrderMs
    ? (facts.lastOrderMs - facts.firstOrderMs) / (facts.orders - 1)
    : rules.firstRepeatGapDays * DAY_MS

/** Applies one event to the facts (an immer recipe: mutate the draft). */
export const evolveJourneyFacts = (
  facts: JourneyFacts,
  event: EventFact,
  rules: StageRules = defaultStageRules,
): void => {
  switch (event.type) {
    case 'CustomerRegistered':
      facts.registered = true
      return
    case 'InquiryReceived':
    case 'QuoteIssued':
    case 'LeadCaptured':
      facts.engaged = true
      return
    case 'CampaignResponded':
      if (event.data.response === 'clicked' || event.data.response === 'converted') facts.engaged = true
      return
    case 'OrderPlaced': {
      const at = toEpochMs(event.occurredAt)
      if (
        facts.lastOrderMs !== undefined &&
        at - facts.lastOrderMs > rules.churnedGaps * expectedGapMs(facts, rules)
      ) {
        facts.wonBackMs = at
        facts.ordersSinceWonBack = 0
      } else if (facts.wonBackMs !== undefined) facts.ordersSinceWonBack++
      facts.orders++
      facts.engaged = true
      if (facts.firstOrderMs === undefined || at < facts.firstOrderMs) facts.firstOrderMs = at
      if (facts.lastOrderMs === undefined || at > facts.lastOrderMs) facts.lastOrderMs = at
      return
    }
    case 'DeliveryCompleted':
      facts.deliveriesCompleted++
      return
    case 'SubscriptionStarted':
      facts.activeSubscriptions++
      return
    case 'SubscriptionCancelled': {
      facts.activeSubscriptions = Math.max(0, facts.activeSubscriptions - 1)
      const end = toEpochMs(event.data.endsOn) + DAY_MS
      facts.cancelledSubscriptionEndMs = Math.max(facts.cancelledSubscriptionEndMs ?? end, end)
      return
    }
    default:
      return
  }
}

/**
 * The journey stage as of `asOfMs` (epoch milliseconds). Pure: the facts must hold only events that occurred
 * up to `asOfMs`.
 */
export const journeyStage = (
  facts: JourneyFacts,
  asOfMs: number,
  rules: StageRules = defaultStageRules,
): JourneyStage => {
  if (facts.orders === 0 || facts.lastOrderMs === undefined || facts.firstOrderMs === undefined)
    return facts.engaged ? 'consideration' : 'awareness'
  const gap = expectedGapMs(facts, rules)
  const silence = asOfMs - facts.lastOrderMs
  const contractOver =
    facts.activeSubscriptions === 0 &&
    facts.cancelledSubscriptionEndMs !== undefined &&
    asOfMs >= facts.cancelledSubscriptionEndMs &&
    facts.cancelledSubscriptionEndMs > facts.lastOrderMs
  if (silence > rules.churnedGaps * gap || contractOver) return 'churned'
  if (silence > rules.atRiskGaps * gap) return 'at_risk'
  if (facts.wonBackMs !== undefined && facts.ordersSinceWonBack < rules.wonBackOrders) return 'won_back'
  if (facts.orders === 1) return facts.deliveriesCompleted > 0 ? 'onboarding' : 'first_purchase'
  if (
    facts.orders >= rules.loyalOrders &&
    facts.lastOrderMs - facts.firstOrderMs >= rules.loyalTenureDays * DAY_MS
  )
    return 'loyal'
  return 'active'
}
