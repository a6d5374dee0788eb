import type { ProjectionCheckpoint } from '@journeykit/projections'
import {
  CheckpointConflictError,
  checkpointKey,
  defineProjection,
  projectionProcessor,
  runProjections,
} from '@journeykit/projections'
import { describe, expect, it } from 'vitest'
import { eventStoreDbCheckpointStore } from '../src/index.js'
import { collectAll, journey, useDoubleStore } from './fixtures.js'

interface Orders {
  orders: number
  note: string
}

const isOrders = (json: unknown): json is Orders =>
  typeof json === 'object' &&
  json !== null &&
  typeof Reflect.get(json, 'orders') === 'number' &&
  typeof Reflect.get(json, 'note') === 'string'

const codec = {
  decodeState: (json: unknown): Orders => {
    if (!isOrders(json)) throw new Error('not an order count')
    return json
  },
}

const ordersProjection = defineProjection<Orders>({
  name: 'esdb-orders',
  version: 1,
  initialState: () => ({ orders: 0, note: '' }),
  handlers: { OrderPlaced: (s) => void s.orders++ },
})

const checkpointOf = (
  position: bigint,
  partitions: number,
  note = '',
): ProjectionCheckpoint<Orders, undefined> => ({
  position,
  partitions: new Map(Array.from({ length: partitions }, (_, i) => [`c${i}`, { orders: i, note }])),
  portfolio: undefined,
  stats: { applied: partitions, ignored: 0, unhandled: { ContactAbandoned: 2 }, deadLetters: [] },
})

describe('checkpoints in EventStoreDB (over the double)', () => {
  const env = useDoubleStore()
  const store = () =>
    eventStoreDbCheckpointStore<Orders, undefined>({ connection: env.store.connection, codec })

  it('round-trip small and large checkpoints (written in parts below MaxAppendSize), with revisions', async () => {
    const checkpoints = store()
    const key = 'round-trip-v1'
    expect(await checkpoints.load(key)).toBeUndefined()
    const small = checkpointOf(2n ** 64n + 7n, 3)
    expect(await checkpoints.commit({ key, expected: 'none', checkpoint: small, changed: 'all' })).toBe(0n)
    expect(await checkpoints.load(key)).toEqual({ checkpoint: small, revision: 0n })
    const large = checkpointOf(2n ** 65n, 4000, 'x'.repeat(200)) // ≈ 1 MB of JSON
    expect(await checkpoints.commit({ key, expected: 0n, checkpoint: large, changed: 'all' })).toBe(1n)
    const restarted = store() // a new process: nothing cached
    expect(await restarted.load(key)).toEqual({ checkpoint: large, revision: 1n })
  })

  it('refuses a stale commit with CheckpointConflictError carrying the actual revision, and removes', async () => {
    const checkpoints = store()
    const key = 'conflict-v1'
    await checkpoints.commit({ key, expected: 'none', checkpoint: checkpointOf(10n, 1), changed: 'all' })
    await checkpoints.commit({ key, expected: 0n, checkpoint: checkpointOf(20n, 1), changed: 'all' })
    const stale = checkpoints.commit({ key, expected: 0n, checkpoint: checkpointOf(30n, 1), changed: 'all' })
    await expect(stale).rejects.toBeInstanceOf(CheckpointConflictError)
    await expect(stale).rejects.toMatchObject({ key, expected: 0n, actual: 1n })
    expect((await checkpoints.load(key))?.checkpoint.position).toBe(20n)
    await expect(checkpoints.remove(key, 0n)).rejects.toBeInstanceOf(CheckpointConflictError)
    await checkpoints.remove(key, 1n)
    expect(await checkpoints.load(key)).toBeUndefined()
  })

  it('lets a runner resume after a restart, and never shows checkpoint streams to readAll or subscribers', async () => {
    const events = journey('resume', 3)
    await env.store.appendToStream('customer-resume', events.slice(0, 2))
    const first = projectionProcessor(ordersProjection, { checkpoints: store() })
    const run1 = runProjections(env.store, [first])
    await run1.caughtUp
    await run1.stop()
    await env.store.appendToStream('customer-resume', events.slice(2))
    const second = projectionProcessor(ordersProjection, { checkpoints: store() })
    const run2 = runProjections(env.store, [second])
    await run2.caughtUp
    await run2.stop()
    expect(second.snapshot().partitions.get('resume')).toEqual({ orders: 3, note: '' })
    expect(second.snapshot().stats.ignored).toBe(1) // resumed at the checkpoint (inclusive read), not from scratch
    const stored = await store().load(checkpointKey(ordersProjection))
    expect(stored?.checkpoint.position).toBe(second.snapshot().position)
    const all = await collectAll(env.store.readAll())
    expect(all.some((e) => e.streamId.startsWith('journeykit-checkpoint-'))).toBe(false)
    expect(env.double.log.all().some((r) => r.streamId.startsWith('journeykit-checkpoint-'))).toBe(true)
  })
})
