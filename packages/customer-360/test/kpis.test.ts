import { describe, expect, it } from 'vitest'
import { portfolioKpis } from '../src/index.js'
import { event, foldAll, order, registered } from './support/events.js'

const inquiry = (customer: string, id: string, at: string, slaHours?: number) =>
  event(
    'InquiryReceived',
    { inquiryId: id, channel: 'email', topic: 'billing', ...(slaHours === undefined ? {} : { slaHours }) },
    at,
    customer,
  )
const answer = (customer: string, id: string, at: string) =>
  event('InquiryAnswered', { inquiryId: id, channel: 'email' }, at, customer)
const resolve = (customer: string, id: string, at: string, fcr: boolean) =>
  event('InquiryResolved', { inquiryId: id, firstContactResolution: fcr }, at, customer)
const abandon = (customer: string, id: string, at: string) =>
  event(
    'ContactAbandoned',
    { contactId: id, channel: 'phone', kind: 'queue_hangup', waitSeconds: 60 },
    at,
    customer,
  )
const promise = (customer: string, id: string, orderId: string, promisedBy: string) =>
  event('DeliveryPromised', { deliveryId: id, orderId, promisedBy }, '2024-01-01T00:00:00Z', customer)
const nps = (customer: string, id: string, score: number, at: string) =>
  event('SurveyAnswered', { surveyId: id, nps: score }, at, customer)

/** Three customers; every expected figure below is counted by hand from these events. */
const portfolio = foldAll([
  registered('2024-01-01T00:00:00Z', 'a'),
  abandon('a', 'a-x1', '2024-02-01T10:00:00Z'),
  inquiry('a', 'qa1', '2024-02-01T11:00:00Z'),
  answer('a', 'qa1', '2024-02-01T12:00:00Z'),
  resolve('a', 'qa1', '2024-02-02T11:00:00Z', true),
  inquiry('a', 'qa2', '2024-02-10T00:00:00Z', 2),
  answer('a', 'qa2', '2024-02-10T05:00:00Z'),
  resolve('a', 'qa2', '2024-02-11T00:00:00Z', false),
  order('a-o1', 10_000, '2024-01-15T00:00:00Z', 'a'),
  order('a-o2', 5_000, '2024-03-15T00:00:00Z', 'a'),
  promise('a', 'a-d1', 'a-o1', '2024-01-20'),
  event('DeliveryCompleted', { deliveryId: 'a-d1', orderId: 'a-o1' }, '2024-01-19T10:00:00Z', 'a'),
  promise('a', 'a-d2', 'a-o2', '2024-03-20'),
  event('DeliveryCompleted', { deliveryId: 'a-d2', orderId: 'a-o2' }, '2024-03-21T10:00:00Z', 'a'),
  nps('a', 'sa1', 10, '2024-02-15T00:00:00Z'),
  nps('a', 'sa2', 6, '2024-03-01T00:00:00Z'),

  registered('2024-01-01T00:00:00Z', 'b'),
  abandon('b', 'b-x1', '2024-02-05T00:00:00Z'),
  abandon('b', 'b-x2', '2024-02-06T00:00:00Z'),
  inquiry('b', 'qb1', '2024-02-05T09:00:00Z'),
  order('b-o1', 20_000, '2024-02-01T00:00:00Z', 'b'),
  promise('b', 'b-d1', 'b-o1', '2024-02-10'),
  event(
    'DeliveryFailed',
    { deliveryId: 'b-d1', orderId: 'b-o1', reason: 'lost' },
    '2024-02-09T00:00:00Z',
    'b',
  ),
  promise('b', 'b-d2', 'b-o1', '2024-02-12'),
  nps('b', 'sb1', 9, '2024-02-20T00:00:00Z'),
  order('b-o2', 1_000, '2024-04-01T00:00:00Z', 'b'),

  registered('2024-01-01T00:00:00Z', 'c'),
  order('c-o1', 3_000, '2024-03-10T00:00:00Z', 'c', 'USD'),
  nps('c', 'sc1', 8, '2024-03-15T00:00:00Z'),
  inquiry('c', 'qc1', '2024-03-10T00:00:00Z'),
  answer('c', 'qc1', '2024-03-10T03:00:00Z'),
  resolve('c', 'qc1', '2024-03-10T04:00:00Z', true),
]).state.partitions

