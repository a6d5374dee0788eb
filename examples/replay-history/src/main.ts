import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { exportSimulatedHistory, replayHistory } from './replay.js'

// Replays the NDJSON history given as the first argument, or exports a simulated one and replays that.
const given = process.argv[2]
const dir = given === undefined ? await mkdtemp(join(tmpdir(), 'journeykit-replay-')) : undefined
try {
  const file = given ?? join(dir ?? '.', 'events.ndjson')
  const total = given === undefined ? await exportSimulatedHistory(file, 300) : undefined
  const summary = await replayHistory(file, total, (p) =>
    console.error(
      `replayed ${p.done}${p.total === undefined ? '' : `/${p.total}`} events, ${Math.round(p.eventsPerSecond)}/s` +
        (p.etaSeconds === undefined ? '' : `, ETA ${p.etaSeconds.toFixed(1)} s`),
    ),
  )
  console.log(`${summary.events} events of ${summary.customers} customers replayed`)
  console.log('most at risk:')
  for (const e of summary.mostAtRisk)
    console.log(
      `  ${e.customerId} risk ${e.risk}: ${e.signals.map((s) => s.kind).join(', ') || 'no signals'}`,
    )
} finally {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true })
}
