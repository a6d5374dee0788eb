import { existsSync, statSync } from 'node:fs'
import { createReadStream } from 'node:fs'
import type { RecordedEvent } from '@journeykit/core'
import type { ProjectionProcessor, RebuildReport, RebuildSource } from '@journeykit/projections'
import { rebuildProjections } from '@journeykit/projections'
import type { MemoryEventStore } from '@journeykit/store-memory'
import { ndjsonSource, readNdjson } from '@journeykit/store-memory'
import { dataError } from './cli-error.js'
import type { Io } from './io.js'
import { progressBar } from './progress.js'

/** The file must exist and be a file: otherwise one sentence, exit 1. */
export const requireFile = (file: string): string => {
  if (!existsSync(file)) throw dataError(`${file}: no such file.`)
  if (!statSync(file).isFile()) throw dataError(`${file}: not a file.`)
  return file
}

/** Counts the lines of a file, streaming (for the progress bar's total and ETA). */
export const countLines = async (file: string): Promise<number> => {
  let lines = 0
  let last = 10
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) lines++
    last = bytes[bytes.length - 1] ?? last
  }
  return last === 10 ? lines : lines + 1
}

/** Every event of an NDJSON history, validated (a bad line rejects with NdjsonLineError). */
export const readHistory = async (file: string): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = []
  for await (const batch of readNdjson(requireFile(file))) for (const e of batch) events.push(e)
  return events
}

/** Rebuilds processors from `source` with a progress bar on stderr. */
const rebuildWithBar = async (
  source: RebuildSource,
  total: number,
  processors: readonly ProjectionProcessor<unknown, unknown>[],
  io: Io,
  label: string,
): Promise<RebuildReport> => {
  const bar = progressBar(label, io.stderr)
  const report = await rebuildProjections(source, processors, {
    total,
    onProgress: (p) => bar.update({ done: p.done, total: p.total }),
  })
  bar.done({ done: report.progress.done, total: report.progress.done })
  return report
}

/** Rebuilds processors from an NDJSON file with a progress bar on stderr. */
export const rebuildFromFile = async (
  file: string,
  processors: readonly ProjectionProcessor<unknown, unknown>[],
  io: Io,
  label = 'replay',
): Promise<RebuildReport> =>
  rebuildWithBar(ndjsonSource(file), await countLines(requireFile(file)), processors, io, label)

/** Rebuilds processors from a store with a progress bar on stderr. */
export const rebuildFromStore = (
  store: MemoryEventStore,
  processors: readonly ProjectionProcessor<unknown, unknown>[],
  io: Io,
  label = 'rebuild',
): Promise<RebuildReport> => rebuildWithBar(store, store.size(), processors, io, label)