describe('portfolio KPIs over all history', () => {
  const k = portfolioKpis(portfolio, '2024-06-30')

  it('computes the service KPIs', () => {
    expect(k.customers).toBe(3)
    expect(k.abandonmentRate).toEqual({ rate: 3 / 7, abandoned: 3, inquiries: 4 })
    expect(k.firstContactResolution).toEqual({ rate: 2 / 3, firstContact: 2, resolved: 3 })
    expect(k.averageSpeedOfAnswer).toEqual({ seconds: 3 * 3600, answered: 3 })
    expect(k.slaBreachRate).toEqual({ rate: 0.5, breached: 2, decided: 4 })
  })

  it('computes on-time delivery with the counts behind it', () => {
    expect(k.onTimeDelivery).toEqual({
      rate: 0.25,
      onTime: 1,
      late: 1,
      failed: 1,
      overdue: 1,
      pending: 0,
      completedUnpromised: 0,
    })
  })

  it('computes NPS from each customer’s latest answer', () => {
    expect(k.nps).toEqual({ score: 0, promoters: 1, passives: 1, detractors: 1, respondents: 3 })
  })

  it('computes retention by first-purchase cohort', () => {
    expect(k.retentionByCohort).toEqual([
      { cohort: '2024-01', customers: 1, retained: [1, 0, 1, 0, 0, 0], rates: [1, 0, 1, 0, 0, 0] },
      { cohort: '2024-02', customers: 1, retained: [1, 0, 1, 0, 0], rates: [1, 0, 1, 0, 0] },
      { cohort: '2024-03', customers: 1, retained: [1, 0, 0, 0], rates: [1, 0, 0, 0] },
    ])
    expect(portfolioKpis(portfolio, '2024-06-30', { cohort: 'quarter' }).retentionByCohort).toEqual([
      { cohort: '2024-Q1', customers: 3, retained: [3, 1], rates: [1, 1 / 3] },
    ])
  })

  it('computes the revenue share of the top customers per currency', () => {
    expect(k.topCustomerRevenueShare).toEqual([
      {
        currency: 'EUR',
        share: 1,
        topRevenue: 36_000,
        totalRevenue: 36_000,
        customers: 2,
        top: [
          { customerId: 'b', revenue: 21_000 },
          { customerId: 'a', revenue: 15_000 },
        ],
      },
      {
        currency: 'USD',
        share: 1,
        topRevenue: 3_000,
        totalRevenue: 3_000,
        customers: 1,
        top: [{ customerId: 'c', revenue: 3_000 }],
      },
    ])
    expect(
      portfolioKpis(portfolio, '2024-06-30', { topCustomers: 1 }).topCustomerRevenueShare[0]?.share,
    ).toBe(21 / 36)
  })
})

describe('portfolio KPIs over a window', () => {
  const k = portfolioKpis(portfolio, '2024-06-30', { since: '2024-02-07T00:00:00Z' })

  it('counts only what happened in (since, asOf]', () => {
    expect(k.since).toBe('2024-02-07T00:00:00.000Z')
    expect(k.abandonmentRate).toEqual({ rate: 0, abandoned: 0, inquiries: 2 })
    expect(k.firstContactResolution).toEqual({ rate: 0.5, firstContact: 1, resolved: 2 })
    expect(k.averageSpeedOfAnswer).toEqual({ seconds: 4 * 3600, answered: 2 })
    expect(k.slaBreachRate).toEqual({ rate: 0.5, breached: 1, decided: 2 })
    expect(k.onTimeDelivery).toMatchObject({ rate: 0, onTime: 0, late: 1, failed: 1, overdue: 1 })
    expect(k.nps.score).toBe(0)
    expect(k.retentionByCohort.map((c) => c.cohort)).toEqual(['2024-03'])
    expect(k.topCustomerRevenueShare.map((r) => [r.currency, r.totalRevenue])).toEqual([
      ['EUR', 6_000],
      ['USD', 3_000],
    ])
  })

  it('uses only events that occurred by the as-of instant', () => {
    const early = portfolioKpis(portfolio, '2024-02-05T12:00:00Z')
    expect(early.abandonmentRate).toEqual({ rate: 0.5, abandoned: 2, inquiries: 2 })
    expect(early.onTimeDelivery).toMatchObject({ onTime: 1, late: 0, failed: 0, overdue: 0 })
    expect(early.customers).toBe(3)
  })

  it('gives null rates when there is nothing to divide by', () => {
    const empty = portfolioKpis(new Map(), '2024-06-30')
    expect(empty).toMatchObject({
      customers: 0,
      abandonmentRate: { rate: null },
      firstContactResolution: { rate: null },
      averageSpeedOfAnswer: { seconds: null },
      slaBreachRate: { rate: null },
      onTimeDelivery: { rate: null },
      nps: { score: null, respondents: 0 },
      retentionByCohort: [],
      topCustomerRevenueShare: [],
    })
  })
})
