import type { AllStreamResolvedEvent, Position, ResolvedEvent } from '@eventstore/db-client'
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  StreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
} from '@eventstore/db-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventStoreDouble } from './double/index.js'
import { startEventStoreDouble } from './double/index.js'

const events = (n: number, type = 'Tested') =>
  Array.from({ length: n }, (_, i) =>
    jsonEvent({ type, data: { i }, metadata: { $correlationId: `c-${i}` } }),
  )

const collect = async <T>(source: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = []
  for await (const item of source) out.push(item)
  return out
}

const positionOf = (e: ResolvedEvent): Position => {
  const p = e.event?.position
  if (p === undefined) throw new Error('event without position')
  return p
}

describe.each([
  { name: 'BatchAppend', batchAppend: true },
  { name: 'unary Append', batchAppend: false },
])('the EventStoreDB double, driven by the real client ($name)', ({ batchAppend }) => {
  let double: EventStoreDouble
  let client: EventStoreDBClient

  beforeAll(async () => {
    double = await startEventStoreDouble({ batchAppend, maxAppendSize: 64 * 1024 })
    client = EventStoreDBClient.connectionString(double.connectionString)
  })
  afterAll(async () => {
    await client.dispose()
    await double.stop()
  })

  it('records JSON events with type, content-type and created metadata, and reads them back', async () => {
    const result = await client.appendToStream('order-1', events(3), { expectedRevision: 'no_stream' })
    expect(result.nextExpectedRevision).toBe(2n)
    const read = await collect(client.readStream('order-1'))
    expect(read.map((e) => e.event?.revision)).toEqual([0n, 1n, 2n])
    expect(read.map((e) => e.event?.data)).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }])
    expect(read[0]?.event?.metadata).toEqual({ $correlationId: 'c-0' })
    expect(read[0]?.event?.isJson).toBe(true)
    expect(read[0]?.event?.created.getTime()).toBeGreaterThan(Date.parse('2020-01-01'))
    const raw = double.log.all().find((r) => r.streamId === 'order-1')
    expect(raw?.type).toBe('Tested')
    expect(raw?.contentType).toBe('application/json')
    // one append shares a commit position; prepare positions are not contiguous
    const [a, b] = read.map(positionOf)
    expect(a?.commit).toBe(b?.commit)
    expect(b!.prepare - a!.prepare).toBeGreaterThan(1n)
    expect(result.position).toEqual(positionOf(read[2]!))
  })

  it('answers a read of a missing stream with stream_not_found', async () => {
    await expect(collect(client.readStream('nobody-here'))).rejects.toBeInstanceOf(StreamNotFoundError)
  })

  it('refuses a wrong expected version with the stream, expected and actual revisions', async () => {
    await client.appendToStream('order-2', events(2))
    const error = await client
      .appendToStream('order-2', events(1), { expectedRevision: 0n })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WrongExpectedVersionError)
    expect(error).toMatchObject({ streamName: 'order-2', expectedVersion: 0n, actualVersion: 1n })
    const noStream = await client
      .appendToStream('order-3', events(1), { expectedRevision: 'stream_exists' })
      .catch((e: unknown) => e)
    expect(noStream).toMatchObject({ expectedVersion: 'stream_exists', actualVersion: 'no_stream' })
  })

  it('treats appending the same event ids at the same place as done (idempotent)', async () => {
    const batch = events(2)
    const first = await client.appendToStream('order-4', batch, { expectedRevision: 'no_stream' })
    const again = await client.appendToStream('order-4', batch, { expectedRevision: 'no_stream' })
    expect(again.nextExpectedRevision).toBe(first.nextExpectedRevision)
    expect(await collect(client.readStream('order-4'))).toHaveLength(2)
  })

  it('refuses an append above the maximum append size', async () => {
    const big = jsonEvent({ type: 'Big', data: { blob: 'x'.repeat(70 * 1024) } })
    await expect(client.appendToStream('order-5', big)).rejects.toMatchObject({ maxAppendSize: 64 * 1024 })
  })

  it('reads $all from a position inclusively, system events included, backwards from the end', async () => {
    const all = await collect(client.readAll())
    expect(all.some((e) => e.event?.type.startsWith('$'))).toBe(true)
    const third = all[2]
    const from = await collect(client.readAll({ fromPosition: positionOf(third!), maxCount: 2 }))
    expect(from[0]?.event?.id).toBe(third?.event?.id)
    const backwards = await collect(client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }))
    expect(backwards[0]?.event?.id).toBe(all[all.length - 1]?.event?.id)
  })

  it('soft-deletes (stream_not_found, $tb metadata, recreated by the next append) and tombstones', async () => {
    await client.appendToStream('order-6', events(2))
    await client.deleteStream('order-6')
    await expect(collect(client.readStream('order-6'))).rejects.toBeInstanceOf(StreamNotFoundError)
    const recreated = await client.appendToStream('order-6', events(1), { expectedRevision: 'no_stream' })
    expect(recreated.nextExpectedRevision).toBe(2n)
    expect((await collect(client.readStream('order-6'))).map((e) => e.event?.revision)).toEqual([2n])
    expect(double.log.metadataOf('order-6')).toMatchObject({ $tb: 2 })
    await client.tombstoneStream('order-6')
    await expect(collect(client.readStream('order-6'))).rejects.toBeInstanceOf(StreamDeletedError)
    await expect(client.appendToStream('order-6', events(1))).rejects.toBeInstanceOf(StreamDeletedError)
    const deleteAgain = await client.deleteStream('order-6').catch((e: unknown) => e)
    expect(deleteAgain).toBeInstanceOf(StreamDeletedError)
  })

  it('keeps only the last $maxCount events visible', async () => {
    await client.setStreamMetadata('cp-1', { maxCount: 1 })
    await client.appendToStream('cp-1', events(3))
    const read = await collect(client.readStream('cp-1'))
    expect(read.map((e) => e.event?.revision)).toEqual([2n])
  })

  it('answers UNAVAILABLE to an append when told to', async () => {
    double.faults.failNextAppends(1)
    await expect(client.appendToStream('order-7', events(1))).rejects.toBeInstanceOf(UnavailableError)
    const retried = await client.appendToStream('order-7', events(1))
    expect(retried.nextExpectedRevision).toBe(0n)
  })
})

