import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { emptyPartitionMap, partitionMapOf, withUpdates } from '../src/partition-map.js'

const keyArb = fc.oneof(
  fc.integer({ min: 0, max: 3000 }).map((i) => `c${i}`),
  fc.string({ maxLength: 4 }),
)
const updatesArb = fc.array(fc.array(fc.tuple(keyArb, fc.integer()), { maxLength: 400 }), { maxLength: 12 })

describe('the persistent partition map', () => {
  it('behaves like a Map, and every earlier version stays as it was', () => {
    fc.assert(
      fc.property(fc.boolean(), updatesArb, (fromFlat, rounds) => {
        const reference = new Map<string, number>(fromFlat ? [['seed', 1]] : [])
        let map = fromFlat ? partitionMapOf(new Map(reference)) : emptyPartitionMap<number>()
        const history: { map: typeof map; expected: Map<string, number> }[] = []
        for (const round of rounds) {
          const updates = new Map(round)
          for (const [k, v] of updates) reference.set(k, v)
          map = withUpdates(map, updates)
          history.push({ map, expected: new Map(reference) })
        }
        for (const { map: version, expected } of history) {
          expect(version.size).toBe(expected.size)
          expect(new Map(version)).toEqual(expected)
          expect([...version.keys()].sort()).toEqual([...expected.keys()].sort())
          for (const [k, v] of expected) {
            expect(version.get(k)).toBe(v)
            expect(version.has(k)).toBe(true)
          }
          expect(version.get('absent-key')).toBeUndefined()
          expect(version.has('absent-key')).toBe(false)
          let visited = 0
          version.forEach((v, k, m) => {
            expect(m).toBe(version)
            expect(expected.get(k)).toBe(v)
            visited++
          })
          expect(visited).toBe(expected.size)
        }
      }),
      { numRuns: 60 },
    )
  })

  it('shares untouched states and returns the same map for no updates', () => {
    const a = { n: 1 }
    const b = { n: 2 }
    const map = withUpdates(
      emptyPartitionMap<{ n: number }>(),
      new Map([
        ['a', a],
        ['b', b],
      ]),
    )
    expect(withUpdates(map, new Map())).toBe(map)
    const next = withUpdates(map, new Map([['b', { n: 3 }]]))
    expect(next.get('a')).toBe(a)
    expect(map.get('b')).toBe(b)
    expect(next.get('b')).toEqual({ n: 3 })
  })
})
