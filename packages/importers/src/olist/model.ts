import type { ZonedInstant } from '../local-time.js'

/** Olist's timestamps are local time in Brazil, written without an offset. */
export const OLIST_TIME_ZONE = 'America/Sao_Paulo'

/** The files of the Olist export an import reads (products, sellers and geolocation are not needed). */
export const OLIST_FILES = {
  customers: 'olist_customers_dataset.csv',
  orders: 'olist_orders_dataset.csv',
  items: 'olist_order_items_dataset.csv',
  payments: 'olist_order_payments_dataset.csv',
  reviews: 'olist_order_reviews_dataset.csv',
} as const

export const OLIST_ORDER_STATUSES = [
  'created',
  'approved',
  'invoiced',
  'processing',
  'shipped',
  'delivered',
  'canceled',
  'unavailable',
] as const
export type OlistOrderStatus = (typeof OLIST_ORDER_STATUSES)[number]

export interface OlistItem {
  readonly itemNo: number
  readonly productId: string
  /** BRL centavos. */
  readonly price: number
  readonly freight: number
}

export interface OlistPayment {
  readonly sequential: number
  readonly type: string
  /** BRL centavos. */
  readonly value: number
}

/** One order with what the other files say about it (the per-order index of the import). */
export interface OlistOrder {
  readonly orderId: string
  /** The journeykit customer id: the (prefixed) customer_unique_id. */
  readonly customerId: string
  readonly line: number
  readonly status: OlistOrderStatus
  readonly purchase: ZonedInstant
  readonly approved: ZonedInstant | undefined
  readonly carrier: ZonedInstant | undefined
  readonly delivered: ZonedInstant | undefined
  readonly promisedBy: string | undefined
  readonly items: OlistItem[]
  readonly payments: OlistPayment[]
}

/** One review (a review_id can cover several orders of one customer). */
export interface OlistReview {
  readonly reviewId: string
  readonly customerId: string
  readonly orderIds: string[]
  readonly score: number
  readonly comment: string | undefined
  readonly answered: ZonedInstant
}

/** Everything an Olist import keeps in memory: orders by id and reviews by id. */
export interface OlistData {
  readonly orders: Map<string, OlistOrder>
  readonly reviews: Map<string, OlistReview>
}
