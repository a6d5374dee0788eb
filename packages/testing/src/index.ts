export * from './arbitraries/fields.js'
export * from './arbitraries/events.js'
export {
  channelArb,
  customerIdArb,
  customerKindArb,
  gapMsArb,
  journeyCountries,
  journeyCurrencies,
  journeyStartArb,
  organizationNames,
  personNames,
} from './arbitraries/values.js'
export * from './arbitraries/steps.js'
export type { JourneyModel } from './arbitraries/model.js'
export { resolveStep } from './arbitraries/resolve.js'
export type { Disagreement, Journey, JourneyHeader, JourneyRun } from './arbitraries/run.js'
export { describeJourney, journeyEventId, journeyOf, startJourney } from './arbitraries/run.js'
export * from './arbitraries/journeys.js'
export * from './arbitraries/stories.js'
export * from './arbitraries/interleave.js'
export * from './arbitraries/refusals.js'
export * from './arbitraries/invalid.js'
export * from './specification/format.js'
export * from './specification/reporter.js'
export * from './specification/decider.js'
export * from './specification/projection.js'
export * from './specification/invariants.js'
export { eventStoreContract } from './contract/index.js'
