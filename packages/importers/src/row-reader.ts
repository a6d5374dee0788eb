import { isCalendarDate } from '@journeykit/core'
import { ImportRowError } from './errors.js'
import type { ZonedInstant } from './local-time.js'
import { readLocalTime, readMidnightDate } from './local-time.js'
import { minorUnitsOf, wholeNumberOf } from './money.js'
import type { CsvRow } from './source.js'

/**
 * Typed readers of one row's fields. Each returns the value or throws an ImportRowError naming the file, the
 * row's line, the column and why.
 */

/** Longest source id accepted, so that prefixed ids and stream names stay within core's 200 characters. */
export const MAX_SOURCE_ID_LENGTH = 100

/** A row of a file. */
export interface SourceRow {
  readonly file: string
  readonly row: CsvRow
}

export const failRow = (r: SourceRow, reason: string): never => {
  throw new ImportRowError(r.file, r.row.line, reason)
}

const shown = (r: SourceRow, column: string): string => JSON.stringify(r.row.get(column))

const must = <T>(r: SourceRow, column: string, value: T | string): T =>
  typeof value === 'string' ? failRow(r, `${column} ${value}`) : value

/** A non-empty id without surrounding spaces, at most 100 characters. */
export const readId = (r: SourceRow, column: string): string => {
  const value = r.row.get(column)
  return value.length > 0 && value.length <= MAX_SOURCE_ID_LENGTH && value.trim() === value
    ? value
    : failRow(
        r,
        `${column} must be a non-empty id without surrounding spaces, at most ${MAX_SOURCE_ID_LENGTH} characters, got ${shown(r, column)}`,
      )
}

export const readOneOf = <const V extends readonly string[]>(
  r: SourceRow,
  column: string,
  values: V,
): V[number] => {
  const value = r.row.get(column)
  return (
    values.find((v) => v === value) ??
    failRow(r, `${column} must be one of ${values.join(', ')}; got ${shown(r, column)}`)
  )
}

/** A whole number in [min, max]. */
export const readWhole = (r: SourceRow, column: string, min: number, max: number): number => {
  const n = must(r, column, wholeNumberOf(r.row.get(column)))
  return n >= min && n <= max
    ? n
    : failRow(r, `${column} must be a whole number from ${min} to ${max}, got ${n}`)
}

/** A non-negative decimal amount with at most 2 decimals, as integer minor units. */
export const readMoney = (r: SourceRow, column: string): number =>
  must(r, column, minorUnitsOf(r.row.get(column), 2))

/** `YYYYMMDD` as the calendar date `YYYY-MM-DD`. */
export const readCompactDate = (r: SourceRow, column: string): string => {
  const value = r.row.get(column)
  const date = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`
  return /^\d{8}$/.test(value) && isCalendarDate(date)
    ? date
    : failRow(r, `${column} must be a calendar date YYYYMMDD that exists, got ${shown(r, column)}`)
}

/** A local time `YYYY-MM-DD HH:MM:SS` in `timeZone`. */
export const readLocal = (r: SourceRow, column: string, timeZone: string): ZonedInstant =>
  must(r, column, readLocalTime(r.row.get(column), timeZone))

/** A local time, or undefined when the field is empty. */
export const readOptionalLocal = (
  r: SourceRow,
  column: string,
  timeZone: string,
): ZonedInstant | undefined => (r.row.get(column) === '' ? undefined : readLocal(r, column, timeZone))

/** A calendar date written as local midnight, or undefined when the field is empty. */
export const readOptionalMidnightDate = (
  r: SourceRow,
  column: string,
  timeZone: string,
): string | undefined => {
  if (r.row.get(column) === '') return undefined
  const date = readMidnightDate(r.row.get(column), timeZone)
  return typeof date === 'string' ? date : failRow(r, `${column} ${date.reason}`)
}

/** Free text, trimmed, at most `max` characters; undefined when blank. */
export const readOptionalText = (r: SourceRow, column: string, max: number): string | undefined => {
  const value = r.row.get(column).trim()
  if (value.length > max) failRow(r, `${column} must be at most ${max} characters, got ${value.length}`)
  return value === '' ? undefined : value
}
