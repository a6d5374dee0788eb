import { memoryEventStore } from '@journeykit/store-memory'
import { describe, expect, it } from 'vitest'
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
