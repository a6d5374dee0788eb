import type { EventFact, JourneyEvent } from '@journeykit/core'
import { fact } from '@journeykit/core'
import type { ImportOptions, ImportRun } from '../import-run.js'
import { importRun } from '../import-run.js'
import type { FileLocation } from '../source.js'
import { pathOf } from '../source.js'
import type { Tally } from '../summary.js'
import { inTimeOrder } from '../timeline.js'
import { loadOlist } from './load.js'
import { planOlist } from './plan.js'

const registration =
  (prefix: string) =>
  (customerId: string, occurredAt: string): EventFact =>
    fact(
      'CustomerRegistered',
      {
        kind: 'person',
        name: `Olist customer ${customerId.slice(prefix.length)}`,
        country: 'BR',
        segment: 'consumer',
      },
      occurredAt,
    )

async function* readOlist(dir: string, options: ImportOptions, tally: Tally): AsyncGenerator<JourneyEvent> {
  const data = await loadOlist(dir, options, tally)
  yield* inTimeOrder('olist', planOlist(data, tally), registration(options.customerIdPrefix ?? ''), tally)
}

/**
 * Imports the Olist e-commerce export from the folder `dir` (the Kaggle file names): per customer
 * (customer_unique_id) a CustomerRegistered at their first purchase, then per order OrderPlaced,
 * DeliveryPromised, InvoiceIssued and PaymentReceived, DeliveryShipped, DeliveryCompleted or OrderCancelled,
 * and each review as a CSAT SurveyAnswered, all in business-time order. See docs/importers.md.
 */
export const importOlist = (dir: FileLocation, options: ImportOptions = {}): ImportRun =>
  importRun('olist', (tally) => readOlist(pathOf(dir), options, tally))
