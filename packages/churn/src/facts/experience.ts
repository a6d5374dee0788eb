import type { JourneyEvent } from '@journeykit/core'
import { earlierOf, insertRecent, keyed, latestPartMs } from './bounded.js'
import { lateAfterMs } from './time.js'
import type { ChurnFacts, DeliveryFact, ExperienceFacts, SurveyFact } from './types.js'
import { KEYED_ITEMS, RECENT_SURVEYS } from './types.js'

const experience = (f: ChurnFacts): ExperienceFacts => (f.experience ??= { deliveries: [], surveys: [] })

const deliveryTime = (d: DeliveryFact): number => latestPartMs(d.promised, d.completed, d.failed)
const newDelivery = (key: string): DeliveryFact => ({
  key,
  promised: undefined,
  completed: undefined,
  failed: undefined,
  orderId: '',
  orderCancelled: false,
})

const delivery = (f: ChurnFacts, x: ExperienceFacts, id: string, orderId: string): DeliveryFact => {
  const d = keyed(x.deliveries, id, newDelivery, KEYED_ITEMS, deliveryTime)
  if (d.orderId === '') {
    d.orderId = orderId
    d.orderCancelled = f.purchases?.cancelledOrderIds.includes(orderId) ?? false
  }
  return d
}

/** Marks the open deliveries of a cancelled order as no longer owed. */
export const onOrderCancelledDeliveries = (f: ChurnFacts, e: JourneyEvent<'OrderCancelled'>): void => {
  for (const d of f.experience?.deliveries ?? []) if (d.orderId === e.data.orderId) d.orderCancelled = true
}

export const onDeliveryPromised = (f: ChurnFacts, e: JourneyEvent<'DeliveryPromised'>, ms: number): void => {
  const x = experience(f)
  const d = delivery(f, x, e.data.deliveryId, e.data.orderId)
  // A delivery promised twice is judged against the first promise the customer was given.
  d.promised = earlierOf(d.promised, {
    ms,
    id: e.id,
    promisedBy: e.data.promisedBy,
    lateAfterMs: lateAfterMs(e.data.promisedBy, e.data.timeZone),
  })
}

export const onDeliveryCompleted = (
  f: ChurnFacts,
  e: JourneyEvent<'DeliveryCompleted'>,
  ms: number,
): void => {
  const x = experience(f)
  const d = delivery(f, x, e.data.deliveryId, e.data.orderId)
  d.completed = earlierOf(d.completed, {
    ms,
    id: e.id,
    date: e.occurredAt.length === 10 ? e.occurredAt : undefined,
  })
}

export const onDeliveryFailed = (f: ChurnFacts, e: JourneyEvent<'DeliveryFailed'>, ms: number): void => {
  const x = experience(f)
  const d = delivery(f, x, e.data.deliveryId, e.data.orderId)
  d.failed = earlierOf(d.failed, { ms, id: e.id, reason: e.data.reason })
}

/** A survey answer on a 0-1 scale (mean of the scores it carries) and whether it is positive on all of them. */
export const surveyScore = (
  data: JourneyEvent<'SurveyAnswered'>['data'],
): { score: number; positive: boolean } => {
  let sum = 0
  let parts = 0
  let positive = true
  if (data.nps !== undefined) {
    sum += data.nps / 10
    parts++
    positive &&= data.nps >= 9
  }
  if (data.csat !== undefined) {
    sum += (data.csat - 1) / 4
    parts++
    positive &&= data.csat >= 4
  }
  if (data.ces !== undefined) {
    sum += (7 - data.ces) / 6
    parts++
    positive &&= data.ces <= 3
  }
  return { score: parts === 0 ? 1 : sum / parts, positive: positive && parts > 0 }
}

export const onSurveyAnswered = (f: ChurnFacts, e: JourneyEvent<'SurveyAnswered'>, ms: number): void => {
  const { score, positive } = surveyScore(e.data)
  const answer: SurveyFact = { ms, id: e.id, score, nps: e.data.nps, csat: e.data.csat, positive }
  insertRecent(experience(f).surveys, answer, RECENT_SURVEYS)
}
