import type { Channel, EventData } from '@journeykit/core'
import { DAY_MS, channels } from '@journeykit/core'
import { HOUR_MS, MINUTE_MS, dayOf } from '../clock.js'
import { badScore } from '../churn.js'
import { between, chance, intBetween, pick } from '../random.js'
import type { Sim, Writable } from '../sim.js'
import { emit, emitDated, schedule, scheduleOnDay } from '../sim.js'

type Purpose = 'marketing' | 'service' | 'profiling' | 'third_party'

const give = (c: Sim, channel: Channel, purpose: Purpose): void => {
  c.consents.add(`${channel}/${purpose}`)
  emit(c, 'ConsentGiven', { channel, purpose })
  if (purpose === 'marketing' && c.campaignChain > 0) startCampaigns(c)
}

const withdraw = (c: Sim, channel: Channel, purpose: Purpose): void => {
  if (!c.consents.delete(`${channel}/${purpose}`)) return
  emit(c, 'ConsentWithdrawn', { channel, purpose })
}

/** Consents asked for at registration; a few are withdrawn later. */
export const giveInitialConsents = (c: Sim): void => {
  const organization = c.profile.kind === 'organization'
  give(c, 'email', 'service')
  if (chance(c.rng, 0.3)) give(c, 'sms', 'service')
  const marketing: readonly (readonly [Channel, number])[] = [
    ['email', 0.65],
    ['sms', 0.25],
    ['app', 0.2],
    ['social', 0.12],
    ['fax', organization ? 0.15 : 0],
    ['partner', 0.08],
  ]
  for (const [channel, p] of marketing) if (chance(c.rng, p)) give(c, channel, 'marketing')
  if (chance(c.rng, 0.3)) {
    give(c, 'web', 'profiling')
    if (chance(c.rng, 0.2))
      schedule(c, c.now + between(c.rng, 30, 700) * DAY_MS, (s) => withdraw(s, 'web', 'profiling'))
  }
  if (chance(c.rng, 0.08)) give(c, 'partner', 'third_party')
}

/** Where the lead came from, for a third of customers. */
export const captureLead = (c: Sim): void => {
  if (!chance(c.rng, 0.35)) return
  const source = pick(c.rng, ['trade fair', 'web form', 'referral', 'partner'] as const)
  const data: Writable<EventData<'LeadCaptured'>> = {
    source,
    interest: c.profile.kind === 'organization' ? 'office equipment' : 'electronics',
    score: intBetween(c.rng, 1, 100),
  }
  if (source === 'partner') data.partnerId = `partner-${intBetween(c.rng, 1, 12)}`
  emit(c, 'LeadCaptured', data)
}

/** How the customer reacts to a campaign: less and less engaged as bad experiences pile up; churned: unsubscribes. */
const respond = (c: Sim, campaignId: string, channel: Channel): void => {
  const score = badScore(c)
  const churned = c.churnedMs !== undefined
  if (chance(c.rng, churned ? 0.05 : 0.01 + 0.015 * score)) {
    schedule(c, c.now + between(c.rng, 10 * MINUTE_MS, 72 * HOUR_MS), (s) => {
      emit(s, 'CampaignResponded', { campaignId, response: 'unsubscribed' }, campaignId)
      withdraw(s, channel, 'marketing')
      if (chance(s.rng, 0.15))
        schedule(s, s.now + between(s.rng, 60, 400) * DAY_MS, (t) => {
          if (!t.consents.has(`${channel}/marketing`)) give(t, channel, 'marketing')
        })
    })
    return
  }
  if (churned || !chance(c.rng, Math.max(0.05, 0.35 - 0.05 * score))) return
  const openedMs = c.now + between(c.rng, 5 * MINUTE_MS, 48 * HOUR_MS)
  schedule(c, openedMs, (s) => emit(s, 'CampaignResponded', { campaignId, response: 'opened' }, campaignId))
  if (!chance(c.rng, 0.3)) return
  const clickedMs = openedMs + between(c.rng, MINUTE_MS, 10 * MINUTE_MS)
  schedule(c, clickedMs, (s) => emit(s, 'CampaignResponded', { campaignId, response: 'clicked' }, campaignId))
  if (chance(c.rng, 0.25))
    schedule(c, clickedMs + between(c.rng, 5 * MINUTE_MS, HOUR_MS), (s) =>
      emit(s, 'CampaignResponded', { campaignId, response: 'converted' }, campaignId),
    )
}

const marketingKeys = new Map<Channel, string>(channels.map((channel) => [channel, `${channel}/marketing`]))
const marketingConsent = (channel: Channel): string => marketingKeys.get(channel) ?? `${channel}/marketing`

/**
 * The campaigns of the portfolio reach the customer in order, each on its channel when the customer has
 * consented to marketing there. Campaigns on channels without consent are skipped without a step; when the
 * customer gives a new marketing consent the chain starts again from then (the step already scheduled, of the
 * old chain, does nothing).
 */
const scheduleCampaign = (c: Sim, from: number, chain: number): void => {
  const campaigns = c.world.campaigns
  let index = from
  for (let campaign = campaigns[index]; campaign !== undefined; campaign = campaigns[++index]) {
    if (!c.consents.has(marketingConsent(campaign.channel))) continue
    const { id, channel } = campaign
    const next = index + 1
    schedule(c, campaign.ms + between(c.rng, 0, 4 * HOUR_MS), (s) => {
      if (s.campaignChain !== chain) return
      if (s.consents.has(marketingConsent(channel))) {
        emit(s, 'CampaignSent', { campaignId: id, channel }, id)
        respond(s, id, channel)
      }
      scheduleCampaign(s, next, chain)
    })
    return
  }
}

export const startCampaigns = (c: Sim): void => {
  const campaigns = c.world.campaigns
  let index = 0
  while (index < campaigns.length && (campaigns[index]?.ms ?? Infinity) <= c.now) index++
  scheduleCampaign(c, index, ++c.campaignChain)
}

const quarterStartDay = (ms: number): number => {
  const date = new Date(ms)
  return dayOf(Date.UTC(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) * 3 + 3, 1))
}

/**
 * Each quarter a simple cadence model forecasts the next 12 months' spend from the orders seen so far (a
 * date-only fact): the average order times the orders a year at the observed cadence, cut when the customer
 * has been silent for three gaps.
 */
const forecast = (c: Sim): void => {
  if (c.orders > 0) {
    const gapDays =
      c.orders >= 2 ? Math.max(1, (c.lastOrderMs - c.firstOrderMs) / DAY_MS / (c.orders - 1)) : 90
    const silentDays = (c.now - c.lastOrderMs) / DAY_MS
    const average = c.orderedMinor / c.orders
    const expectedSpend = Math.round(((average * 365) / gapDays) * (silentDays > 3 * gapDays ? 0.3 : 1))
    emitDated(c, 'PurchaseForecastUpdated', {
      expectedSpend,
      currency: c.profile.market.currency,
      model: 'cadence-model-v1',
    })
  }
  scheduleOnDay(c, quarterStartDay(c.now), forecast)
}

export const startForecasts = (c: Sim): void => scheduleOnDay(c, quarterStartDay(c.now), forecast)
