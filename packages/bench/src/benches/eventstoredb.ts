import type { JourneyEvent, RecordedEvent } from '@journeykit/core'
import { customerStreamId } from '@journeykit/core'
import { defineProjection } from '@journeykit/projections'
import { eventStoreDbEventStore } from '@journeykit/store-eventstoredb'
import { EventStoreDBClient, startEventStoreDoubleProcess } from '@journeykit/store-eventstoredb/test-double'
import type { Bench, BenchResult } from '../harness.js'
import { rate, settleHeap } from '../harness.js'

/** Deterministic journeys: a registration, then orders, inquiries and payments, `perCustomer` events each. */
const journeys = (customers: number, perCustomer: number): JourneyEvent[][] => {
  let t = Date.parse('2023-01-01T00:00:00Z')
  const at = () => new Date((t += 37_000)).toISOString()
  return Array.from({ length: customers }, (_, c) => {
    const customerId = `c${c}`
    const base = { streamId: customerStreamId(customerId), customerId }
    const events: JourneyEvent[] = [
      {
        ...base,
        id: crypto.randomUUID(),
        type: 'CustomerRegistered',
        occurredAt: at(),
        recordedAt: at(),
        schemaVersion: 1,
        data: { kind: 'person', name: `Customer ${c}`, country: 'DE' },
      },
    ]
    for (let i = 1; i < perCustomer; i++) {
      const amount = 1000 + ((c * 31 + i * 17) % 9000)
      events.push(
        i % 3 === 0
          ? {
              ...base,
              id: crypto.randomUUID(),
              type: 'InquiryReceived',
              occurredAt: at(),
              recordedAt: at(),
              schemaVersion: 1,
              data: { inquiryId: `q${c}-${i}`, channel: 'email', topic: 'billing' },
            }
          : {
              ...base,
              id: crypto.randomUUID(),
              type: 'OrderPlaced',
              occurredAt: at(),
              recordedAt: at(),
              schemaVersion: 2,
              data: {
                orderId: `o${c}-${i}`,
                currency: 'EUR',
                amount,
                lines: [{ sku: `sku-${i % 50}`, quantity: 1, unitPrice: amount }],
                channel: 'web',
              },
            },
      )
    }
    return events
  })
}

interface CustomerFacts {
  orders: number
  revenue: number
  inquiries: number
}

/** The projection rebuilt in both loops: orders, revenue (minor units) and inquiries per customer. */
const facts = defineProjection<CustomerFacts>({
  name: 'bench-customer-facts',
  version: 1,
  initialState: () => ({ orders: 0, revenue: 0, inquiries: 0 }),
  handlers: {
    OrderPlaced: (s, e) => {
      s.orders++
      s.revenue += e.data.amount
    },
    InquiryReceived: (s) => {
      s.inquiries++
    },
  },
})

/** Applies an event to plain mutable per-customer state (what a rebuild does, without immer's drafts). */
const apply = (state: Map<string, CustomerFacts>, type: string, customerId: string, data: unknown): void => {
  let s = state.get(customerId)
  if (s === undefined) state.set(customerId, (s = facts.initialState()))
  if (type === 'OrderPlaced' && typeof data === 'object' && data !== null) {
    s.orders++
    const amount: unknown = Reflect.get(data, 'amount')
    s.revenue += typeof amount === 'number' ? amount : 0
  } else if (type === 'InquiryReceived') s.inquiries++
}

interface Timing {
  readonly events: number
  readonly ms: number
  /** CPU time of this (client) process per event, in µs: steadier than wall time on a busy machine. */
  readonly cpuMicros: number
}

const timed = async (work: () => Promise<number>): Promise<Timing> => {
  settleHeap()
  const started = performance.now()
  const cpu = process.cpuUsage()
  const events = await work()
  const used = process.cpuUsage(cpu)
  return {
    events,
    ms: performance.now() - started,
    cpuMicros: (used.user + used.system) / Math.max(1, events),
  }
}

