import type { EventStore, JourneyEvent } from '@journeykit/core'
import { customerStreamId, eachEvent, flatString, isJourneyEvent } from '@journeykit/core'
import { xoshiro128 } from '@journeykit/simulator'
import { memoryEventStore } from '@journeykit/store-memory'
import type { Bench, BenchResult } from '../harness.js'
import { heapUsed, rate } from '../harness.js'

const HEX = '0123456789abcdef'
const idBuffer = Buffer.alloc(36)

/**
 * A UUID v7 for `ms` with seeded random bits, as a flat string (like the ids `uuid` or `JSON.parse` produce;
 * concatenating short strings would build V8 cons strings and overstate the memory an event holds).
 */
const uuidV7 = (ms: number, random: () => number): string => {
  const hex = ms.toString(16).padStart(12, '0')
  let o = 0
  const put = (c: string): void => {
    idBuffer[o++] = c.charCodeAt(0)
  }
  for (let i = 0; i < 12; i++) {
    put(hex[i] ?? '0')
    if (i === 7) put('-')
  }
  put('-')
  put('7')
  for (let i = 0; i < 3; i++) put(HEX[Math.floor(random() * 16)] ?? '0')
  put('-')
  put(HEX[8 + Math.floor(random() * 4)] ?? '8')
  for (let i = 0; i < 3; i++) put(HEX[Math.floor(random() * 16)] ?? '0')
  put('-')
  for (let i = 0; i < 12; i++) put(HEX[Math.floor(random() * 16)] ?? '0')
  return idBuffer.toString('latin1')
}

const FIRST = ['Anna', 'Ben', 'Carla', 'Deniz', 'Emil', 'Fatima', 'Gustavo', 'Hana', 'Ivo', 'Julia']
const LAST = ['Schmidt', 'Silva', 'Okafor', 'Nguyen', 'Kowalski', 'Rossi', 'Tanaka', 'Meyer', 'Haddad']
const COMPANY = ['GmbH', 'Ltda', 'Inc', 'SARL', 'BV']
const COUNTRIES = ['DE', 'BR', 'US', 'FR', 'NL', 'JP', 'PL', 'IT'] as const
const CURRENCY = { DE: 'EUR', BR: 'BRL', US: 'USD', FR: 'EUR', NL: 'EUR', JP: 'JPY', PL: 'PLN', IT: 'EUR' }
const CHANNELS = ['web', 'app', 'phone', 'email', 'chat', 'store'] as const
const TOPICS = ['billing', 'delivery', 'product', 'returns', 'account']
const CARRIERS = ['DHL', 'UPS', 'Correios', 'FedEx']
const TEXTS = ['Where is my parcel?', 'The invoice amount looks wrong to me.', 'Can I change my order?']
const SKUS = Array.from({ length: 500 }, (_, i) => `SKU-${String(i).padStart(5, '0')}`)

interface CustomerJourney {
  readonly customerId: string
  readonly streamId: string
  readonly country: (typeof COUNTRIES)[number]
  registered: boolean
  clockMs: number
  orders: number
  inquiries: number
  surveys: number
  readonly pending: JourneyEvent[]
}

export interface RealisticEventsOptions {
  /** Default 10,000. */
  readonly customers?: number
  /** Default 42. */
  readonly seed?: number
}

export interface RealisticEvents {
  readonly customers: number
  /** The next event of customer `index`'s journey (registration first). */
  readonly nextFor: (index: number) => JourneyEvent
  /** The next event of a customer picked at random. */
  readonly next: () => JourneyEvent
}

/**
 * Deterministic, realistic customer journeys: each customer registers, then orders (1-3 lines, promised,
 * shipped and delivered or failed), asks (received, answered, resolved), abandons contacts and answers
 * surveys. Every event is a valid journey event with a UUID v7 id, flat strings and current schema versions.
 */
