import type { EventData } from '@journeykit/core'
import { DAY_MS } from '@journeykit/core'
import { badExperience, badScore } from '../churn.js'
import { between, chance, pick } from '../random.js'
import type { Sim, Writable } from '../sim.js'
import { activeTime, emit, nextId, schedule } from '../sim.js'

/** What a survey asks about: a delivery (CSAT), a service contact (CES), or the relationship (NPS). */
export type SurveyTopic = 'delivery' | 'service' | 'relationship'

const clamp = (x: number, min: number, max: number): number => Math.min(max, Math.max(min, Math.round(x)))

const comments = {
  low: [
    'Very disappointed.',
    'Too many problems lately.',
    'Thinking about switching.',
    'Support never got back to me.',
  ],
  middle: ['It was okay.', 'Could be faster.', 'Fine, nothing special.'],
  high: ['Great service!', 'Fast delivery, thank you.', 'Always reliable.', 'Friendly and helpful staff.'],
} as const

/**
 * Invites the customer to a survey at `at`; some answer. Their mood is their baseline satisfaction, lowered by
 * `penalty` and by the bad experiences they remember. A detractor answer (NPS 0-6, CSAT 1-2) is itself a bad
 * experience: it is how dissatisfaction shows and it adds to the hazard.
 */
export const askSurvey = (
  c: Sim,
  topic: SurveyTopic,
  relatesTo: string | undefined,
  penalty: number,
  at: number,
): void => {
  if (!chance(c.rng, c.mix.surveyResponseRate)) return
  schedule(c, activeTime(c, at), (s) => {
    if (s.churnedMs !== undefined) return
    const mood = s.profile.satisfaction - penalty - 0.08 * badScore(s) + between(s.rng, -0.15, 0.15)
    const nps = clamp(10 * mood + between(s.rng, -1.5, 1.5), 0, 10)
    const csat = clamp(1 + 4 * mood + between(s.rng, -0.6, 0.6), 1, 5)
    const ces = clamp(7 - 6 * mood + between(s.rng, -0.8, 0.8), 1, 7)
    const withNps = topic === 'relationship' || (topic === 'delivery' && chance(s.rng, 0.3))
    const withCsat = topic === 'delivery' || (topic === 'service' && chance(s.rng, 0.5))
    const detractor = (withNps && nps <= 6) || (withCsat && csat <= 2)
    const bucket = mood < 0.55 ? comments.low : mood < 0.8 ? comments.middle : comments.high
    const data: Writable<EventData<'SurveyAnswered'>> = { surveyId: nextId(s, 'srv') }
    if (withNps) data.nps = nps
    if (withCsat) data.csat = csat
    if (topic === 'service') data.ces = ces
    if (chance(s.rng, 0.35)) data.comment = pick(s.rng, bucket)
    if (relatesTo !== undefined) data.relatesTo = relatesTo
    emit(s, 'SurveyAnswered', data)
    if (detractor) badExperience(s, 'detractorSurveys')
  })
}

/** The relationship survey: an NPS invitation about twice a year, until the customer churns. */
const relationshipSurvey = (c: Sim): void => {
  if (c.churnedMs !== undefined) return
  askSurvey(c, 'relationship', undefined, 0, c.now)
  schedule(c, c.now + between(c.rng, 150, 210) * DAY_MS, relationshipSurvey)
}

export const startSurveys = (c: Sim): void =>
  schedule(c, c.now + between(c.rng, 60, 200) * DAY_MS, relationshipSurvey)
