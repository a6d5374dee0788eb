import * as t from 'io-ts'
import { countryCodes } from './countries.js'
import { isCurrencyCode } from './currencies.js'
import { isCalendarDate, isInstant } from '../time.js'

/**
 * A codec for a plain JSON value of type `A` that is valid only when `check` returns undefined; otherwise
 * `check` returns the reason, which becomes the DecodeError's reason. The static type stays plain (no brands),
 * so users can write event data as object literals.
 */
export const checked = <A>(
  name: string,
  guard: (u: unknown) => u is A,
  expected: string,
  check: (a: A) => string | undefined = () => undefined,
): t.Type<A, A, unknown> =>
  new t.Type<A, A, unknown>(
    name,
    (u): u is A => guard(u) && check(u) === undefined,
    (u, c) => {
      if (!guard(u)) return t.failure(u, c, `must be ${expected}, got ${describe(u)}`)
      const reason = check(u)
      return reason === undefined ? t.success(u) : t.failure(u, c, reason)
    },
    t.identity,
  )

/** A short, safe description of a rejected value for error messages. */
export const describe = (u: unknown): string => {
  if (u === undefined) return 'nothing'
  if (u === null) return 'null'
  if (typeof u === 'string') return u.length > 40 ? `a string of ${u.length} characters` : JSON.stringify(u)
  if (typeof u === 'number' || typeof u === 'boolean') return String(u)
  if (Array.isArray(u)) return 'an array'
  return `a ${typeof u}`
}

const isString = (u: unknown): u is string => typeof u === 'string'
const isNumber = (u: unknown): u is number => typeof u === 'number'

/** A string with at least one non-blank character, at most 1,000 characters. */
export const NonEmptyString = checked('NonEmptyString', isString, 'a non-empty string', (s) =>
  s.trim().length === 0
    ? 'must not be empty'
    : s.length > 1000
      ? `must be at most 1000 characters, got ${s.length}`
      : undefined,
)

/** Free text (comments, reasons): any string up to 10,000 characters. */
export const FreeText = checked('FreeText', isString, 'a string', (s) =>
  s.length > 10_000 ? `must be at most 10000 characters, got ${s.length}` : undefined,
)

/** An identifier: 1-200 characters, no whitespace at either end. */
export const Id = checked('Id', isString, 'an id string', (s) =>
  s.length === 0
    ? 'must not be empty'
    : s.length > 200
      ? `must be at most 200 characters, got ${s.length}`
      : s.trim() !== s
        ? 'must not start or end with whitespace'
        : undefined,
)

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i
/** A UUID (journeykit writes v7; any version is accepted on read). */
export const Uuid = checked('Uuid', isString, 'a UUID string', (s) =>
  UUID_PATTERN.test(s) ? undefined : `must be a UUID, got ${describe(s)}`,
)

/** Money: a non-negative integer count of minor units (cents for USD, yen for JPY). */
export const MinorUnits = checked('MinorUnits', isNumber, 'an integer amount in minor units', (n) =>
  !Number.isSafeInteger(n)
    ? `must be an integer amount in minor units, got ${n}`
    : n < 0
      ? `must not be negative, got ${n}`
      : undefined,
)

/** A positive whole number (quantities). */
export const PositiveInt = checked('PositiveInt', isNumber, 'a positive integer', (n) =>
  Number.isSafeInteger(n) && n > 0 ? undefined : `must be a positive integer, got ${n}`,
)

/** A non-negative number (durations in seconds, hours). */
export const NonNegativeNumber = checked('NonNegativeNumber', isNumber, 'a non-negative number', (n) =>
  Number.isFinite(n) && n >= 0 ? undefined : `must be a finite non-negative number, got ${n}`,
)

/** An integer in [min, max]; the codec carries `min` and `max` for documentation and generators. */
export const IntInRange = (
  name: string,
  min: number,
  max: number,
): t.Type<number, number, unknown> & { readonly min: number; readonly max: number } =>
  Object.assign(
    checked(name, isNumber, `an integer from ${min} to ${max}`, (n) =>
      Number.isInteger(n) && n >= min && n <= max
        ? undefined
        : `must be an integer from ${min} to ${max}, got ${n}`,
    ),
    { min, max },
  )