export const eventStoreDbBench: Bench = {
  name: 'eventstoredb',
  description:
    'EventStoreDB adapter against the loopback double: projection rebuild through the adapter vs a raw @eventstore/db-client read loop, and append throughput by batch size',
  run: async ({ quick, log }) => {
    const customers = quick ? 100 : 4000
    const perCustomer = 25
    // the double runs in a child process, as a server runs apart from its clients: the CPU time measured
    // below is the client's alone
    const double = await startEventStoreDoubleProcess()
    const connection = double.connectionString
    const store = eventStoreDbEventStore({ connection })
    const raw = EventStoreDBClient.connectionString(connection)
    const results: BenchResult[] = []
    try {
      const data = journeys(customers, perCustomer)
      const total = customers * perCustomer
      log(`appending ${total} events (${customers} customers, one append of ${perCustomer} per customer)`)
      const bulk = await timed(async () => {
        for (const events of data)
          await store.appendToStream(events[0]?.streamId ?? '', events, { expectedRevision: 'no_stream' })
        return total
      })
      results.push({
        name: `append batches of ${perCustomer}`,
        events: total,
        eventsPerSec: rate(bulk.events, bulk.ms),
      })
      const rawLoop = () =>
        timed(async () => {
          const state = new Map<string, CustomerFacts>()
          let n = 0
          for await (const { event } of raw.readAll({}, { highWaterMark: 1024 })) {
            if (event === undefined || event.type.startsWith('$')) continue
            apply(state, event.type, event.streamId.slice('customer-'.length), event.data)
            n++
          }
          return n
        })
      const adapterLoop = () =>
        timed(async () => {
          const state = new Map<string, CustomerFacts>()
          let n = 0
          for await (const batch of store.readAll()) {
            for (const e of batch satisfies readonly RecordedEvent[])
              apply(state, e.type, e.customerId, e.data)
            n += batch.length
          }
          return n
        })
      const rounds = quick ? 2 : 5
      log(
        `rebuilding: raw client loop vs adapter, interleaved, ${rounds} rounds each (best wall rate, least CPU)`,
      )
      let best = { raw: 0, adapter: 0, rawCpu: Infinity, adapterCpu: Infinity, events: 0 }
      for (let round = 0; round < rounds; round++) {
        const r = await rawLoop()
        const a = await adapterLoop()
        if (r.events !== a.events)
          throw new Error(`raw loop read ${r.events} events, the adapter ${a.events}`)
        best = {
          raw: Math.max(best.raw, rate(r.events, r.ms)),
          adapter: Math.max(best.adapter, rate(a.events, a.ms)),
          rawCpu: Math.min(best.rawCpu, r.cpuMicros),
          adapterCpu: Math.min(best.adapterCpu, a.cpuMicros),
          events: a.events,
        }
        log(
          `round ${round + 1}: raw ${rate(r.events, r.ms)}/s (${r.cpuMicros.toFixed(1)} µs CPU/event), ` +
            `adapter ${rate(a.events, a.ms)}/s (${a.cpuMicros.toFixed(1)} µs CPU/event)`,
        )
      }
      const cpu = (micros: number) => Math.round(micros * 10) / 10
      results.push({
        name: 'rebuild: raw client read loop',
        events: best.events,
        eventsPerSec: best.raw,
        cpuMicrosPerEvent: cpu(best.rawCpu),
      })
      results.push({
        name: 'rebuild: through the adapter',
        events: best.events,
        eventsPerSec: best.adapter,
        ratio: best.adapter / best.raw,
        baseline: 'rebuild: raw client read loop',
        cpuMicrosPerEvent: cpu(best.adapterCpu),
        cpuRatio: best.rawCpu / best.adapterCpu,
        note: 'goal ≥ 0.8 (wall rate and client CPU); every event validated by core (upcast when older); system events filtered on the server',
      })
      log('append throughput by batch size')
      for (const size of [1, 500]) {
        const n = quick ? 500 : size === 1 ? 5000 : 100_000
        const extra = journeys(Math.ceil(n / size), size).map((j, i) =>
          j.map((e) => ({ ...e, streamId: `bench-${size}-${i}` })),
        )
        const run = await timed(async () => {
          for (const events of extra) await store.appendToStream(events[0]?.streamId ?? '', events)
          return extra.length * size
        })
        results.push({
          name: `append batches of ${size}`,
          events: run.events,
          eventsPerSec: rate(run.events, run.ms),
        })
      }

      return results
    } finally {
      await raw.dispose()
      await store.close()
      await double.stop()
    }
  },
}
