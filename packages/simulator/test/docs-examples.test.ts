import { DAY_MS, toEpochMs } from '@journeykit/core'
import { describe, expect, it } from 'vitest'
import { simulate, simulateGroundTruth } from '../src/index.js'

// The examples of docs/simulator.md, run (smaller where the page uses the default sizes).
describe('docs/simulator.md', () => {
  it('start: iterate the events, then read the ground truth', () => {
    const simulation = simulate({ customers: 100, seed: 42 })
    const types = new Set<string>()
    for (const event of simulation) types.add(event.type)
    const churners = simulation.truth().filter((customer) => customer.churned)
    expect(types.has('OrderPlaced')).toBe(true)
    expect(churners.length).toBeGreaterThan(0)
  })

  it('options: a mix and onChurn', () => {
    const heard: string[] = []
    const simulation = simulate({
      customers: 100,
      seed: 1,
      start: '2023-01-01',
      durationDays: 900,
      mix: { lateDeliveryRate: 0.15, followUpRate: 0.3 },
      onChurn: (truth) => heard.push(truth.customerId),
    })
    for (const _event of simulation) {
      // run to the end
    }
    expect(heard.sort()).toEqual(
      simulation
        .truth()
        .filter((t) => t.churned)
        .map((t) => t.customerId)
        .sort(),
    )
  })

  it('ground truth: who churned within 180 days after an instant', () => {
    const asOf = toEpochMs('2024-04-01')
    const churnedWithin180Days = new Set(
      simulateGroundTruth({ customers: 300, seed: 1 })
        .filter((t) => t.churnedAt !== undefined)
        .filter(
          (t) => toEpochMs(t.churnedAt ?? '') > asOf && toEpochMs(t.churnedAt ?? '') <= asOf + 180 * DAY_MS,
        )
        .map((t) => t.customerId),
    )
    expect(churnedWithin180Days.size).toBeGreaterThan(0)
  })
})
