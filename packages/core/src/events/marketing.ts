import { FreeText, Id, IntInRange } from '../codecs/primitives.js'
import { defineEvent } from './define.js'
import { CampaignResponse, Channel } from './enums.js'

export const CampaignSent = defineEvent({
  type: 'CampaignSent',
  group: 'marketing',
  summary: 'A marketing campaign reaches the customer on a channel.',
  required: { campaignId: [Id, 'the campaign'], channel: [Channel, 'how it was sent'] },
})

export const CampaignResponded = defineEvent({
  type: 'CampaignResponded',
  group: 'marketing',
  summary: 'The customer reacts to a campaign: opens, clicks, converts, or unsubscribes.',
  required: {
    campaignId: [Id, 'the campaign'],
    response: [CampaignResponse, 'opened, clicked, converted or unsubscribed'],
  },
})

export const SurveyAnswered = defineEvent({
  type: 'SurveyAnswered',
  group: 'marketing',
  summary: 'The customer answers a survey: NPS (0-10), CSAT (1-5) and/or CES (1-7); at least one score.',
  required: { surveyId: [Id, 'our id for the survey response'] },
  optional: {
    nps: [IntInRange('NPS', 0, 10), 'how likely to recommend us, 0-10 (9-10 promoter, 0-6 detractor)'],
    csat: [IntInRange('CSAT', 1, 5), 'satisfaction, 1 (very unsatisfied) to 5 (very satisfied)'],
    ces: [IntInRange('CES', 1, 7), 'customer effort, 1 (very easy) to 7 (very hard)'],
    comment: [FreeText, 'what the customer wrote (personal data)'],
    relatesTo: [Id, 'the order, inquiry or complaint the survey asked about'],
  },
  check: (d) =>
    d.nps === undefined && d.csat === undefined && d.ces === undefined
      ? 'must carry at least one of nps, csat, ces'
      : undefined,
})
