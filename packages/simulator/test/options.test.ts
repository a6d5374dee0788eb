import { describe, expect, it } from 'vitest'
import type { SimulationOptions } from '../src/index.js'
import { SimulationOptionsError, defaultMix, resolveSettings, simulate } from '../src/index.js'

const refusal = (options: SimulationOptions): SimulationOptionsError | undefined => {
  try {
    resolveSettings(options)
    return undefined
  } catch (e) {
    if (e instanceof SimulationOptionsError) return e
    throw e
  }
}

const countOf = (options: SimulationOptions, type: string): number => {
  let n = 0
  for (const e of simulate(options)) if (e.type === type) n++
  return n
}

describe('options', () => {
  it('default to 5,000 customers over 900 days from 2023-01-01, seed 1, the default mix', () => {
    expect(resolveSettings()).toEqual({
      customers: 5000,
      seed: 1,
      startMs: Date.parse('2023-01-01T00:00:00Z'),
      endMs: Date.parse('2025-06-19T00:00:00Z'),
      mix: defaultMix,
    })
    expect(resolveSettings({ end: '2024-01-01T12:00:00+02:00' }).endMs).toBe(
      Date.parse('2024-01-01T10:00:00Z'),
    )
  })

  it.each<[SimulationOptions, string]>([
    [{ customers: 0 }, 'customers'],
    [{ customers: 2.5 }, 'customers'],
    [{ seed: Number.NaN }, 'seed'],
    [{ start: '2023-02-30' }, 'start'],
    [{ end: 'tomorrow' }, 'end'],
    [{ start: '2024-01-01', end: '2023-01-01' }, 'end'],
    [{ durationDays: -1 }, 'durationDays'],
    [{ mix: { lateDeliveryRate: 1.5 } }, 'mix.lateDeliveryRate'],
    [{ mix: { purchaseFrequency: -1 } }, 'mix.purchaseFrequency'],
    [{ mix: { churnSensitivity: Number.POSITIVE_INFINITY } }, 'mix.churnSensitivity'],
  ])('refuse %j, naming %s', (options, option) => {
    const error = refusal(options)
    expect(error?._tag).toBe('SimulationOptionsError')
    expect(error?.option).toBe(option)
    expect(error?.message).toContain(option)
    expect(() => simulate(options)).toThrow(SimulationOptionsError)
  })

  it('refuse an unknown knob', () => {
    expect(refusal({ mix: JSON.parse('{"lateness": 0.5}') })?.option).toBe('mix.lateness')
  })

  it('knobs change the mix: no organizations, no campaigns, no late or failed deliveries, no churn', () => {
    const base = { customers: 150, seed: 4, durationDays: 400 }
    expect(countOf({ ...base, mix: { organizationShare: 0 } }, 'ContactPersonAdded')).toBe(0)
    expect(countOf({ ...base, mix: { organizationShare: 1 } }, 'ContactPersonAdded')).toBeGreaterThan(150)
    expect(countOf({ ...base, mix: { campaignsPerMonth: 0 } }, 'CampaignSent')).toBe(0)
    expect(countOf({ ...base, mix: { failedDeliveryRate: 0 } }, 'DeliveryFailed')).toBe(0)
    expect(countOf({ ...base, mix: { purchaseFrequency: 0 } }, 'OrderPlaced')).toBe(0)
    const calm = simulate({ ...base, mix: { baseChurnPerYear: 0, churnSensitivity: 0 } })
    for (const _event of calm) {
      // run it to the end
    }
    expect(calm.truth().filter((t) => t.churned)).toEqual([])
    const harsh = simulate({ ...base, mix: { baseChurnPerYear: 5 } })
    for (const _event of harsh) {
      // run it to the end
    }
    expect(harsh.truth().filter((t) => t.churned).length).toBeGreaterThan(120)
  })
})
