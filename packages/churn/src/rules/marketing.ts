import { DAY_MS } from '@journeykit/core'
import type { SignalRule } from '../signal.js'
import { signal } from '../signal.js'
import { entriesByKey } from '../facts/bounded.js'

/** Campaigns keep arriving and the customer has not opened, clicked or converted on any since. */
export const campaignDisengaged: SignalRule = (facts, _asOfMs, t) => {
  const m = facts.marketing
  if (m === undefined) return undefined
  const engagedMs = m.lastEngaged?.ms ?? -Infinity
  const ignored = m.sent.filter((c) => c.ms > engagedMs)
  if (ignored.length < t.disengagedAfterCampaigns) return undefined
  return signal(
    'campaign-disengaged',
    ignored.length / (2 * t.disengagedAfterCampaigns),
    m.lastEngaged === undefined
      ? `${ignored.length} campaigns received and none ever opened, clicked or converted.`
      : `${ignored.length} campaigns received since the customer last engaged with one.`,
    ignored.map((c) => c.id).reverse(),
    { campaignsIgnored: ignored.length },
    t,
    { disengagedAfterCampaigns: t.disengagedAfterCampaigns },
  )
}

/** The customer unsubscribed from campaigns recently. */
export const unsubscribed: SignalRule = (facts, asOfMs, t) => {
  const m = facts.marketing
  if (m === undefined) return undefined
  const recent = m.unsubscribes.filter((u) => u.ms >= asOfMs - t.marketingLookbackDays * DAY_MS)
  if (recent.length === 0) return undefined
  return signal(
    'unsubscribed',
    1,
    `Unsubscribed from our campaigns ${Math.floor((asOfMs - Math.max(...recent.map((u) => u.ms))) / DAY_MS)} days ago.`,
    recent.map((u) => u.id).reverse(),
    { unsubscribes: recent.length },
    t,
    { marketingLookbackDays: t.marketingLookbackDays },
  )
}

/** The customer withdrew consents recently and has not given them again. */
export const consentWithdrawn: SignalRule = (facts, asOfMs, t) => {
  const m = facts.marketing
  if (m === undefined) return undefined
  const sinceMs = asOfMs - t.marketingLookbackDays * DAY_MS
  const withdrawn = entriesByKey(m.consents).flatMap(([key, c]) =>
    c.withdrawn !== undefined && c.withdrawn.ms >= sinceMs && (c.givenMs ?? -Infinity) <= c.withdrawn.ms
      ? [{ key, id: c.withdrawn.id }]
      : [],
  )
  if (withdrawn.length === 0) return undefined
  return signal(
    'consent-withdrawn',
    withdrawn.length / 2,
    `Withdrew consent for ${withdrawn.map((w) => w.key).join(', ')} (channel/purpose).`,
    withdrawn.map((w) => w.id),
    { consentsWithdrawn: withdrawn.length, which: withdrawn.map((w) => w.key).join(' ') },
    t,
    { marketingLookbackDays: t.marketingLookbackDays },
  )
}
