import { DAY_MS, deadlineMs, toEpochMs } from '@journeykit/core'

/** Epoch ms of a business time (core's fast parser). */
export const businessTimeMs = toEpochMs

const zonedDeadlines = new Map<string, number>()

/**
 * The last instant a promise still counts as kept: the promised instant, or the last millisecond of the
 * promised calendar day in `timeZone` (UTC when none). Zoned days are computed once per zone and date.
 */
export const lateAfterMs = (promisedBy: string, timeZone: string | undefined): number => {
  if (promisedBy.length !== 10) return businessTimeMs(promisedBy)
  if (timeZone === undefined || timeZone === 'UTC') return businessTimeMs(promisedBy) + DAY_MS - 1
  const key = `${timeZone} ${promisedBy}`
  let deadline = zonedDeadlines.get(key)
  if (deadline === undefined) {
    deadline = deadlineMs(promisedBy, timeZone)
    if (zonedDeadlines.size >= 10_000) zonedDeadlines.clear()
    zonedDeadlines.set(key, deadline)
  }
  return deadline - 1
}
