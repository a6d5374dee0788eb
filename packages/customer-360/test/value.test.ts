import { describe, expect, it } from 'vitest'
import { customerView, listCustomers, tierOfRank, valueTiers, viewAsOf } from '../src/index.js'
import { event, foldAll, order, registered, stateOf } from './support/events.js'

describe('value', () => {
  const history = [
    registered('2023-01-01T00:00:00Z'),
    order('o1', 10_000, '2023-01-10T00:00:00Z'),
    order('o2', 20_000, '2023-01-20T00:00:00Z'),
    order('o3', 5_000, '2023-02-19T00:00:00Z', 'c1', 'USD'),
    order('o4', 99_999, '2023-03-01T00:00:00Z'),
    event('OrderCancelled', { orderId: 'o4', by: 'customer' }, '2023-03-02T00:00:00Z'),
    event('ProductReturned', { returnId: 'r1', orderId: 'o2', amount: 2_000, currency: 'EUR' }, '2023-02-01'),
  ]
  const s = stateOf(history)

  it('sums lifetime revenue per currency without cancelled orders, with average order value', () => {
    const v = viewAsOf(s, '2023-12-31').value
    expect(v.byCurrency).toEqual([
      {
        currency: 'EUR',
        lifetimeRevenue: 30_000,
        last12MonthsRevenue: 30_000,
        orders: 2,
        averageOrderValue: 15_000,
        refunded: 2_000,
      },
      {
        currency: 'USD',
        lifetimeRevenue: 5_000,
        last12MonthsRevenue: 5_000,
        orders: 1,
        averageOrderValue: 5_000,
        refunded: 0,
      },
    ])
    expect(v.orderCount).toBe(3)
    expect(v.firstPurchaseAt).toBe('2023-01-10T00:00:00.000Z')
    expect(v.lastPurchaseAt).toBe('2023-02-19T00:00:00.000Z')
  })

  it('counts an order cancelled after the instant as revenue as of then', () => {
    expect(viewAsOf(s, '2023-03-01').value.byCurrency[0]?.lifetimeRevenue).toBe(129_999)
    expect(viewAsOf(s, '2023-03-01').orders).toMatchObject({ placed: 4, open: 3, cancelled: 0, returned: 1 })
    expect(viewAsOf(s, '2023-03-02').orders).toMatchObject({ placed: 4, open: 2, cancelled: 1, returned: 1 })
  })

  it('gives the purchase cadence: median gap and the current gap, in days', () => {
    const v = viewAsOf(s, '2023-03-21T00:00:00Z').value
    expect(v.typicalGapDays).toBe(20) // gaps 10 and 30 days; median 20
    expect(v.currentGapDays).toBe(30)
    expect(viewAsOf(s, '2023-01-15T00:00:00Z').value).toMatchObject({
      typicalGapDays: null,
      currentGapDays: 5,
    })
  })

  it('keeps only the last 365 days in 12-month revenue', () => {
    expect(viewAsOf(s, '2024-01-15T00:00:00Z').value.byCurrency.map((c) => c.last12MonthsRevenue)).toEqual([
      20_000, 5_000,
    ])
  })

  it('forecasts from the latest PurchaseForecastUpdated, else from the cadence', () => {
    expect(viewAsOf(s, '2023-03-21T00:00:00Z').value.forecast12Months).toEqual({
      expectedSpend: Math.round((365 / 20) * 5_000),
      currency: 'USD',
      source: 'cadence',
      model: null,
      at: null,
    })
    const withForecast = stateOf([
      ...history,
      event(
        'PurchaseForecastUpdated',
        { expectedSpend: 77_700, currency: 'EUR', model: 'bg-nbd' },
        '2023-04-01T00:00:00Z',
      ),
    ])
    expect(viewAsOf(withForecast, '2023-05-01').value.forecast12Months).toEqual({
      expectedSpend: 77_700,
      currency: 'EUR',
      source: 'forecast',
      model: 'bg-nbd',
      at: '2023-04-01T00:00:00.000Z',
    })
  })
})

