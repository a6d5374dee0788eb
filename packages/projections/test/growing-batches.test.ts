import type { RecordedEvent } from '@journeykit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { BatchSizing } from '../src/growing-batches.js'
import { defaultBatchSizing, growingBatches, nextBatchSize } from '../src/growing-batches.js'
import { registered } from './support/events.js'

/** Recorded events at positions from, from + 1, ...: only their identity and order matter here. */
const eventsNumbered = (from: number, count: number): RecordedEvent[] =>
  Array.from({ length: count }, (_, i) => ({
    ...registered(`c${from + i}`),
    position: BigInt(from + i),
    revision: 0n,
  }))

const readsOf = (sizes: readonly number[]): RecordedEvent[][] => {
  let next = 0
  return sizes.map((size) => {
    const read = eventsNumbered(next, size)
    next += size
    return read
  })
}

const collect = async (batches: AsyncIterable<readonly RecordedEvent[]>) => {
  const out: (readonly RecordedEvent[])[] = []
  for await (const batch of batches) out.push(batch)
  return out
}

describe('growingBatches', () => {
  it('keeps every event once, in order, and closes a batch at the first read that reaches its size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 10 }),
        async (readSizes, targets) => {
          const reads = readsOf(readSizes)
          let asked = 0
          const size = () => targets[Math.min(asked, targets.length - 1)] ?? 1
          const batches = await collect(
            (async function* () {
              for await (const batch of growingBatches(reads, size)) {
                yield batch
                asked++ // the next batch asks for the next target
              }
            })(),
          )
          expect(batches.flat()).toEqual(reads.flat())
          // the reads each batch is made of: whole reads, in order
          let r = 0
          batches.forEach((batch, k) => {
            const target = targets[Math.min(k, targets.length - 1)] ?? 1
            let held = 0
            let lastRead = 0
            while (held < batch.length) {
              lastRead = reads[r]?.length ?? 0
              held += lastRead
              r++
            }
            expect(held).toBe(batch.length)
            const isLast = k === batches.length - 1
            if (!isLast) {
              expect(batch.length).toBeGreaterThanOrEqual(target)
              expect(batch.length - lastRead).toBeLessThan(target) // no read more than needed
            }
            expect(batch.length).toBeGreaterThan(0)
          })
        },
      ),
    )
  })

  it('reads synchronous iterables too, and yields nothing for an empty history', async () => {
    expect(await collect(growingBatches([], () => 10))).toEqual([])
    expect(await collect(growingBatches([[], []], () => 10))).toEqual([])
    const reads = readsOf([3, 3, 3])
    expect((await collect(growingBatches(reads, () => 5))).map((b) => b.length)).toEqual([6, 3])
  })
})

describe('nextBatchSize', () => {
  const sizing: BatchSizing = { first: 100, max: 1000, perPartition: 8, read: 10 }

  it('holds about perPartition events for each partition of the last batch, between first and max', () => {
    expect(nextBatchSize(sizing, 0)).toBe(100)
    expect(nextBatchSize(sizing, 12)).toBe(100)
    expect(nextBatchSize(sizing, 50)).toBe(400)
    expect(nextBatchSize(sizing, 125)).toBe(1000)
    expect(nextBatchSize(sizing, 5000)).toBe(1000)
  })

  it('by default starts at 524,288 and stops at 2,097,152 (50,000 customers: the maximum)', () => {
    expect(nextBatchSize(defaultBatchSizing, 1000)).toBe(524_288)
    expect(nextBatchSize(defaultBatchSizing, 10_000)).toBe(640_000)
    expect(nextBatchSize(defaultBatchSizing, 50_000)).toBe(2_097_152)
  })
})
