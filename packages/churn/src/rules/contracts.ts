import { DAY_MS } from '@journeykit/core'
import type { SubscriptionFact } from '../facts/types.js'
import type { SignalRule } from '../signal.js'
import { rounded, signal } from '../signal.js'

const runningAt = (s: SubscriptionFact, asOfMs: number): boolean =>
  s.term !== undefined && s.cancelled === undefined && s.term.endMs > asOfMs

/** A contract ends soon (or ended lately) with no renewal activity: no renewal, quote or retention outreach. */
export const contractEndingUnrenewed: SignalRule = (facts, asOfMs, t) => {
  const a = facts.account
  if (a === undefined) return undefined
  const noticeMs = t.renewalNoticeDays * DAY_MS
  let worst: { severity: number; daysLeft: number; id: string } | undefined
  for (const s of a.subscriptions) {
    if (s.term === undefined || s.cancelled !== undefined) continue
    const daysLeft = (s.term.endMs - asOfMs) / DAY_MS
    if (daysLeft > t.renewalNoticeDays || daysLeft < -t.renewalNoticeDays) continue
    const activityMs = a.renewalActivity?.ms ?? -Infinity
    if (daysLeft > 0 && activityMs >= s.term.endMs - noticeMs) continue
    const severity = daysLeft <= 0 ? 1 : Math.max(0.25, 1 - daysLeft / t.renewalNoticeDays)
    if (worst === undefined || severity > worst.severity) worst = { severity, daysLeft, id: s.term.id }
  }
  if (worst === undefined) return undefined
  return signal(
    'contract-ending-unrenewed',
    worst.severity,
    worst.daysLeft <= 0
      ? `A contract ended ${Math.ceil(-worst.daysLeft)} days ago without renewal.`
      : `A contract ends in ${Math.ceil(worst.daysLeft)} days and nobody has talked renewal with the customer.`,
    [worst.id],
    { daysLeft: rounded(worst.daysLeft, 1) },
    t,
    { renewalNoticeDays: t.renewalNoticeDays },
  )
}

/** The customer cancelled a subscription (and started none since). */
export const subscriptionCancelled: SignalRule = (facts, asOfMs, t) => {
  const subscriptions = facts.account?.subscriptions
  if (subscriptions === undefined) return undefined
  const all = subscriptions
  const sinceMs = asOfMs - t.relationshipLookbackDays * DAY_MS
  const cancellations = all.flatMap((s) =>
    s.cancelled !== undefined && s.cancelled.ms >= sinceMs ? [s.cancelled] : [],
  )
  if (cancellations.length === 0) return undefined
  const latest = Math.max(...cancellations.map((c) => c.ms))
  if (all.some((s) => s.started !== undefined && s.started.ms > latest)) return undefined
  const running = all.filter((s) => runningAt(s, asOfMs)).length
  return signal(
    'subscription-cancelled',
    running === 0 ? 1 : 0.5,
    `The customer cancelled ${cancellations.length === 1 ? 'a subscription' : `${cancellations.length} subscriptions`}` +
      (running === 0 ? ' and has none left running.' : `; ${running} still run.`),
    cancellations.map((c) => c.id),
    { cancelled: cancellations.length, stillRunning: running },
    t,
    { relationshipLookbackDays: t.relationshipLookbackDays },
  )
}

/** Orders cancelled recently (by the customer or by us: either way, the customer did not get what they ordered). */
export const orderCancelled: SignalRule = (facts, asOfMs, t) => {
  const cancellations = facts.purchases?.cancellations
  if (cancellations === undefined) return undefined
  const recent = cancellations.filter((c) => c.ms >= asOfMs - t.recentDays * DAY_MS)
  if (recent.length === 0) return undefined
  return signal(
    'order-cancelled',
    recent.length / 2,
    `${recent.length} order${recent.length === 1 ? '' : 's'} cancelled in the last ${t.recentDays} days.`,
    recent.map((c) => c.id).reverse(),
    { cancelledOrders: recent.length },
    t,
    { recentDays: t.recentDays },
  )
}