describe('value tiers and listing', () => {
  const customers = Array.from({ length: 12 }, (_, i) => `k${String(i).padStart(2, '0')}`)
  const history = [
    ...customers.flatMap((id, i) => [
      registered('2023-01-01T00:00:00Z', id, i % 2 === 0 ? 'consumer' : 'smb'),
      order(`${id}-o`, (i + 1) * 1_000, '2023-06-01T00:00:00Z', id),
    ]),
    registered('2023-01-01T00:00:00Z', 'quiet'),
    registered('2023-01-01T00:00:00Z', 'yen'),
    order('yen-o', 500, '2023-06-01T00:00:00Z', 'yen', 'JPY'),
    event('AccountManagerAssigned', { managerId: 'm1' }, '2023-02-01T00:00:00Z', 'k11'),
  ]
  const { state } = foldAll(history)

  it('ranks by 12-month revenue per currency: top 10%, high to 30%, medium to 70%, then low', () => {
    // 12 ranked: ceil(1.2) = 2 top, ceil(3.6) = 4 up to high, ceil(8.4) = 9 up to medium
    expect(
      [1, 2, 3, 4, 5, 9, 10, 12].map((rank) => tierOfRank(rank, 12, { top: 0.1, high: 0.3, medium: 0.7 })),
    ).toEqual(['top', 'top', 'high', 'high', 'medium', 'medium', 'low', 'low'])
    const tiers = valueTiers(state.partitions, '2023-12-31')
    expect(tiers.get('k11')).toEqual({
      tier: 'top',
      currency: 'EUR',
      last12MonthsRevenue: 12_000,
      rank: 1,
      of: 12,
    })
    expect(tiers.get('k10')?.tier).toBe('top')
    expect(tiers.get('k09')?.tier).toBe('high')
    expect(tiers.get('k00')).toMatchObject({ tier: 'low', rank: 12 })
    expect(tiers.get('yen')).toEqual({
      tier: 'top',
      currency: 'JPY',
      last12MonthsRevenue: 500,
      rank: 1,
      of: 1,
    })
    expect(tiers.get('quiet')).toMatchObject({ tier: 'none', currency: null })
    expect(valueTiers(state.partitions, '2024-12-31').get('k11')?.tier).toBe('none')
  })

  it('puts the tier into the customer view', () => {
    expect(customerView(state.partitions, 'k11', '2023-12-31')?.value.tier?.tier).toBe('top')
    expect(customerView(state.partitions, 'nobody-knows', '2023-12-31')).toBeUndefined()
  })

  it('lists and filters by segment, tier, stage and owner as of an instant', () => {
    const at = '2023-07-01'
    expect(listCustomers(state.partitions, at)).toHaveLength(14)
    expect(listCustomers(state.partitions, '2022-12-31')).toHaveLength(0)
    expect(listCustomers(state.partitions, at, { tier: 'top' }).map((c) => c.customerId)).toEqual([
      'k10',
      'k11',
      'yen',
    ])
    expect(
      listCustomers(state.partitions, at, { segment: 'smb', tier: 'top' }).map((c) => c.customerId),
    ).toEqual(['k11'])
    expect(listCustomers(state.partitions, at, { owner: 'm1' })).toEqual([
      {
        customerId: 'k11',
        name: 'Ada Lovelace',
        segment: 'smb',
        tier: 'top',
        stage: 'first_purchase',
        owner: 'm1',
      },
    ])
    expect(listCustomers(state.partitions, at, { owner: null })).toHaveLength(13)
    expect(listCustomers(state.partitions, at, { stage: 'awareness' }).map((c) => c.customerId)).toEqual([
      'quiet',
    ])
    // one order each on 2023-06-01: at risk after 2 × 90 days of silence, churned after 4 × 90
    expect(listCustomers(state.partitions, '2024-01-01', { stage: 'at_risk' })).toHaveLength(13)
    expect(listCustomers(state.partitions, '2024-06-01', { stage: 'churned' })).toHaveLength(13)
  })
})
