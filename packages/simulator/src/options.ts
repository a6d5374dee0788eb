import { DAY_MS, isCalendarDate, isInstant, toEpochMs } from '@journeykit/core'
import type { CustomerTruth } from './truth.js'

/**
 * Knobs for the mix of what happens. Rates are probabilities (0-1) unless named as a multiplier (1 = the
 * default amount, 2 = twice as much, 0 = none).
 */
export interface SimulationMix {
  /** Share of customers that are organizations (with contact persons); the rest are persons. */
  readonly organizationShare: number
  /** Multiplier on how often customers buy (each customer still has their own cadence). */
  readonly purchaseFrequency: number
  /** Multiplier on order values (each customer still has their own spend level). */
  readonly orderValue: number
  /** Share of orders cancelled before they ship. */
  readonly cancellationRate: number
  /** Share of deliveries that arrive after the promised day. */
  readonly lateDeliveryRate: number
  /** Share of deliveries that fail (lost, address not found); most are re-delivered. */
  readonly failedDeliveryRate: number
  /** Share of delivered orders from which something is returned. */
  readonly returnRate: number
  /** Multiplier on how often customers contact us (inquiries and abandoned contacts). */
  readonly contactFrequency: number
  /** Share of contact attempts that are abandoned (queue hang-up, dropped call, disconnected chat, ...). */
  readonly abandonmentRate: number
  /** Share of abandoned contacts we follow up (an outreach or a callback); the rest nobody follows up. */
  readonly followUpRate: number
  /** Share of promised callbacks that are missed. */
  readonly missedCallbackRate: number
  /** Share of inquiries not answered within their SLA (some of them never). */
  readonly slaBreachRate: number
  /** Multiplier on how often customers complain. */
  readonly complaintFrequency: number
  /** Share of complaints never resolved. */
  readonly unresolvedComplaintRate: number
  /** Share of payment attempts that fail. */
  readonly paymentFailureRate: number
  /** Share of survey invitations answered. */
  readonly surveyResponseRate: number
  /** Marketing campaigns per month (each reaches the customers who consented on its channel). */
  readonly campaignsPerMonth: number
  /** Share of organizations with a subscription or service contract (a quarter of that for persons). */
  readonly subscriptionShare: number
  /** Share of organizations that get an account manager (a tenth of that for persons, half for premium). */
  readonly ownedShare: number
  /** Chance per year that an account manager leaves a customer; only some are replaced. */
  readonly managerTurnoverPerYear: number
  /** Chance per year that a champion at an organization leaves. */
  readonly championTurnoverPerYear: number
  /** Churn hazard per year of a customer with no bad experiences. */
  readonly baseChurnPerYear: number
  /** Multiplier on how much bad experiences raise the churn hazard (0: churn ignores experience). */
  readonly churnSensitivity: number
  /** Share of churned persons who later ask to be forgotten (erasure). */
  readonly forgetRate: number
}

export const defaultMix: SimulationMix = {
  organizationShare: 0.2,
  purchaseFrequency: 1,
  orderValue: 1,
  cancellationRate: 0.03,
  lateDeliveryRate: 0.08,
  failedDeliveryRate: 0.02,
  returnRate: 0.04,
  contactFrequency: 1,
  abandonmentRate: 0.12,
  followUpRate: 0.7,
  missedCallbackRate: 0.15,
  slaBreachRate: 0.06,
  complaintFrequency: 1,
  unresolvedComplaintRate: 0.2,
  paymentFailureRate: 0.03,
  surveyResponseRate: 0.25,
  campaignsPerMonth: 1,
  subscriptionShare: 0.6,
  ownedShare: 0.85,
  managerTurnoverPerYear: 0.2,
  championTurnoverPerYear: 0.15,
  baseChurnPerYear: 0.03,
  churnSensitivity: 1,
  forgetRate: 0.04,
}

