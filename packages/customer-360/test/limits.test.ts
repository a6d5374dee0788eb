import { describe, expect, it } from 'vitest'
import { InvalidOptions, customer360Projection, viewAsOf } from '../src/index.js'
import { event, order, registered, stateOf } from './support/events.js'

const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString()

describe('bounded memory per customer', () => {
  const orders = Array.from({ length: 10 }, (_, i) => order(`o${i}`, 100, day(i * 10)))
  const inquiries = Array.from({ length: 10 }, (_, i) => [
    event('InquiryReceived', { inquiryId: `q${i}`, channel: 'email', topic: 'billing' }, day(i * 10)),
    event('InquiryAnswered', { inquiryId: `q${i}`, channel: 'email' }, day(i * 10 + 1)),
  ]).flat()
  const history = [registered(day(0)), ...orders, ...inquiries]
  const small = stateOf(history, 'c1', { limits: { records: 3 } })
  const full = stateOf(history)

  it('keeps at most the record limit per kind and archives the rest as counts', () => {
    expect(small.orders?.size).toBe(3)
    expect(small.inquiries?.size).toBe(3)
    expect(full.orders?.size).toBe(10)
  })

  it('gives the same counts as the full state from the horizon on, and says when it is approximate', () => {
    const at = day(200)
    const [a, b] = [viewAsOf(small, at), viewAsOf(full, at)]
    expect(a.exact).toBe(true)
    expect(a.orders).toEqual(b.orders)
    expect(a.value.byCurrency[0]?.lifetimeRevenue).toBe(1_000)
    expect(a.service.inquiries).toMatchObject({ received: 10, answered: 10, slaBreached: 0 })
    expect(a.channels).toEqual(b.channels)
    const early = viewAsOf(small, day(15))
    expect(early.exact).toBe(false)
    expect(early.horizon).not.toBeNull()
    expect(viewAsOf(full, day(15)).exact).toBe(true)
  })

  it('bounds histories: the oldest changes go, the latest stay', () => {
    const s = stateOf(
      [
        registered(day(0)),
        ...Array.from({ length: 6 }, (_, i) =>
          event('CreditScoreAssessed', { score: 100 * i, agency: 'x' }, day(i + 1)),
        ),
      ],
      'c1',
      { limits: { history: 2 } },
    )
    expect(s.credit.map((c) => c.score)).toEqual([400, 500])
    expect(viewAsOf(s, day(30)).credit).toMatchObject({ score: 500, previousScore: 400, trend: 'up' })
  })

  it('rejects unusable options with a typed error', () => {
    expect(() => customer360Projection({ limits: { records: 0 } })).toThrow(InvalidOptions)
    expect(() => customer360Projection({ followUpWindowHours: -1 })).toThrow(
      expect.objectContaining({ _tag: 'InvalidOptions', option: 'followUpWindowHours' }),
    )
  })
})
