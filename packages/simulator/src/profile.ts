import type { Channel } from '@journeykit/core'
import { DAY_MS } from '@journeykit/core'
import { contactChannels, organizationOrderChannels, personOrderChannels } from './channels.js'
import type { SimulationSettings } from './options.js'
import type { Random } from './random.js'
import { between, chance, draw, hashUniform, intBetween, logNormal, pick, weighted } from './random.js'
import type { Market } from './reference-data.js'
import { companyNouns, companyWords, emailSafe, firstNames, lastNames, markets } from './reference-data.js'

/** Who a simulated customer is and how they behave; drawn once, when the customer is created. */
export interface Profile {
  readonly kind: 'person' | 'organization'
  readonly name: string
  readonly email: string
  readonly phone: string
  readonly market: Market
  readonly segment: string
  readonly registeredMs: number
  /** Their own typical gap between purchases, in days. */
  readonly cadenceDays: number
  /** Multiplier on quantities and on how expensive the products they pick are. */
  readonly spendLevel: number
  readonly orderChannel: Channel
  readonly contactChannel: Channel
  /** Multiplier on how often they contact us. */
  readonly contactNeed: number
  /** How satisfied they are when nothing goes wrong, 0-1. */
  readonly satisfaction: number
  /** Multiplier on how much bad experiences raise their churn hazard. */
  readonly sensitivity: number
  /** Local hours (standard time) between which they act. */
  readonly fromHour: number
  readonly toHour: number
  readonly owned: boolean
  readonly subscribed: boolean
  readonly hasChampion: boolean
  readonly creditScore: number
}

const clamp = (x: number, min: number, max: number): number => Math.min(max, Math.max(min, x))

/** Organization segments: how common, their typical days between purchases, and their spend level. */
const organizationSegments = weighted([
  [{ segment: 'smb', cadence: 40, spend: 1 }, 60],
  [{ segment: 'mid-market', cadence: 25, spend: 3 }, 30],
  [{ segment: 'enterprise', cadence: 14, spend: 10 }, 10],
])

/**
 * When customer `index` registers: a third of the customers are already there in the first weeks (the existing
 * base), the others arrive over the first four fifths of the period. Drawn from a counter-based hash of the seed
 * and the customer (not from the customer's own generator), so that the merge can order customers by
 * registration before it creates them.
 */
export const registrationMs = (s: SimulationSettings, index: number): number => {
  const period = s.endMs - s.startMs
  const early = Math.min(45 * DAY_MS, period)
  const u = (k: number): number => hashUniform(s.seed, index, k)
  const offset = u(0) < 0.35 ? u(1) * early : u(1) * 0.8 * period
  return Math.floor((s.startMs + offset) / 1000) * 1000
}

const digits = (r: Random, n: number): string => {
  let text = ''
  for (let i = 0; i < n; i++) text += String(intBetween(r, 0, 9))
  return text
}

/** The part of a profile that depends on the kind of customer. */
type KindTraits = Omit<
  Profile,
  'market' | 'registeredMs' | 'phone' | 'contactChannel' | 'satisfaction' | 'creditScore'
>

const organizationTraits = (
  r: Random,
  s: SimulationSettings,
  number: number,
  legalForm: string,
): KindTraits => {
  const { segment, cadence, spend } = draw(r, organizationSegments)
  const name = `${pick(r, companyWords)} ${pick(r, companyNouns)} ${legalForm}`
  return {
    kind: 'organization',
    name,
    email: `purchasing@${emailSafe(name)}-${number}.example.com`,
    segment,
    cadenceDays: clamp(logNormal(r, cadence, 0.5), 4, 365),
    spendLevel: spend * logNormal(r, 1, 0.5),
    orderChannel: draw(r, organizationOrderChannels),
    contactNeed: logNormal(r, 1, 0.4),
    // Organizations see many deliveries and contacts; each single one weighs less with them.
    sensitivity: logNormal(r, 0.6, 0.35),
    fromHour: 8,
    toHour: 18,
    owned: chance(r, segment === 'enterprise' ? 1 : s.mix.ownedShare),
    subscribed: chance(r, s.mix.subscriptionShare),
    hasChampion: chance(r, 0.75),
  }
}

const personTraits = (r: Random, s: SimulationSettings, number: number): KindTraits => {
  const first = pick(r, firstNames)
  const last = pick(r, lastNames)
  const premium = chance(r, 0.2)
  return {
    kind: 'person',
    name: `${first} ${last}`,
    email: `${emailSafe(first)}.${emailSafe(last)}.${number}@mail.example.com`,
    segment: premium ? 'premium' : 'consumer',
    cadenceDays: clamp(logNormal(r, premium ? 50 : 75, 0.6), 7, 720),
    spendLevel: (premium ? 2 : 1) * logNormal(r, 1, 0.45),
    orderChannel: draw(r, personOrderChannels),
    contactNeed: logNormal(r, 1, 0.5),
    sensitivity: logNormal(r, 1, 0.35),
    fromHour: intBetween(r, 7, 10),
    toHour: intBetween(r, 19, 23),
    owned: chance(r, s.mix.ownedShare * (premium ? 0.5 : 0.1)),
    subscribed: chance(r, s.mix.subscriptionShare / 4),
    hasChampion: false,
  }
}

/** Draws customer `number`'s profile from their own generator. */
export const drawProfile = (
  r: Random,
  s: SimulationSettings,
  number: number,
  registeredMs: number,
): Profile => {
  const organization = chance(r, s.mix.organizationShare)
  const market = draw(r, markets)
  const phone = `${market.phonePrefix} ${digits(r, 3)} ${digits(r, 7)}`
  const contactChannel = draw(r, contactChannels)
  const satisfaction = between(r, 0.7, 0.98)
  const creditScore = Math.round(clamp(logNormal(r, 700, 0.15), 250, 990))
  const t = organization ? organizationTraits(r, s, number, market.legalForm) : personTraits(r, s, number)
  return {
    kind: t.kind,
    name: t.name,
    email: t.email,
    phone,
    market,
    segment: t.segment,
    registeredMs,
    cadenceDays: t.cadenceDays,
    spendLevel: t.spendLevel,
    orderChannel: t.orderChannel,
    contactChannel,
    contactNeed: t.contactNeed,
    satisfaction,
    sensitivity: t.sensitivity,
    fromHour: t.fromHour,
    toHour: t.toHour,
    owned: t.owned,
    subscribed: t.subscribed,
    hasChampion: t.hasChampion,
    creditScore,
  }
}
