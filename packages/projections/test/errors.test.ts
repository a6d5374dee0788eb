import type { RecordedEvent } from '@journeykit/core'
import { describe, expect, it } from 'vitest'
import {
  ProjectionHandlerError,
  foldProjection,
  ProjectionUsageError,
  memoryCheckpointStore,
  projectionProcessor,
  rebuildProjections,
  runProjections,
} from '../src/index.js'
import { fromNewerProducer, orderCancelled, orderPlaced, registered } from './support/events.js'
import type { Tally } from './support/fragile.js'
import { fragileProjection } from './support/fragile.js'
import { ordersProjection } from './support/orders.js'
import { scriptedStore, storeWith } from './support/stores.js'
import { recordEvents } from './support/testing.js'

const history = recordEvents([
  orderPlaced('c1', 'o1', 100),
  orderPlaced('c2', 'o2', 13), // partition handler throws (c2)
  orderPlaced('c1', 'o3', 50, 'JPY'), // portfolio handler throws
  orderPlaced('c2', 'o4', 7),
  orderPlaced('c3', 'o5', 13, 'JPY'), // both throw
  orderPlaced('c3', 'o6', 1),
])
const at = (i: number): RecordedEvent => {
  const event = history[i]
  if (event === undefined) throw new Error(`no event ${i}`)
  return event
}

/** What `fragile` must hold under `skip`: every failed event left out of the state its handler threw in. */
const expectedUnderSkip = {
  partitions: {
    c1: { orders: 2, revenue: 150 },
    c2: { orders: 1, revenue: 7 },
    c3: { orders: 1, revenue: 1 },
  },
  portfolio: { orders: 4, revenue: 100 + 13 + 7 + 1 },
}

const deadLetterSummary = (letters: readonly { readonly error: ProjectionHandlerError }[]) =>
  letters.map(({ error }) => ({ position: error.position, target: error.target, partition: error.partition }))

const expectedDeadLetters = [
  { position: at(1).position, target: 'partition', partition: 'c2' },
  { position: at(2).position, target: 'portfolio', partition: undefined },
  { position: at(4).position, target: 'partition', partition: 'c3' },
  { position: at(4).position, target: 'portfolio', partition: undefined },
]

