import { DAY_MS, flatString } from '@journeykit/core'

export const HOUR_MS = 3_600_000
export const MINUTE_MS = 60_000
export const SECOND_MS = 1000
export const YEAR_MS = 365.25 * DAY_MS

/** `00` ... `99`, and `000` ... `999`, prepared once. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'))
const THREE_DIGITS: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'))
const pad2 = (n: number): string => TWO_DIGITS[n] ?? String(n)
const pad3 = (n: number): string => THREE_DIGITS[n] ?? String(n)

/** The UTC day number (days since 1970-01-01) of epoch milliseconds. */
export const dayOf = (ms: number): number => Math.floor(ms / DAY_MS)

/**
 * Formats instants and dates fast: a simulation formats two instants per event, so the `YYYY-MM-DD` of each
 * day is computed once and kept (one string per simulated day).
 */
export interface Clock {
  /** `2024-05-01` for a UTC day number. */
  readonly date: (day: number) => string
  /** `2024-05-01T09:30:00Z`: whole seconds, UTC. */
  readonly instant: (ms: number) => string
  /** `2024-05-01T09:30:00.250Z`: with milliseconds, UTC. */
  readonly preciseInstant: (ms: number) => string
}

export const clock = (): Clock => {
  const dates = new Map<number, string>()
  let lastDay = NaN
  let lastDate = ''
  const date = (day: number): string => {
    if (day === lastDay) return lastDate
    let text = dates.get(day)
    if (text === undefined) {
      text = new Date(day * DAY_MS).toISOString().slice(0, 10)
      dates.set(day, text)
    }
    lastDay = day
    lastDate = text
    return text
  }
  const format = (ms: number, withMillis: boolean): string => {
    const day = dayOf(ms)
    let rest = ms - day * DAY_MS
    const hours = Math.floor(rest / HOUR_MS)
    rest -= hours * HOUR_MS
    const minutes = Math.floor(rest / MINUTE_MS)
    rest -= minutes * MINUTE_MS
    const seconds = Math.floor(rest / SECOND_MS)
    const time = `${date(day)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}`
    return flatString(withMillis ? `${time}.${pad3(Math.floor(rest - seconds * SECOND_MS))}Z` : `${time}Z`)
  }
  // The events of one step share their time: the last instant formatted is kept.
  let lastInstantMs = NaN
  let lastInstant = ''
  return {
    date,
    instant: (ms) => {
      if (ms !== lastInstantMs) {
        lastInstant = format(ms, false)
        lastInstantMs = ms
      }
      return lastInstant
    },
    preciseInstant: (ms) => format(ms, true),
  }
}