/** An ISO 4217 currency code such as "EUR". */
export const CurrencyCode = checked('CurrencyCode', isString, 'an ISO 4217 currency code', (s) =>
  isCurrencyCode(s) ? undefined : `must be an ISO 4217 currency code, got ${describe(s)}`,
)

/** An ISO 3166-1 alpha-2 country code such as "DE". */
export const CountryCode = checked('CountryCode', isString, 'an ISO 3166-1 alpha-2 country code', (s) =>
  countryCodes.has(s) ? undefined : `must be an ISO 3166-1 alpha-2 country code, got ${describe(s)}`,
)

/** An ISO-8601 instant with an explicit offset: 2024-05-01T09:30:00Z or 2024-05-01T11:30:00+02:00. */
export const Instant = checked('Instant', isString, 'an ISO-8601 instant', (s) =>
  isInstant(s)
    ? undefined
    : `must be an ISO-8601 instant with offset (2024-05-01T09:30:00Z), got ${describe(s)}`,
)

/** A calendar date, YYYY-MM-DD, that exists (no 2023-02-30). */
export const CalendarDate = checked('CalendarDate', isString, 'a calendar date', (s) =>
  isCalendarDate(s) ? undefined : `must be a calendar date YYYY-MM-DD that exists, got ${describe(s)}`,
)

/** Business time: an instant with offset, or a calendar date for date-only facts. */
export const BusinessTime = checked('BusinessTime', isString, 'an ISO-8601 instant or calendar date', (s) =>
  isInstant(s) || isCalendarDate(s)
    ? undefined
    : `must be an ISO-8601 instant with offset or a calendar date YYYY-MM-DD, got ${describe(s)}`,
)

const validTimeZones = new Map<string, boolean>()
/** An IANA time zone name such as "Europe/Berlin" (validated against the runtime's zone database). */
export const TimeZone = checked('TimeZone', isString, 'an IANA time zone', (s) => {
  let ok = validTimeZones.get(s)
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: s })
      ok = true
    } catch {
      ok = false
    }
    validTimeZones.set(s, ok)
  }
  return ok ? undefined : `must be an IANA time zone such as "Europe/Berlin", got ${describe(s)}`
})

/**
 * An enumeration of string literals with a readable failure ("must be one of web, app, ... got "pigeon"").
 * The codec's `values` lists the members for documentation and generators.
 */
export const oneOf = <const V extends readonly [string, ...string[]]>(
  name: string,
  values: V,
): t.Type<V[number], V[number], unknown> & { readonly values: V } => {
  const members = new Set<string>(values)
  const guard = (u: unknown): u is V[number] => typeof u === 'string' && members.has(u)
  const codec = new t.Type<V[number], V[number], unknown>(
    name,
    guard,
    (u, c) =>
      guard(u) ? t.success(u) : t.failure(u, c, `must be one of ${values.join(', ')}; got ${describe(u)}`),
    t.identity,
  )
  return Object.assign(codec, { values })
}

/** Required and optional properties in one codec (optional ones may be absent). */
export const struct = <R extends t.Props, O extends t.Props>(
  required: R,
  optional: O,
  name?: string,
): t.IntersectionC<[t.TypeC<R>, t.PartialC<O>]> =>
  t.intersection([t.type(required), t.partial(optional)], name)

/** A JSON array with at most `max` elements; the codec carries `item` and `max` for generators. */
export const boundedArray = <C extends t.Mixed>(
  item: C,
  max: number,
): t.Type<t.TypeOf<C>[], t.OutputOf<C>[]> & { readonly item: C; readonly max: number } => {
  const array = t.array(item)
  const codec = new t.Type<t.TypeOf<C>[], t.OutputOf<C>[], unknown>(
    `${item.name}[]`,
    (u): u is t.TypeOf<C>[] => array.is(u) && u.length <= max,
    (u, c) =>
      Array.isArray(u) && u.length > max
        ? t.failure(u, c, `must have at most ${max} items, got ${u.length}`)
        : array.validate(u, c),
    array.encode,
  )
  return Object.assign(codec, { item, max })
}
