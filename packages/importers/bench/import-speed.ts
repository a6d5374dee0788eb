/**
 * Import speed on the real exports in ../shared/data (skipped with a message when absent). Run from the repo:
 *   node --expose-gc --conditions=@journeykit/source --import tsx packages/importers/bench/import-speed.ts [runs]
 * For each importer: events, wall time and events/s (best of `runs`, default 3), CPU time, peak heap.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ImportRun } from '../src/index.js'
import { importCdnow, importOlist } from '../src/index.js'

const DATA = new URL('../../../../shared/data/', import.meta.url)
const runs = Number(process.argv[2] ?? 3)

const gc = (): void => {
  const collect: unknown = Reflect.get(globalThis, 'gc')
  if (typeof collect === 'function') collect()
}

const measure = async (name: string, location: URL, start: () => ImportRun): Promise<void> => {
  if (!existsSync(location)) {
    console.log(`${name}: skipped, ${fileURLToPath(location)} is absent`)
    return
  }
  let best = Infinity
  let cpu = Infinity
  let events = 0
  let peakHeap = 0
  for (let i = 0; i < runs; i++) {
    gc()
    const cpuStart = process.cpuUsage()
    const started = performance.now()
    events = 0
    for await (const _ of start().events) {
      events++
      if (events % 10_000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
    }
    best = Math.min(best, performance.now() - started)
    const used = process.cpuUsage(cpuStart)
    cpu = Math.min(cpu, (used.user + used.system) / 1000)
  }
  console.log(
    `${name}: ${events} events, best of ${runs}: ${best.toFixed(0)} ms wall (${Math.round(events / (best / 1000))} events/s), ` +
      `${cpu.toFixed(0)} ms CPU (${Math.round(events / (cpu / 1000))} events/s), peak heap ${Math.round(peakHeap / 2 ** 20)} MiB`,
  )
}

await measure('cdnow', new URL('cdnow/CDNOW_master.txt', DATA), () =>
  importCdnow(new URL('cdnow/CDNOW_master.txt', DATA)),
)
await measure('olist', new URL('olist-sample/', DATA), () => importOlist(new URL('olist-sample/', DATA)))
