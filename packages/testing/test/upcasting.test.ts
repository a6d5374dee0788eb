import type { RawData } from '@journeykit/core'
import { decode, orderPlacedV1toV2, upcast, upcasterRegistry } from '@journeykit/core'
import { describe, expect, it } from 'vitest'

const v1Order = (currency: string, amount: unknown, unitPrice: unknown) => ({
  id: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
  type: 'OrderPlaced',
  streamId: 'customer-ada',
  customerId: 'ada',
  occurredAt: '2019-03-01',
  recordedAt: '2019-03-01T10:00:00Z',
  schemaVersion: 1,
  data: {
    orderId: 'o1',
    currency,
    amount,
    lines: [{ sku: 'sku-1', quantity: 2, unitPrice }],
    channel: 'store',
  },
})

const decodedData = (input: unknown) => {
  const result = decode(input)
  if (result._tag === 'Left') throw new Error(result.left.message)
  expect(result.right.schemaVersion).toBe(2)
  return result.right.data
}

describe('upcasting OrderPlaced v1 (float major units) to v2 (integer minor units)', () => {
  it('converts EUR (exponent 2), including floats that are not exact in binary', () => {
    expect(decodedData(v1Order('EUR', 39.98, 19.99))).toMatchObject({
      amount: 3998,
      lines: [{ unitPrice: 1999 }],
    })
    expect(decodedData(v1Order('EUR', 0.3, 0.15))).toMatchObject({ amount: 30, lines: [{ unitPrice: 15 }] })
    expect(decodedData(v1Order('USD', 12345678.91, 6172839.455))).toMatchObject({ amount: 1234567891 })
  })

  it('converts JPY (exponent 0): yen are already whole', () => {
    expect(decodedData(v1Order('JPY', 1500, 750))).toMatchObject({
      amount: 1500,
      lines: [{ unitPrice: 750 }],
    })
  })

  it('converts KWD (exponent 3): fils are thousandths', () => {
    expect(decodedData(v1Order('KWD', 12.345, 6.1725))).toMatchObject({
      amount: 12345,
      lines: [{ unitPrice: 6173 }],
    })
    expect(decodedData(v1Order('BHD', 0.001, 0.001))).toMatchObject({ amount: 1 })
  })

  it('leaves what it cannot convert, so that decoding names the field', () => {
    expect(decode(v1Order('EURO', 12.34, 6.17))).toMatchObject({
      _tag: 'Left',
      left: {
        path: 'data.currency',
        message: 'OrderPlaced: data.currency must be an ISO 4217 currency code, got "EURO"',
      },
    })
    expect(decode(v1Order('EUR', '12.34', 6.17))).toMatchObject({
      _tag: 'Left',
      left: { path: 'data.amount', reason: 'must be an integer amount in minor units, got "12.34"' },
    })
    expect(decode(v1Order('EUR', -5, 1))).toMatchObject({
      _tag: 'Left',
      left: { path: 'data.amount', reason: 'must not be negative, got -500' },
    })
  })

  it('is a pure function of the data', () => {
    const data: RawData = { currency: 'EUR', amount: 1.5, lines: [{ sku: 'a', quantity: 1, unitPrice: 1.5 }] }
    const before = JSON.stringify(data)
    expect(orderPlacedV1toV2.upcast(data)).toEqual({
      ...data,
      amount: 150,
      lines: [{ sku: 'a', quantity: 1, unitPrice: 150 }],
    })
    expect(JSON.stringify(data)).toBe(before)
  })
})

describe('the upcaster registry', () => {
  const addTier: RawData = { tier: 'gold' }
  const registry = upcasterRegistry([
    { type: 'Thing', fromVersion: 1, upcast: (d) => ({ ...d, v2: true }) },
    { type: 'Thing', fromVersion: 2, upcast: (d) => ({ ...d, v3: true }) },
  ])

  it('applies each step in order up to the current version', () => {
    expect(upcast(registry, 'Thing', 1, 3, addTier)).toEqual({
      ok: true,
      schemaVersion: 3,
      data: { tier: 'gold', v2: true, v3: true },
    })
    expect(upcast(registry, 'Thing', 3, 3, addTier)).toEqual({ ok: true, schemaVersion: 3, data: addTier })
  })

  it('reports a missing step or a newer version instead of guessing', () => {
    expect(upcast(registry, 'Thing', 1, 4, addTier)).toEqual({
      ok: false,
      reason: 'is 1, and no upcaster goes from version 3 to 4',
    })
    expect(upcast(registry, 'Thing', 5, 3, addTier)).toEqual({
      ok: false,
      reason: 'is 5, newer than the supported version 3',
    })
  })

  it('refuses two upcasters for the same step', () => {
    const step = { type: 'Thing', fromVersion: 1, upcast: (d: RawData) => d }
    expect(() => upcasterRegistry([step, step])).toThrow('Two upcasters for Thing from version 1')
  })

  it('decode uses a custom registry when given one', () => {
    const noUpcasters = upcasterRegistry([])
    expect(decode(v1Order('EUR', 1.5, 1.5), { upcasters: noUpcasters })).toMatchObject({
      _tag: 'Left',
      left: {
        path: 'schemaVersion',
        message: 'OrderPlaced: schemaVersion is 1, and no upcaster goes from version 1 to 2',
      },
    })
  })
})
