import type { CustomerCommand } from '@journeykit/core'
import {
  WrongExpectedVersionError,
  commandHandler,
  customerDecider,
  customerStreamId,
} from '@journeykit/core'
import { describe, expect, it } from 'vitest'
import { memoryEventStore } from '../src/index.js'

const register: CustomerCommand = {
  type: 'RegisterCustomer',
  customerId: 'c1',
  occurredAt: '2024-01-01T09:00:00Z',
  data: { kind: 'organization', name: 'Acme GmbH', country: 'DE' },
}

describe('command handler over the memory store', () => {
  it('appends decided events with the expected revision and refuses invalid commands with a typed error', async () => {
    const store = memoryEventStore()
    const handle = commandHandler(
      store,
      customerDecider,
      (c: CustomerCommand) => customerStreamId(c.customerId),
      {
        clock: () => new Date('2024-01-01T09:00:01Z'),
      },
    )
    const first = await handle(register)()
    expect(first._tag).toBe('Right')
    if (first._tag === 'Right') {
      expect(first.right.nextExpectedRevision).toBe(0n)
      expect(first.right.events[0]?.type).toBe('CustomerRegistered')
      expect(first.right.events[0]?.recordedAt).toBe('2024-01-01T09:00:01.000Z')
    }
    const refused = await handle({
      type: 'AnswerInquiry',
      customerId: 'c1',
      occurredAt: '2024-01-02T09:00:00Z',
      data: { inquiryId: 'nope', channel: 'email' },
    })()
    expect(refused).toMatchObject({ _tag: 'Left', left: { _tag: 'DomainError', code: 'InquiryNotFound' } })
    const events = []
    for await (const e of store.readStream('customer-c1')) events.push(e)
    expect(events.map((e) => e.type)).toEqual(['CustomerRegistered'])
  })

  it('rejects a stale expected revision with WrongExpectedVersionError carrying expected and actual', async () => {
    const store = memoryEventStore()
    const handle = commandHandler(store, customerDecider, (c: CustomerCommand) =>
      customerStreamId(c.customerId),
    )
    await handle(register)()
    const error = await store.appendToStream('customer-c1', [], { expectedRevision: 'no_stream' }).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(WrongExpectedVersionError)
    expect(error).toMatchObject({ expected: 'no_stream', actual: 0n })
  })
})
