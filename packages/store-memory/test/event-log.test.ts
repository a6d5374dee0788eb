import type { JourneyEvent, RecordedEvent } from '@journeykit/core'
import { InvalidAppendError } from '@journeykit/core'
import { anyEventArb } from '@journeykit/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { idIndex } from '../src/id-index.js'
import { memoryEventStore, recordInBulk } from '../src/index.js'

const collect = async (batches: AsyncIterable<readonly RecordedEvent[]>): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = []
  for await (const batch of batches) all.push(...batch)
  return all
}

describe('the memory store keeps events column by column', () => {
  it('gives back every field of every appended event (with and without metadata), in order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyEventArb(), { minLength: 1, maxLength: 40 }), async (generated) => {
        const seen = new Set<string>()
        const events = generated.filter((e) => !seen.has(e.id) && seen.add(e.id) !== undefined)
        const store = memoryEventStore()
        for (const e of events) await store.appendToStream(e.streamId, [e])
        const read = await collect(store.readAll())
        expect(read.map(({ position: _p, revision: _r, ...e }) => e)).toStrictEqual(events)
        const revisions = new Map<string, bigint>()
        for (const e of read) {
          const expected = revisions.get(e.streamId) ?? 0n
          expect(e.revision).toBe(expected)
          revisions.set(e.streamId, expected + 1n)
        }
      }),
      { numRuns: 60 },
    )
  })

  it('keeps positions past 2^53 exactly and refuses one past 2^63 - 1, adding nothing', async () => {
    const [event] = fc.sample(anyEventArb(), { numRuns: 1, seed: 3 })
    if (event === undefined) throw new Error('no sample')
    const store = memoryEventStore()
    const far = 2n ** 60n + 1n
    store.importRecorded([{ ...event, position: far, revision: 0n }])
    expect((await collect(store.readAll()))[0]?.position).toBe(far)
    const next: JourneyEvent = { ...event, id: '0192e3a0-0000-7000-8000-000000000001' }
    expect(() => store.importRecorded([{ ...next, position: 2n ** 63n, revision: 1n }])).toThrow(
      InvalidAppendError,
    )
    expect(store.size()).toBe(1)
  })

  it('gives a fresh envelope per read over deep-frozen data shared between reads', async () => {
    const [event] = fc.sample(anyEventArb(), { numRuns: 1, seed: 5 })
    if (event === undefined) throw new Error('no sample')
    const store = memoryEventStore()
    await store.appendToStream(event.streamId, [event])
    const [first] = await collect(store.readAll())
    const [second] = await collect(store.readAll())
    expect(first).not.toBe(second)
    expect(first?.data).toBe(second?.data)
    expect(Object.isFrozen(first?.data)).toBe(true)
  })
})

describe('idIndex', () => {
  it('finds every id it was given, through collisions and growth; the latest index of a repeated id wins', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 5000 }), (keys) => {
        const ids: string[] = []
        const index = idIndex((i) => ids[i])
        const latest = new Map<string, number>()
        for (const id of keys) {
          index.add(id, ids.length)
          latest.set(id, ids.length)
          ids.push(id)
        }
        for (const [id, at] of latest) expect(index.find(id)).toBe(at)
        expect(index.find('not one of them, too long')).toBeUndefined()
      }),
      { numRuns: 30 },
    )
  })
})

describe('recordInBulk', () => {
  it('records a history as one append per event would, and refuses a store that holds events', async () => {
    const events = fc.sample(anyEventArb(), { numRuns: 30, seed: 11 })
    const unique = [...new Map(events.map((e) => [e.id, e])).values()]
    const appended = memoryEventStore()
    for (const e of unique) await appended.appendToStream(e.streamId, [e])
    const bulk = memoryEventStore()
    expect(recordInBulk(bulk, unique, { limit: 1000 })).toBe(unique.length)
    expect(await collect(bulk.readAll())).toStrictEqual(await collect(appended.readAll()))
    expect(() => recordInBulk(bulk, unique)).toThrow(InvalidAppendError)
    expect(bulk.size()).toBe(unique.length)
    expect(recordInBulk(memoryEventStore(), unique, { limit: 2 })).toBe(2)
  })
})
