import type { CustomerKind } from '@journeykit/core'
import fc from 'fast-check'
import { resolveStep } from './resolve.js'
import type { Journey, JourneyHeader } from './run.js'
import { journeyOf, startJourney } from './run.js'
import type { Step, StepKind } from './steps.js'
import { stepArb, stepKinds, stepWeights } from './steps.js'
import {
  chooseFrom,
  customerIdArb,
  customerKindArb,
  journeyCountries,
  journeyCurrencies,
  journeyStartArb,
  organizationNames,
  personNames,
} from './values.js'

export interface JourneyOptions {
  /** The customer's id, or an arbitrary of ids. Default: short readable ids such as `ada`. */
  readonly customerId?: string | fc.Arbitrary<string>
  /** Person or organization; default either. */
  readonly kind?: CustomerKind
  /** The currency the customer buys in; default one of EUR, USD, JPY, KWD, BRL. */
  readonly currency?: string
  /** Steps attempted after registration (a step that cannot apply is skipped). Default 0..25. */
  readonly minSteps?: number
  readonly maxSteps?: number
  /** Only these commands (default: all but ForgetCustomer). */
  readonly commands?: readonly StepKind[]
  /** Whether the customer may be forgotten along the way (the journey then ends). Default false. */
  readonly forget?: boolean
}

const arbOf = <T>(value: T | fc.Arbitrary<T> | undefined, fallback: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  value === undefined ? fallback : value instanceof fc.Arbitrary ? value : fc.constant(value)

/** Who the customer is (name, country, currency) and when the journey starts. */
export const journeyHeaderArb = (options: JourneyOptions = {}): fc.Arbitrary<JourneyHeader> =>
  fc
    .record({
      customerId: arbOf(options.customerId, customerIdArb),
      kind: arbOf(options.kind, customerKindArb),
      nameIndex: fc.nat({ max: 3 }),
      country: fc.constantFrom(...journeyCountries),
      currency: arbOf(options.currency, fc.constantFrom(...journeyCurrencies)),
      startMs: journeyStartArb,
    })
    .map(({ nameIndex, ...header }) => ({
      ...header,
      name: chooseFrom(header.kind === 'person' ? personNames : organizationNames, nameIndex),
    }))

/** The steps of a journey, as `journeyArb` draws them. */
export const journeyStepsArb = (options: JourneyOptions = {}): fc.Arbitrary<readonly Step[]> => {
  const kinds = options.commands ?? stepKinds
  const weights = options.forget === true ? { ...stepWeights, ForgetCustomer: 1 } : stepWeights
  const withForget =
    options.forget === true && !kinds.includes('ForgetCustomer')
      ? [...kinds, 'ForgetCustomer' as const]
      : kinds
  return fc.array(stepArb(withForget, weights), {
    minLength: options.minSteps ?? 0,
    maxLength: options.maxSteps ?? 25,
    size: 'max',
  })
}

/** Registers the customer, then resolves each step against the model and submits it to the decider. */
export const runJourney = (header: JourneyHeader, steps: readonly Step[]): Journey => {
  const run = startJourney(header)
  for (const step of steps) run.submit(resolveStep(run.model, step))
  return journeyOf(run)
}

/**
 * Valid customer journeys, built model-based: generated steps are resolved against a model of the customer
 * (the orders, invoices, inquiries ... that exist and are open) into commands, which the customer decider
 * decides; the accepted commands' events form the history. Time moves forward by at least a minute per step.
 * Shrinks by dropping steps, so a failing property ends with a short journey.
 */
export const journeyArb = (options: JourneyOptions = {}): fc.Arbitrary<Journey> =>
  fc
    .tuple(journeyHeaderArb(options), journeyStepsArb(options))
    .map(([header, steps]) => runJourney(header, steps))
