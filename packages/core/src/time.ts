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

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31

/** The number written by `count` ASCII digits at `from`, or -1 when one of them is not a digit (or missing). */
const digitsAt = (s: string, from: number, count: number): number => {
  let n = 0
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48
    if (!(d >= 0 && d <= 9)) return -1
    n = n * 10 + d
  }
  return n
}

/** `YYYY-MM-DD` at the start of `s`, a day that exists. */
const validDateAtStart = (s: string): boolean => {
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false
  const y = digitsAt(s, 0, 4)
  const m = digitsAt(s, 5, 2)
  const d = digitsAt(s, 8, 2)
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
}

/** `YYYY-MM-DD`, a day that exists (no 2023-02-30). Checked character by character: no regex, no allocation. */
export const isCalendarDate = (s: string): boolean => s.length === 10 && validDateAtStart(s)

/**
 * `YYYY-MM-DDTHH:MM[:SS[.f…]](Z|±HH:MM)`: a day that exists, hours to 23, minutes and seconds to 59, one to
 * nine fraction digits, an explicit offset. Checked character by character (every event's `recordedAt` and
 * most `occurredAt` pass through here when a history is read).
 */
export const isInstant = (s: string): boolean => {
  if (s.length < 17 || !validDateAtStart(s) || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58)
    return false
  const hour = digitsAt(s, 11, 2)
  const minute = digitsAt(s, 14, 2)
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return false
  let i = 16
  if (s.charCodeAt(i) === 58) {
    const second = digitsAt(s, 17, 2)
    if (second < 0 || second > 59) return false
    i = 19
    if (s.charCodeAt(i) === 46) {
      const first = ++i
      while (i < s.length && i - first < 10 && digitsAt(s, i, 1) >= 0) i++
      if (i === first || i - first > 9) return false
    }
  }
  const zone = s.charCodeAt(i)
  if (zone === 90) return i === s.length - 1
  if ((zone !== 43 && zone !== 45) || i !== s.length - 6 || s.charCodeAt(i + 3) !== 58) return false
  const offsetHours = digitsAt(s, i + 1, 2)
  const offsetMinutes = digitsAt(s, i + 4, 2)
  return offsetHours >= 0 && offsetHours <= 23 && offsetMinutes >= 0 && offsetMinutes <= 59
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
  if ((timeZone === undefined || timeZone === 'UTC') && date.length === 10) {
    // in UTC the next day starts one day after this one: no formatting and parsing of the next date
    const start = toEpochMs(date)
    if (Number.isFinite(start) && start % DAY_MS === 0) return start + DAY_MS
  }
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)
  return startOfDayMs(next, timeZone)
}

/** The deadline of a promise given as an instant or a calendar date (end of that day in its zone). */
export const deadlineMs = (promised: string, timeZone?: string): number =>
  promised.length === 10 ? endOfDayMs(promised, timeZone) : Date.parse(promised)
