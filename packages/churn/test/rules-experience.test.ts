import { asOfMs } from '@journeykit/core'
import { describe, expect, it } from 'vitest'
import { defaultThresholds as t, signalRules as rule } from '../src/index.js'
import { event, factsOf } from './support/events.js'

const promised = (deliveryId: string, promisedBy: string, timeZone?: string) =>
  event(
    'DeliveryPromised',
    { deliveryId, orderId: 'o1', promisedBy, ...(timeZone === undefined ? {} : { timeZone }) },
    '2024-05-01T10:00:00Z',
  )
const completed = (deliveryId: string, at: string) =>
  event('DeliveryCompleted', { deliveryId, orderId: 'o1' }, at)

describe('delivery-late-or-failed', () => {
  it('does not count a promised delivery as overdue once its order was cancelled, in either stream order', () => {
    const cancelled = event('OrderCancelled', { orderId: 'o1', by: 'customer' }, '2024-05-02T10:00:00Z')
    const open = factsOf([promised('d1', '2024-05-10')])
    expect(rule['delivery-late-or-failed'](open, asOfMs('2024-05-20'), t)?.evidence.values).toEqual({
      late: 1,
      failed: 0,
    })
    for (const history of [
      [promised('d1', '2024-05-10'), cancelled],
      [cancelled, promised('d1', '2024-05-10')],
    ])
      expect(rule['delivery-late-or-failed'](factsOf(history), asOfMs('2024-05-20'), t)).toBeUndefined()
  })

  it('judges a calendar-date promise by the end of that day in the promise’s time zone', () => {
    // 2024-05-10 ends in São Paulo (UTC-3) at 2024-05-11T03:00Z: 01:00Z on the 11th is still on time there.
    const onTime = factsOf([
      promised('d1', '2024-05-10', 'America/Sao_Paulo'),
      completed('d1', '2024-05-11T01:00:00Z'),
    ])
    expect(rule['delivery-late-or-failed'](onTime, asOfMs('2024-05-12'), t)).toBeUndefined()
    const lateInUtc = factsOf([promised('d1', '2024-05-10'), completed('d1', '2024-05-11T01:00:00Z')])
    expect(rule['delivery-late-or-failed'](lateInUtc, asOfMs('2024-05-12'), t)?.evidence.values).toEqual({
      late: 1,
      failed: 0,
    })
    // In Tokyo (UTC+9) the day ends at 15:00Z: 16:00Z the same UTC day is late.
    const lateInTokyo = factsOf([
      promised('d1', '2024-05-10', 'Asia/Tokyo'),
      completed('d1', '2024-05-10T16:00:00Z'),
    ])
    expect(rule['delivery-late-or-failed'](lateInTokyo, asOfMs('2024-05-12'), t)).toBeDefined()
  })

  it('compares calendar days when the completion is known only by its date', () => {
    const sameDay = factsOf([promised('d1', '2024-05-10', 'Asia/Tokyo'), completed('d1', '2024-05-10')])
    expect(rule['delivery-late-or-failed'](sameDay, asOfMs('2024-05-12'), t)).toBeUndefined()
    const nextDay = factsOf([
      promised('d1', '2024-05-10', 'America/Sao_Paulo'),
      completed('d1', '2024-05-11'),
    ])
    expect(rule['delivery-late-or-failed'](nextDay, asOfMs('2024-05-12'), t)).toBeDefined()
  })

  it('counts an open promise past its deadline as overdue, and a failure twice', () => {
    const open = factsOf([promised('d1', '2024-05-10')])
    expect(rule['delivery-late-or-failed'](open, asOfMs('2024-05-10'), t)).toBeUndefined()
    expect(rule['delivery-late-or-failed'](open, asOfMs('2024-05-11'), t)?.severity).toBe(0.5)
    const failed = event('DeliveryFailed', { deliveryId: 'd2', orderId: 'o1', reason: 'lost' }, '2024-05-09')
    const s = rule['delivery-late-or-failed'](
      factsOf([promised('d1', '2024-05-10'), failed]),
      asOfMs('2024-05-11'),
      t,
    )
    expect(s?.severity).toBe(1)
    expect(s?.evidence.eventIds).toHaveLength(2)
  })

  it('forgets incidents older than the lookback', () => {
    const late = factsOf([promised('d1', '2024-05-10'), completed('d1', '2024-05-12')])
    expect(rule['delivery-late-or-failed'](late, asOfMs('2024-12-31'), t)).toBeUndefined()
  })
})

describe('surveys', () => {
  const survey = (at: string, scores: { nps?: number; csat?: number; ces?: number }) =>
    event('SurveyAnswered', { surveyId: `s-${at}`, ...scores }, at)

  it('detractor-nps: the worst detractor answer since the last positive one', () => {
    const f = factsOf([survey('2024-03-01', { nps: 3 }), survey('2024-04-01', { nps: 6 })])
    const s = rule['detractor-nps'](f, asOfMs('2024-05-01'), t)
    expect(s?.evidence.values['worstNps']).toBe(3)
    expect(s?.severity).toBe(0.75)
    const recovered = factsOf([survey('2024-03-01', { nps: 3 }), survey('2024-04-01', { nps: 10 })])
    expect(rule['detractor-nps'](recovered, asOfMs('2024-05-01'), t)).toBeUndefined()
  })

  it('low-csat: 1 or 2 of 5', () => {
    const f = factsOf([survey('2024-04-01', { csat: 2, nps: 9 })])
    expect(rule['low-csat'](f, asOfMs('2024-05-01'), t)?.severity).toBe(0.6)
    expect(
      rule['low-csat'](factsOf([survey('2024-04-01', { csat: 3 })]), asOfMs('2024-05-01'), t),
    ).toBeUndefined()
  })

  it('scores-falling: from a positive answer down to a much lower one', () => {
    const f = factsOf([survey('2024-01-01', { nps: 10 }), survey('2024-03-01', { nps: 7 })])
    const s = rule['scores-falling'](f, asOfMs('2024-05-01'), t)
    expect(s?.evidence.values).toMatchObject({ fromScore: 1, toScore: 0.7 })
    expect(s?.severity).toBeCloseTo(0.75, 5)
    const rising = factsOf([survey('2024-01-01', { nps: 7 }), survey('2024-03-01', { nps: 8 })])
    expect(rule['scores-falling'](rising, asOfMs('2024-05-01'), t)).toBeUndefined()
  })
})