describe('subscriptions of the double', () => {
  let double: EventStoreDouble
  let client: EventStoreDBClient

  beforeAll(async () => {
    double = await startEventStoreDouble()
    client = EventStoreDBClient.connectionString(double.connectionString)
    for (let i = 0; i < 10; i++) {
      await client.appendToStream(`customer-${i}`, events(3, 'Placed'))
      double.log.appendSystemEvent('$stats-127.0.0.1:2113', '$statsCollected')
    }
  })
  afterAll(async () => {
    await client.dispose()
    await double.stop()
  })

  it('sends confirmation, the catch-up events, caught-up, then live events; `from` is exclusive', async () => {
    const all = await collect(client.readAll())
    const marker = all.find((e) => e.event?.streamId === 'customer-4')
    const seen: string[] = []
    const subscription = client.subscribeToAll({
      fromPosition: positionOf(marker!),
      filter: excludeSystemEvents(),
    })
    subscription.on('confirmation', () => seen.push('confirmation'))
    let live: Promise<unknown> = Promise.resolve()
    subscription.on('caughtUp', () => {
      seen.push('caughtUp')
      live = client.appendToStream('customer-live', events(1, 'Live'))
    })
    const received: AllStreamResolvedEvent[] = []
    for await (const e of subscription) {
      received.push(e)
      seen.push('event')
      if (e.event?.type === 'Live') break
    }
    await live
    expect(received).toHaveLength(2 + 5 * 3 + 1)
    expect(received[0]?.event?.revision).toBe(1n)
    expect(received[0]?.event?.streamId).toBe('customer-4')
    expect(seen[0]).toBe('confirmation')
    expect(seen.indexOf('caughtUp')).toBe(seen.length - 2)
    expect(received.every((e) => !e.event?.type.startsWith('$'))).toBe(true)
  })

  it('filters server-side by event type or stream prefix and reports checkpoints through filtered-out events', async () => {
    await client.appendToStream('rare-1', events(1, 'Rare'))
    for (let i = 0; i < 5; i++) await client.appendToStream('noise', events(40, 'Noise'))
    await client.appendToStream('rare-2', events(1, 'Rare'))
    const checkpoints: Position[] = []
    const byType = client.subscribeToAll({
      filter: eventTypeFilter({
        prefixes: ['Rare'],
        checkpointInterval: 1,
        checkpointReached: (_s, p) => void checkpoints.push(p),
      }),
    })
    const rare: string[] = []
    for await (const e of byType) {
      rare.push(e.event?.streamId ?? '')
      if (rare.length === 2) break
    }
    expect(rare).toEqual(['rare-1', 'rare-2'])
    expect(checkpoints.length).toBeGreaterThanOrEqual(4)
    const byStream = client.subscribeToAll({ filter: streamNameFilter({ prefixes: ['rare-'] }) })
    const streams: string[] = []
    for await (const e of byStream) {
      streams.push(e.event?.streamId ?? '')
      if (streams.length === 2) break
    }
    expect(streams).toEqual(['rare-1', 'rare-2'])
  })

  it('drops the connection in the middle of a subscription when told to', async () => {
    const subscription = client.subscribeToAll({ filter: excludeSystemEvents() })
    let count = 0
    const outcome = await (async () => {
      try {
        for await (const _ of subscription) {
          if (++count === 5) double.faults.dropConnections()
        }
        return 'ended'
      } catch (e) {
        return e
      }
    })()
    expect(outcome).toBeInstanceOf(Error)
    expect(count).toBeGreaterThanOrEqual(5)
  })
})
