import type { JourneyEvent } from '@journeykit/core'
import type { ImportSummary, Tally } from './summary.js'
import { newTally, summaryOf } from './summary.js'

/** Options every importer takes. */
export interface ImportOptions {
  /**
   * Skip malformed rows, counting them with their reasons in the summary, instead of failing the import on
   * the first one. Default false. A missing file or header always fails.
   */
  readonly skipInvalid?: boolean
  /** Prepended to every customer id (and so to stream names), such as `"cdnow-"`. Default none. */
  readonly customerIdPrefix?: string
}

/**
 * A running import. Iterating `events` reads the files and yields the events in business-time order; each
 * iteration is a fresh import. `summary()` reports the counts of the latest iteration (final when it ended).
 * All rows are read and checked before the first event is yielded, so an import that fails yields nothing.
 */
export interface ImportRun {
  readonly events: AsyncIterable<JourneyEvent>
  readonly summary: () => ImportSummary
}

export const importRun = (
  source: ImportSummary['source'],
  produce: (tally: Tally) => AsyncGenerator<JourneyEvent>,
): ImportRun => {
  let tally = newTally()
  return {
    events: {
      [Symbol.asyncIterator]: () => {
        tally = newTally()
        return produce(tally)
      },
    },
    summary: () => summaryOf(source, tally),
  }
}

/** Runs an import to the end, keeping every event in memory (fine for tests and small files). */
export const collectImport = async (
  run: ImportRun,
): Promise<{ readonly events: JourneyEvent[]; readonly summary: ImportSummary }> => {
  const events: JourneyEvent[] = []
  for await (const event of run.events) events.push(event)
  return { events, summary: run.summary() }
}
