import { itemsAsOf } from '../state/sorted.js'
import type { SurveyEntry } from '../state/records.js'
import type { Customer360State } from '../state/state.js'
import { countUpTo } from '../state/time-counter.js'
import { countAllUpTo } from './channels.js'
import { trendOf } from './profile.js'
import type { FeedbackView, ScoreView } from './activity-types.js'

type Metric = 'nps' | 'csat' | 'ces'

/** The latest score of a metric among the answers, with the previous one and the trend between them. */
const scoreOf = (answers: readonly SurveyEntry[], metric: Metric): ScoreView | null => {
  let latest: SurveyEntry | undefined
  let previous: number | null = null
  for (let i = answers.length - 1; i >= 0; i--) {
    const answer = answers[i]
    const score = answer?.[metric] ?? null
    if (answer === undefined || score === null) continue
    if (latest === undefined) latest = answer
    else {
      previous = score
      break
    }
  }
  const score = latest?.[metric] ?? null
  if (latest === undefined || score === null) return null
  return { score, at: new Date(latest.at).toISOString(), previous, trend: trendOf(score, previous) }
}

/** 9-10 promoter, 7-8 passive, 0-6 detractor. */
export const npsCategory = (score: number): 'promoter' | 'passive' | 'detractor' =>
  score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor'

export const feedbackAsOf = (s: Customer360State, asOfMs: number): FeedbackView => {
  const answers = itemsAsOf(s.surveys, asOfMs)
  const nps = scoreOf(answers, 'nps')
  let lastComment: string | null = null
  for (let i = answers.length - 1; i >= 0 && lastComment === null; i--)
    lastComment = answers[i]?.comment ?? null
  const c = s.campaigns ?? { opened: null, clicked: null, converted: null, unsubscribed: null }
  return {
    surveys: answers.length,
    nps: nps === null ? null : { ...nps, category: npsCategory(nps.score) },
    csat: scoreOf(answers, 'csat'),
    ces: scoreOf(answers, 'ces'),
    lastComment,
    campaigns: {
      sent: countAllUpTo(s.campaignsByChannel, asOfMs),
      opened: countUpTo(c.opened, asOfMs),
      clicked: countUpTo(c.clicked, asOfMs),
      converted: countUpTo(c.converted, asOfMs),
      unsubscribed: countUpTo(c.unsubscribed, asOfMs),
    },
  }
}