/** Knobs that are probabilities (the others are multipliers or counts and may exceed 1). */
const probabilities: ReadonlySet<string> = new Set<keyof SimulationMix>([
  'organizationShare',
  'cancellationRate',
  'lateDeliveryRate',
  'failedDeliveryRate',
  'returnRate',
  'abandonmentRate',
  'followUpRate',
  'missedCallbackRate',
  'slaBreachRate',
  'unresolvedComplaintRate',
  'paymentFailureRate',
  'surveyResponseRate',
  'subscriptionShare',
  'ownedShare',
  'managerTurnoverPerYear',
  'championTurnoverPerYear',
  'forgetRate',
])

export interface SimulationOptions {
  /** How many customers. Default 5,000 (about 500k events over the default period). */
  readonly customers?: number
  /** The seed: the same seed and options give the same events, byte for byte. An integer; default 1. */
  readonly seed?: number
  /** When the simulated period starts: a calendar date (UTC midnight) or an instant. Default 2023-01-01. */
  readonly start?: string
  /** When it ends (exclusive): a calendar date or an instant. Default: `start` plus `durationDays`. */
  readonly end?: string
  /** Length of the period in days when `end` is not given. Default 900 (about two and a half years). */
  readonly durationDays?: number
  /** Knobs for the mix of what happens; unspecified knobs keep their default. */
  readonly mix?: Partial<SimulationMix>
  /** Called when the simulator decides a customer churns, in stream order (see `CustomerTruth`). */
  readonly onChurn?: (truth: CustomerTruth) => void
}

/** Options with every default filled in and checked. */
export interface SimulationSettings {
  readonly customers: number
  readonly seed: number
  readonly startMs: number
  readonly endMs: number
  readonly mix: SimulationMix
}

/** Options the simulator cannot run with: which option and why. */
export class SimulationOptionsError extends Error {
  readonly _tag = 'SimulationOptionsError'
  constructor(
    readonly option: string,
    readonly reason: string,
  ) {
    super(`Simulation option ${option} ${reason}`)
    this.name = 'SimulationOptionsError'
  }
}

const timeOption = (name: string, value: string): number => {
  if (!isCalendarDate(value) && !isInstant(value))
    throw new SimulationOptionsError(
      name,
      `must be a calendar date or an ISO-8601 instant, got ${JSON.stringify(value)}`,
    )
  return Math.ceil(toEpochMs(value) / 1000) * 1000
}

const integerOption = (name: string, value: number, min: number, max: number): number => {
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw new SimulationOptionsError(name, `must be an integer from ${min} to ${max}, got ${value}`)
  return value
}

const mixOf = (overrides: Partial<SimulationMix>): SimulationMix => {
  const mix = { ...defaultMix, ...overrides }
  for (const [key, value] of Object.entries(mix)) {
    if (!Object.hasOwn(defaultMix, key)) throw new SimulationOptionsError(`mix.${key}`, 'is not a known knob')
    const max = probabilities.has(key) ? 1 : 1000
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max)
      throw new SimulationOptionsError(
        `mix.${key}`,
        `must be a number from 0 to ${max}, got ${String(value)}`,
      )
  }
  return mix
}

/** Fills in defaults and checks every option; throws a `SimulationOptionsError` naming the bad one. */
export const resolveSettings = (options: SimulationOptions = {}): SimulationSettings => {
  const customers = integerOption('customers', options.customers ?? 5000, 1, 10_000_000)
  const seed = integerOption('seed', options.seed ?? 1, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)
  const startMs = timeOption('start', options.start ?? '2023-01-01')
  const days = integerOption('durationDays', options.durationDays ?? 900, 1, 36_500)
  const endMs = options.end === undefined ? startMs + days * DAY_MS : timeOption('end', options.end)
  if (endMs <= startMs) throw new SimulationOptionsError('end', 'must be after start')
  return { customers, seed, startMs, endMs, mix: mixOf(options.mix ?? {}) }
}
