import type { JourneyEvent } from '@journeykit/core'
import { insertRecent, laterOf } from './bounded.js'
import type { ChurnFacts, ConsentFact, MarketingFacts } from './types.js'
import { RECENT_CAMPAIGNS, RECENT_REFS } from './types.js'

const marketing = (f: ChurnFacts): MarketingFacts =>
  (f.marketing ??= { sent: [], lastEngaged: undefined, unsubscribes: [], consents: {} })

export const onCampaignSent = (f: ChurnFacts, e: JourneyEvent<'CampaignSent'>, ms: number): void => {
  insertRecent(marketing(f).sent, { ms, id: e.id }, RECENT_CAMPAIGNS)
}

export const onCampaignResponded = (
  f: ChurnFacts,
  e: JourneyEvent<'CampaignResponded'>,
  ms: number,
): void => {
  const m = marketing(f)
  if (e.data.response === 'unsubscribed') insertRecent(m.unsubscribes, { ms, id: e.id }, RECENT_REFS)
  else m.lastEngaged = laterOf(m.lastEngaged, { ms, id: e.id })
}

const consent = (m: MarketingFacts, key: string): ConsentFact => {
  let c = m.consents[key]
  if (c === undefined) {
    c = { givenMs: undefined, withdrawn: undefined }
    m.consents[key] = c
  }
  return c
}

export const consentKey = (channel: string, purpose: string): string => `${channel}/${purpose}`

export const onConsentGiven = (f: ChurnFacts, e: JourneyEvent<'ConsentGiven'>, ms: number): void => {
  const c = consent(marketing(f), consentKey(e.data.channel, e.data.purpose))
  c.givenMs = Math.max(c.givenMs ?? -Infinity, ms)
}

export const onConsentWithdrawn = (f: ChurnFacts, e: JourneyEvent<'ConsentWithdrawn'>, ms: number): void => {
  const c = consent(marketing(f), consentKey(e.data.channel, e.data.purpose))
  c.withdrawn = laterOf(c.withdrawn, { ms, id: e.id })
}
