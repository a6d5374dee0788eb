import type { ImportRowError, SkippedRow } from './errors.js'

/** What an import read, skipped, repaired and produced. Final once the events have been iterated to the end. */
export interface ImportSummary {
  readonly source: 'cdnow' | 'olist'
  /** True once every event was yielded. */
  readonly complete: boolean
  /** Data rows read (header lines and blank lines not counted), over all files. */
  readonly rowsRead: number
  /** Malformed rows left out under `skipInvalid` (0 otherwise: the import fails on the first one). */
  readonly rowsSkipped: number
  /** The first 1,000 skipped rows with their reasons. */
  readonly skipped: readonly SkippedRow[]
  /** Customers registered (one CustomerRegistered each). */
  readonly customers: number
  /** Events yielded. */
  readonly events: number
  readonly eventsByType: Readonly<Record<string, number>>
  /** Named repairs of inconsistent (but well-formed) data, each counted; see docs/importers.md. */
  readonly adjustments: Readonly<Record<string, number>>
}

export const MAX_SKIPPED_DETAILS = 1000

/** A mutable tally behind an ImportSummary. */
export interface Tally {
  rowsRead: number
  rowsSkipped: number
  readonly skipped: SkippedRow[]
  customers: number
  events: number
  readonly eventsByType: Record<string, number>
  readonly adjustments: Record<string, number>
  complete: boolean
}

export const newTally = (): Tally => ({
  rowsRead: 0,
  rowsSkipped: 0,
  skipped: [],
  customers: 0,
  events: 0,
  eventsByType: {},
  adjustments: {},
  complete: false,
})

export const countAdjustment = (tally: Tally, name: string, by = 1): void => {
  if (by !== 0) tally.adjustments[name] = (tally.adjustments[name] ?? 0) + by
}

export const countEvent = (tally: Tally, type: string): void => {
  tally.events++
  tally.eventsByType[type] = (tally.eventsByType[type] ?? 0) + 1
  if (type === 'CustomerRegistered') tally.customers++
}

/** Fails the import with `error`, or (under `skipInvalid`) records the row as skipped. */
export const rejectRow = (tally: Tally, skipInvalid: boolean, error: ImportRowError): void => {
  if (!skipInvalid) throw error
  tally.rowsSkipped++
  if (tally.skipped.length < MAX_SKIPPED_DETAILS)
    tally.skipped.push({ file: error.file, line: error.line, reason: error.reason })
}

export const summaryOf = (source: ImportSummary['source'], tally: Tally): ImportSummary => ({
  source,
  complete: tally.complete,
  rowsRead: tally.rowsRead,
  rowsSkipped: tally.rowsSkipped,
  skipped: [...tally.skipped],
  customers: tally.customers,
  events: tally.events,
  eventsByType: { ...tally.eventsByType },
  adjustments: { ...tally.adjustments },
})
