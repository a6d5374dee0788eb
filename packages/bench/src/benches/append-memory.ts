import type { CustomerCommand, JourneyEvent } from '@journeykit/core'
import { commandHandler, customerDecider, customerStreamId } from '@journeykit/core'
import { simulate } from '@journeykit/simulator'
import { memoryEventStore } from '@journeykit/store-memory'
import type { Bench, BenchResult } from '../harness.js'

const rate = (events: number, ms: number): number => Math.round((events / ms) * 1000)

/** Appends `events` in batches of up to `size` consecutive events of one customer. */
const appendInBatches = async (events: readonly JourneyEvent[], size: number): Promise<number> => {
  const byStream = new Map<string, JourneyEvent[]>()
  for (const e of events) {
    const list = byStream.get(e.streamId) ?? []
    list.push(e)
    byStream.set(e.streamId, list)
  }
  const store = memoryEventStore()
  const started = performance.now()
  for (const [streamId, list] of byStream)
    for (let i = 0; i < list.length; i += size) await store.appendToStream(streamId, list.slice(i, i + size))
  return performance.now() - started
}

const appendOneByOne = async (events: readonly JourneyEvent[]): Promise<number> => {
  const store = memoryEventStore()
  const started = performance.now()
  for (const e of events) await store.appendToStream(e.streamId, [e])
  return performance.now() - started
}

/** `orders` PlaceOrder commands for each of `customers` customers, through the command handler. */
const throughCommandHandler = async (
  customers: number,
  orders: number,
): Promise<{ ms: number; events: number }> => {
  const store = memoryEventStore()
  const handle = commandHandler(store, customerDecider, (c: CustomerCommand) =>
    customerStreamId(c.customerId),
  )
  const started = performance.now()
  let events = 0
  for (let c = 0; c < customers; c++) {
    const customerId = `bench-${c}`
    const registered = await handle({
      type: 'RegisterCustomer',
      customerId,
      occurredAt: '2024-01-01T00:00:00Z',
      data: { kind: 'person', name: `Customer ${c}`, country: 'DE' },
    })()
    if (registered._tag === 'Left') throw new Error(`refused: ${JSON.stringify(registered.left)}`)
    events++
  }
  for (let n = 0; n < orders; n++)
    for (let c = 0; c < customers; c++) {
      const result = await handle({
        type: 'PlaceOrder',
        customerId: `bench-${c}`,
        occurredAt: '2024-02-01T00:00:00Z',
        data: {
          orderId: `o${n}`,
          currency: 'EUR',
          amount: 100,
          lines: [{ sku: 'sku', quantity: 1, unitPrice: 100 }],
          channel: 'web',
        },
      })()
      if (result._tag === 'Left') throw new Error(`refused: ${JSON.stringify(result.left)}`)
      events++
    }
  return { ms: performance.now() - started, events }
}

export const appendMemoryBench: Bench = {
  name: 'append-memory',
  description: 'Append throughput of the memory store: raw batches, one event per append, and commands.',
  run: async ({ quick, log }) => {
    const events = [...simulate({ customers: quick ? 100 : 2_000, seed: 3 })]
    // best of two runs each: the first pays for JIT warm-up and the garbage of the one before
    const batched = Math.min(await appendInBatches(events, 100), await appendInBatches(events, 100))
    const single = Math.min(await appendOneByOne(events), await appendOneByOne(events))
    const commands = await throughCommandHandler(quick ? 20 : 1_000, quick ? 5 : 20)
    log(`append-memory: ${events.length} simulated events; ${commands.events} events through commands`)
    const batchRate = rate(events.length, batched)
    const results: BenchResult[] = [
      { name: 'append-memory/batches-of-100', events: events.length, eventsPerSec: batchRate },
      {
        name: 'append-memory/one-per-append',
        events: events.length,
        eventsPerSec: rate(events.length, single),
        ratio: Number((rate(events.length, single) / batchRate).toFixed(3)),
        baseline: 'append-memory/batches-of-100',
      },
      {
        name: 'append-memory/command-handler',
        events: commands.events,
        eventsPerSec: rate(commands.events, commands.ms),
        ratio: Number((rate(commands.events, commands.ms) / batchRate).toFixed(3)),
        baseline: 'append-memory/batches-of-100',
        note: 'each command reads its stream, folds the decider state, decides, appends with the expected revision',
      },
    ]
    return results
  },
}
