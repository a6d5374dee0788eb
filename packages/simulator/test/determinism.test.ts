import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SimulationOptions } from '../src/index.js'
import { simulate, simulateGroundTruth } from '../src/index.js'

/** The simulation serialized as NDJSON, hashed (so large outputs compare cheaply). */
const digest = (options: SimulationOptions): { hash: string; events: number } => {
  const hash = createHash('sha256')
  let events = 0
  for (const event of simulate(options)) {
    hash.update(JSON.stringify(event))
    hash.update('\n')
    events++
  }
  return { hash: hash.digest('hex'), events }
}

describe('determinism', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('the same seed and options give byte-identical output', () => {
    const options = { customers: 200, seed: 12345, start: '2022-03-01', durationDays: 500 }
    const first = digest(options)
    expect(first.events).toBeGreaterThan(8000)
    expect(digest(options)).toEqual(first)
  })

  it('iterating one simulation twice gives the same events and the same ground truth', () => {
    const simulation = simulate({ customers: 100, seed: 8 })
    const once = JSON.stringify([...simulation])
    const truth = simulation.truth()
    expect(JSON.stringify([...simulation])).toBe(once)
    expect(simulation.truth()).toEqual(truth)
    expect(simulateGroundTruth({ customers: 100, seed: 8 })).toEqual(truth)
  })

  it('a different seed, start or mix gives different output', () => {
    const base = { customers: 100, seed: 1, durationDays: 400 }
    const reference = digest(base).hash
    expect(digest({ ...base, seed: 2 }).hash).not.toBe(reference)
    expect(digest({ ...base, start: '2023-01-02' }).hash).not.toBe(reference)
    expect(digest({ ...base, mix: { lateDeliveryRate: 0.2 } }).hash).not.toBe(reference)
  })

  it('never reads Math.random or the wall clock', () => {
    const refuse = (what: string) => (): never => {
      throw new Error(`the simulator read ${what}`)
    }
    vi.spyOn(Math, 'random').mockImplementation(refuse('Math.random'))
    vi.spyOn(Date, 'now').mockImplementation(refuse('Date.now'))
    vi.spyOn(performance, 'now').mockImplementation(refuse('performance.now'))
    let events = 0
    for (const _event of simulate({ customers: 50, seed: 3 })) events++
    expect(events).toBeGreaterThan(1000)
  })

  it('a customer’s history does not depend on how many other customers there are', () => {
    const only = (customers: number): string =>
      JSON.stringify(
        [...simulate({ customers, seed: 77, durationDays: 300 })].filter(
          (e) => e.customerId === 'cust-000005',
        ),
      )
    expect(only(10)).toBe(only(40))
  })
})
