import { memoryEventStore } from '@journeykit/store-memory'
import { describe, expect, it } from 'vitest'
import { insight } from '../src/insight.js'
import { commands, runJourney } from '../src/journey.js'

describe('quickstart', () => {
  it('records every command of the journey and refuses cancelling a delivered order', async () => {
    const store = memoryEventStore()
    const { accepted, refused } = await runJourney(store)
    expect(refused).toEqual([])
    expect(accepted).toHaveLength(commands.length)
    const again = await runJourney(store, [
      {
        type: 'CancelOrder',
        customerId: 'acme-gmbh',
        occurredAt: '2024-03-01T10:00:00Z',
        data: { orderId: 'o-1', by: 'customer' },
      },
    ])
    expect(again.refused[0]).toMatch(/CancelOrder refused for customer acme-gmbh: order o-1 was delivered/)
  })
})

describe('quickstart insight', () => {
  it('shows the late delivery, the lost call, the detractor and the champion leaving as churn signals', async () => {
    const store = memoryEventStore()
    await runJourney(store)
    const { view, churn } = await insight(store, 'acme-gmbh', '2024-04-15')
    expect(view?.orders.placed).toBe(1)
    expect(view?.deliveries.late).toBe(1)
    expect(churn.signals.map((s) => s.kind)).toEqual(
      expect.arrayContaining([
        'delivery-late-or-failed',
        'abandoned-contact-unanswered',
        'detractor-nps',
        'champion-left',
      ]),
    )
    expect(churn.contributions.reduce((sum, c) => sum + c.points, 0)).toBe(churn.risk)
  })
})
