import { describe, expect, it } from 'vitest'
import type { StateCodec } from '../src/index.js'
import {
  InvalidCheckpointError,
  checkpointFromJson,
  projectionProcessor,
  runProjections,
} from '../src/index.js'
import { orderPlaced, registered } from './support/events.js'
import type { Tally } from './support/fragile.js'
import { fragileProjection } from './support/fragile.js'
import { jsonCheckpointStore } from './support/json-store.js'
import { storeWith } from './support/stores.js'

const tallyOf = (json: unknown): Tally => {
  if (typeof json !== 'object' || json === null) throw new Error('a tally must be an object')
  const orders: unknown = Reflect.get(json, 'orders')
  const revenue: unknown = Reflect.get(json, 'revenue')
  if (typeof orders !== 'number' || typeof revenue !== 'number')
    throw new Error('orders and revenue must be numbers')
  return { orders, revenue }
}
const codec: StateCodec<Tally, Tally> = { decodeState: tallyOf, decodePortfolio: tallyOf }

const comparable = (
  snapshot: ReturnType<ReturnType<typeof projectionProcessor<Tally, Tally>>['snapshot']>,
) => ({
  partitions: Object.fromEntries(snapshot.partitions),
  portfolio: snapshot.portfolio,
  position: snapshot.position,
  applied: snapshot.stats.applied,
  deadLetters: snapshot.stats.deadLetters.map(({ event, error }) => ({
    event,
    message: error.message,
    target: error.target,
    partition: error.partition,
    position: error.position,
  })),
})

describe('checkpoints as JSON', () => {
  it('round-trip state, position, stats and dead letters through a store that keeps only text', async () => {
    const events = [
      registered('c1'),
      orderPlaced('c1', 'o1', 100),
      orderPlaced('c2', 'o2', 13),
      orderPlaced('c1', 'o3', 5, 'JPY'),
    ]
    const store = await storeWith(events)
    const checkpoints = jsonCheckpointStore(codec)
    const first = projectionProcessor(fragileProjection, { onError: 'skip', checkpoints })
    const run1 = runProjections(store, [first])
    await run1.caughtUp
    await run1.stop()
    const text = checkpoints.texts.get(first.key) ?? ''
    expect(JSON.parse(text)).toMatchObject({ format: 1, position: String(first.snapshot().position) })

    const again = projectionProcessor(fragileProjection, { onError: 'skip', checkpoints })
    const run2 = runProjections(store, [again])
    await run2.caughtUp
    expect(comparable(again.snapshot())).toEqual(comparable(first.snapshot()))
    expect(again.snapshot().stats.deadLetters[0]?.error.cause).toMatchObject({ message: 'unlucky amount' })
    // Loaded states are frozen like any other snapshot, and the runner goes on live from them.
    expect(Object.isFrozen(again.snapshot().partitions.get('c1'))).toBe(true)
    const late = orderPlaced('c1', 'o4', 1)
    await store.appendToStream(late.streamId, [late])
    await run2.stop()
    expect(again.snapshot().partitions.get('c1')).toEqual({ orders: 3, revenue: 106 })
  })

  it('refuses a damaged record and names the part', () => {
    const valid = { format: 1, position: '128', partitions: [['c1', { orders: 1, revenue: 2 }]], stats: {} }
    expect(() => checkpointFromJson({ ...valid, position: 128 }, codec)).toThrow(InvalidCheckpointError)
    expect(() => checkpointFromJson(valid, codec)).toThrow(/stats.unhandled/)
    expect(() => checkpointFromJson({ ...valid, partitions: [['c1', { orders: 'x' }]] }, codec)).toThrow(
      /numbers/,
    )
    expect(() => checkpointFromJson({ ...valid, format: 2 }, codec)).toThrow(/format/)
  })
})
