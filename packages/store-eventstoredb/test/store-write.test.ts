import {
  EventStoreUnavailableError,
  InvalidAppendError,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@journeykit/core'
import { describe, expect, it } from 'vitest'
import { decodePosition } from '../src/index.js'
import { collect, journey, orderPlaced, registered, useDoubleStore } from './fixtures.js'

describe.each([
  { name: 'BatchAppend', batchAppend: true },
  { name: 'unary Append', batchAppend: false },
])('appending and reading streams over the double ($name)', ({ batchAppend }) => {
  const env = useDoubleStore({ batchAppend, maxAppendSize: 16 * 1024 }, { maxAppendBytes: 16 * 1024 })

  it('round-trips events with revisions and increasing positions, metadata as $correlationId/$causationId', async () => {
    const events = journey('acme', 3)
    const result = await env.store.appendToStream('customer-acme', events, { expectedRevision: 'no_stream' })
    expect(result.nextExpectedRevision).toBe(3n)
    const read = await collect(env.store.readStream('customer-acme'))
    expect(read.map(({ position: _p, revision: _r, ...e }) => e)).toEqual(events)
    expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n])
    const positions = read.map((e) => e.position)
    expect(positions.every((p, i) => i === 0 || p > (positions[i - 1] ?? 0n))).toBe(true)
    expect(result.position).toBe(positions[3])
    const stored = env.double.log.all().find((r) => r.id === events[0]?.id)
    expect(JSON.parse(Buffer.from(stored?.customMetadata ?? []).toString())).toMatchObject({
      $correlationId: 'corr-acme',
      $causationId: 'cmd-acme',
      actor: 'agent-7',
      customerId: 'acme',
      schemaVersion: 1,
    })
    // the encoded position keeps both of the server's numbers
    expect(decodePosition(positions[0] ?? 0n)).toEqual({ commit: stored?.commit, prepare: stored?.prepare })
  })

  it('reads backwards, from a revision (inclusive), and at most maxCount', async () => {
    const back = await collect(env.store.readStream('customer-acme', { direction: 'backwards', maxCount: 2 }))
    expect(back.map((e) => e.revision)).toEqual([3n, 2n])
    const from = await collect(env.store.readStream('customer-acme', { from: 1n, maxCount: 2 }))
    expect(from.map((e) => e.revision)).toEqual([1n, 2n])
  })

  it('refuses a wrong expected version with the typed error carrying expected and actual', async () => {
    const stale = await env.store
      .appendToStream('customer-acme', [orderPlaced('acme', 'late')], { expectedRevision: 1n })
      .catch((e: unknown) => e)
    expect(stale).toBeInstanceOf(WrongExpectedVersionError)
    expect(stale).toMatchObject({ streamId: 'customer-acme', expected: 1n, actual: 3n })
    const exists = await env.store
      .appendToStream('customer-nobody', [registered('nobody')], { expectedRevision: 'stream_exists' })
      .catch((e: unknown) => e)
    expect(exists).toMatchObject({
      _tag: 'WrongExpectedVersion',
      expected: 'stream_exists',
      actual: 'no_stream',
    })
    const empty = await env.store
      .appendToStream('customer-acme', [], { expectedRevision: 'no_stream' })
      .catch((e: unknown) => e)
    expect(empty).toMatchObject({ _tag: 'WrongExpectedVersion', actual: 3n })
  })

  it('is idempotent by event id: the same append again writes nothing and answers the same', async () => {
    const events = journey('idem', 2)
    const first = await env.store.appendToStream('customer-idem', events, { expectedRevision: 'no_stream' })
    const again = await env.store.appendToStream('customer-idem', events, { expectedRevision: 'no_stream' })
    const any = await env.store.appendToStream('customer-idem', events)
    expect(again).toEqual(first)
    expect(any).toEqual(first)
    expect(await collect(env.store.readStream('customer-idem'))).toHaveLength(3)
  })

  it('splits an append larger than the maximum append size, in order, and refuses an event too big alone', async () => {
    const big = Array.from({ length: 60 }, (_, i) => ({
      ...orderPlaced('big', `o-${i}`),
      data: {
        ...orderPlaced('big', `o-${i}`).data,
        lines: Array.from({ length: 20 }, (_, k) => ({ sku: `sku-${k}`, quantity: 1, unitPrice: 1 })),
      },
    }))
    const result = await env.store.appendToStream('customer-big', big, { expectedRevision: 'no_stream' })
    expect(result.nextExpectedRevision).toBe(59n)
    const read = await collect(env.store.readStream('customer-big'))
    expect(read.map((e) => e.id)).toEqual(big.map((e) => e.id))
    const commits = new Set(
      env.double.log
        .all()
        .filter((r) => r.streamId === 'customer-big')
        .map((r) => r.commit),
    )
    expect(commits.size).toBeGreaterThan(1)
    const huge = {
      ...orderPlaced('huge', 'o-1'),
      data: { ...orderPlaced('huge', 'o-1').data, partnerId: 'p'.repeat(20_000) },
    }
    await expect(
      env.store.appendToStream('customer-huge', [registered('huge'), huge]),
    ).rejects.toBeInstanceOf(InvalidAppendError)
    await expect(collect(env.store.readStream('customer-huge'))).rejects.toBeInstanceOf(StreamNotFoundError)
  })

  it('refuses events of another stream and duplicate ids before writing anything', async () => {
    const e = registered('mixed')
    await expect(env.store.appendToStream('customer-other', [e])).rejects.toBeInstanceOf(InvalidAppendError)
    await expect(env.store.appendToStream('customer-mixed', [e, e])).rejects.toBeInstanceOf(
      InvalidAppendError,
    )
    await expect(collect(env.store.readStream('customer-mixed'))).rejects.toBeInstanceOf(StreamNotFoundError)
  })

  it('soft-deletes (not found, recreated by a later append) and tombstones (deleted for good)', async () => {
    await env.store.appendToStream('customer-gone', journey('gone', 1))
    await env.store.deleteStream('customer-gone', { expectedRevision: 'stream_exists' })
    await expect(collect(env.store.readStream('customer-gone'))).rejects.toBeInstanceOf(StreamNotFoundError)
    await expect(env.store.deleteStream('customer-gone')).rejects.toBeInstanceOf(StreamNotFoundError)
    const again = await env.store.appendToStream('customer-gone', [orderPlaced('gone', 'o-9')], {
      expectedRevision: 'no_stream',
    })
    expect(again.nextExpectedRevision).toBe(2n)
    const wrong = await env.store
      .deleteStream('customer-gone', { expectedRevision: 0n })
      .catch((e: unknown) => e)
    expect(wrong).toMatchObject({ _tag: 'WrongExpectedVersion', expected: 0n, actual: 2n })
    await env.store.deleteStream('customer-gone', { mode: 'tombstone', expectedRevision: 2n })
    await expect(collect(env.store.readStream('customer-gone'))).rejects.toBeInstanceOf(StreamDeletedError)
    await expect(
      env.store.appendToStream('customer-gone', [orderPlaced('gone', 'o-10')]),
    ).rejects.toBeInstanceOf(StreamDeletedError)
    await expect(env.store.deleteStream('customer-gone')).rejects.toBeInstanceOf(StreamDeletedError)
  })

  it('maps UNAVAILABLE on append to EventStoreUnavailableError; retrying the same append writes it once', async () => {
    const events = journey('flaky', 1)
    env.double.faults.failNextAppends(1)
    await expect(env.store.appendToStream('customer-flaky', events)).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    )
    await env.store.appendToStream('customer-flaky', events, { expectedRevision: 'no_stream' })
    await env.store.appendToStream('customer-flaky', events, { expectedRevision: 'no_stream' })
    expect(await collect(env.store.readStream('customer-flaky'))).toHaveLength(2)
  })
})
