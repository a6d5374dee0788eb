import { join } from 'node:path'
import { ImportRowError } from '../errors.js'
import type { ImportOptions } from '../import-run.js'
import type { SourceRow } from '../row-reader.js'
import {
  failRow,
  readId,
  readLocal,
  readMoney,
  readOneOf,
  readOptionalLocal,
  readOptionalMidnightDate,
  readOptionalText,
  readWhole,
} from '../row-reader.js'
import type { CsvRow } from '../source.js'
import { readCsvTable } from '../source.js'
import type { Tally } from '../summary.js'
import { countAdjustment, rejectRow } from '../summary.js'
import type { OlistData, OlistOrder, OlistReview } from './model.js'
import { OLIST_FILES, OLIST_ORDER_STATUSES, OLIST_TIME_ZONE } from './model.js'

/**
 * Reads the Olist files one after the other, streaming each, into per-order and per-review indexes (the
 * joins need them; at the export's scale they fit in memory). Rows of a later file that name an unknown or
 * skipped order are malformed rows themselves.
 */

const TZ = OLIST_TIME_ZONE
/** Title and message each; joined they stay within core's 10,000-character comments. */
const MAX_REVIEW_TEXT = 4000

const eachRow = async (
  file: string,
  columns: readonly string[],
  tally: Tally,
  skipInvalid: boolean,
  handle: (r: SourceRow) => void,
  onSkip: (row: CsvRow) => void = () => undefined,
): Promise<void> => {
  for await (const record of readCsvTable(file, columns)) {
    tally.rowsRead++
    try {
      if (record.error !== undefined) throw new ImportRowError(file, record.line, record.error)
      handle({ file, row: record.row })
    } catch (error) {
      if (!(error instanceof ImportRowError)) throw error
      if (record.row !== undefined) onSkip(record.row)
      rejectRow(tally, skipInvalid, error)
    }
  }
}

interface Lookup {
  readonly orders: Map<string, OlistOrder>
  readonly skippedOrders: Set<string>
}

const orderOf = (r: SourceRow, { orders, skippedOrders }: Lookup): OlistOrder => {
  const orderId = readId(r, 'order_id')
  const order = orders.get(orderId)
  if (order !== undefined) return order
  return failRow(
    r,
    skippedOrders.has(orderId)
      ? `order_id ${orderId} was skipped (its row in ${OLIST_FILES.orders} is malformed)`
      : `order_id ${orderId} is not in ${OLIST_FILES.orders}`,
  )
}

