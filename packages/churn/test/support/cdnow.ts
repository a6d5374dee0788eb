import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { JourneyEvent } from '@journeykit/core'
import { customerStreamId } from '@journeykit/core'

/** The CDNOW purchase log, read from the shared data folder next to the repository (never copied into it). */
export const CDNOW_FILE = fileURLToPath(
  new URL('../../../../../shared/data/cdnow/CDNOW_master.txt', import.meta.url),
)
export const cdnowPresent = (): boolean => existsSync(CDNOW_FILE)

const uuidOf = (n: number): string => `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`

/** Each row of the 4-column log (customer_id, YYYYMMDD, number_of_cds, dollar_value) as an OrderPlaced event. */
export function* cdnowEvents(path = CDNOW_FILE): Generator<JourneyEvent<'OrderPlaced'>> {
  const lines = readFileSync(path, 'utf8').split('\n')
  let n = 0
  for (const line of lines.slice(1)) {
    const [customerId, ymd, cds, dollars] = line.trim().split(/\s+/)
    if (customerId === undefined || ymd === undefined || cds === undefined || dollars === undefined) continue
    n++
    const date = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`
    const amount = Math.round(Number(dollars) * 100)
    const quantity = Math.max(1, Number(cds))
    yield {
      id: uuidOf(n),
      type: 'OrderPlaced',
      streamId: customerStreamId(customerId),
      customerId,
      occurredAt: date,
      recordedAt: `${date}T00:00:00Z`,
      schemaVersion: 2,
      data: {
        orderId: `cdnow-${n}`,
        currency: 'USD',
        amount,
        lines: [{ sku: 'cd', quantity, unitPrice: Math.round(amount / quantity) }],
        channel: 'web',
      },
    }
  }
}