export const realisticEvents = (options: RealisticEventsOptions = {}): RealisticEvents => {
  const random = xoshiro128(options.seed ?? 42, 0).next
  const count = options.customers ?? 10_000
  const pick = <T>(xs: readonly T[]): T => {
    const x = xs[Math.floor(random() * xs.length)]
    if (x === undefined) throw new Error('pick from an empty list')
    return x
  }
  const journeys: CustomerJourney[] = Array.from({ length: count }, (_, i) => {
    const customerId = flatString(`c${String(i).padStart(6, '0')}`)
    return {
      customerId,
      streamId: customerStreamId(customerId),
      country: pick(COUNTRIES),
      registered: false,
      clockMs: Date.UTC(2021, 0, 1) + Math.floor(random() * 86_400_000 * 365),
      orders: 0,
      inquiries: 0,
      surveys: 0,
      pending: [],
    }
  })

  const envelope = (j: CustomerJourney, advanceMs: number) => {
    j.clockMs += advanceMs
    const recordedMs = j.clockMs + 200 + Math.floor(random() * 5000)
    return {
      id: uuidV7(recordedMs, random),
      streamId: j.streamId,
      customerId: j.customerId,
      occurredAt: new Date(j.clockMs).toISOString(),
      recordedAt: new Date(recordedMs).toISOString(),
    }
  }
  const hours = (n: number): number => Math.floor(n * 3_600_000 * (0.5 + random()))

  const register = (j: CustomerJourney): JourneyEvent => {
    j.registered = true
    const organization = random() < 0.3
    const name = organization ? `${pick(LAST)} ${pick(COMPANY)}` : `${pick(FIRST)} ${pick(LAST)}`
    return {
      ...envelope(j, 0),
      type: 'CustomerRegistered',
      schemaVersion: 1,
      data: {
        kind: organization ? 'organization' : 'person',
        name: flatString(name),
        country: j.country,
        ...(organization ? { segment: 'enterprise' } : {}),
      },
    }
  }

  const order = (j: CustomerJourney): JourneyEvent => {
    const orderId = flatString(`${j.customerId}-o${++j.orders}`)
    const deliveryId = flatString(`${orderId}d`)
    const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
      sku: pick(SKUS),
      quantity: 1 + Math.floor(random() * 4),
      unitPrice: 500 + Math.floor(random() * 20_000),
    }))
    const amount = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0)
    const currency = CURRENCY[j.country]
    const delivery = { deliveryId, orderId }
    const promisedBy = new Date(j.clockMs + 86_400_000 * 5).toISOString().slice(0, 10)
    j.pending.push(
      {
        ...envelope(j, hours(1)),
        type: 'DeliveryPromised',
        schemaVersion: 1,
        data: { ...delivery, promisedBy },
      },
      {
        ...envelope(j, hours(30)),
        type: 'DeliveryShipped',
        schemaVersion: 1,
        data: { ...delivery, carrier: pick(CARRIERS) },
      },
      random() < 0.05
        ? {
            ...envelope(j, hours(60)),
            type: 'DeliveryFailed',
            schemaVersion: 1,
            data: { ...delivery, reason: 'address not found' },
          }
        : { ...envelope(j, hours(60)), type: 'DeliveryCompleted', schemaVersion: 1, data: delivery },
    )
    return {
      ...envelope(j, hours(24 * 7)),
      type: 'OrderPlaced',
      schemaVersion: 2,
      data: { orderId, currency, amount, lines, channel: pick(CHANNELS) },
    }
  }

  const inquiry = (j: CustomerJourney): JourneyEvent => {
    const inquiryId = flatString(`${j.customerId}-i${++j.inquiries}`)
    const channel = pick(CHANNELS)
    j.pending.push(
      { ...envelope(j, hours(5)), type: 'InquiryAnswered', schemaVersion: 1, data: { inquiryId, channel } },
      {
        ...envelope(j, hours(20)),
        type: 'InquiryResolved',
        schemaVersion: 1,
        data: { inquiryId, firstContactResolution: random() < 0.6 },
      },
    )
    return {
      ...envelope(j, hours(24 * 5)),
      type: 'InquiryReceived',
      schemaVersion: 1,
      data: { inquiryId, channel, topic: pick(TOPICS), ...(random() < 0.3 ? { text: pick(TEXTS) } : {}) },
    }
  }

  const other = (j: CustomerJourney): JourneyEvent =>
    random() < 0.5
      ? {
          ...envelope(j, hours(24 * 4)),
          type: 'SurveyAnswered',
          schemaVersion: 1,
          data: { surveyId: flatString(`${j.customerId}-s${++j.surveys}`), nps: Math.floor(random() * 11) },
        }
      : {
          ...envelope(j, hours(24 * 3)),
          type: 'ContactAbandoned',
          schemaVersion: 1,
          data: {
            contactId: uuidV7(j.clockMs, random),
            channel: 'phone',
            kind: 'queue_hangup',
            waitSeconds: Math.floor(random() * 600),
          },
        }

  const nextFor = (index: number): JourneyEvent => {
    const j = journeys[index % count]
    if (j === undefined) throw new Error(`no customer ${index}`)
    if (!j.registered) return register(j)
    const queued = j.pending.shift()
    if (queued !== undefined) return queued
    const r = random()
    return r < 0.45 ? order(j) : r < 0.8 ? inquiry(j) : other(j)
  }
  return { customers: count, nextFor, next: () => nextFor(Math.floor(random() * count)) }
}

