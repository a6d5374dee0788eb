import type { CustomerCommand } from '@journeykit/core'
import type { Resolver } from './command.js'
import { instantOf } from './command.js'
import type { JourneyModel } from './model.js'
import { commerceResolvers } from './resolve-commerce.js'
import { contactResolvers } from './resolve-contacts.js'
import type { Step, StepKind } from './steps.js'

/** The resolver of each step kind (they do not check registration; `resolveStep` does). */
export const resolvers: Readonly<Record<StepKind, Resolver>> = { ...contactResolvers, ...commerceResolvers }

/**
 * The command a step stands for, given what the model knows: valid for a registered, not forgotten customer,
 * `step.gapMs` after the latest event. Undefined when the step cannot apply (nothing open to refer to).
 */
export const resolveStep = (m: JourneyModel, step: Step): CustomerCommand | undefined => {
  if (!m.registered || m.forgotten) return undefined
  const atMs = m.nowMs + step.gapMs
  return resolvers[step.kind](m, step, instantOf(atMs), atMs)
}
