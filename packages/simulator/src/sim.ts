import type {
  Channel,
  EventData,
  EventEnvelope,
  EventMetadata,
  EventType,
  JourneyEvent,
} from '@journeykit/core'
import { DAY_MS, currentSchemaVersion, definitionOf, eventTypes, flatString } from '@journeykit/core'
import type { Agenda } from './agenda.js'
import { clearAgenda, firstAt, popEntry, pushEntry } from './agenda.js'
import type { Clock } from './clock.js'
import { HOUR_MS, dayOf } from './clock.js'
import type { SimulationMix, SimulationSettings } from './options.js'
import type { Profile } from './profile.js'
import type { Random } from './random.js'
import { between, intBetween } from './random.js'
import type { BadExperiences, CustomerTruth } from './truth.js'
import { uuidV7 } from './uuid.js'

/** A marketing campaign of the whole portfolio: it goes out on one channel at one time. */
export interface Campaign {
  readonly id: string
  readonly ms: number
  readonly channel: Channel
}

/** What all customers of one simulation share. */
export interface World {
  readonly settings: SimulationSettings
  readonly clock: Clock
  readonly campaigns: readonly Campaign[]
  readonly onChurn: ((truth: CustomerTruth) => void) | undefined
  /** Where emitted events go (with the time they occurred): set by the merge that runs the customers. */
  sink: (event: JourneyEvent, ms: number) => void
}

/** An event's data while it is being put together (optional fields are set only when present). */
export type Writable<T> = { -readonly [K in keyof T]: T[K] }

/** Something that will happen to a customer: it may emit events (at the current time) and schedule more. */
export type Step = (c: Sim) => void

/** One customer being simulated: who they are, what is scheduled for them, and what the simulator knows. */
export interface Sim {
  readonly world: World
  readonly mix: SimulationMix
  readonly index: number
  /** The zero-padded customer number used in every id of this customer. */
  readonly number: string
  readonly id: string
  readonly streamId: string
  readonly rng: Random
  readonly profile: Profile
  /** The simulated time, epoch ms (whole seconds): the time of the step being run. */
  now: number
  seq: number
  readonly agenda: Agenda<Step>
  ids: number
  forgottenMs: number | undefined
  churnedMs: number | undefined
  manager: string | undefined
  /** Consents given, as `channel/purpose`. */
  readonly consents: Set<string>
  /** Which chain of campaign steps is current (0 before the first); a new marketing consent starts a new one. */
  campaignChain: number
  /** The decaying sum of weighted bad experiences, as of `badScoreMs`. */
  badScore: number
  badScoreMs: number
  /** Ground truth: bad experiences up to churn (or the end). */
  readonly bad: BadExperiences
  lastChurnCheckMs: number
  /** What happens when the customer churns (cancel a contract, ask for erasure), added by the processes. */
  readonly churnReactions: Step[]
  lastRetentionMs: number
  orders: number
  orderedMinor: number
  firstOrderMs: number
  lastOrderMs: number
}

const sourceSystems: Readonly<Record<string, string>> = {
  identity: 'crm',
  contact: 'contact-center',
  commerce: 'erp',
  marketing: 'marketing',
}

const metadataOf = new Map<EventType, { readonly sourceSystem: string; readonly version: number }>(
  eventTypes.map((type) => [
    type,
    { sourceSystem: sourceSystems[definitionOf(type).group] ?? 'crm', version: currentSchemaVersion(type) },
  ]),
)

const sharedMetadata = new Map<string, EventMetadata>(
  Object.values(sourceSystems).map((sourceSystem) => [sourceSystem, Object.freeze({ sourceSystem })]),
)

/** Makes the envelope of an event at the customer's current time and hands it out. */
const push = <K extends EventType>(
  c: Sim,
  type: K,
  data: EventData<K>,
  occurredAt: string,
  recordedMs: number,
  correlationId: string | undefined,
): void => {
  const meta = metadataOf.get(type)
  const sourceSystem = meta?.sourceSystem ?? 'crm'
  const metadata: EventMetadata =
    correlationId === undefined
      ? (sharedMetadata.get(sourceSystem) ?? { sourceSystem })
      : { correlationId, sourceSystem }
  const event: EventEnvelope<K, EventData<K>> = {
    id: uuidV7(recordedMs, c.rng),
    type,
    streamId: c.streamId,
    customerId: c.id,
    occurredAt,
    recordedAt: c.world.clock.preciseInstant(recordedMs),
    schemaVersion: meta?.version ?? 1,
    data,
    metadata,
  }
  // The one type assertion: `data` has the data type of exactly `type`, so this is a member of the union.
  c.world.sink(event as JourneyEvent, c.now)
}