/** Appends `count` events of `events`, one append per event (the store's footprint does not depend on it). */
const fill = async (store: EventStore, events: RealisticEvents, count: number): Promise<void> => {
  for (let i = 0; i < count; i++) {
    const event = events.next()
    await store.appendToStream(event.streamId, [event])
  }
}

/** Reads everything through `readAll` and returns events per second. */
export const readAllRate = async (store: EventStore): Promise<{ events: number; eventsPerSec: number }> => {
  const started = performance.now()
  let events = 0
  let orders = 0
  for await (const event of eachEvent(store.readAll())) {
    events++
    if (event.type === 'OrderPlaced') orders++
  }
  if (orders === 0 && events > 100) throw new Error('readAll delivered no orders')
  return { events, eventsPerSec: rate(events, performance.now() - started) }
}

export const memoryFootprintBench: Bench = {
  name: 'memory-footprint',
  description: 'Heap bytes the memory store holds per stored event at 1M realistic events; readAll speed.',
  run: async ({ quick, log }) => {
    const count = quick ? 20_000 : 1_000_000
    const events = realisticEvents({ customers: quick ? 1_000 : 10_000 })
    if (quick)
      for (let i = 0; i < 2_000; i++) {
        const event: unknown = events.next()
        if (!isJourneyEvent(event))
          throw new Error(`the factory made an invalid event: ${JSON.stringify(event)}`)
      }
    const before = heapUsed()
    const store = memoryEventStore()
    const started = performance.now()
    await fill(store, events, count)
    const appendMs = performance.now() - started
    const after = heapUsed()
    const bytesPerEvent = Math.round((after - before) / count)
    log(`memory-footprint: ${count} events, ${bytesPerEvent} B/event, appended in ${Math.round(appendMs)} ms`)
    const read = await readAllRate(store)
    const again = await readAllRate(store)
    log(`memory-footprint: readAll ${read.eventsPerSec} then ${again.eventsPerSec} events/s`)
    const results: BenchResult[] = [
      {
        name: 'memory-footprint/held',
        events: count,
        eventsPerSec: rate(count, appendMs),
        bytesPerEvent,
        note: 'heap used after appending minus before, after gc; goal <= 400 B/event',
      },
      {
        name: 'memory-footprint/readAll',
        events: again.events,
        eventsPerSec: Math.max(read.eventsPerSec, again.eventsPerSec),
        note: 'readAll of the whole store, batches of 512, best of two passes',
      },
    ]
    return results
  },
}
