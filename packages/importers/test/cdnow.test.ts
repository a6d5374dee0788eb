import { join } from 'node:path'
import { isJourneyEvent } from '@journeykit/core'
import { afterAll, describe, expect, it } from 'vitest'
import { ImportFileError, ImportRowError, collectImport, importCdnow } from '../src/index.js'
import { fixtureDir, outOfOrder, refusalsOf } from './support.js'

const HEADER = ' customer_id  date number_of_cds  dollar_value\r\n'
const fixtures = fixtureDir({
  'good.txt':
    HEADER +
    [
      ' 00002 19970112  1   12.00',
      ' 00002 19970112  5   77.00',
      ' 00001 19970101  1   11.77',
      ' 00003 19970102  2   20.76',
      ' 00001 19970301  2    0.29',
    ].join('\r\n') +
    '\r\n',
  'bad.txt':
    HEADER +
    [
      ' 00001 19970101  1   11.77',
      ' 00002 19970230  1   12.00',
      ' 00003 19970102  0   20.76',
      ' 00004 19970102  1   20.761',
      ' 00005 19970102  1',
      ' 00006 19970103  1   1.50',
    ].join('\n'),
  'header-only.txt': HEADER,
  'no-header.txt': ' 00001 19970101  1   11.77\n',
})
afterAll(fixtures.remove)
const file = (name: string): string => join(fixtures.dir, name)

describe('importCdnow', () => {
  it('registers each customer on the day of their first purchase and places one order per row, in date order', async () => {
    const { events, summary } = await collectImport(importCdnow(file('good.txt')))
    expect(events.map((e) => [e.type, e.customerId, e.occurredAt])).toEqual([
      ['CustomerRegistered', '00001', '1997-01-01'],
      ['OrderPlaced', '00001', '1997-01-01'],
      ['CustomerRegistered', '00003', '1997-01-02'],
      ['OrderPlaced', '00003', '1997-01-02'],
      ['CustomerRegistered', '00002', '1997-01-12'],
      ['OrderPlaced', '00002', '1997-01-12'],
      ['OrderPlaced', '00002', '1997-01-12'],
      ['OrderPlaced', '00001', '1997-03-01'],
    ])
    const orders = events.flatMap((e) => (e.type === 'OrderPlaced' ? [e.data] : []))
    expect(orders.map((o) => [o.orderId, o.amount, o.currency])).toEqual([
      ['00001-19970101-1', 1177, 'USD'],
      ['00003-19970102-1', 2076, 'USD'],
      ['00002-19970112-1', 1200, 'USD'],
      ['00002-19970112-2', 7700, 'USD'],
      ['00001-19970301-1', 29, 'USD'],
    ])
    expect(orders[4]?.lines).toEqual([
      { sku: 'cd', quantity: 1, unitPrice: 15 },
      { sku: 'cd', quantity: 1, unitPrice: 14 },
    ])
    expect(events[0]).toMatchObject({
      streamId: 'customer-00001',
      recordedAt: '1997-01-01T00:00:00.000Z',
      metadata: { sourceSystem: 'cdnow' },
      data: { kind: 'person', name: 'CDNOW customer 00001', country: 'US', segment: 'consumer' },
    })
    expect(events.every((e) => isJourneyEvent(e))).toBe(true)
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length)
    expect(refusalsOf(events)).toEqual([])
    expect(outOfOrder(events)).toEqual([])
    expect(summary).toMatchObject({
      complete: true,
      rowsRead: 5,
      rowsSkipped: 0,
      customers: 3,
      events: 8,
      eventsByType: { CustomerRegistered: 3, OrderPlaced: 5 },
    })
  })

  it('gives identical events when the same file is imported twice', async () => {
    const run = importCdnow(file('good.txt'))
    const first = await collectImport(run)
    const second = await collectImport(run)
    expect(second.events).toEqual(first.events)
    expect((await collectImport(importCdnow(file('good.txt')))).events).toEqual(first.events)
  })

  it('prefixes customer ids when asked', async () => {
    const { events } = await collectImport(importCdnow(file('good.txt'), { customerIdPrefix: 'cdnow-' }))
    expect(events[0]).toMatchObject({
      customerId: 'cdnow-00001',
      streamId: 'customer-cdnow-00001',
      data: { name: 'CDNOW customer 00001' },
    })
  })

  it('fails on the first malformed row with its file, line and reason, before yielding any event', async () => {
    const run = importCdnow(file('bad.txt'))
    let yielded = 0
    const failure = await (async () => {
      for await (const _ of run.events) yielded++
    })().catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(ImportRowError)
    expect(failure).toMatchObject({
      _tag: 'ImportRowError',
      file: file('bad.txt'),
      line: 3,
      reason: 'date must be a calendar date YYYYMMDD that exists, got "19970230"',
    })
    expect(yielded).toBe(0)
  })

  it('skips and counts malformed rows with their reasons under skipInvalid', async () => {
    const { events, summary } = await collectImport(importCdnow(file('bad.txt'), { skipInvalid: true }))
    expect(summary.rowsRead).toBe(6)
    expect(summary.rowsSkipped).toBe(4)
    expect(summary.skipped).toEqual([
      { file: file('bad.txt'), line: 3, reason: expect.stringMatching(/^date must be a calendar date/) },
      {
        file: file('bad.txt'),
        line: 4,
        reason: 'number_of_cds must be a whole number from 1 to 1000, got 0',
      },
      { file: file('bad.txt'), line: 5, reason: 'dollar_value must have at most 2 decimals, got "20.761"' },
      {
        file: file('bad.txt'),
        line: 6,
        reason: expect.stringMatching(/^expected 4 whitespace-separated fields/),
      },
    ])
    expect(events.filter((e) => e.type === 'OrderPlaced').map((e) => e.customerId)).toEqual([
      '00001',
      '00006',
    ])
  })

  it('fails on a missing file or header, and imports nothing from a file with only a header', async () => {
    await expect(collectImport(importCdnow(file('missing.txt')))).rejects.toMatchObject({
      _tag: 'ImportFileError',
      reason: 'the file does not exist',
    })
    await expect(collectImport(importCdnow(file('no-header.txt')))).rejects.toBeInstanceOf(ImportFileError)
    expect((await collectImport(importCdnow(file('header-only.txt')))).events).toEqual([])
  })
})
