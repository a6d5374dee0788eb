import { join } from 'node:path'
import { isJourneyEvent } from '@journeykit/core'
import { afterAll, describe, expect, it } from 'vitest'
import { ImportRowError, collectImport, importOlist } from '../src/index.js'
import { ORDERS_HEADER, olistFiles, orderRows, paymentRows, reviewRows } from './olist-fixture.js'
import { fixtureDir, outOfOrder, refusalsOf } from './support.js'

const good = fixtureDir(olistFiles())
afterAll(good.remove)

describe('importOlist', () => {
  it('turns customers, orders, items, payments and reviews into one time-ordered history', async () => {
    const { events } = await collectImport(importOlist(good.dir))
    expect(events.map((e) => `${e.occurredAt} ${e.customerId} ${e.type}`)).toEqual([
      '2017-07-01T10:00:00-03:00 uA CustomerRegistered',
      '2017-07-01T10:00:00-03:00 uA OrderPlaced',
      '2017-07-01T10:00:00-03:00 uA DeliveryPromised',
      '2017-07-01T10:00:00-03:00 uA InvoiceIssued',
      '2017-07-01T10:00:00-03:00 uA DeliveryShipped',
      '2017-07-01T11:00:00-03:00 uA PaymentReceived',
      '2017-07-01T11:00:00-03:00 uA OrderCancelled',
      '2017-07-02T08:00:00-03:00 uB CustomerRegistered',
      '2017-07-02T08:00:00-03:00 uB OrderPlaced',
      '2017-07-02T08:00:00-03:00 uB DeliveryPromised',
      '2017-07-02T08:00:00-03:00 uB InvoiceIssued',
      '2017-07-02T09:00:00-03:00 uB PaymentReceived',
      '2017-07-02T09:00:00-03:00 uB OrderCancelled',
      '2017-07-04T09:15:00-03:00 uB SurveyAnswered',
      '2017-10-15T01:30:00-02:00 uA OrderPlaced',
      '2017-10-15T01:30:00-02:00 uA DeliveryPromised',
      '2017-10-15T01:30:00-02:00 uA InvoiceIssued',
      '2017-10-15T02:00:00-02:00 uA PaymentReceived',
      '2017-10-15T02:00:00-02:00 uA PaymentReceived',
      '2017-10-17T10:00:00-02:00 uA DeliveryShipped',
      '2017-10-20T15:00:00-02:00 uA DeliveryCompleted',
      '2017-10-22T10:00:00-02:00 uA SurveyAnswered',
      '2018-02-17T23:30:00-02:00 uC CustomerRegistered',
      '2018-02-17T23:30:00-02:00 uC OrderPlaced',
      '2018-02-17T23:30:00-02:00 uC DeliveryPromised',
      '2018-02-17T23:30:00-02:00 uC SurveyAnswered',
    ])
    expect(events.every((e) => isJourneyEvent(e))).toBe(true)
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length)
    expect(refusalsOf(events)).toEqual([])
    expect(outOfOrder(events)).toEqual([])
  })

  it('maps each field: centavos, lines, promises in the São Paulo zone, invoices and payments, CSAT surveys', async () => {
    const { events } = await collectImport(importOlist(good.dir))
    const of = (type: string, orderId: string): unknown[] =>
      events.filter((e) => e.type === type && Reflect.get(e.data, 'orderId') === orderId).map((e) => e.data)
    expect(of('OrderPlaced', 'o1')).toEqual([
      {
        orderId: 'o1',
        currency: 'BRL',
        amount: 22530,
        channel: 'web',
        lines: [
          { sku: 'pX', quantity: 2, unitPrice: 4990 },
          { sku: 'pY', quantity: 1, unitPrice: 10000 },
          { sku: 'freight', quantity: 1, unitPrice: 2550 },
        ],
      },
    ])
    expect(of('OrderPlaced', 'o3')).toEqual([
      { orderId: 'o3', currency: 'BRL', amount: 5550, channel: 'web', lines: [] },
    ])
    expect(of('DeliveryPromised', 'o1')).toEqual([
      { deliveryId: 'o1', orderId: 'o1', promisedBy: '2017-11-01', timeZone: 'America/Sao_Paulo' },
    ])
    expect(of('InvoiceIssued', 'o1')).toEqual([
      { invoiceId: 'o1', orderId: 'o1', currency: 'BRL', amount: 22530, dueDate: '2017-10-15' },
    ])
    expect(events.filter((e) => e.type === 'PaymentReceived').map((e) => e.data)).toEqual([
      { paymentId: 'o2-1', invoiceId: 'o2', currency: 'BRL', amount: 5790, method: 'credit_card' },
      { paymentId: 'o3-1', invoiceId: 'o3', currency: 'BRL', amount: 5550, method: 'boleto' },
      { paymentId: 'o1-1', invoiceId: 'o1', currency: 'BRL', amount: 20000, method: 'credit_card' },
      { paymentId: 'o1-2', invoiceId: 'o1', currency: 'BRL', amount: 2530, method: 'voucher' },
    ])
    expect(of('OrderCancelled', 'o2')).toEqual([
      { orderId: 'o2', by: 'customer', reason: 'canceled (the export does not say by whom)' },
    ])
    expect(of('OrderCancelled', 'o3')).toMatchObject([{ by: 'company' }])
    expect(events.filter((e) => e.type === 'SurveyAnswered').map((e) => e.data)).toEqual([
      { surveyId: 'r3', csat: 2, relatesTo: 'o3', comment: 'Produto indisponível' },
      {
        surveyId: 'r1',
        csat: 4,
        relatesTo: 'o2',
        comment: 'Bom\nChegou no prazo, mas\na caixa veio "amassada"',
      },
      { surveyId: 'r2', csat: 1, relatesTo: 'o4' },
    ])
    expect(events[0]).toMatchObject({
      streamId: 'customer-uA',
      recordedAt: '2017-07-01T13:00:00.000Z',
      metadata: { sourceSystem: 'olist' },
      data: { kind: 'person', name: 'Olist customer uA', country: 'BR', segment: 'consumer' },
    })
  })

  it('counts what it read and every repair it made', async () => {
    const { summary } = await collectImport(importOlist(good.dir))
    expect(summary).toMatchObject({
      source: 'olist',
      complete: true,
      rowsRead: 23,
      rowsSkipped: 0,
      customers: 3,
      events: 26,
      adjustments: {
        customersWithoutOrders: 1,
        shippedBeforePlaced: 1,
        deliveryDroppedOnCancelledOrder: 1,
        ordersWithoutItemsValuedByPayments: 1,
        paymentsOfUnapprovedOrdersSkipped: 1,
        reviewsCoveringSeveralOrders: 1,
        reviewAnsweredBeforePlaced: 1,
      },
    })
  })

  it('gives identical events when imported twice', async () => {
    const first = await collectImport(importOlist(good.dir))
    const second = await collectImport(importOlist(good.dir))
    expect(second.events).toEqual(first.events)
  })
})

