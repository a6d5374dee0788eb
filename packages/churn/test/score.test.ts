import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Signal, SignalKind } from '../src/index.js'
import { churnConfig, defaultChurnConfig, scoreSignals, signalKinds, trendOf } from '../src/index.js'

const sig = (kind: SignalKind, severity: number): Signal => ({
  kind,
  severity,
  summary: kind,
  evidence: { eventIds: [], values: {}, thresholds: {} },
})

const signalsArb = fc
  .uniqueArray(fc.constantFrom(...signalKinds), { maxLength: signalKinds.length })
  .chain((kinds) =>
    fc.tuple(...kinds.map((k) => fc.double({ min: 0.01, max: 1, noNaN: true }).map((s) => sig(k, s)))),
  )

describe('health score', () => {
  it('has whole-point contributions that add up to the risk exactly, and health = 100 - risk', () => {
    fc.assert(
      fc.property(signalsArb, (signals) => {
        const score = scoreSignals(signals, defaultChurnConfig)
        expect(score.contributions.reduce((sum, c) => sum + c.points, 0)).toBe(score.risk)
        expect(score.health).toBe(100 - score.risk)
        expect(score.risk).toBe(Math.round(score.riskExact))
        expect(score.risk).toBeGreaterThanOrEqual(0)
        expect(score.risk).toBeLessThanOrEqual(100)
        for (const c of score.contributions) expect(Number.isInteger(c.points) && c.points >= 0).toBe(true)
      }),
    )
  })

  it('combines signals as independent causes: one signal alone gives its weight × severity', () => {
    expect(scoreSignals([sig('subscription-cancelled', 1)], defaultChurnConfig).risk).toBe(70)
    const two = scoreSignals([sig('subscription-cancelled', 1), sig('purchase-lapse', 1)], defaultChurnConfig)
    expect(two.risk).toBe(88) // 100 × (1 − 0.3 × 0.4)
    expect(two.band).toBe('critical')
    expect(two.contributions.map((c) => [c.kind, c.points])).toEqual([
      ['subscription-cancelled', 47], // 88 × 70/130 = 47.4
      ['purchase-lapse', 41], // 88 × 60/130 = 40.6: the larger remainder takes the last point
    ])
  })

  it('never lowers risk when a signal is added or grows', () => {
    fc.assert(
      fc.property(
        signalsArb,
        fc.constantFrom(...signalKinds),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (signals, kind, severity) => {
          const before = scoreSignals(signals, defaultChurnConfig)
          const others = signals.filter((s) => s.kind !== kind)
          const current = signals.find((s) => s.kind === kind)?.severity ?? 0
          const after = scoreSignals([...others, sig(kind, Math.max(current, severity))], defaultChurnConfig)
          expect(after.riskExact).toBeGreaterThanOrEqual(before.riskExact - 1e-9)
          expect(after.risk).toBeGreaterThanOrEqual(before.risk)
        },
      ),
    )
  })

  it('uses configurable weights and bands', () => {
    const config = churnConfig({ weights: { 'no-owner': 80 }, bands: { critical: 80 } })
    const score = scoreSignals([sig('no-owner', 1)], config)
    expect(score.risk).toBe(80)
    expect(score.band).toBe('critical')
    expect(scoreSignals([], config)).toMatchObject({
      health: 100,
      risk: 0,
      band: 'healthy',
      contributions: [],
    })
  })

  it('reads the trend against the previous evaluation', () => {
    const previous = { health: 60, asOf: '2024-01-01' }
    expect(trendOf(50, previous, defaultChurnConfig)).toMatchObject({ direction: 'worsening', delta: -10 })
    expect(trendOf(63, previous, defaultChurnConfig)).toMatchObject({ direction: 'steady', delta: 3 })
    expect(trendOf(70, previous, defaultChurnConfig).direction).toBe('improving')
    expect(trendOf(70, undefined, defaultChurnConfig).direction).toBe('new')
  })
})

describe('churnConfig', () => {
  it('rejects values that cannot work, naming the field, and builds nothing', () => {
    expect(() => churnConfig({ weights: { 'no-owner': 120 } })).toThrow(
      /weights.no-owner: must be from 0 to 100/,
    )
    expect(() => churnConfig({ thresholds: { recentDays: -1 } })).toThrow(/thresholds.recentDays/)
    expect(() => churnConfig({ bands: { watch: 60, atRisk: 50 } })).toThrow(/bands/)
    try {
      churnConfig({ thresholds: { cadencePriorDays: 0 } })
    } catch (e) {
      expect(e).toMatchObject({ _tag: 'InvalidChurnConfig', field: 'thresholds.cadencePriorDays' })
    }
  })
})
