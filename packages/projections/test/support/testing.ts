/**
 * The testing package, by relative path until @journeykit/testing is a devDependency of this package.
 */
export {
  interleavedJourneysArb,
  interleavingArb,
  journeyArb,
  eventOfTypeArb,
  anyEventArb,
  recordEvents,
} from '../../../testing/src/index.js'
