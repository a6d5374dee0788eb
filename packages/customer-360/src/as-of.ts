import { asOfMs, isCalendarDate, isInstant } from '@journeykit/core'

/** An as-of instant: an ISO-8601 instant, a calendar date (the end of that day, UTC), or epoch milliseconds. */
export type AsOf = string | number

/** An as-of that is neither a valid instant, nor a calendar date, nor finite epoch milliseconds. */
export class InvalidAsOf extends Error {
  readonly _tag = 'InvalidAsOf'
  constructor(readonly asOf: AsOf) {
    super(
      `asOf must be an ISO-8601 instant with offset (2024-05-01T09:30:00Z), a calendar date (2024-05-01) or epoch milliseconds, got ${JSON.stringify(asOf)}`,
    )
    this.name = 'InvalidAsOf'
  }
}

/** Epoch milliseconds of an as-of (inclusive bound: a date includes the whole day); throws InvalidAsOf. */
export const resolveAsOf = (asOf: AsOf): number => {
  if (typeof asOf === 'number') {
    if (!Number.isFinite(asOf)) throw new InvalidAsOf(asOf)
    return asOf
  }
  if (!isInstant(asOf) && !isCalendarDate(asOf)) throw new InvalidAsOf(asOf)
  return asOfMs(asOf)
}