export const loadOlist = async (dir: string, options: ImportOptions, tally: Tally): Promise<OlistData> => {
  const skipInvalid = options.skipInvalid === true
  const prefix = options.customerIdPrefix ?? ''
  const path = (name: string): string => join(dir, name)

  const customers = new Map<string, string>()
  await eachRow(
    path(OLIST_FILES.customers),
    ['customer_id', 'customer_unique_id'],
    tally,
    skipInvalid,
    (r) => {
      const customerId = readId(r, 'customer_id')
      const uniqueId = readId(r, 'customer_unique_id')
      if (customers.has(customerId)) failRow(r, `customer_id ${customerId} is listed twice`)
      customers.set(customerId, prefix + uniqueId)
    },
  )

  const lookup: Lookup = { orders: new Map(), skippedOrders: new Set() }
  await eachRow(
    path(OLIST_FILES.orders),
    [
      'order_id',
      'customer_id',
      'order_status',
      'order_purchase_timestamp',
      'order_approved_at',
      'order_delivered_carrier_date',
      'order_delivered_customer_date',
      'order_estimated_delivery_date',
    ],
    tally,
    skipInvalid,
    (r) => {
      const orderId = readId(r, 'order_id')
      if (lookup.orders.has(orderId)) failRow(r, `order_id ${orderId} is listed twice`)
      const sourceCustomerId = readId(r, 'customer_id')
      const customerId =
        customers.get(sourceCustomerId) ??
        failRow(
          r,
          `customer_id ${sourceCustomerId} is not in ${OLIST_FILES.customers} (or its row was skipped)`,
        )
      lookup.orders.set(orderId, {
        orderId,
        customerId,
        line: r.row.line,
        status: readOneOf(r, 'order_status', OLIST_ORDER_STATUSES),
        purchase: readLocal(r, 'order_purchase_timestamp', TZ),
        approved: readOptionalLocal(r, 'order_approved_at', TZ),
        carrier: readOptionalLocal(r, 'order_delivered_carrier_date', TZ),
        delivered: readOptionalLocal(r, 'order_delivered_customer_date', TZ),
        promisedBy: readOptionalMidnightDate(r, 'order_estimated_delivery_date', TZ),
        items: [],
        payments: [],
      })
    },
    (row) => {
      const orderId = row.get('order_id')
      if (!lookup.orders.has(orderId)) lookup.skippedOrders.add(orderId)
    },
  )
  const ordering = new Set<string>()
  for (const order of lookup.orders.values()) ordering.add(order.customerId)
  const withoutOrders = new Set(customers.values()).size - ordering.size
  if (withoutOrders > 0) countAdjustment(tally, 'customersWithoutOrders', withoutOrders)

  await eachRow(
    path(OLIST_FILES.items),
    ['order_id', 'order_item_id', 'product_id', 'price', 'freight_value'],
    tally,
    skipInvalid,
    (r) => {
      const order = orderOf(r, lookup)
      const itemNo = readWhole(r, 'order_item_id', 1, 999)
      if (order.items.some((i) => i.itemNo === itemNo))
        failRow(r, `order_item_id ${itemNo} of order ${order.orderId} is listed twice`)
      const item = {
        itemNo,
        productId: readId(r, 'product_id'),
        price: readMoney(r, 'price'),
        freight: readMoney(r, 'freight_value'),
      }
      order.items.push(item)
    },
  )

  await eachRow(
    path(OLIST_FILES.payments),
    ['order_id', 'payment_sequential', 'payment_type', 'payment_installments', 'payment_value'],
    tally,
    skipInvalid,
    (r) => {
      const order = orderOf(r, lookup)
      const sequential = readWhole(r, 'payment_sequential', 1, 1000)
      if (order.payments.some((p) => p.sequential === sequential))
        failRow(r, `payment_sequential ${sequential} of order ${order.orderId} is listed twice`)
      const type = readId(r, 'payment_type')
      readWhole(r, 'payment_installments', 0, 1000)
      order.payments.push({ sequential, type, value: readMoney(r, 'payment_value') })
    },
  )

  const reviews = new Map<string, OlistReview>()
  await eachRow(
    path(OLIST_FILES.reviews),
    [
      'review_id',
      'order_id',
      'review_score',
      'review_comment_title',
      'review_comment_message',
      'review_creation_date',
      'review_answer_timestamp',
    ],
    tally,
    skipInvalid,
    (r) => {
      const reviewId = readId(r, 'review_id')
      const order = orderOf(r, lookup)
      const score = readWhole(r, 'review_score', 1, 5)
      const title = readOptionalText(r, 'review_comment_title', MAX_REVIEW_TEXT)
      const message = readOptionalText(r, 'review_comment_message', MAX_REVIEW_TEXT)
      readLocal(r, 'review_creation_date', TZ)
      const answered = readLocal(r, 'review_answer_timestamp', TZ)
      const known = reviews.get(reviewId)
      if (known === undefined) {
        const comment = [title, message]
          .filter((t) => t !== undefined)
          .join('\n')
          .replace(/\r\n?/g, '\n')
        reviews.set(reviewId, {
          reviewId,
          customerId: order.customerId,
          orderIds: [order.orderId],
          score,
          comment: comment === '' ? undefined : comment,
          answered,
        })
        return
      }
      if (known.customerId !== order.customerId)
        failRow(r, `review_id ${reviewId} already answers an order of another customer (${known.customerId})`)
      if (known.orderIds.includes(order.orderId))
        failRow(r, `review_id ${reviewId} of order ${order.orderId} is listed twice`)
      known.orderIds.push(order.orderId)
      countAdjustment(tally, 'reviewsCoveringSeveralOrders')
    },
  )
  return { orders: lookup.orders, reviews }
}
