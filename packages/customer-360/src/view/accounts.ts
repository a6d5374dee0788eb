import type { Customer360State } from '../state/state.js'
import { recordsOf } from '../state/table.js'
import { countUpTo, lastUpTo } from '../state/time-counter.js'
import { contractAsOf, subscriptionTally, warrantyTally } from './contracts.js'
import { deliveryTally } from './deliveries.js'
import { invoiceTally } from './invoices.js'
import { withArchive } from './service.js'
import type { ContractView, CustomerView, InvoicesView } from './types.js'
import { byText, isoOrNull, upTo } from './window.js'

export const deliveriesAsOf = (s: Customer360State, asOfMs: number): CustomerView['deliveries'] =>
  withArchive(deliveryTally(recordsOf(s.deliveries), upTo(asOfMs)), s.deliveries, asOfMs)

export const invoicesAsOf = (s: Customer360State, asOfMs: number): InvoicesView => {
  const t = withArchive(invoiceTally(recordsOf(s.invoices), upTo(asOfMs)), s.invoices, asOfMs)
  return {
    issued: t.issued,
    outstanding: t.outstanding,
    overdue: t.overdue,
    paid: t.paid,
    amounts: Object.keys(t.amounts)
      .sort()
      .map((currency) => ({
        currency,
        billed: t.amounts[currency]?.billed ?? 0,
        paid: t.amounts[currency]?.paid ?? 0,
        outstanding: t.amounts[currency]?.outstanding ?? 0,
        overdue: t.amounts[currency]?.overdue ?? 0,
      })),
    paymentFailures: countUpTo(s.paymentFailures, asOfMs),
    lastPaymentFailureAt: isoOrNull(lastUpTo(s.paymentFailures, asOfMs)),
  }
}

export const warrantiesAsOf = (s: Customer360State, asOfMs: number): CustomerView['warranties'] =>
  withArchive(warrantyTally(recordsOf(s.warranties), asOfMs), s.warranties, asOfMs)

/** Subscriptions and contracts with their end dates, soonest end first. */
export const subscriptionsAsOf = (s: Customer360State, asOfMs: number): CustomerView['subscriptions'] => {
  const entries = s.subscriptions === null ? [] : Object.entries(s.subscriptions.byId)
  const contracts: ContractView[] = []
  for (const [subscriptionId, r] of entries) {
    const contract = contractAsOf(r, asOfMs)
    if (contract === undefined) continue
    contracts.push({
      subscriptionId,
      plan: r.plan,
      startedAt: isoOrNull(r.at),
      endsOn: contract.endsOn,
      status: contract.status,
      amount: r.amount,
      currency: r.currency,
    })
  }
  contracts.sort((a, b) => byText(a.endsOn, b.endsOn) || byText(a.subscriptionId, b.subscriptionId))
  const tally = withArchive(
    subscriptionTally(
      entries.map(([, r]) => r),
      asOfMs,
    ),
    s.subscriptions,
    asOfMs,
  )
  return { ...tally, contracts }
}
