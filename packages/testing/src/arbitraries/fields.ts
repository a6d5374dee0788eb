import { countryCodes, currencyExponents } from '@journeykit/core'
import fc from 'fast-check'
import type * as t from 'io-ts'

const MIN_MS = Date.UTC(1995, 0, 1)
const MAX_MS = Date.UTC(2035, 11, 31)

const pad = (n: number): string => String(n).padStart(2, '0')

/** An ISO-8601 instant with an offset (Z or ±hh:mm) between 1995 and 2035. */
export const instantArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: MIN_MS, max: MAX_MS }), fc.constantFrom(0, 0, 60, 120, -180, 330, -300))
  .map(([ms, offsetMin]) => {
    if (offsetMin === 0) return new Date(ms).toISOString()
    const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19)
    const sign = offsetMin < 0 ? '-' : '+'
    const abs = Math.abs(offsetMin)
    return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  })

/** A calendar date YYYY-MM-DD between 1995 and 2035. */
export const calendarDateArb: fc.Arbitrary<string> = fc
  .integer({ min: MIN_MS, max: MAX_MS })
  .map((ms) => new Date(ms).toISOString().slice(0, 10))

/** Short readable ids such as `a7-3f`. */
export const idArb: fc.Arbitrary<string> = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,7}$/)

const textArb = fc.string({ minLength: 1, maxLength: 16 }).filter((s) => s.trim().length > 0)

const byName: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
  NonEmptyString: textArb,
  FreeText: fc.string({ maxLength: 40 }),
  Id: idArb,
  Uuid: fc.uuid({ version: 7 }),
  MinorUnits: fc.integer({ min: 0, max: 10_000_000 }),
  PositiveInt: fc.integer({ min: 1, max: 100 }),
  NonNegativeNumber: fc.integer({ min: 0, max: 400_000 }).map((n) => n / 4),
  CurrencyCode: fc.constantFrom(...Object.keys(currencyExponents)),
  CountryCode: fc.constantFrom(...countryCodes),
  Instant: instantArb,
  CalendarDate: calendarDateArb,
  BusinessTime: fc.oneof(instantArb, calendarDateArb),
  TimeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/Sao_Paulo', 'Asia/Tokyo', 'America/New_York'),
  boolean: fc.boolean(),
}

const has = <K extends string>(codec: object, key: K): codec is Record<K, unknown> => key in codec

/**
 * An arbitrary of valid values for a field codec of the event catalogue: by the codec's name, or from the
 * `values`, `min`/`max` and `item` it carries, or by walking io-ts structs.
 */
export const arbitraryForCodec = (codec: t.Mixed): fc.Arbitrary<unknown> => {
  const named = byName[codec.name]
  if (named !== undefined) return named
  if (has(codec, 'values') && Array.isArray(codec.values) && codec.values.length > 0)
    return fc.constantFrom(...codec.values.map(String))
  if (
    has(codec, 'min') &&
    has(codec, 'max') &&
    typeof codec.min === 'number' &&
    typeof codec.max === 'number'
  )
    return fc.integer({ min: codec.min, max: codec.max })
  if (has(codec, 'item') && has(codec, 'max') && typeof codec.max === 'number' && isCodec(codec.item))
    return fc.array(arbitraryForCodec(codec.item), { minLength: 1, maxLength: Math.min(codec.max, 4) })
  if (
    has(codec, 'types') &&
    Array.isArray(codec.types) &&
    has(codec, '_tag') &&
    codec._tag === 'IntersectionType'
  ) {
    const parts = codec.types.filter(isCodec).map(arbitraryForCodec)
    return fc.tuple(...parts).map((values) => Object.assign({}, ...values.filter(isObject)))
  }
  if (has(codec, 'props') && typeof codec.props === 'object' && codec.props !== null && has(codec, '_tag')) {
    const props = Object.fromEntries(
      Object.entries(codec.props)
        .filter((e): e is [string, t.Mixed] => isCodec(e[1]))
        .map(([k, c]) => [k, arbitraryForCodec(c)]),
    )
    return codec._tag === 'PartialType' ? fc.record(props, { requiredKeys: [] }) : fc.record(props)
  }
  throw new Error(`No arbitrary for codec ${codec.name}: add it to @journeykit/testing arbitraries/fields.ts`)
}

const isObject = (u: unknown): u is object => typeof u === 'object' && u !== null
const isCodec = (u: unknown): u is t.Mixed =>
  isObject(u) && 'name' in u && 'validate' in u && typeof Reflect.get(u, 'validate') === 'function'
