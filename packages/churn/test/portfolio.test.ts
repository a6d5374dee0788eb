import type { JourneyEvent, RecordedEvent } from '@journeykit/core'
import { asOfMs } from '@journeykit/core'
import { foldProjection } from '@journeykit/projections'
import { describe, expect, it } from 'vitest'
import {
  churnProjection,
  evaluateAsOf,
  evaluateCustomer,
  evaluateCustomerAsOf,
  AT_RISK_CSV_COLUMNS,
  atRiskCsv,
  FactsAfterAsOfError,
  foldChurnFacts,
  monitorChurn,
} from '../src/index.js'
import { event, factsOf, order, ordersEvery } from './support/events.js'

const recorded = (events: readonly JourneyEvent[]): RecordedEvent[] =>
  events.map((e, i) => ({ ...e, position: BigInt(128 + 16 * i), revision: BigInt(i) }))

// Three customers: a steady weekly buyer (EUR), a big buyer who went silent (EUR), a USD customer who complained.
const steady = ordersEvery('2024-01-01', 7, 30, 2_000, 'steady')
const silent = ordersEvery('2023-01-01', 14, 20, 50_000, 'silent')
const usd = [
  event(
    'OrderPlaced',
    {
      orderId: 'u1',
      currency: 'USD',
      amount: 30_000,
      lines: [{ sku: 'x', quantity: 1, unitPrice: 30_000 }],
      channel: 'phone',
    },
    '2024-06-01',
    'usd',
  ),
  event(
    'ComplaintFiled',
    { complaintId: 'k1', channel: 'phone', category: 'billing', severity: 'high' },
    '2024-07-20',
    'usd',
  ),
]
const all = [...steady, ...silent, ...usd]

describe('the projection', () => {
  it('folds the same facts through foldProjection as through foldChurnFacts', () => {
    const state = foldProjection(churnProjection, recorded(all))
    const plain = foldChurnFacts(all)
    expect(state.partitions.size).toBe(3)
    for (const [id, facts] of plain) expect(state.partitions.get(id)).toEqual(facts)
  })
})

describe('evaluation as of an instant', () => {
  it('refuses facts holding events after the instant', () => {
    const facts = factsOf(steady)
    expect(() => evaluateCustomer('steady', facts, '2024-02-01')).toThrow(FactsAfterAsOfError)
  })

  it('uses only the events up to the instant', () => {
    const july = evaluateCustomerAsOf(all, 'silent', '2023-07-01')
    expect(july.signals.map((s) => s.kind)).toEqual([])
    const later = evaluateCustomerAsOf(all, 'silent', '2024-08-01', { compareWith: '2023-07-01' })
    expect(later.signals.map((s) => s.kind)).toContain('purchase-lapse')
    expect(later.trend).toMatchObject({ direction: 'worsening', previousHealth: july.health })
  })
})

describe('the portfolio view', () => {
  const portfolio = evaluateAsOf(all, '2024-08-01', { top: 2 })
  const view = portfolio.view

  it('ranks the customers at risk by revenue at risk, per currency (customers with no risk are not listed)', () => {
    expect(view.topAtRisk['EUR']?.map((e) => e.customerId)).toEqual(['silent'])
    const top = view.topAtRisk['EUR']?.[0]
    expect(top?.customerId).toBe('silent')
    expect(top?.signals[0]).toBe('purchase-lapse')
    expect(top?.revenueAtRisk).toBe(Math.round(((top?.annualValue ?? 0) * (top?.risk ?? 0)) / 100))
    expect(view.topAtRisk['USD']?.map((e) => e.customerId)).toEqual(['usd'])
  })

  it('totals revenue at risk per currency without mixing them, and counts signals and bands', () => {
    const eur = portfolio.evaluations.filter((e) => e.customerId !== 'usd')
    expect(view.revenueAtRisk['EUR']).toBe(eur.reduce((sum, e) => sum + (e.revenueAtRisk['EUR'] ?? 0), 0))
    expect(view.revenueAtRisk['USD']).toBe(
      portfolio.evaluations.find((e) => e.customerId === 'usd')?.revenueAtRisk['USD'],
    )
    expect(view.signalsByKind['complaint-unresolved']).toBe(1)
    expect(Object.values(view.bands).reduce((a, b) => a + b, 0)).toBe(3)
    expect(portfolio.evaluations[0]?.riskExact).toBeGreaterThanOrEqual(
      portfolio.evaluations[2]?.riskExact ?? 0,
    )
  })

  it('values a customer by their latest forecast when there is one', () => {
    const forecast = event(
      'PurchaseForecastUpdated',
      { expectedSpend: 1_000_000, currency: 'USD' },
      '2024-07-01',
      'usd',
    )
    const e = evaluateCustomerAsOf([...all, forecast], 'usd', '2024-08-01')
    expect(e.value).toEqual({ perYear: { USD: 1_000_000 }, source: 'forecast' })
    expect(e.revenueAtRisk['USD']).toBe(10_000 * e.risk)
  })
})

