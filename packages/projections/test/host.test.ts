import type { EventStore, ReadAllOptions } from '@journeykit/core'
import { describe, expect, it } from 'vitest'
import type { HostChange } from '../src/index.js'
import {
  ProjectionHandlerError,
  defineProjection,
  memoryCheckpointStore,
  projectionHost,
} from '../src/index.js'
import { orderPlaced, registered } from './support/events.js'
import type { OrderBook, Totals } from './support/orders.js'
import { ordersProjection } from './support/orders.js'
import { storeWith } from './support/stores.js'

/** Holds every `readAll` after the first until `open()` is called: a slow rebuild of the next version. */
const gated = (store: EventStore) => {
  let reads = 0
  let open: () => void = () => undefined
  const gate = new Promise<void>((resolve) => {
    open = resolve
  })
  const wrapped: EventStore = {
    ...store,
    readAll: async function* (options?: ReadAllOptions) {
      if (reads++ > 0) await gate
      yield* store.readAll(options)
    },
  }
  return { store: wrapped, open: () => open() }
}

const until = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve))
  expect(condition()).toBe(true)
}

const versionsOf = (partitions: ReadonlyMap<string, OrderBook>) =>
  [...partitions.values()].map((b) => b.version)

describe('blue/green deployment through a projection host', () => {
  it('rebuilds the new version beside the old one, which answers queries until the new one takes over', async () => {
    const memory = await storeWith([registered('c1'), orderPlaced('c1', 'o1', 10)])
    const { store, open } = gated(memory)
    const checkpoints = memoryCheckpointStore<OrderBook, Totals>()
    const host = projectionHost(store, ordersProjection(1), { checkpoints, retire: true })
    const heard: HostChange<OrderBook, Totals>['kind'][] = []
    host.subscribe((change) => heard.push(change.kind))
    expect(await host.ready).toBe(true)
    expect(host.query((s) => s.partitions.get('c1')?.orders)).toBe(1)

    const deployed = host.deploy(ordersProjection(2))
    await until(() => host.candidate() !== undefined)
    // v2 is held in its rebuild; v1 keeps answering, live.
    const late = orderPlaced('c2', 'o2', 20)
    await memory.appendToStream(late.streamId, [late])
    await until(() => host.snapshot().partitions.has('c2'))
    expect(host.active().version).toBe(1)
    expect(host.snapshot().version).toBe(1)
    expect(versionsOf(host.snapshot().partitions)).toEqual([1, 1])
    expect(host.candidate()?.snapshot().partitions.size).toBe(0)

    open()
    expect(await deployed).toEqual({ from: 1, to: 2 })
    expect(host.active().version).toBe(2)
    expect(host.candidate()).toBeUndefined()
    expect(versionsOf(host.snapshot().partitions)).toEqual([2, 2])
    expect(host.snapshot().partitions.get('c2')?.orders).toBe(1)
    expect(heard).toContain('switched')
    expect(heard.indexOf('switched')).toBeGreaterThan(heard.indexOf('batch'))
    expect(checkpoints.keys()).toEqual(['orders-v2'])

    // After the switch, live events reach v2 only.
    const later = orderPlaced('c1', 'o3', 5)
    await memory.appendToStream(later.streamId, [later])
    await until(() => host.snapshot().partitions.get('c1')?.orders === 2)
    await host.stop()
    await expect(host.done).resolves.toBeUndefined()
  })

  it('keeps the old version active when the new one fails, and says why', async () => {
    const store = await storeWith([registered('c1'), orderPlaced('c1', 'o1', 10)])
    const host = projectionHost(store, ordersProjection(1))
    await host.ready
    const broken = defineProjection<OrderBook, Totals>({
      ...ordersProjection(2),
      handlers: {
        OrderPlaced: () => {
          throw new Error('v2 bug')
        },
      },
    })
    await expect(host.deploy(broken)).rejects.toBeInstanceOf(ProjectionHandlerError)
    expect(host.active().version).toBe(1)
    expect(host.candidate()).toBeUndefined()
    expect(host.snapshot().partitions.get('c1')?.orders).toBe(1)
    await expect(host.deploy(ordersProjection(1))).rejects.toMatchObject({ _tag: 'ProjectionUsage' })
    await host.stop()
  })
})
