import { DAY_MS } from '@journeykit/core'
import { YEAR_MS } from './clock.js'
import { between, chance } from './random.js'
import type { Sim } from './sim.js'
import { emit, nextId, schedule } from './sim.js'
import type { BadExperiences, CustomerTruth } from './truth.js'

/** How much each kind of bad experience weighs on a customer (before it fades). */
export const badExperienceWeights: Readonly<Record<keyof BadExperiences, number>> = {
  lateDeliveries: 1,
  failedDeliveries: 2,
  abandonedNotFollowedUp: 1,
  missedCallbacks: 1,
  inquiriesPastSla: 1,
  detractorSurveys: 1.5,
  unresolvedComplaints: 2,
  championsLeft: 3,
  paymentFailures: 0.5,
}

/** Bad experiences fade: their weight falls by e every this many milliseconds (about half a year). */
const FADE_MS = 180 * DAY_MS

/** The customer's bad-experience score now: the faded, weighted sum of what went wrong. */
export const badScore = (c: Sim): number => {
  if (c.badScore === 0) return 0
  const score = c.badScore * Math.exp(-(c.now - c.badScoreMs) / FADE_MS)
  c.badScore = score
  c.badScoreMs = c.now
  return score
}

/** The customer's churn hazard per year now: the base hazard, raised by their bad-experience score. */
export const churnHazard = (c: Sim): number => {
  const score = badScore(c) * c.mix.churnSensitivity * c.profile.sensitivity
  return c.mix.baseChurnPerYear * Math.exp(2 * score)
}

/** Something went wrong for the customer: it counts in the ground truth (until they churn) and raises the hazard. */
export const badExperience = (c: Sim, kind: keyof BadExperiences): void => {
  rollChurn(c) // the hazard up to now, before this experience adds to it
  c.badScore = badScore(c) + badExperienceWeights[kind]
  c.badScoreMs = c.now
  if (c.churnedMs === undefined) c.bad[kind]++
  maybeRetentionCall(c)
}

/**
 * An account manager who sees a customer in trouble calls them; the call takes the edge off (halves the score).
 * Customers nobody owns get no such call.
 */
const maybeRetentionCall = (c: Sim): void => {
  const manager = c.manager
  if (manager === undefined || c.churnedMs !== undefined || c.badScore < 2.5) return
  if (c.now - c.lastRetentionMs < 90 * DAY_MS || !chance(c.rng, 0.6)) return
  c.lastRetentionMs = c.now
  schedule(c, c.now + between(c.rng, 0.5, 5) * DAY_MS, (s) => {
    if (s.churnedMs !== undefined) return
    emit(s, 'OutreachMade', {
      outreachId: nextId(s, 'out'),
      channel: 'phone',
      purpose: 'retention',
      agentId: manager,
    })
    s.badScore = badScore(s) / 2
  })
}

/**
 * Rolls the dice on churn for the time since the last roll, at the customer's current hazard. Returns true when
 * the customer has churned (now or before).
 */
export const rollChurn = (c: Sim): boolean => {
  if (c.churnedMs !== undefined) return true
  const years = Math.max(0, c.now - c.lastChurnCheckMs) / YEAR_MS
  c.lastChurnCheckMs = c.now
  if (!chance(c.rng, 1 - Math.exp(-churnHazard(c) * years))) return false
  markChurned(c)
  return true
}

export const markChurned = (c: Sim): void => {
  if (c.churnedMs !== undefined) return
  c.churnedMs = c.now
  for (const reaction of c.churnReactions) reaction(c)
  c.churnReactions.length = 0
  c.world.onChurn?.(truthOf(c))
}

/** The customer's ground truth as of now (complete once the simulation has run to the end). */
export const truthOf = (c: Sim): CustomerTruth => {
  const p = c.profile
  const until = c.churnedMs ?? c.world.settings.endMs
  return {
    customerId: c.id,
    kind: p.kind,
    segment: p.segment,
    currency: p.market.currency,
    timeZone: p.market.timeZone,
    registeredAt: c.world.clock.instant(p.registeredMs),
    cadenceDays: Math.round(p.cadenceDays * 10) / 10,
    churned: c.churnedMs !== undefined,
    churnedAt: c.churnedMs === undefined ? undefined : c.world.clock.instant(c.churnedMs),
    forgottenAt: c.forgottenMs === undefined ? undefined : c.world.clock.instant(c.forgottenMs),
    orders: c.orders,
    badExperiences: { ...c.bad },
    activeDays: Math.max(0, Math.round(((until - p.registeredMs) / DAY_MS) * 10) / 10),
  }
}
