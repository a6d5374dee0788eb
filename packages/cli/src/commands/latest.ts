import type { Customer360State } from '@journeykit/customer-360'

/** The latest business time any customer's events reached, as an instant (never the wall clock). */
export const latestAsOf = (states: Iterable<Customer360State>): string => {
  let latest = -Infinity
  for (const s of states) if (s.latestMs !== null && s.latestMs > latest) latest = s.latestMs
  return Number.isFinite(latest) ? new Date(latest).toISOString() : '1970-01-01'
}
