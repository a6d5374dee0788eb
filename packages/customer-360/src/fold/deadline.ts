import { deadlineMs, toEpochMs } from '@journeykit/core'

const byZone = new Map<string, Map<string, number>>()
const DAYS_PER_ZONE_LIMIT = 8192

/**
 * The first millisecond at which a delivery promised by `promisedBy` is late: for a calendar date the end of that
 * day in its time zone, UTC when none (`deadlineMs` of core); for an instant the millisecond after it. Promised
 * days are memoized per zone: many deliveries share a promised day, and date arithmetic (time zones above all)
 * is the expensive part of a delivery event.
 */
export const promiseDeadlineMs = (promisedBy: string, timeZone: string | undefined): number => {
  if (promisedBy.length !== 10) return toEpochMs(promisedBy) + 1
  const zone = timeZone ?? 'UTC'
  let days = byZone.get(zone)
  if (days === undefined) byZone.set(zone, (days = new Map()))
  const cached = days.get(promisedBy)
  if (cached !== undefined) return cached
  const deadline = deadlineMs(promisedBy, zone === 'UTC' ? undefined : zone)
  if (days.size >= DAYS_PER_ZONE_LIMIT) days.clear()
  days.set(promisedBy, deadline)
  return deadline
}