describe('the halt policy (default)', () => {
  it('stops a rebuild with a typed error naming projection, position, event id and type, with the cause', async () => {
    const processor = projectionProcessor(fragileProjection)
    const failure = await rebuildProjections(() => [history], [processor]).then(
      () => undefined,
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(ProjectionHandlerError)
    if (!(failure instanceof ProjectionHandlerError)) return
    expect(failure._tag).toBe('ProjectionHandlerError')
    expect(failure).toMatchObject({
      projection: 'fragile',
      version: 1,
      position: at(1).position,
      eventId: at(1).id,
      eventType: 'OrderPlaced',
      target: 'partition',
      partition: 'c2',
    })
    expect(failure.cause).toEqual(new Error('unlucky amount'))
    expect(failure.message).toContain(`position ${at(1).position}`)
    expect(failure.message).toContain(at(1).id)
    // Nothing of the failed rebuild reaches readers, and the processor refuses to go on.
    expect(processor.snapshot().partitions.size).toBe(0)
    expect(processor.snapshot().position).toBeUndefined()
    await expect(rebuildProjections(() => [history], [processor])).rejects.toBeInstanceOf(
      ProjectionUsageError,
    )
  })

  it('ends foldProjection with the same typed error', () => {
    expect(() => foldProjection(fragileProjection, history.slice(0, 2))).toThrow(ProjectionHandlerError)
    expect(() => foldProjection(fragileProjection, [at(2)])).toThrow(
      expect.objectContaining({
        target: 'portfolio',
        position: at(2).position,
        cause: new RangeError('no yen here'),
      }),
    )
  })

  it('stops a live runner: the failing batch is not applied, the last commit stays', async () => {
    const checkpoints = memoryCheckpointStore<Tally, Tally>()
    const processor = projectionProcessor(fragileProjection, { checkpoints })
    const first = history.slice(0, 1)
    const failing = [at(3), at(4)]
    const runner = runProjections(scriptedStore([], [first, failing]), [processor])
    await expect(runner.done).rejects.toMatchObject({
      _tag: 'ProjectionHandlerError',
      position: at(4).position,
    })
    expect(await runner.caughtUp).toBe(false)
    expect(runner.status()).toBe('failed')
    expect(Object.fromEntries(processor.snapshot().partitions)).toEqual({ c1: { orders: 1, revenue: 100 } })
    expect((await checkpoints.load(processor.key))?.checkpoint.position).toBe(at(0).position)
  })
})

describe('the skip policy', () => {
  it('keeps each failed event with its error in the dead-letter list; a rebuild leaves no half-applied trace', async () => {
    const processor = projectionProcessor(fragileProjection, { onError: 'skip' })
    await rebuildProjections(() => [history.slice(0, 3), history.slice(3)], [processor])
    const snapshot = processor.snapshot()
    expect(Object.fromEntries(snapshot.partitions)).toEqual(expectedUnderSkip.partitions)
    expect(snapshot.portfolio).toEqual(expectedUnderSkip.portfolio)
    expect(deadLetterSummary(snapshot.stats.deadLetters)).toEqual(expectedDeadLetters)
    const [first] = snapshot.stats.deadLetters
    expect(first?.event).toBe(at(1))
    expect(first?.error.cause).toEqual(new Error('unlucky amount'))
    expect(snapshot.position).toBe(at(5).position)
  })

  it('gives the same state and dead letters live, whatever the batches', async () => {
    for (const cut of [1, 2, 4]) {
      const processor = projectionProcessor(fragileProjection, { onError: 'skip' })
      const batches = [history.slice(0, cut), history.slice(cut)]
      const runner = runProjections(scriptedStore([], batches), [processor])
      expect(await runner.caughtUp).toBe(true)
      await runner.stop()
      const snapshot = processor.snapshot()
      expect(Object.fromEntries(snapshot.partitions)).toEqual(expectedUnderSkip.partitions)
      expect(snapshot.portfolio).toEqual(expectedUnderSkip.portfolio)
      expect(deadLetterSummary(snapshot.stats.deadLetters)).toEqual(expectedDeadLetters)
    }
  })

  it('commits the dead letters with the state, so a restart still lists them', async () => {
    const checkpoints = memoryCheckpointStore<Tally, Tally>()
    const store = await storeWith(history)
    const first = runProjections(store, [
      projectionProcessor(fragileProjection, { onError: 'skip', checkpoints }),
    ])
    await first.caughtUp
    await first.stop()
    const again = projectionProcessor(fragileProjection, { onError: 'skip', checkpoints })
    const second = runProjections(store, [again])
    await second.caughtUp
    await second.stop()
    expect(deadLetterSummary(again.snapshot().stats.deadLetters)).toEqual(expectedDeadLetters)
    expect(again.snapshot().stats.applied).toBe(history.length)
  })
})

describe('a batch applied partition by partition (rebuilds)', () => {
  // c1's events come first in the batch, but its failure (event 2) is later than c2's (event 1)
  const crossed = recordEvents([
    orderPlaced('c1', 'o1', 100),
    orderPlaced('c2', 'o2', 13),
    orderPlaced('c1', 'o3', 13),
    orderPlaced('c3', 'o4', 5, 'JPY'),
  ])
  const position = (i: number): bigint | undefined => crossed[i]?.position

  it('halts on the earliest failing event of the batch, whatever partition is folded first', async () => {
    const failure = await rebuildProjections(() => [crossed], [projectionProcessor(fragileProjection)]).then(
      () => undefined,
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(ProjectionHandlerError)
    expect(failure).toMatchObject({ position: position(1), partition: 'c2', target: 'partition' })
  })

  it('halts on a portfolio failure that comes before every partition failure', async () => {
    const portfolioFirst = recordEvents([orderPlaced('c1', 'o1', 5, 'JPY'), orderPlaced('c2', 'o2', 13)])
    const failure = await rebuildProjections(
      () => [portfolioFirst],
      [projectionProcessor(fragileProjection)],
    ).then(
      () => undefined,
      (error: unknown) => error,
    )
    expect(failure).toMatchObject({ position: portfolioFirst[0]?.position, target: 'portfolio' })
  })

  it('keeps dead letters oldest first and the states as a run in global order leaves them', async () => {
    const rebuilt = projectionProcessor(fragileProjection, { onError: 'skip' })
    await rebuildProjections(() => [crossed], [rebuilt])
    const oneByOne = projectionProcessor(fragileProjection, { onError: 'skip' })
    await rebuildProjections(() => crossed.map((event) => [event]), [oneByOne])
    expect(deadLetterSummary(rebuilt.snapshot().stats.deadLetters)).toEqual([
      { position: position(1), target: 'partition', partition: 'c2' },
      { position: position(2), target: 'partition', partition: 'c1' },
      { position: position(3), target: 'portfolio', partition: undefined },
    ])
    expect(rebuilt.snapshot().stats).toEqual(oneByOne.snapshot().stats)
    expect(Object.fromEntries(rebuilt.snapshot().partitions)).toEqual(
      Object.fromEntries(oneByOne.snapshot().partitions),
    )
    expect(rebuilt.snapshot().portfolio).toEqual(oneByOne.snapshot().portfolio)
  })
})

describe('event types without a handler', () => {
  it('are skipped and counted per type, never thrown on', async () => {
    const events = recordEvents([
      registered('c1'),
      orderPlaced('c1', 'o1', 10),
      orderCancelled('c1', 'nope'), // handled, no effect
    ])
    const last = events[events.length - 1]?.position ?? 0n
    const future = [
      fromNewerProducer('c1', 'LoyaltyTierChanged', last + 16n),
      fromNewerProducer('c2', 'LoyaltyTierChanged', last + 32n),
      fromNewerProducer('c1', 'HologramCallStarted', last + 48n),
    ]
    const orders = ordersProjection()
    const rebuilt = projectionProcessor(orders)
    await rebuildProjections(() => [[...events, ...future]], [rebuilt])
    const live = projectionProcessor(orders)
    const runner = runProjections(scriptedStore([], [events, future]), [live])
    await runner.caughtUp
    await runner.stop()
    for (const { stats, partitions, position } of [rebuilt.snapshot(), live.snapshot()]) {
      expect(stats.unhandled).toEqual({ LoyaltyTierChanged: 2, HologramCallStarted: 1 })
      expect(stats.applied).toBe(3)
      expect(partitions.get('c1')?.orders).toBe(1)
      expect(position).toBe(last + 48n)
    }
  })
})
