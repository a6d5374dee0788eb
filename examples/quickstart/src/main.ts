import { memoryEventStore } from '@journeykit/store-memory'
import { insight } from './insight.js'
import { runJourney } from './journey.js'

const store = memoryEventStore()
const { accepted } = await runJourney(store)
process.stdout.write(`Recorded ${accepted.length} events for acme-gmbh:\n`)
for (const e of accepted) process.stdout.write(`  ${e.occurredAt}  ${e.type}\n`)

// The decider refuses what cannot happen, with a typed error that says why.
const { refused } = await runJourney(store, [
  {
    type: 'CancelOrder',
    customerId: 'acme-gmbh',
    occurredAt: '2024-03-01T10:00:00Z',
    data: { orderId: 'o-1', by: 'customer' },
  },
])
process.stdout.write(`Refused: ${refused.join('; ')}\n\n`)

const { view, churn } = await insight(store, 'acme-gmbh', '2024-04-15')
process.stdout.write(
  `360 view of acme-gmbh as of 2024-04-15: stage ${view?.journey.stage}, ${view?.orders.placed ?? 0} order(s)\n`,
)
process.stdout.write(`Health ${churn.health}/100 (${churn.band}); signals:\n`)
for (const s of churn.signals) process.stdout.write(`  ${s.kind}: ${s.summary}\n`)
