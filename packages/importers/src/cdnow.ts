import type { EventFact, JourneyEvent } from '@journeykit/core'
import { fact } from '@journeykit/core'
import { ImportFileError, ImportRowError } from './errors.js'
import type { ImportOptions, ImportRun } from './import-run.js'
import { importRun } from './import-run.js'
import type { OrderLine } from './order-line.js'
import { readCompactDate, readId, readMoney, readWhole } from './row-reader.js'
import type { FileLocation } from './source.js'
import { pathOf, textChunks, textLines } from './source.js'
import type { Tally } from './summary.js'
import { rejectRow } from './summary.js'
import type { Planned } from './timeline.js'
import { inTimeOrder } from './timeline.js'

/**
 * The CDNOW purchase log (Fader & Hardie): whitespace-separated `customer_id date number_of_cds
 * dollar_value`, one header line, one purchase per row. See docs/importers.md for the mapping.
 */

export const CDNOW_COLUMNS = ['customer_id', 'date', 'number_of_cds', 'dollar_value'] as const

/** The SKU of every CDNOW order line (the log does not say which CDs were bought). */
export const CDNOW_SKU = 'cd'

const columnIndex = new Map<string, number>(CDNOW_COLUMNS.map((c, i) => [c, i]))

/**
 * Order lines of `cds` CDs costing `cents` in all, exact to the cent: the total is spread as evenly as whole
 * cents allow (1177 over 2 CDs: one at 589, one at 588), so the lines always sum to the purchase's value.
 */
export const cdLines = (cds: number, cents: number): OrderLine[] => {
  const base = Math.floor(cents / cds)
  const dearer = cents - base * cds
  const lines: OrderLine[] = []
  if (dearer > 0) lines.push({ sku: CDNOW_SKU, quantity: dearer, unitPrice: base + 1 })
  if (cds > dearer) lines.push({ sku: CDNOW_SKU, quantity: cds - dearer, unitPrice: base })
  return lines
}

const registration =
  (prefix: string) =>
  (customerId: string, occurredAt: string): EventFact =>
    fact(
      'CustomerRegistered',
      {
        kind: 'person',
        name: `CDNOW customer ${customerId.slice(prefix.length)}`,
        country: 'US',
        segment: 'consumer',
      },
      occurredAt,
    )

const headerMatches = (tokens: readonly string[]): boolean =>
  tokens.length === CDNOW_COLUMNS.length && CDNOW_COLUMNS.every((c, i) => tokens[i] === c)

async function* readCdnow(file: string, options: ImportOptions, tally: Tally): AsyncGenerator<JourneyEvent> {
  const prefix = options.customerIdPrefix ?? ''
  const skipInvalid = options.skipInvalid === true
  const planned: Planned[] = []
  const purchasesPerDay = new Map<string, number>()
  let header = false
  for await (const { line, text } of textLines(textChunks(file))) {
    const tokens = text.trim().split(/\s+/)
    if (tokens.length === 1 && tokens[0] === '') continue
    if (!header) {
      if (!headerMatches(tokens))
        throw new ImportFileError(
          file,
          `line ${line} must be the header "${CDNOW_COLUMNS.join(' ')}", got ${JSON.stringify(text.trim())}`,
        )
      header = true
      continue
    }
    tally.rowsRead++
    try {
      if (tokens.length !== CDNOW_COLUMNS.length)
        throw new ImportRowError(
          file,
          line,
          `expected ${CDNOW_COLUMNS.length} whitespace-separated fields (${CDNOW_COLUMNS.join(' ')}), got ${tokens.length}`,
        )
      const r = { file, row: { line, get: (c: string) => tokens[columnIndex.get(c) ?? -1] ?? '' } }
      const sourceCustomerId = readId(r, 'customer_id')
      const date = readCompactDate(r, 'date')
      const cds = readWhole(r, 'number_of_cds', 1, 1000)
      const cents = readMoney(r, 'dollar_value')
      const dayKey = `${sourceCustomerId}-${date.replaceAll('-', '')}`
      const n = (purchasesPerDay.get(dayKey) ?? 0) + 1
      purchasesPerDay.set(dayKey, n)
      const orderId = `${dayKey}-${n}`
      planned.push({
        atMs: Date.parse(`${date}T00:00:00Z`),
        customerId: prefix + sourceCustomerId,
        key: orderId,
        fact: fact(
          'OrderPlaced',
          { orderId, currency: 'USD', amount: cents, lines: cdLines(cds, cents), channel: 'web' },
          date,
        ),
      })
    } catch (error) {
      if (!(error instanceof ImportRowError)) throw error
      rejectRow(tally, skipInvalid, error)
    }
  }
  if (!header) throw new ImportFileError(file, 'the file is empty (no header line)')
  purchasesPerDay.clear()
  yield* inTimeOrder('cdnow', planned, registration(prefix), tally)
}

/**
 * Imports a CDNOW purchase log: per customer a CustomerRegistered on the day of their first purchase, then
 * one OrderPlaced per row (in USD cents, exact), all in date order. Streams the file line by line.
 */
export const importCdnow = (file: FileLocation, options: ImportOptions = {}): ImportRun =>
  importRun('cdnow', (tally) => readCdnow(pathOf(file), options, tally))
