import { DAY_MS } from './time-constants.js'
import { toEpochMs } from './parse-time.js'

export { DAY_MS, toEpochMs }

/**
 * Business time. journeykit never reads the wall clock in a projection: time comes from events
 * (`occurredAt`) or from an explicit `asOf`. These helpers turn the two forms of business time into epoch
 * milliseconds:
 * - an instant with an offset, `2024-05-01T09:30:00Z` or `2024-05-01T11:30:00.250+02:00`;
 * - a calendar date, `2024-05-01`, for facts known only by day. As a point in time a date means the start of
 *   that day in UTC; as an `asOf` bound it means the end of that day (see `asOfMs`).
 */

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31

const validYmd = (y: number, m: number, d: number): boolean =>
  y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)

export const isCalendarDate = (s: string): boolean => {
  const m = DATE.exec(s)
  return m !== null && validYmd(Number(m[1]), Number(m[2]), Number(m[3]))
}

export const isInstant = (s: string): boolean => {
  const m = INSTANT.exec(s)
  if (m === null || !validYmd(Number(m[1]), Number(m[2]), Number(m[3]))) return false
  const hour = Number(m[4])
  const minute = Number(m[5])
  const second = m[6] === undefined ? 0 : Number(m[6])
  if (hour > 23 || minute > 59 || second > 59) return false
  if (m[7] !== 'Z' && (Number(m[8]) > 23 || Number(m[9]) > 59)) return false
  return true
}

export const isDateOnly = (s: string): boolean => s.length === 10

/**
 * Epoch milliseconds of an `asOf` bound, inclusive: an instant is itself; a calendar date means the end of
 * that day in UTC (so "as of 1997-10-01" includes everything that happened on that day).
 */
export const asOfMs = (asOf: string): number =>
  asOf.length === 10 ? Date.parse(`${asOf}T00:00:00Z`) + DAY_MS - 1 : Date.parse(asOf)

/** The ISO instant (UTC, millisecond precision) of epoch milliseconds. */
export const toInstant = (ms: number): string => new Date(ms).toISOString()

/** The UTC calendar date of epoch milliseconds. */
export const toCalendarDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

const zoneFormatters = new Map<string, Intl.DateTimeFormat>()
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let f = zoneFormatters.get(timeZone)
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    zoneFormatters.set(timeZone, f)
  }
  return f
}

/** The offset of `timeZone` from UTC at instant `ms`, in milliseconds (positive east of Greenwich). */
export const zoneOffsetMs = (timeZone: string, ms: number): number => {
  const parts: Record<string, number> = {}
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  }
  const asUtc = Date.UTC(
    parts['year'] ?? 1970,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    parts['hour'] ?? 0,
    parts['minute'] ?? 0,
    parts['second'] ?? 0,
  )
  return asUtc - (ms - (ms % 1000))
}

/** The calendar date (YYYY-MM-DD) in `timeZone` at instant `ms`. */
export const localDate = (timeZone: string, ms: number): string => {
  const local = ms + zoneOffsetMs(timeZone, ms)
  return new Date(local).toISOString().slice(0, 10)
}

/**
 * Epoch milliseconds at which the calendar day `date` starts in `timeZone` (UTC when not given): the first
 * instant whose local date is `date`. Correct across DST changes at midnight (as in Brazil until 2019, where
 * some days began at 01:00).
 */
export const startOfDayMs = (date: string, timeZone?: string): number => {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`)
  if (timeZone === undefined || timeZone === 'UTC') return utcMidnight
  const first = utcMidnight - zoneOffsetMs(timeZone, utcMidnight)
  const candidates = [first, utcMidnight - zoneOffsetMs(timeZone, first)]
  const starts = candidates.filter(
    (t) => localDate(timeZone, t) === date && localDate(timeZone, t - 1) !== date,
  )
  if (starts.length > 0) return Math.min(...starts)
  const within = candidates.filter((t) => localDate(timeZone, t) === date)
  return within.length > 0 ? Math.min(...within) : first
}

/**
 * The first millisecond after the calendar day `date` ends in `timeZone` (UTC when not given). A delivery
 * promised for that day is late only if it arrives at or after this instant.
 */
export const endOfDayMs = (date: string, timeZone?: string): number => {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)
  return startOfDayMs(next, timeZone)
}

/** The deadline of a promise given as an instant or a calendar date (end of that day in its zone). */
export const deadlineMs = (promised: string, timeZone?: string): number =>
  promised.length === 10 ? endOfDayMs(promised, timeZone) : Date.parse(promised)
