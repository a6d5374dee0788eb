import { defineProjection } from '../../src/index.js'

export interface Tally {
  orders: number
  revenue: number
}

/**
 * A projection whose handlers throw on some events AFTER changing the draft: an order of amount 13 fails in
 * the partition, an order in JPY fails in the portfolio. A correct engine leaves no trace of a failed event.
 */
export const fragileProjection = defineProjection<Tally, Tally>({
  name: 'fragile',
  version: 1,
  initialState: () => ({ orders: 0, revenue: 0 }),
  handlers: {
    OrderPlaced: (tally, { data }) => {
      tally.orders++
      if (data.amount === 13) throw new Error('unlucky amount')
      tally.revenue += data.amount
    },
  },
  portfolio: {
    initialState: () => ({ orders: 0, revenue: 0 }),
    handlers: {
      OrderPlaced: (tally, { data }) => {
        tally.orders++
        if (data.currency === 'JPY') throw new RangeError('no yen here')
        tally.revenue += data.amount
      },
    },
  },
})
