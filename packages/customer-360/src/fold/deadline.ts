import { DAY_MS, toEpochMs, zonedDayEndMs } from '@journeykit/core'

/**
 * The first millisecond at which a delivery promised by `promisedBy` is late: for a calendar date the end of that
 * day in its time zone, UTC when none (`deadlineMs` of core); for an instant the millisecond after it.
 */
export const promiseDeadlineMs = (promisedBy: string, timeZone: string | undefined): number => {
  if (promisedBy.length !== 10) return toEpochMs(promisedBy) + 1
  if (timeZone === undefined || timeZone === 'UTC') return toEpochMs(promisedBy) + DAY_MS
  return zonedDayEndMs(promisedBy, timeZone)
}
