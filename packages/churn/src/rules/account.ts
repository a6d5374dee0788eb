import { DAY_MS } from '@journeykit/core'
import type { SignalRule } from '../signal.js'
import { rounded, signal } from '../signal.js'
import { businessTimeMs } from '../facts/time.js'

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** Payment attempts that failed recently on invoices not paid since. */
export const paymentFailed: SignalRule = (facts, asOfMs, t) => {
  const invoices = facts.account?.invoices
  if (invoices === undefined) return undefined
  const recentMs = asOfMs - t.recentDays * DAY_MS
  const ids: string[] = []
  for (const invoice of invoices) {
    const settled = invoice.issued !== undefined && invoice.paid >= invoice.issued.amount
    if (settled) continue
    for (const failure of invoice.failures)
      if (failure.ms >= recentMs && failure.ms > (invoice.lastPaymentMs ?? -Infinity)) ids.push(failure.id)
  }
  if (ids.length === 0) return undefined
  return signal(
    'payment-failed',
    ids.length / t.paymentFailureFullCount,
    `${plural(ids.length, 'payment attempt')} failed in the last ${t.recentDays} days and not paid since.`,
    ids.reverse(),
    { failedPayments: ids.length },
    t,
    { recentDays: t.recentDays, paymentFailureFullCount: t.paymentFailureFullCount },
  )
}

/** Invoices unpaid after their due date. */
export const invoiceOverdue: SignalRule = (facts, asOfMs, t) => {
  const invoices = facts.account?.invoices
  if (invoices === undefined) return undefined
  const ids: string[] = []
  const outstanding: Record<string, number> = {}
  let worstDays = 0
  for (const invoice of invoices) {
    const issued = invoice.issued
    if (issued === undefined || invoice.paid >= issued.amount) continue
    const overdueFromMs = businessTimeMs(issued.dueDate) + DAY_MS
    const daysOverdue = (asOfMs - overdueFromMs) / DAY_MS
    if (daysOverdue < 0 || daysOverdue > t.staleAfterDays) continue
    ids.push(issued.id)
    outstanding[issued.currency] = (outstanding[issued.currency] ?? 0) + issued.amount - invoice.paid
    worstDays = Math.max(worstDays, daysOverdue)
  }
  if (ids.length === 0) return undefined
  const owed = Object.entries(outstanding)
    .map(([currency, amount]) => `${amount} ${currency}`)
    .join(', ')
  return signal(
    'invoice-overdue',
    Math.max(0.25, worstDays / t.overdueFullDays),
    `${plural(ids.length, 'invoice')} overdue (${owed} in minor units), the oldest by ${Math.floor(worstDays)} days.`,
    ids,
    { overdueInvoices: ids.length, worstDaysOverdue: rounded(worstDays, 1), outstanding: owed },
    t,
    { overdueFullDays: t.overdueFullDays },
  )
}

/** The champion left a business customer and no other champion is active. */
export const championLeft: SignalRule = (facts, asOfMs, t) => {
  const people = facts.account?.people
  if (people === undefined) return undefined
  const sinceMs = asOfMs - t.relationshipLookbackDays * DAY_MS
  const champions = people.filter((p) => p.added?.champion === true)
  if (champions.some((p) => p.left === undefined)) return undefined
  const left = champions.flatMap((p) => (p.left !== undefined && p.left.ms >= sinceMs ? [p.left] : []))
  if (left.length === 0) return undefined
  return signal(
    'champion-left',
    1,
    `Our champion at the customer left ${Math.floor((asOfMs - Math.max(...left.map((l) => l.ms))) / DAY_MS)} days ago and nobody has taken their place.`,
    left.map((l) => l.id),
    { championsLeft: left.length },
    t,
    { relationshipLookbackDays: t.relationshipLookbackDays },
  )
}

/** Other contact persons left recently and nobody new was added since. */
export const keyContactLeft: SignalRule = (facts, asOfMs, t) => {
  const people = facts.account?.people
  if (people === undefined) return undefined
  const sinceMs = asOfMs - t.relationshipLookbackDays * DAY_MS
  const all = people
  const left = all.flatMap((p) =>
    p.added?.champion !== true && p.left !== undefined && p.left.ms >= sinceMs ? [p.left] : [],
  )
  if (left.length === 0) return undefined
  const lastLeftMs = Math.max(...left.map((l) => l.ms))
  if (all.some((p) => p.added !== undefined && p.added.ms > lastLeftMs && p.left === undefined))
    return undefined
  const remaining = all.filter((p) => p.added !== undefined && p.left === undefined).length
  return signal(
    'key-contact-left',
    remaining === 0 ? 1 : 0.5,
    `${plural(left.length, 'contact person')} left in the last ${t.relationshipLookbackDays} days with nobody added since; ${remaining} remain.`,
    left.map((l) => l.id),
    { contactsLeft: left.length, contactsRemaining: remaining },
    t,
    { relationshipLookbackDays: t.relationshipLookbackDays },
  )
}

/** Nobody owns the customer: the account manager was unassigned, or a business customer never had one. */
export const noOwner: SignalRule = (facts, _asOfMs, t) => {
  const manager = facts.account?.manager
  if (manager?.assigned === true) return undefined
  if (manager === undefined && facts.kind !== 'organization') return undefined
  return signal(
    'no-owner',
    manager === undefined ? 0.5 : 1,
    manager === undefined
      ? 'This business customer has never had an account manager.'
      : `Account manager ${manager.managerId} was unassigned and nobody owns the customer since.`,
    manager === undefined ? [] : [manager.id],
    { everOwned: manager === undefined ? 'no' : 'yes' },
    t,
    {},
  )
}