describe('importOlist on malformed rows', () => {
  const bad = fixtureDir(
    olistFiles({
      orders: [
        ...orderRows.slice(0, 2),
        orderRows[2]?.replace('unavailable', 'lost') ?? '',
        orderRows[3] ?? '',
      ],
      payments: [...paymentRows, 'o9,1,boleto,1,10.00', 'o1,3,voucher,1,-5.00'],
      reviews: [...reviewRows, 'r4,o1,6,,,2017-10-21 00:00:00,2017-10-22 10:00:00', 'r5,o1,5,"never closed'],
    }),
  )
  const broken = fixtureDir({
    ...olistFiles(),
    'olist_orders_dataset.csv': `${ORDERS_HEADER}\n${orderRows[0]},extra\n`,
  })
  afterAll(() => {
    bad.remove()
    broken.remove()
  })
  const ordersFile = join(bad.dir, 'olist_orders_dataset.csv')

  it('fails with the file, line and reason of the first malformed row', async () => {
    const failure = await collectImport(importOlist(bad.dir)).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(ImportRowError)
    expect(failure).toMatchObject({
      file: ordersFile,
      line: 4,
      reason: expect.stringMatching(/^order_status must be one of created, .*; got "lost"$/),
      message: expect.stringContaining(`${ordersFile}:4: order_status must be one of`),
    })
    await expect(collectImport(importOlist(broken.dir))).rejects.toMatchObject({
      line: 2,
      reason: 'expected 8 fields as in the header, got 9',
    })
  })

  it('skips and counts malformed rows, and the rows that depend on a skipped order, under skipInvalid', async () => {
    // in the reviews file, lines count physical lines: the two r1 rows span two lines each
    const { events, summary } = await collectImport(importOlist(bad.dir, { skipInvalid: true }))
    const at = (name: string): string => join(bad.dir, name)
    expect(summary.skipped).toEqual([
      { file: ordersFile, line: 4, reason: expect.stringMatching(/^order_status must be one of/) },
      {
        file: at('olist_order_payments_dataset.csv'),
        line: 5,
        reason: 'order_id o3 was skipped (its row in olist_orders_dataset.csv is malformed)',
      },
      {
        file: at('olist_order_payments_dataset.csv'),
        line: 7,
        reason: 'order_id o9 is not in olist_orders_dataset.csv',
      },
      {
        file: at('olist_order_payments_dataset.csv'),
        line: 8,
        reason: 'payment_value must be a non-negative decimal amount such as 12.34, got "-5.00"',
      },
      {
        file: at('olist_order_reviews_dataset.csv'),
        line: 7,
        reason: 'order_id o3 was skipped (its row in olist_orders_dataset.csv is malformed)',
      },
      {
        file: at('olist_order_reviews_dataset.csv'),
        line: 8,
        reason: 'review_score must be a whole number from 1 to 5, got 6',
      },
      {
        file: at('olist_order_reviews_dataset.csv'),
        line: 9,
        reason: 'malformed CSV: a quoted field (column 4) is never closed',
      },
    ])
    expect(summary.rowsSkipped).toBe(7)
    expect(events.some((e) => e.customerId === 'uB')).toBe(false)
    expect(refusalsOf(events)).toEqual([])
  })

  it('fails when a file is missing', async () => {
    const partial = fixtureDir({ ...olistFiles(), 'olist_order_reviews_dataset.csv': '' })
    await expect(collectImport(importOlist(partial.dir))).rejects.toMatchObject({
      _tag: 'ImportFileError',
      reason: 'the file is empty (no header line)',
    })
    const missing = fixtureDir({
      'olist_customers_dataset.csv': olistFiles()['olist_customers_dataset.csv'] ?? '',
    })
    await expect(collectImport(importOlist(missing.dir))).rejects.toMatchObject({
      _tag: 'ImportFileError',
      file: join(missing.dir, 'olist_orders_dataset.csv'),
      reason: 'the file does not exist',
    })
    partial.remove()
    missing.remove()
  })
})
