import { createReadStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { churnProjection } from '@journeykit/churn'
import { customer360Projection } from '@journeykit/customer-360'
import { projectionProcessor, rebuildProjections } from '@journeykit/projections'
import { simulate } from '@journeykit/simulator'
import { exportNdjson, memoryEventStore, ndjsonSource, readNdjson } from '@journeykit/store-memory'
import type { Bench, BenchResult } from '../harness.js'
import { settleHeap } from '../harness.js'

const rate = (events: number, ms: number): number => Math.round((events / ms) * 1000)

/**
 * The baseline: cut the file into lines and `JSON.parse` each, nothing else. It cuts bytes and decodes each line
 * on its own, as `readNdjson` does (faster than decoding whole chunks and cutting text: ASCII lines stay one-byte
 * strings), so the ratio measures what decoding, validating and folding cost, not how lines are cut.
 */
const parseOnly = async (file: string): Promise<number> => {
  let lines = 0
  let rest: Buffer | undefined
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    if (!(chunk instanceof Buffer)) throw new Error('expected bytes from a stream without an encoding')
    const bytes = rest === undefined ? chunk : Buffer.concat([rest, chunk])
    let start = 0
    for (let end = bytes.indexOf(10); end !== -1; end = bytes.indexOf(10, start)) {
      JSON.parse(bytes.toString('utf8', start, end))
      lines++
      start = end + 1
    }
    rest = start < bytes.length ? bytes.subarray(start) : undefined
  }
  return lines
}

const decodeOnly = async (file: string): Promise<number> => {
  let events = 0
  for await (const batch of readNdjson(file)) events += batch.length
  return events
}

const replay = async (file: string): Promise<number> => {
  const view = projectionProcessor(customer360Projection(), { freeze: 'never' })
  const facts = projectionProcessor(churnProjection, { freeze: 'never' })
  const report = await rebuildProjections(ndjsonSource(file), [view, facts])
  return report.progress.done
}

/** Times `work`, best of `rounds` (the first run pays for JIT warm-up). */
const best = async (rounds: number, work: () => Promise<number>): Promise<{ events: number; ms: number }> => {
  let result = { events: 0, ms: Infinity }
  for (let i = 0; i < rounds; i++) {
    settleHeap()
    const started = performance.now()
    const events = await work()
    const ms = performance.now() - started
    if (ms < result.ms) result = { events, ms }
  }
  return result
}

export const replayNdjsonBench: Bench = {
  name: 'replay-ndjson',
  description:
    'Replay from an NDJSON file (read, decode, validate, upcast, rebuild 360 + churn) vs JSON.parse only.',
  run: async ({ quick, log }) => {
    const dir = await mkdtemp(join(tmpdir(), 'journeykit-bench-'))
    try {
      const file = join(dir, 'events.ndjson')
      const store = memoryEventStore()
      for (const event of simulate({ customers: quick ? 100 : 3_000, seed: 5 }))
        await store.appendToStream(event.streamId, [event])
      await exportNdjson(store, file)
      const bytes = (await stat(file)).size
      log(`replay-ndjson: ${store.size()} events, ${Math.round(bytes / 1024 / 1024)} MB of NDJSON`)
      const rounds = quick ? 1 : 3
      const baseline = await best(rounds, () => parseOnly(file))
      const decoded = await best(rounds, () => decodeOnly(file))
      const replayed = await best(rounds, () => replay(file))
      const baselineRate = rate(baseline.events, baseline.ms)
      const results: BenchResult[] = [
        { name: 'replay-ndjson/json-parse-only', events: baseline.events, eventsPerSec: baselineRate },
        {
          name: 'replay-ndjson/read-decode-validate',
          events: decoded.events,
          eventsPerSec: rate(decoded.events, decoded.ms),
          ratio: Number((rate(decoded.events, decoded.ms) / baselineRate).toFixed(3)),
          baseline: 'replay-ndjson/json-parse-only',
        },
        {
          name: 'replay-ndjson/rebuild-360-churn',
          events: replayed.events,
          eventsPerSec: rate(replayed.events, replayed.ms),
          ratio: Number((rate(replayed.events, replayed.ms) / baselineRate).toFixed(3)),
          baseline: 'replay-ndjson/json-parse-only',
          bytesPerEvent: Math.round(bytes / replayed.events),
          note: 'bytesPerEvent: NDJSON bytes per event on disk; goal 300k events/s',
        },
      ]
      return results
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  },
}
