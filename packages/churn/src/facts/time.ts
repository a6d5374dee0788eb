import { DAY_MS, toEpochMs, zonedDayEndMs } from '@journeykit/core'

/** Epoch ms of a business time (core's fast parser). */
export const businessTimeMs = toEpochMs

/**
 * The last instant a promise still counts as kept: the promised instant, or the last millisecond of the
 * promised calendar day in `timeZone` (UTC when none).
 */
export const lateAfterMs = (promisedBy: string, timeZone: string | undefined): number => {
  if (promisedBy.length !== 10) return businessTimeMs(promisedBy)
  if (timeZone === undefined || timeZone === 'UTC') return businessTimeMs(promisedBy) + DAY_MS - 1
  return zonedDayEndMs(promisedBy, timeZone) - 1
}
