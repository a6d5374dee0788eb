import type { RecordedEvent } from '@journeykit/core'
import type { MemoryEventStore } from '../memory-store.js'
import type { NdjsonSkippedLine } from './errors.js'
import { readNdjson } from './read.js'

export interface ImportNdjsonOptions {
  /** Import the valid lines and report the invalid ones instead of failing. Default false. */
  readonly skipInvalid?: boolean
  /** The name errors give the input. */
  readonly file?: string
}

export interface ImportNdjsonReport {
  readonly imported: number
  readonly skipped: number
  /** The first 100 skipped lines, with why. */
  readonly skippedLines: readonly NdjsonSkippedLine[]
}

const KEEP_SKIPPED = 100

/**
 * Imports an NDJSON history into a memory store, keeping global positions and stream revisions. All or
 * nothing: the whole file is read and validated before the first event is added, so a corrupt or invalid line
 * rejects with `NdjsonLineError` (file, line, field, reason) and the store is unchanged. With `skipInvalid`,
 * the valid lines are imported and the report says how many were skipped and why.
 */
export const importNdjson = async (
  store: MemoryEventStore,
  from: string | NodeJS.ReadableStream,
  options: ImportNdjsonOptions = {},
): Promise<ImportNdjsonReport> => {
  const staged: (readonly RecordedEvent[])[] = []
  const skippedLines: NdjsonSkippedLine[] = []
  let skipped = 0
  const read = readNdjson(from, {
    skipInvalid: options.skipInvalid ?? false,
    ...(options.file === undefined ? {} : { file: options.file }),
    onSkipped: (line) => {
      skipped++
      if (skippedLines.length < KEEP_SKIPPED) skippedLines.push(line)
    },
  })
  for await (const batch of read) staged.push(batch)
  let imported = 0
  for (const batch of staged) imported += batch.length
  store.importRecorded(staged.flat())
  return { imported, skipped, skippedLines }
}