/** Emits an event that occurs now; `correlationId` ties it to the order, inquiry, ... it belongs to. */
export const emit = <K extends EventType>(
  c: Sim,
  type: K,
  data: EventData<K>,
  correlationId?: string,
): void =>
  push(c, type, data, c.world.clock.instant(c.now), c.now + intBetween(c.rng, 300, 30_000), correlationId)

/** Emits a date-only event (its occurredAt is today's date); steps that do so run at midnight UTC. */
export const emitDated = <K extends EventType>(c: Sim, type: K, data: EventData<K>): void =>
  push(
    c,
    type,
    data,
    c.world.clock.date(dayOf(c.now)),
    c.now + intBetween(c.rng, HOUR_MS, 4 * HOUR_MS),
    undefined,
  )

/** A new id for something of this customer, unique in the whole simulation: `ord-000042-7`. */
export const nextId = (c: Sim, prefix: string): string => flatString(`${prefix}-${c.number}-${++c.ids}`)

/** Schedules `step` at `at` (never before now; dropped when past the end or after the customer was forgotten). */
export const schedule = (c: Sim, at: number, step: Step): void => {
  const time = Math.max(c.now, Math.round(at / 1000) * 1000)
  if (time >= c.world.settings.endMs || c.forgottenMs !== undefined) return
  pushEntry(c.agenda, time, c.seq++, step)
}

/** Schedules a date-only step at midnight UTC starting UTC day `day` (or the next day if that is past). */
export const scheduleOnDay = (c: Sim, day: number, step: Step): void =>
  schedule(c, Math.max(day, Math.ceil(c.now / DAY_MS)) * DAY_MS, step)

/** When the customer's next step is due (Infinity when nothing is left). */
export const nextStepAt = (c: Sim): number => firstAt(c.agenda)

/**
 * Runs the customer's steps due before `untilMs`; the events they emit go to the world's sink, in order. After
 * the customer is forgotten nothing more is run.
 */
export const runUntil = (c: Sim, untilMs: number): void => {
  for (;;) {
    const at = firstAt(c.agenda)
    if (at >= untilMs) return
    const step = popEntry(c.agenda)
    if (step === undefined) return
    c.now = at
    step(c)
    if (c.forgottenMs !== undefined) clearAgenda(c.agenda)
  }
}

const standardOffsetMs = (c: Sim): number => c.profile.market.standardOffsetMinutes * 60_000

/** The customer's local day number (in standard time) at `ms`. */
export const localDay = (c: Sim, ms: number): number => dayOf(ms + standardOffsetMs(c))

/** Epoch ms of `hour` (fractional) on the customer's local day `day`, in standard time. */
export const localTime = (c: Sim, day: number, hour: number): number =>
  day * DAY_MS + hour * HOUR_MS - standardOffsetMs(c)

const isWeekend = (day: number): boolean => {
  const weekday = (day + 4) % 7 // 1970-01-01 was a Thursday; 0 is Sunday
  return weekday === 0 || weekday === 6
}

/**
 * A moment at or after `ms` when the customer is active: within their local hours, and on a weekday for an
 * organization. Local hours are in standard time, so daylight saving time never moves them past midnight.
 */
export const activeTime = (c: Sim, ms: number): number => {
  const p = c.profile
  let day = localDay(c, ms)
  for (let tries = 0; tries < 7; tries++) {
    const earliest = Math.max(ms, localTime(c, day, p.fromHour))
    const latest = localTime(c, day, p.toHour)
    if (earliest < latest && !(p.kind === 'organization' && isWeekend(day)))
      return Math.floor(between(c.rng, earliest, latest))
    day++
  }
  return ms
}
