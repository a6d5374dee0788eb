import { dict } from '../state/dict.js'
import type { InvoiceRecord } from '../state/records.js'
import type { InvoiceTally, MoneyTally } from '../state/tallies.js'
import { groupOf } from '../state/tally.js'
import type { Window } from './window.js'
import { inWindow } from './window.js'

/** The amount paid on an invoice by `asOfMs`. */
export const paidAsOf = (r: InvoiceRecord, asOfMs: number): number => {
  let paid = 0
  for (let i = 0; i + 1 < r.payments.length; i += 2) {
    if ((r.payments[i] ?? Infinity) > asOfMs) break
    paid += r.payments[i + 1] ?? 0
  }
  return paid
}

export type InvoiceStatus = 'paid' | 'outstanding' | 'overdue'

/** Paid in full, else overdue once its due date has passed (from the next day, UTC), else outstanding. */
export const invoiceStatus = (r: InvoiceRecord, asOfMs: number): InvoiceStatus =>
  paidAsOf(r, asOfMs) >= r.amount
    ? 'paid'
    : r.overdueFromMs !== null && asOfMs >= r.overdueFromMs
      ? 'overdue'
      : 'outstanding'

const emptyMoney = (): MoneyTally => ({ billed: 0, paid: 0, outstanding: 0, overdue: 0 })

/**
 * Invoices issued in the window, by status as of its end (an overdue invoice is also outstanding), and the
 * amounts billed, paid, outstanding and overdue by currency.
 */
export const invoiceTally = (records: Iterable<InvoiceRecord>, w: Window): InvoiceTally => {
  const t: InvoiceTally = { issued: 0, outstanding: 0, overdue: 0, paid: 0, amounts: dict() }
  for (const r of records) {
    if (!inWindow(r.at, w) || r.currency === null) continue
    t.issued++
    const paid = Math.min(paidAsOf(r, w.toMs), r.amount)
    const money = groupOf(t.amounts, r.currency, emptyMoney)
    money.billed += r.amount
    money.paid += paid
    const status = invoiceStatus(r, w.toMs)
    if (status === 'paid') {
      t.paid++
      continue
    }
    t.outstanding++
    money.outstanding += r.amount - paid
    if (status === 'overdue') {
      t.overdue++
      money.overdue += r.amount - paid
    }
  }
  return t
}
