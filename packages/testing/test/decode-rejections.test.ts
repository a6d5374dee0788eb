import type { DecodeError } from '@journeykit/core'
import { DEFAULT_MAX_EVENT_BYTES, decode, decodeJson } from '@journeykit/core'
import { describe, expect, it } from 'vitest'

const order = {
  id: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
  type: 'OrderPlaced',
  streamId: 'customer-ada',
  customerId: 'ada',
  occurredAt: '2024-05-01T09:30:00Z',
  recordedAt: '2024-05-01T09:30:01Z',
  schemaVersion: 2,
  data: {
    orderId: 'o1',
    currency: 'EUR',
    amount: 1250,
    lines: [{ sku: 'sku-1', quantity: 1, unitPrice: 1250 }],
    channel: 'web',
  },
}
const withData = (data: Record<string, unknown>) => ({ ...order, data: { ...order.data, ...data } })
const withoutDataField = (field: string) => ({
  ...order,
  data: Object.fromEntries(Object.entries(order.data).filter(([k]) => k !== field)),
})

const rejection = (input: unknown): DecodeError => {
  const result = decode(input)
  if (result._tag === 'Right') throw new Error(`expected a rejection, got ${JSON.stringify(result.right)}`)
  return result.left
}

describe('decode: each class of bad input gets a Left naming type, field path and reason', () => {
  it('accepts the valid base event', () => {
    expect(decode(order)).toEqual({ _tag: 'Right', right: order })
  })

  it.each([
    [
      'unknown types',
      { ...order, type: 'OrderTeleported' },
      'type',
      'OrderTeleported: type is not a known event type: "OrderTeleported"',
    ],
    [
      'wrong JSON types in data',
      withData({ amount: '1250' }),
      'data.amount',
      'OrderPlaced: data.amount must be an integer amount in minor units, got "1250"',
    ],
    [
      'wrong JSON types in the envelope',
      { ...order, customerId: 42 },
      'customerId',
      'OrderPlaced: customerId must be an id string, got 42',
    ],
    [
      'missing required data fields',
      withoutDataField('orderId'),
      'data.orderId',
      'OrderPlaced: data.orderId is required',
    ],
    [
      'missing envelope fields',
      { ...order, occurredAt: undefined },
      'occurredAt',
      'OrderPlaced: occurredAt is required',
    ],
    [
      'non-integer money',
      withData({ amount: 12.5 }),
      'data.amount',
      'OrderPlaced: data.amount must be an integer amount in minor units, got 12.5',
    ],
    [
      'negative money',
      withData({ amount: -1 }),
      'data.amount',
      'OrderPlaced: data.amount must not be negative, got -1',
    ],
    [
      'negative money in an order line',
      withData({ lines: [{ sku: 'a', quantity: 1, unitPrice: -3 }] }),
      'data.lines[0].unitPrice',
      'OrderPlaced: data.lines[0].unitPrice must not be negative, got -3',
    ],
    [
      'unknown currency codes',
      withData({ currency: 'EURO' }),
      'data.currency',
      'OrderPlaced: data.currency must be an ISO 4217 currency code, got "EURO"',
    ],
    [
      'impossible dates',
      { ...order, occurredAt: '2023-02-29' },
      'occurredAt',
      'OrderPlaced: occurredAt must be an ISO-8601 instant with offset or a calendar date YYYY-MM-DD, got "2023-02-29"',
    ],
    [
      'impossible instants',
      { ...order, recordedAt: '2024-05-01T24:00:00Z' },
      'recordedAt',
      'OrderPlaced: recordedAt must be an ISO-8601 instant with offset (2024-05-01T09:30:00Z), got "2024-05-01T24:00:00Z"',
    ],
    [
      'unknown enum values',
      withData({ channel: 'pigeon' }),
      'data.channel',
      'OrderPlaced: data.channel must be one of web, app, phone, ivr, email, chat, sms, fax, kiosk, store, partner, social; got "pigeon"',
    ],
    [
      'too many items',
      withData({ lines: Array.from({ length: 1001 }, () => ({ sku: 'a', quantity: 1, unitPrice: 1 })) }),
      'data.lines',
      'OrderPlaced: data.lines must have at most 1000 items, got 1001',
    ],
    [
      'rules across fields',
      {
        ...order,
        type: 'ProductReturned',
        schemaVersion: 1,
        data: { returnId: 'r1', orderId: 'o1', amount: 5 },
      },
      'data',
      'ProductReturned: data amount and currency must be given together',
    ],
    [
      'schema versions newer than the code',
      { ...order, schemaVersion: 3 },
      'schemaVersion',
      'OrderPlaced: schemaVersion is 3, newer than the supported version 2',
    ],
    [
      'schema versions that are not positive integers',
      { ...order, schemaVersion: 0 },
      'schemaVersion',
      'OrderPlaced: schemaVersion must be a positive integer, got 0',
    ],
    ['payloads that are not objects', [order], '(root)', 'event: (root) must be a JSON object, got an array'],
    [
      'values that are not plain JSON',
      { ...order, schemaVersion: 2n },
      '(root)',
      'event: (root) is not plain JSON (Do not know how to serialize a BigInt)',
    ],
  ])('rejects %s', (_, input, path, message) => {
    const error = rejection(input)
    expect(error.path).toBe(path)
    expect(error.message).toBe(message)
  })

  it('rejects payloads over the size limit, which is configurable', () => {
    const big = withData({ note: 'x'.repeat(DEFAULT_MAX_EVENT_BYTES) })
    const size = Buffer.byteLength(JSON.stringify(big))
    expect(rejection(big).message).toBe(`OrderPlaced: (root) is ${size} bytes, over the limit of 65536`)
    expect(decode(big, { maxBytes: size })._tag).toBe('Right')
    const small = decode(order, { maxBytes: 100 })
    expect(small).toMatchObject({
      _tag: 'Left',
      left: { path: '(root)', reason: expect.stringContaining('over the limit of 100') },
    })
    expect(decodeJson(JSON.stringify(order), { maxBytes: 100 })).toMatchObject({
      _tag: 'Left',
      left: { path: '(root)' },
    })
  })

  it('rejects text that is not JSON', () => {
    expect(decodeJson('{"type": ')).toMatchObject({
      _tag: 'Left',
      left: { path: '(root)', message: expect.stringMatching(/^event: \(root\) is not valid JSON \(.+\)$/) },
    })
  })
})
