import { DAY_MS, isCalendarDate, startOfDayMs, zoneOffsetMs } from '@journeykit/core'

/**
 * Local wall-clock times ("2017-10-15 00:30:00" in America/Sao_Paulo, no offset written) turned into instants
 * with the offset that zone had on that date, from the runtime's time-zone database (Brazil observed daylight
 * saving time until 2019, so the offset is -03:00 or -02:00 depending on the date).
 */

/** An instant read from a local time: epoch milliseconds and the ISO-8601 form with its local offset. */
export interface ZonedInstant {
  readonly ms: number
  /** Such as `2017-07-09T21:57:05-03:00`: the local wall time as written, with the zone's offset. */
  readonly iso: string
}

const WALL_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/

// Offsets per zone and UTC day: a number when the offset is the same all day, null on a day with a change.
const dayOffsets = new Map<string, number | null>()
const MAX_CACHED_DAYS = 100_000

const offsetAt = (timeZone: string, ms: number): number => {
  const day = Math.floor(ms / DAY_MS)
  const key = `${timeZone}|${day}`
  let constant = dayOffsets.get(key)
  if (constant === undefined) {
    const first = zoneOffsetMs(timeZone, day * DAY_MS)
    const last = zoneOffsetMs(timeZone, (day + 1) * DAY_MS - 1000)
    constant = first === last ? first : null
    if (dayOffsets.size >= MAX_CACHED_DAYS) dayOffsets.clear()
    dayOffsets.set(key, constant)
  }
  return constant ?? zoneOffsetMs(timeZone, ms)
}

/**
 * The instant at which the clocks of `timeZone` showed `wallMs` (a wall time written as if it were UTC).
 * A time that occurred twice (the hour repeated when daylight saving time ends) is the earlier one; a time
 * that never occurred (skipped when it starts) is moved forward by the length of the gap, as Temporal's
 * "compatible" disambiguation does: 00:30 on a day whose clocks jumped from 00:00 to 01:00 is 01:30.
 */
export const wallTimeToMs = (wallMs: number, timeZone: string): number => {
  const before = offsetAt(timeZone, wallMs - DAY_MS)
  const after = offsetAt(timeZone, wallMs + DAY_MS)
  const early = wallMs - before
  if (before === after) return early
  const late = wallMs - after
  const valid = [early, late].filter((t) => t + offsetAt(timeZone, t) === wallMs)
  return valid.length > 0 ? Math.min(...valid) : early
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

const dayStarts = new Map<string, number>()
const cachedStartOfDay = (date: string, timeZone: string): number => {
  const key = `${timeZone}|${date}`
  let start = dayStarts.get(key)
  if (start === undefined) {
    start = startOfDayMs(date, timeZone)
    if (dayStarts.size >= MAX_CACHED_DAYS) dayStarts.clear()
    dayStarts.set(key, start)
  }
  return start
}

/** The ISO-8601 form of `ms` as local time in `timeZone` with its offset, such as `...T21:57:05-03:00`. */
export const zonedIso = (ms: number, timeZone: string): string => {
  const offset = offsetAt(timeZone, ms)
  if (offset % 60_000 !== 0) return new Date(ms).toISOString()
  const local = new Date(ms + offset).toISOString().slice(0, 19)
  const minutes = Math.abs(offset) / 60_000
  return `${local}${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

/** Reads `YYYY-MM-DD HH:MM:SS` local time in `timeZone`; a reason when it is not one. */
export const readLocalTime = (text: string, timeZone: string): ZonedInstant | string => {
  const m = WALL_TIME.exec(text)
  const date = m?.[1]
  if (m === null || date === undefined || !isCalendarDate(date))
    return `must be a local time YYYY-MM-DD HH:MM:SS, got ${JSON.stringify(text)}`
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4])]
  if (hour > 23 || minute > 59 || second > 59)
    return `must be a local time YYYY-MM-DD HH:MM:SS, got ${JSON.stringify(text)}`
  const wallMs = Date.parse(`${date}T00:00:00Z`) + ((hour * 60 + minute) * 60 + second) * 1000
  const ms = wallTimeToMs(wallMs, timeZone)
  return { ms, iso: zonedIso(ms, timeZone) }
}

/**
 * Reads a calendar date written as local midnight (`2017-08-01 00:00:00`); the date, or a reason. On a day
 * that began at 01:00 because daylight saving time started at midnight, `01:00:00` is that day's start too.
 */
export const readMidnightDate = (text: string, timeZone: string): string | { readonly reason: string } => {
  const instant = readLocalTime(text, timeZone)
  if (typeof instant === 'string') return { reason: instant }
  const date = text.slice(0, 10)
  return instant.ms === cachedStartOfDay(date, timeZone)
    ? date
    : { reason: `must be a calendar date written as midnight, got ${JSON.stringify(text)}` }
}
