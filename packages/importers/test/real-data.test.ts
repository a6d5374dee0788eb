import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { JourneyEvent } from '@journeykit/core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ImportSummary } from '../src/index.js'
import { collectImport, importCdnow, importOlist } from '../src/index.js'
import { outOfOrder, refusalsOf } from './support.js'

// The real exports live next to the repository, in ../shared/data (see its README); a fresh clone has none.
const DATA = new URL('../../../../shared/data/', import.meta.url)
const CDNOW = new URL('cdnow/CDNOW_master.txt', DATA)
const OLIST = new URL('olist-sample/', DATA)

const available = (location: URL, what: string): boolean => {
  const found = existsSync(location)
  if (!found)
    console.warn(
      `Skipping the ${what} import tests: ${fileURLToPath(location)} is absent (real data lives in ../shared/data).`,
    )
  return found
}
const hasCdnow = available(CDNOW, 'CDNOW')
const hasOlist = available(OLIST, 'Olist')

const sumOf = (events: readonly JourneyEvent[], type: 'OrderPlaced' | 'PaymentReceived'): number =>
  events.reduce((sum, e) => sum + (e.type === type ? e.data.amount : 0), 0)

describe.skipIf(!hasCdnow)(
  'importCdnow on the real CDNOW log (skipped when ../shared/data is absent)',
  () => {
    let events: JourneyEvent[] = []
    let summary: ImportSummary | undefined
    beforeAll(async () => {
      ;({ events, summary } = await collectImport(importCdnow(CDNOW)))
    })

    it('imports all 69,659 purchases of the 23,570 customers, to the cent', () => {
      expect(summary).toMatchObject({
        complete: true,
        rowsRead: 69_659,
        rowsSkipped: 0,
        customers: 23_570,
        events: 93_229,
        eventsByType: { CustomerRegistered: 23_570, OrderPlaced: 69_659 },
      })
      expect(sumOf(events, 'OrderPlaced')).toBe(250_031_563) // the dollar_value column summed exactly
      expect(events[0]?.occurredAt).toBe('1997-01-01')
      expect(events.at(-1)?.occurredAt).toBe('1998-06-30')
    })

    it('yields valid events in date order that the customer decider accepts, each with its own id', () => {
      expect(refusalsOf(events).slice(0, 5)).toEqual([])
      expect(outOfOrder(events).slice(0, 5)).toEqual([])
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length)
    })
  },
)

describe.skipIf(!hasOlist)(
  'importOlist on the real Olist sample (skipped when ../shared/data is absent)',
  () => {
    let events: JourneyEvent[] = []
    let summary: ImportSummary | undefined
    beforeAll(async () => {
      ;({ events, summary } = await collectImport(importOlist(OLIST)))
    })

    it('imports the 8,135 orders of the 8,016 customers with their payments, deliveries and reviews', () => {
      expect(summary).toMatchObject({
        complete: true,
        rowsSkipped: 0,
        customers: 8_016,
        eventsByType: {
          CustomerRegistered: 8_016,
          OrderPlaced: 8_135,
          DeliveryPromised: 8_135,
          OrderCancelled: 1_234,
          SurveyAnswered: 8_191,
        },
      })
      // each invoice is paid in full, with the payments of the export to the centavo
      const invoiced = events.reduce((sum, e) => sum + (e.type === 'InvoiceIssued' ? e.data.amount : 0), 0)
      expect(sumOf(events, 'PaymentReceived')).toBe(invoiced)
      expect(events.some((e) => e.occurredAt.endsWith('-02:00'))).toBe(true) // Brazilian summer time
    })

    it('yields valid events in time order that the customer decider accepts, each with its own id', () => {
      expect(refusalsOf(events).slice(0, 5)).toEqual([])
      expect(outOfOrder(events).slice(0, 5)).toEqual([])
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length)
    })

    // (CDNOW events go through the same id and envelope code; its fixture test imports twice)
    it('yields the same events when imported again', async () => {
      const again = (await collectImport(importOlist(OLIST))).events.map((e) => JSON.stringify(e))
      expect(again.length).toBe(events.length)
      expect(events.map((e) => JSON.stringify(e)).filter((json, i) => json !== again[i])).toEqual([])
    })
  },
)
