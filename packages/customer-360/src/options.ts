import type { StageRules } from '@journeykit/core'
import { defaultStageRules } from '@journeykit/core'

/** How much history the state keeps per customer. Beyond these bounds the oldest facts are summarized. */
export interface Customer360Limits {
  /** Changes kept per slowly changing attribute (name, segment, owner, credit score, consent, ...). Default 16. */
  readonly history: number
  /** Records kept per kind (orders, deliveries, inquiries, ...); older ones are archived as counts. Default 256. */
  readonly records: number
  /** Event times kept per counter (campaign responses, contacts per channel, ...). Default 64. */
  readonly times: number
  /** Survey answers kept. Default 32. */
  readonly surveys: number
}

/** Options of the customer 360: the same object configures the projection and its queries. */
export interface Customer360Options {
  readonly limits: Customer360Limits
  /** Hours within which an inquiry must be answered when it carries no `slaHours`. Default 24. */
  readonly defaultSlaHours: number
  /** An abandoned contact counts as followed up when a follow-up happens within this many hours. Default 24. */
  readonly followUpWindowHours: number
  /** The journey stage rules (`@journeykit/core`). */
  readonly stageRules: StageRules
  /** How many of the most recent events the view's timeline shows. Default 50. */
  readonly timelineSize: number
}

export const defaultLimits: Customer360Limits = {
  history: 16,
  records: 256,
  times: 64,
  surveys: 32,
}

export const defaultOptions: Customer360Options = {
  limits: defaultLimits,
  defaultSlaHours: 24,
  followUpWindowHours: 24,
  stageRules: defaultStageRules,
  timelineSize: 50,
}

export interface Customer360OptionsInput {
  readonly limits?: Partial<Customer360Limits>
  readonly defaultSlaHours?: number
  readonly followUpWindowHours?: number
  readonly stageRules?: Partial<StageRules>
  readonly timelineSize?: number
}

/** Fills in defaults; throws InvalidOptions for a limit below 1 or a negative number of hours. */
export const resolveOptions = (input: Customer360OptionsInput = {}): Customer360Options => {
  const limits = { ...defaultLimits, ...input.limits }
  for (const [name, value] of Object.entries(limits))
    if (!Number.isInteger(value) || value < 1)
      throw new InvalidOptions(`limits.${name}`, `must be a positive integer, got ${value}`)
  const options: Customer360Options = {
    limits,
    defaultSlaHours: input.defaultSlaHours ?? defaultOptions.defaultSlaHours,
    followUpWindowHours: input.followUpWindowHours ?? defaultOptions.followUpWindowHours,
    stageRules: { ...defaultStageRules, ...input.stageRules },
    timelineSize: input.timelineSize ?? defaultOptions.timelineSize,
  }
  if (!Number.isInteger(options.timelineSize) || options.timelineSize < 0)
    throw new InvalidOptions('timelineSize', `must be a non-negative integer, got ${options.timelineSize}`)
  for (const name of ['defaultSlaHours', 'followUpWindowHours'] as const)
    if (!Number.isFinite(options[name]) || options[name] < 0)
      throw new InvalidOptions(name, `must be a non-negative number of hours, got ${options[name]}`)
  return options
}

/** Options that cannot work (a limit of 0, negative hours). */
export class InvalidOptions extends Error {
  readonly _tag = 'InvalidOptions'
  constructor(
    readonly option: string,
    readonly reason: string,
  ) {
    super(`customer-360 option ${option} ${reason}`)
    this.name = 'InvalidOptions'
  }
}
