import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { rocAuc } from '../src/index.js'

/** The definition: the share of (positive, negative) pairs ranked right, ties counting one half. */
const pairwise = (scores: readonly number[], labels: readonly boolean[]): number => {
  let wins = 0
  let pairs = 0
  scores.forEach((p, i) => {
    if (labels[i] !== true) return
    scores.forEach((n, j) => {
      if (labels[j] !== false) return
      pairs++
      wins += p > n ? 1 : p === n ? 0.5 : 0
    })
  })
  return wins / pairs
}

describe('rocAuc', () => {
  it('equals the pairwise definition, ties included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean()), { minLength: 2, maxLength: 40 }),
        (rows) => {
          const labels = rows.map((r) => r[1])
          fc.pre(labels.some((l) => l) && labels.some((l) => !l))
          expect(
            rocAuc(
              rows.map((r) => r[0]),
              labels,
            ),
          ).toBeCloseTo(
            pairwise(
              rows.map((r) => r[0]),
              labels,
            ),
            10,
          )
        },
      ),
    )
  })

  it('is 1 for a perfect ranking, 0.5 for all ties, NaN with one class', () => {
    expect(rocAuc([1, 2, 3, 4], [false, false, true, true])).toBe(1)
    expect(rocAuc([1, 1, 1, 1], [false, true, false, true])).toBe(0.5)
    expect(rocAuc([1, 2], [true, true])).toBeNaN()
  })
})