describe('alerts', () => {
  it('raises a signal with its evidence when it appears and clears it when it goes', () => {
    const history = [
      order('o1', '2024-01-05', 1000, 'c'),
      ...ordersEvery('2024-01-10', 10, 5, 1000, 'c').slice(1),
    ]
    const comeback = order('back', '2024-09-01', 1000, 'c')
    const instants = ['2024-02-01', '2024-06-01', '2024-09-02']
    const steps = [...monitorChurn([...history, comeback], instants)]
    expect(steps.map((s) => s.asOf)).toEqual(instants)
    const raised = steps[1]?.alerts.filter((a) => a.type === 'SignalRaised')
    const lapse = raised?.find((a) => a.type === 'SignalRaised' && a.signal.kind === 'purchase-lapse')
    expect(lapse?.type === 'SignalRaised' && lapse.signal.evidence.eventIds[0]).toBe(
      history[history.length - 1]?.id,
    )
    const cleared = steps[2]?.alerts.find((a) => a.type === 'SignalCleared')
    expect(cleared).toMatchObject({
      type: 'SignalCleared',
      customerId: 'c',
      kind: 'purchase-lapse',
      lastSeenAsOf: '2024-06-01',
    })
    expect(steps[1]?.alerts.some((a) => a.type === 'HealthBandChanged')).toBe(true)
    expect(steps[2]?.portfolio.evaluations[0]?.trend.direction).toBe('improving')
  })

  it('sees at each instant exactly the events up to it, whatever their store order', () => {
    const shuffled = [...all].reverse()
    const [step] = [...monitorChurn(shuffled, ['2024-03-01'])]
    expect(step?.portfolio.evaluations).toEqual(evaluateAsOf(all, '2024-03-01').evaluations)
    expect(asOfMs('2024-03-01')).toBe(step?.portfolio.evaluations[0]?.asOfMs)
  })
})

describe('the at-risk CSV', () => {
  it('has a header and one line per entry, quoting where needed', () => {
    const entries = evaluateAsOf(all, '2024-08-01').view.topAtRisk['EUR'] ?? []
    const odd = entries.map((e) => ({ ...e, customerId: 'a,"b"' }))
    const lines = atRiskCsv([...entries, ...odd])
      .trimEnd()
      .split('\n')
    expect(lines[0]).toBe(AT_RISK_CSV_COLUMNS.join(','))
    expect(lines[0]).toMatch(/^customerId,risk,health,purchase-lapse,/)
    const row = Object.fromEntries(AT_RISK_CSV_COLUMNS.map((c, i) => [c, lines[1]?.split(',')[i]]))
    expect(row).toMatchObject({ customerId: 'silent', risk: '60', health: '40', 'purchase-lapse': '60' })
    expect(row).toMatchObject({ band: 'at_risk', trend: 'new', currency: 'EUR', annualValueMinor: '1000000' })
    expect(row).toMatchObject({ revenueAtRiskMinor: '600000' })
    expect(lines[1]?.split(',')).toHaveLength(AT_RISK_CSV_COLUMNS.length)
    expect(lines[2]).toMatch(/^"a,""b""",/)
  })
})
