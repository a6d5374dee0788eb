import type { CustomerCommand, DomainErrorCode } from '@journeykit/core'
import fc from 'fast-check'
import { formatCommand } from '../specification/format.js'
import type { JourneyOptions } from './journeys.js'
import { journeyHeaderArb, journeyStepsArb } from './journeys.js'
import { domainErrorCodes, scenarios } from './refusal-scenarios.js'
import { resolveStep } from './resolve.js'
import type { Journey } from './run.js'
import { describeJourney, journeyOf, printable, startJourney } from './run.js'
import { stepArb } from './steps.js'

export { domainErrorCodes }

/** A valid history, then a command the decider must refuse, and the code it must refuse it with. */
export interface RefusalCase {
  /** The history before the command (a valid journey, including what set the situation up). */
  readonly journey: Journey
  readonly command: CustomerCommand
  readonly code: DomainErrorCode
}

export interface RefusalOptions {
  /** Only these codes (default: every code). */
  readonly codes?: readonly DomainErrorCode[]
  readonly journey?: Omit<JourneyOptions, 'kind' | 'forget'>
}

const describeRefusal = (c: RefusalCase): string =>
  `${describeJourney(c.journey)}\n  then refused (${c.code}): ${formatCommand(c.command)}`

/**
 * Invalid commands: a generated valid journey, a few valid commands that set up the situation, and a command
 * the customer decider must refuse with `code` (for example paying more than is due: PaymentExceedsDue).
 */
export const refusedCommandArb = (options: RefusalOptions = {}): fc.Arbitrary<RefusalCase> => {
  const codes = options.codes ?? domainErrorCodes
  if (codes.length === 0) throw new Error('refusedCommandArb: codes must not be empty')
  return fc.oneof(
    ...codes.map((code) => {
      const scenario = scenarios[code]
      const journey = { maxSteps: 15, ...options.journey, ...(scenario.kind ? { kind: scenario.kind } : {}) }
      return fc
        .tuple(journeyHeaderArb(journey), journeyStepsArb(journey), stepArb())
        .map(([header, steps, dice]): RefusalCase => {
          const run = startJourney(header, code !== 'CustomerNotRegistered')
          if (code !== 'CustomerNotRegistered')
            for (const step of steps) run.submit(resolveStep(run.model, step))
          const command = scenario.build(run, dice)
          return printable({ journey: journeyOf(run), command, code }, describeRefusal)
        })
    }),
  )
}
