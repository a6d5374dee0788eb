import type { JourneyEvent } from '@journeykit/core'
import { dict, minTime } from '../state/dict.js'
import type { CampaignCounters } from '../state/state.js'
import { timeCounter } from '../state/time-counter.js'
import type { Apply } from './common.js'
import { remember, tick, tickChannel } from './common.js'

export const campaignSent: Apply<JourneyEvent<'CampaignSent'>> = (s, e, at, o) => {
  tickChannel(s, (s.campaignsByChannel ??= dict()), e.data.channel, at, o)
}

export const campaignResponded: Apply<JourneyEvent<'CampaignResponded'>> = (s, e, at, o) => {
  const response: keyof CampaignCounters = e.data.response
  const campaigns = (s.campaigns ??= { opened: null, clicked: null, converted: null, unsubscribed: null })
  tick(s, (campaigns[response] ??= timeCounter()), at, o)
  if (response === 'clicked' || response === 'converted') s.engagedMs = minTime(s.engagedMs, at)
}

export const surveyAnswered: Apply<JourneyEvent<'SurveyAnswered'>> = (s, e, at, o) => {
  const { surveyId, nps, csat, ces, comment, relatesTo } = e.data
  s.surveys = remember(
    s,
    s.surveys,
    {
      at,
      surveyId,
      nps: nps ?? null,
      csat: csat ?? null,
      ces: ces ?? null,
      comment: s.erased ? null : (comment ?? null),
      relatesTo: relatesTo ?? null,
    },
    o.limits.surveys,
  )
}

export const leadCaptured: Apply<JourneyEvent<'LeadCaptured'>> = (s, e, at, o) => {
  s.engagedMs = minTime(s.engagedMs, at)
  tick(s, (s.leads ??= timeCounter()), at, o)
}
