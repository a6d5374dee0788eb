import type { JourneyEvent } from '@journeykit/core'
import { truthOf } from './churn.js'
import type { SimulationOptions, SimulationSettings } from './options.js'
import { resolveSettings } from './options.js'
import { merge } from './merge.js'
import type { Sim } from './sim.js'
import type { CustomerTruth } from './truth.js'
import { createCustomer, createWorld, registrationTimes } from './world.js'

/** A simulation: iterate it for the events (each iteration runs it afresh, with the same result). */
export interface Simulation extends Iterable<JourneyEvent> {
  readonly settings: SimulationSettings
  /**
   * The ground truth of the customers of the latest iteration who have registered so far, in customer order:
   * complete once the iteration has finished. Empty before the first iteration.
   */
  readonly truth: () => readonly CustomerTruth[]
}

/**
 * Simulates customer journeys: persons and organizations buying, receiving deliveries (some late, some failed),
 * contacting us on every channel, complaining, answering surveys, reacting to campaigns, paying (or not), and
 * churning more often the worse their experiences were. Deterministic: the same options give the same events,
 * byte for byte. Streams: events come in global time order, generated as they are asked for.
 *
 * @throws SimulationOptionsError when an option is out of range.
 */
export const simulate = (options: SimulationOptions = {}): Simulation => {
  const settings = resolveSettings(options)
  let customers: (Sim | undefined)[] = []
  return {
    settings,
    truth: () => customers.flatMap((c) => (c === undefined ? [] : [truthOf(c)])),
    [Symbol.iterator]: () => {
      const world = createWorld(settings, options)
      const registered = registrationTimes(settings)
      const created: (Sim | undefined)[] = new Array<Sim | undefined>(settings.customers)
      customers = created
      const customerAt = (index: number): Sim => {
        let c = created[index]
        if (c === undefined) {
          c = createCustomer(world, index, registered[index] ?? settings.startMs)
          created[index] = c
        }
        return c
      }
      return merge(world, registered, customerAt)
    },
  }
}

/** Runs a simulation to the end only for its ground truth (the events are generated and dropped). */
export const simulateGroundTruth = (options: SimulationOptions = {}): readonly CustomerTruth[] => {
  const simulation = simulate(options)
  for (const _event of simulation) {
    // the events are not needed, only what the simulator recorded while making them
  }
  return simulation.truth()
}
