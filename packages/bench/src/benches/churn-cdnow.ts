import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { JourneyEvent, RecordedEvent } from '@journeykit/core'
import { churnProjection, evaluateChurnQuality } from '@journeykit/churn'
import { importCdnow } from '@journeykit/importers'
import { foldProjection } from '@journeykit/projections'
import type { Bench, BenchResult } from '../harness.js'
import { heapUsed, rate } from '../harness.js'
import { realisticEvents } from './memory-footprint.js'

/** The CDNOW purchase log next to the repository (never copied into it). */
const CDNOW_FILE = fileURLToPath(
  new URL('../../../../../shared/data/cdnow/CDNOW_master.txt', import.meta.url),
)

/** Risk as of this instant against "no purchase in the following 39 weeks". */
const AS_OF = '1997-10-01'
const HORIZON_DAYS = 39 * 7

const collect = async (events: AsyncIterable<JourneyEvent>): Promise<JourneyEvent[]> => {
  const all: JourneyEvent[] = []
  for await (const event of events) all.push(event)
  return all
}

const fixed = (n: number): string => n.toFixed(3)

const quality = async (log: (line: string) => void): Promise<BenchResult[]> => {
  if (!existsSync(CDNOW_FILE)) {
    log(`churn-cdnow: skipped the AUC, ${CDNOW_FILE} is absent (it lives in ../shared/data)`)
    return []
  }
  const events = await collect(importCdnow(CDNOW_FILE).events)
  const started = performance.now()
  const q = evaluateChurnQuality(events, { asOf: AS_OF, horizonDays: HORIZON_DAYS })
  const ms = performance.now() - started
  const { auc } = q
  log(
    `churn-cdnow: ${q.customers} customers, ${q.churners} churners; ROC AUC model ${fixed(auc.model)} ` +
      `(whole points ${fixed(auc.modelWholePoints)}), recency ${fixed(auc.recency)}, frequency ` +
      `${fixed(auc.frequency)}, monetary ${fixed(auc.monetary)}; cadence prior ${q.cadencePriorDays.toFixed(1)} days`,
  )
  return [
    {
      name: 'churn-cdnow/auc',
      events: events.length,
      eventsPerSec: rate(events.length, ms),
      note:
        `ROC AUC model ${fixed(auc.model)} (whole points ${fixed(auc.modelWholePoints)}) vs recency ` +
        `${fixed(auc.recency)}, frequency ${fixed(auc.frequency)}, monetary ${fixed(auc.monetary)}`,
      aucModel: auc.model,
      aucModelWholePoints: auc.modelWholePoints,
      aucRecency: auc.recency,
      aucFrequency: auc.frequency,
      aucMonetary: auc.monetary,
      customers: q.customers,
      churners: q.churners,
    },
  ]
}

const recorded = (events: readonly JourneyEvent[]): RecordedEvent[] =>
  events.map((e, i) => ({ ...e, position: BigInt(128 + 16 * i), revision: 0n }))

/** foldProjection of the churn projection over realistic mixed events: events/s and heap bytes per customer. */
const fold = (quick: boolean, log: (line: string) => void): BenchResult[] => {
  const customers = quick ? 2_000 : 30_000
  const count = quick ? 20_000 : 300_000
  const source = realisticEvents({ customers, seed: 7 })
  const events = recorded(Array.from({ length: count }, () => source.next()))
  foldProjection(churnProjection, events.slice(0, Math.min(count, 20_000))) // warm-up
  const before = heapUsed()
  const started = performance.now()
  const state = foldProjection(churnProjection, events)
  const ms = performance.now() - started
  const bytesPerCustomer = Math.round((heapUsed() - before) / state.partitions.size)
  log(
    `churn-fold: ${count} events over ${state.partitions.size} customers in ${Math.round(ms)} ms, ` +
      `${bytesPerCustomer} B/customer`,
  )
  return [
    {
      name: 'churn-cdnow/fold',
      events: count,
      eventsPerSec: rate(count, ms),
      note: `foldProjection(churnProjection), mixed realistic events; ${bytesPerCustomer} B/customer of facts`,
      bytesPerCustomer,
      customers: state.partitions.size,
    },
  ]
}

export const churnCdnowBench: Bench = {
  name: 'churn-cdnow',
  description:
    'Churn risk ROC AUC on CDNOW (as of 1997-10-01, churn = no purchase in 39 weeks) beside recency, ' +
    'frequency and monetary anchors; churn projection fold rate and bytes per customer.',
  run: async ({ quick, log }) => [...(await quality(log)), ...fold(quick, log)],
}
