import { simulate } from '@journeykit/simulator'
import type { Bench, BenchContext, BenchResult } from '../harness.js'
import { heapUsed, rate, withPeakRss } from '../harness.js'

const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1e6
}

/** The demo's simulation (5,000 customers, about half a million events), iterated and dropped. */
const throughput = async (context: BenchContext): Promise<BenchResult> => {
  const customers = context.quick ? 300 : 5000
  const { result, peakRssMB } = await withPeakRss(async () => {
    const cpu = process.cpuUsage()
    const started = performance.now()
    let events = 0
    for (const _event of simulate({ customers, seed: 1 })) events++
    return { events, ms: performance.now() - started, cpu: cpuSeconds(cpu) }
  })
  context.log(`simulate: ${result.events} events in ${Math.round(result.ms)} ms`)
  return {
    name: `simulate ${customers.toLocaleString('en-US')} customers`,
    events: result.events,
    eventsPerSec: rate(result.events, result.ms),
    cpuEventsPerSec: Math.round(result.events / result.cpu),
    peakRssMB,
    note: context.quick ? 'quick run' : 'the default demo size; events generated and dropped',
  }
}

/** The same, serialized to NDJSON text (what `journeykit simulate -o` writes), for the size of a line. */
const ndjson = async (context: BenchContext): Promise<BenchResult> => {
  const customers = context.quick ? 300 : 5000
  const started = performance.now()
  let events = 0
  let bytes = 0
  for (const event of simulate({ customers, seed: 1 })) {
    events++
    bytes += Buffer.byteLength(JSON.stringify(event)) + 1
  }
  const ms = performance.now() - started
  return {
    name: `simulate + JSON.stringify, ${customers.toLocaleString('en-US')} customers`,
    events,
    eventsPerSec: rate(events, ms),
    ndjsonBytesPerEvent: Math.round(bytes / events),
    note: `NDJSON line ${Math.round(bytes / events)} bytes on average`,
  }
}

/**
 * Ten million events streamed through without keeping them: the heap (after a full GC) is sampled along the
 * way, with the customers registered so far. It grows with customers (each customer's own agenda and state),
 * not with events; holding the events themselves would take gigabytes.
 */
const tenMillion = async (context: BenchContext): Promise<BenchResult> => {
  const target = 10_000_000
  const customers = 92_000
  const checkpoints = new Set([1, 2, 4, 6, 8, 10].map((m) => m * 1_000_000))
  const samples: string[] = []
  const baseline = heapUsed()
  // The loop is synchronous, so the resident set is sampled in it (a timer would never fire).
  let peakRss = process.memoryUsage.rss()
  const started = performance.now()
  let paused = 0
  let events = 0
  let registered = 0
  for (const event of simulate({ customers, seed: 7 })) {
    events++
    if (event.type === 'CustomerRegistered') registered++
    if (events % 65_536 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss())
    if (checkpoints.has(events)) {
      const pause = performance.now()
      const heap = heapUsed() - baseline
      const sample = `${events / 1_000_000}M events, ${registered.toLocaleString('en-US')} customers: heap ${Math.round(heap / 1024 / 1024)} MB (${(heap / registered / 1024).toFixed(1)} KB per customer)`
      samples.push(sample)
      context.log(`simulate 10M: ${sample}`)
      paused += performance.now() - pause
    }
    if (events >= target) break
  }
  const ms = performance.now() - started - paused
  return {
    name: 'simulate 10M events, streaming',
    events,
    eventsPerSec: rate(events, ms),
    peakRssMB: Math.round(peakRss / 1024 / 1024),
    heapSamples: samples,
    note: `${customers.toLocaleString('en-US')} customers; heap after GC at ${samples.join('; ')}`,
  }
}
export const simulateBench: Bench = {
  name: 'simulate',
  description:
    'Journey simulator throughput at the demo size (5,000 customers), NDJSON line size, and a 10M-event streaming run showing memory stays flat (not in quick mode).',
  run: async (context) => {
    const results = [await throughput(context), await ndjson(context)]
    if (!context.quick) results.push(await tenMillion(context))
    return results
  },
}
