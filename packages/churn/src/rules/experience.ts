import { DAY_MS } from '@journeykit/core'
import type { DeliveryFact, SurveyFact } from '../facts/types.js'
import type { SignalRule } from '../signal.js'
import { rounded, signal } from '../signal.js'

type Incident = { readonly kind: 'late' | 'failed' | 'overdue'; readonly id: string }

/** What went wrong with one delivery as of the instant, judged against its (first) promise. */
const incidentOf = (d: DeliveryFact, asOfMs: number, recentMs: number): Incident | undefined => {
  if (d.failed !== undefined && d.failed.ms >= recentMs) return { kind: 'failed', id: d.failed.id }
  const promised = d.promised
  if (promised === undefined) return undefined
  const done = d.completed
  if (done === undefined) {
    const overdue =
      d.failed === undefined &&
      !d.orderCancelled &&
      promised.lateAfterMs < asOfMs &&
      promised.lateAfterMs >= recentMs
    return overdue ? { kind: 'overdue', id: promised.id } : undefined
  }
  // A date-only completion against a date-only promise compares the calendar days themselves.
  const late =
    done.date !== undefined && promised.promisedBy.length === 10
      ? done.date > promised.promisedBy
      : done.ms > promised.lateAfterMs
  return late && done.ms >= recentMs ? { kind: 'late', id: done.id } : undefined
}

/** Deliveries that arrived late, are overdue, or failed, recently. */
export const deliveryLateOrFailed: SignalRule = (facts, asOfMs, t) => {
  const deliveries = facts.experience?.deliveries
  if (deliveries === undefined) return undefined
  const recentMs = asOfMs - t.recentDays * DAY_MS
  const incidents: Incident[] = []
  for (const d of deliveries) {
    const incident = incidentOf(d, asOfMs, recentMs)
    if (incident !== undefined) incidents.push(incident)
  }
  if (incidents.length === 0) return undefined
  const failed = incidents.filter((i) => i.kind === 'failed').length
  const late = incidents.length - failed
  return signal(
    'delivery-late-or-failed',
    (late + 2 * failed) / t.deliveryFullCount,
    `${late} deliver${late === 1 ? 'y' : 'ies'} late or overdue and ${failed} failed in the last ${t.recentDays} days.`,
    incidents.map((i) => i.id),
    { late, failed },
    t,
    { recentDays: t.recentDays, deliveryFullCount: t.deliveryFullCount },
  )
}

/** Survey answers within the lookback that came after the customer's latest all-positive answer. */
const sinceLastPositive = (
  surveys: readonly SurveyFact[],
  fromMs: number,
  inclusive: boolean,
): SurveyFact[] => {
  let start = 0
  for (let i = surveys.length - 1; i >= 0; i--) {
    if (surveys[i]?.positive === true) {
      start = inclusive ? i : i + 1
      break
    }
  }
  return surveys.slice(start).filter((s) => s.ms >= fromMs)
}

/** A detractor NPS answer (0-6) since the customer last answered positively. */
export const detractorNps: SignalRule = (facts, asOfMs, t) => {
  const surveys = facts.experience?.surveys
  if (surveys === undefined) return undefined
  const detractors = sinceLastPositive(surveys, asOfMs - t.surveyLookbackDays * DAY_MS, false).filter(
    (s) => s.nps !== undefined && s.nps <= t.detractorMaxNps,
  )
  if (detractors.length === 0) return undefined
  const worst = Math.min(...detractors.map((s) => s.nps ?? 10))
  return signal(
    'detractor-nps',
    0.5 + (0.5 * (t.detractorMaxNps - worst)) / Math.max(1, t.detractorMaxNps),
    `Answered NPS ${worst} (a detractor) within the last ${t.surveyLookbackDays} days.`,
    detractors.map((s) => s.id).reverse(),
    { worstNps: worst, detractorAnswers: detractors.length },
    t,
    { detractorMaxNps: t.detractorMaxNps, surveyLookbackDays: t.surveyLookbackDays },
  )
}

/** A low CSAT answer (1-2 of 5) since the customer last answered positively. */
export const lowCsat: SignalRule = (facts, asOfMs, t) => {
  const surveys = facts.experience?.surveys
  if (surveys === undefined) return undefined
  const low = sinceLastPositive(surveys, asOfMs - t.surveyLookbackDays * DAY_MS, false).filter(
    (s) => s.csat !== undefined && s.csat <= t.lowCsatMax,
  )
  if (low.length === 0) return undefined
  const worst = Math.min(...low.map((s) => s.csat ?? 5))
  return signal(
    'low-csat',
    1 - (0.4 * (worst - 1)) / Math.max(1, t.lowCsatMax - 1),
    `Rated satisfaction ${worst} of 5 within the last ${t.surveyLookbackDays} days.`,
    low.map((s) => s.id).reverse(),
    { worstCsat: worst, lowAnswers: low.length },
    t,
    { lowCsatMax: t.lowCsatMax, surveyLookbackDays: t.surveyLookbackDays },
  )
}

/** The largest fall from an earlier survey answer to a later one, counted from the latest positive answer. */
export const scoresFalling: SignalRule = (facts, asOfMs, t) => {
  const surveys = facts.experience?.surveys
  if (surveys === undefined) return undefined
  const answers = sinceLastPositive(surveys, asOfMs - t.surveyLookbackDays * DAY_MS, true)
  let best: { drop: number; from: SurveyFact; to: SurveyFact } | undefined
  let high: SurveyFact | undefined
  for (const answer of answers) {
    if (high !== undefined && (best === undefined || high.score - answer.score > best.drop))
      best = { drop: high.score - answer.score, from: high, to: answer }
    if (high === undefined || answer.score > high.score) high = answer
  }
  if (best === undefined || best.drop < t.scoreMinDrop) return undefined
  return signal(
    'scores-falling',
    best.drop / (2 * t.scoreMinDrop),
    `Survey score fell from ${rounded(best.from.score * 100, 0)} to ${rounded(best.to.score * 100, 0)} ` +
      `(of 100) within the last ${t.surveyLookbackDays} days.`,
    [best.to.id, best.from.id],
    {
      fromScore: rounded(best.from.score, 3),
      toScore: rounded(best.to.score, 3),
      drop: rounded(best.drop, 3),
    },
    t,
    { scoreMinDrop: t.scoreMinDrop, surveyLookbackDays: t.surveyLookbackDays },
  )
}
