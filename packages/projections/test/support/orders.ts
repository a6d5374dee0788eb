import { defineProjection } from '../../src/index.js'

/** One customer's orders: a small but non-trivial projection (per-currency money, cancellations, erasure). */
export interface OrderBook {
  version: number
  orders: number
  cancelled: number
  /** Net revenue per currency, in minor units. */
  revenue: Record<string, number>
  /** Orders not cancelled, by order id. */
  open: Record<string, { currency: string; amount: number }>
  lastOrderAt: string | null
  forgotten: boolean
}

/** Portfolio-wide: registered customers and gross revenue per currency (order independent). */
export interface Totals {
  customers: number
  revenue: Record<string, number>
}

const emptyBook = (version: number): OrderBook => ({
  version,
  orders: 0,
  cancelled: 0,
  revenue: {},
  open: {},
  lastOrderAt: null,
  forgotten: false,
})

/** The orders projection; `version` is written into each state, so blue/green tests can tell versions apart. */
export const ordersProjection = (version = 1) =>
  defineProjection<OrderBook, Totals>({
    name: 'orders',
    version,
    initialState: () => emptyBook(version),
    handlers: {
      OrderPlaced: (book, { data, occurredAt }) => {
        if (book.forgotten) return
        book.orders++
        book.revenue[data.currency] = (book.revenue[data.currency] ?? 0) + data.amount
        book.open[data.orderId] = { currency: data.currency, amount: data.amount }
        book.lastOrderAt = occurredAt
      },
      OrderCancelled: (book, { data }) => {
        const order = book.open[data.orderId]
        if (order === undefined) return
        book.cancelled++
        book.revenue[order.currency] = (book.revenue[order.currency] ?? 0) - order.amount
        delete book.open[data.orderId]
      },
      CustomerForgotten: (book) => {
        Object.assign(book, emptyBook(version), { forgotten: true })
      },
    },
    portfolio: {
      initialState: () => ({ customers: 0, revenue: {} }),
      handlers: {
        CustomerRegistered: (totals) => {
          totals.customers++
        },
        OrderPlaced: (totals, { data }) => {
          totals.revenue[data.currency] = (totals.revenue[data.currency] ?? 0) + data.amount
        },
      },
    },
  })

export type OrdersProjection = ReturnType<typeof ordersProjection>
