import { DAY_MS, customerStreamId } from '@journeykit/core'
import { agenda } from './agenda.js'
import { campaignChannels } from './channels.js'
import { HOUR_MS, clock } from './clock.js'
import type { SimulationOptions, SimulationSettings } from './options.js'
import { drawProfile, registrationMs } from './profile.js'
import { draw, xoshiro128 } from './random.js'
import type { Campaign, Sim, World } from './sim.js'
import { schedule } from './sim.js'
import { registration } from './processes/onboarding.js'
import { noBadExperiences } from './truth.js'

/** The portfolio's campaign calendar: one every month (or as the knob says), each on one channel. */
const campaignCalendar = (settings: SimulationSettings): Campaign[] => {
  const perMonth = settings.mix.campaignsPerMonth
  if (perMonth <= 0) return []
  const rng = xoshiro128(settings.seed, 0)
  const every = (30 * DAY_MS) / perMonth
  const campaigns: Campaign[] = []
  for (let ms = settings.startMs + 7 * DAY_MS + 9 * HOUR_MS; ms < settings.endMs; ms += every) {
    const id = `cmp-${String(campaigns.length + 1).padStart(4, '0')}`
    campaigns.push({ id, ms: Math.round(ms / 1000) * 1000, channel: draw(rng, campaignChannels) })
  }
  return campaigns
}

export const createWorld = (settings: SimulationSettings, options: SimulationOptions): World => ({
  settings,
  clock: clock(),
  campaigns: campaignCalendar(settings),
  onChurn: options.onChurn,
  sink: () => undefined,
})

/** When each customer registers, by customer index. */
export const registrationTimes = (settings: SimulationSettings): Float64Array =>
  Float64Array.from({ length: settings.customers }, (_, i) => registrationMs(settings, i))

/** Customer `index` (0-based): their own random stream, their profile, and their registration on the agenda. */
export const createCustomer = (world: World, index: number, registeredMs: number): Sim => {
  const { settings } = world
  const rng = xoshiro128(settings.seed, index + 1)
  const number = String(index + 1).padStart(Math.max(6, String(settings.customers).length), '0')
  const profile = drawProfile(rng, settings, index + 1, registeredMs)
  const id = `cust-${number}`
  const c: Sim = {
    world,
    mix: settings.mix,
    index,
    number,
    id,
    streamId: customerStreamId(id),
    rng,
    profile,
    now: profile.registeredMs,
    seq: 0,
    agenda: agenda(),
    ids: 0,
    forgottenMs: undefined,
    churnedMs: undefined,
    manager: undefined,
    consents: new Set(),
    campaignChain: 0,
    badScore: 0,
    badScoreMs: profile.registeredMs,
    bad: noBadExperiences(),
    lastChurnCheckMs: profile.registeredMs,
    churnReactions: [],
    lastRetentionMs: -Infinity,
    orders: 0,
    orderedMinor: 0,
    firstOrderMs: 0,
    lastOrderMs: 0,
  }
  schedule(c, profile.registeredMs, registration)
  return c
}
