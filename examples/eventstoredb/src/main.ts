import { eventStoreDbEventStore } from '@journeykit/store-eventstoredb'
import { startEventStoreDouble } from '@journeykit/store-eventstoredb/test-double'
import { seedJourneys } from './seed.js'
import { runWorkers } from './workers.js'

// Against a real server or cluster when EVENTSTOREDB_CONNECTION_STRING is set (see docker-compose.yml),
// else against the loopback test double.
const configured = process.env['EVENTSTOREDB_CONNECTION_STRING']
const double = configured === undefined ? await startEventStoreDouble() : undefined
const connection = configured ?? double?.connectionString ?? ''
process.stdout.write(`EventStoreDB: ${configured === undefined ? 'the loopback test double' : connection}\n`)

const store = eventStoreDbEventStore({ connection })
try {
  const seeded = await seedJourneys(store, 30, `acme-${Date.now().toString(36)}`)
  process.stdout.write(`Recorded ${seeded.events} events for ${seeded.customers.length} customers\n`)
  for (const report of await runWorkers(store, 3)) {
    const totals = [...report.state.partitions.values()]
    const revenue: Record<string, number> = {}
    for (const t of totals)
      for (const [currency, amount] of Object.entries(t.revenue))
        revenue[currency] = (revenue[currency] ?? 0) + amount
    process.stdout.write(
      `worker ${report.partition.index + 1}/${report.partition.count}: ${report.state.partitions.size} customers, ${report.events} events, ` +
        `${totals.reduce((n, t) => n + t.orders, 0)} orders, revenue ${JSON.stringify(revenue)}, at position ${report.position}\n`,
    )
  }
} finally {
  await store.close()
  await double?.stop()
}
