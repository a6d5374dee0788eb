import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simulate } from '@journeykit/simulator'
import { churnProjection, evaluatePortfolio } from '@journeykit/churn'
import { customer360Projection } from '@journeykit/customer-360'
import { foldProjection } from '@journeykit/projections'
import { memoryEventStore } from '@journeykit/store-memory'
import { eachEvent } from '@journeykit/core'
import type { RecordedEvent } from '@journeykit/core'
import type { RebuildProgress } from '@journeykit/projections'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportSimulatedHistory, replayHistory } from '../src/replay.js'

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journeykit-replay-test-'))
})
afterAll(async () => rm(dir, { recursive: true, force: true }))

describe('examples/replay-history', () => {
  it('exports a history, replays it with progress, and gets what folding the store gives', async () => {
    const file = join(dir, 'events.ndjson')
    const total = await exportSimulatedHistory(file, 30)
    const progress: RebuildProgress[] = []
    const summary = await replayHistory(file, total, (p) => progress.push(p))
    expect(summary.events).toBe(total)
    expect(summary.customers).toBe(30)
    expect(progress.at(-1)).toMatchObject({ done: total, total, etaSeconds: 0 })

    const store = memoryEventStore()
    for (const event of simulate({ customers: 30, seed: 11 }))
      await store.appendToStream(event.streamId, [event])
    const events: RecordedEvent[] = []
    for await (const event of eachEvent(store.readAll())) events.push(event)
    expect(foldProjection(customer360Projection(), events).partitions.size).toBe(summary.customers)
    const facts = foldProjection(churnProjection, events).partitions
    expect(summary.mostAtRisk).toHaveLength(5)
    expect(evaluatePortfolio(facts, summary.asOf).evaluations.slice(0, 5)).toEqual(summary.mostAtRisk)
  })
})
