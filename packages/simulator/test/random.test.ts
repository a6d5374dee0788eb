import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { uuidV7, xoshiro128 } from '../src/index.js'
import { between, intBetween, pick } from '../src/random.js'

describe('xoshiro128**', () => {
  it('is the same sequence for the same seed and stream, and different otherwise', () => {
    const draw = (seed: number, stream: number): number[] => {
      const r = xoshiro128(seed, stream)
      return Array.from({ length: 8 }, () => r.uint32())
    }
    expect(draw(1, 1)).toEqual(draw(1, 1))
    expect(draw(1, 1)).not.toEqual(draw(1, 2))
    expect(draw(1, 1)).not.toEqual(draw(2, 1))
    expect(draw(2 ** 40, 1)).not.toEqual(draw(0, 1))
  })

  it('is roughly uniform', () => {
    const r = xoshiro128(99, 3)
    const buckets = new Array<number>(10).fill(0)
    for (let i = 0; i < 100_000; i++) {
      const b = Math.floor(r.next() * 10)
      buckets[b] = (buckets[b] ?? 0) + 1
    }
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500)
  })

  test.prop([fc.integer(), fc.nat(), fc.integer({ min: -1000, max: 1000 }), fc.nat(1000)])(
    'draws within bounds',
    (seed, stream, min, width) => {
      const r = xoshiro128(seed, stream)
      for (let i = 0; i < 20; i++) {
        const n = intBetween(r, min, min + width)
        expect(Number.isInteger(n) && n >= min && n <= min + width).toBe(true)
        const x = between(r, min, min + width + 1)
        expect(x >= min && x < min + width + 1).toBe(true)
        expect(['a', 'b', 'c']).toContain(pick(r, ['a', 'b', 'c']))
      }
    },
  )
})

describe('uuidV7', () => {
  test.prop([fc.integer({ min: 0, max: 2 ** 48 - 1 }), fc.integer()])(
    'carries the time in its first 48 bits, version 7 and variant 10',
    (ms, seed) => {
      const id = uuidV7(ms, xoshiro128(seed, 0))
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(ms)
    },
  )

  it('sorts by time and differs between draws at the same time', () => {
    const r = xoshiro128(1, 1)
    expect(uuidV7(1_700_000_000_000, r) < uuidV7(1_700_000_000_001, r)).toBe(true)
    expect(uuidV7(1_700_000_000_000, r)).not.toBe(uuidV7(1_700_000_000_000, r))
  })
})
