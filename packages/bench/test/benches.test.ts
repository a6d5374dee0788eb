import { describe, expect, it } from 'vitest'
import { benches, selectBenches } from '../src/registry.js'

describe('every registered benchmark, in quick mode', () => {
  it('has a unique name and a description', () => {
    const names = benches.map((b) => b.name)
    expect(new Set(names).size).toBe(names.length)
    expect(names).toEqual(expect.arrayContaining(['rebuild-360-churn-memory', 'replay-ndjson', 'scaling']))
    for (const b of benches) expect(b.description.length).toBeGreaterThan(10)
  })

  it('runs the diagnostics only when named with --only', () => {
    const diagnostics = benches.filter((b) => b.diagnostic === true).map((b) => b.name)
    expect(diagnostics).toEqual(['rebuild-engine', 'handlers-profile'])
    const names = selectBenches(undefined).map((b) => b.name)
    for (const name of diagnostics) {
      expect(names).not.toContain(name)
      expect(selectBenches(name).map((b) => b.name)).toEqual([name])
    }
    expect(selectBenches('no-such-bench')).toEqual([])
  })

  it.each(benches.map((b) => [b.name, b] as const))(
    '%s runs and reports events and a rate',
    async (_, bench) => {
      const lines: string[] = []
      const results = await bench.run({ quick: true, log: (line) => lines.push(line) })
      expect(results.length).toBeGreaterThan(0)
      for (const r of results) {
        expect(r.name).toMatch(/\S/)
        expect(Number.isFinite(r.events) && Number.isFinite(r.eventsPerSec)).toBe(true)
        if (r.ratio !== undefined) expect(r.baseline, `${r.name} names its baseline`).toMatch(/\S/)
      }
    },
    120_000,
  )

  it('scaling times the hand-written floor on each size beside the library', async () => {
    const scaling = selectBenches('scaling')[0]
    if (scaling === undefined) throw new Error('no scaling bench')
    const results = await scaling.run({ quick: true, log: () => undefined })
    const byName = new Map(results.map((r) => [r.name, r]))
    for (const size of [10_000, 50_000]) {
      const library = byName.get(`scaling/${size}`)
      const floor = byName.get(`scaling/${size}/floor`)
      expect(floor?.baseline).toBe('scaling/10000/floor')
      expect(floor?.events).toBe(library?.events)
      expect(floor?.eventsPerSec).toBeGreaterThan(0)
      expect(floor?.libraryToFloor).toBeCloseTo((library?.eventsPerSec ?? 0) / (floor?.eventsPerSec ?? 1), 2)
    }
    expect(byName.get('scaling/10000/floor')?.ratio).toBe(1)
  }, 120_000)
})
