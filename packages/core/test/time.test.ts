import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  asOfMs,
  deadlineMs,
  endOfDayMs,
  isCalendarDate,
  isInstant,
  startOfDayMs,
  toEpochMs,
} from '../src/index.js'

const utc = (iso: string): number => Date.parse(iso)

describe('business time', () => {
  it('accepts instants with an offset and rejects impossible or offset-less ones', () => {
    expect(isInstant('2024-05-01T09:30:00Z')).toBe(true)
    expect(isInstant('2024-05-01T11:30:00.250+02:00')).toBe(true)
    expect(isInstant('2024-02-29T00:00Z')).toBe(true)
    expect(isInstant('2023-02-29T00:00:00Z')).toBe(false)
    expect(isInstant('2024-05-01T24:00:00Z')).toBe(false)
    expect(isInstant('2024-05-01T09:60:00Z')).toBe(false)
    expect(isInstant('2024-05-01T09:30:00')).toBe(false)
    expect(isInstant('2024-05-01T09:30:00+24:00')).toBe(false)
  })

  it('accepts calendar dates that exist only', () => {
    expect(isCalendarDate('2000-02-29')).toBe(true)
    expect(isCalendarDate('1900-02-29')).toBe(false)
    expect(isCalendarDate('2024-04-31')).toBe(false)
    expect(isCalendarDate('2024-4-01')).toBe(false)
  })

  it('reads a date-only fact as the start of its day in UTC, and an asOf date as the end of that day', () => {
    expect(toEpochMs('1997-10-01')).toBe(utc('1997-10-01T00:00:00Z'))
    expect(asOfMs('1997-10-01')).toBe(utc('1997-10-02T00:00:00Z') - 1)
    expect(asOfMs('1997-10-01T12:00:00+02:00')).toBe(utc('1997-10-01T10:00:00Z'))
  })

  it('ends a promised day at midnight of the promise time zone, UTC when none is given', () => {
    expect(endOfDayMs('2024-05-01')).toBe(utc('2024-05-02T00:00:00Z'))
    expect(endOfDayMs('2024-05-01', 'Europe/Berlin')).toBe(utc('2024-05-01T22:00:00Z'))
    expect(endOfDayMs('2024-01-15', 'America/Sao_Paulo')).toBe(utc('2024-01-16T03:00:00Z'))
    expect(deadlineMs('2024-05-01T12:00:00Z')).toBe(utc('2024-05-01T12:00:00Z'))
  })

  it('ends any UTC calendar day at the start of the next, as formatting the next date would say', () => {
    const day = fc
      .date({
        min: new Date('0001-01-01T00:00:00Z'),
        max: new Date('9999-12-30T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10))
    fc.assert(
      fc.property(day, (date) => {
        const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
        expect(endOfDayMs(date)).toBe(Date.parse(`${next}T00:00:00Z`))
        expect(endOfDayMs(date, 'UTC')).toBe(Date.parse(`${next}T00:00:00Z`))
      }),
      { numRuns: 500 },
    )
    expect(() => endOfDayMs('2024-13-01')).toThrow(RangeError)
  })

  it('handles days shortened or lengthened by daylight saving time', () => {
    // New York springs forward at 02:00 on 2024-03-10: the day has 23 hours.
    expect(
      endOfDayMs('2024-03-10', 'America/New_York') - startOfDayMs('2024-03-10', 'America/New_York'),
    ).toBe(23 * 3_600_000)
    // Brazil began DST at midnight on 2018-11-04: that day started at 01:00 local (-02:00).
    expect(startOfDayMs('2018-11-04', 'America/Sao_Paulo')).toBe(utc('2018-11-04T03:00:00Z'))
    // ...and ended it at midnight on 2019-02-17, when 23:00-24:00 of the 16th happened twice.
    expect(startOfDayMs('2019-02-17', 'America/Sao_Paulo')).toBe(utc('2019-02-17T03:00:00Z'))
    expect(
      endOfDayMs('2019-02-16', 'America/Sao_Paulo') - startOfDayMs('2019-02-16', 'America/Sao_Paulo'),
    ).toBe(25 * 3_600_000)
  })
})

describe('toEpochMs', () => {
  it('parses every instant and date shape exactly as Date.parse does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }),
        fc.constantFrom('Z', '+02:00', '-03:30', '+14:00'),
        fc.constantFrom(0, 1, 2, 3),
        (ms, zone, precision) => {
          const iso = new Date(ms).toISOString()
          const base =
            precision === 0 ? iso.slice(0, 16) : precision === 1 ? iso.slice(0, 19) : iso.slice(0, 23)
          const text = precision === 3 ? `${base}4567${zone}` : `${base}${zone}`
          expect(toEpochMs(text)).toBe(Date.parse(text))
          expect(toEpochMs(iso.slice(0, 10))).toBe(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`))
        },
      ),
    )
  })
})

describe('isInstant and isCalendarDate, character by character', () => {
  // the grammar as a regular expression: the oracle the fast checks must agree with
  const INSTANT =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/
  const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
  const exists = (y: number, m: number, d: number): boolean =>
    y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
  const oracleDate = (s: string): boolean => {
    const m = DATE.exec(s)
    return m !== null && exists(Number(m[1]), Number(m[2]), Number(m[3]))
  }
  const oracleInstant = (s: string): boolean => {
    const m = INSTANT.exec(s)
    if (m === null || !exists(Number(m[1]), Number(m[2]), Number(m[3]))) return false
    if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return false
    return m[7] === 'Z' || (Number(m[8]) <= 23 && Number(m[9]) <= 59)
  }
  const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'))
  const candidate = fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
      two,
      two,
      fc.option(
        fc.tuple(
          two,
          two,
          fc.option(two),
          fc.option(fc.stringMatching(/^[0-9]{0,11}$/)),
          fc.constantFrom('Z', '+', '-', 'z', ''),
        ),
      ),
      two,
      two,
    )
    .map(([y, mo, d, time, oh, om]) => {
      if (time === null) return `${y}-${mo}-${d}`
      const [h, mi, sec, fraction, zone] = time
      const seconds = sec === null ? '' : `:${sec}${fraction === null ? '' : `.${fraction}`}`
      const offset = zone === '+' || zone === '-' ? `${zone}${oh}:${om}` : zone
      return `${y}-${mo}-${d}T${h}:${mi}${seconds}${offset}`
    })
  /** Candidates, some with one character changed, dropped or added. */
  const mutated = fc.oneof(
    candidate,
    fc.tuple(candidate, fc.nat(), fc.string({ maxLength: 1 })).map(([s, at, c]) => {
      const i = at % (s.length + 1)
      return s.slice(0, i) + c + s.slice(i + 1)
    }),
    fc.string(),
  )

  it('accept exactly what the grammar accepts', () => {
    fc.assert(
      fc.property(mutated, (s) => {
        expect(isInstant(s)).toBe(oracleInstant(s))
        expect(isCalendarDate(s)).toBe(oracleDate(s))
      }),
      { numRuns: 5000 },
    )
  })
})
