import { currencyExponents } from './codecs/currencies.js'

/** Event data at some schema version, as plain JSON. */
export type RawData = Readonly<Record<string, unknown>>

/** Turns data of `type` at `fromVersion` into data of `fromVersion + 1`. Must be pure. */
export interface Upcaster {
  readonly type: string
  readonly fromVersion: number
  readonly upcast: (data: RawData) => RawData
}

/** Upcasters by type and version, applied on read one step at a time up to the current version. */
export interface UpcasterRegistry {
  readonly upcasters: ReadonlyMap<string, Upcaster>
}

const key = (type: string, fromVersion: number): string => `${type}@${fromVersion}`

export const upcasterRegistry = (upcasters: readonly Upcaster[]): UpcasterRegistry => {
  const map = new Map<string, Upcaster>()
  for (const u of upcasters) {
    const k = key(u.type, u.fromVersion)
    if (map.has(k)) throw new Error(`Two upcasters for ${u.type} from version ${u.fromVersion}`)
    map.set(k, u)
  }
  return { upcasters: map }
}

export type UpcastResult =
  | { readonly ok: true; readonly data: RawData; readonly schemaVersion: number }
  | { readonly ok: false; readonly reason: string }

/**
 * Brings `data` of `type` from `version` up to `targetVersion`, one registered step at a time. A missing step
 * or a version newer than `targetVersion` is reported, never guessed.
 */
export const upcast = (
  registry: UpcasterRegistry,
  type: string,
  version: number,
  targetVersion: number,
  data: RawData,
): UpcastResult => {
  if (version === targetVersion) return { ok: true, data, schemaVersion: version }
  if (version > targetVersion)
    return {
      ok: false,
      reason: `is ${version}, newer than the supported version ${targetVersion}`,
    }
  let current = data
  for (let v = version; v < targetVersion; v++) {
    const step = registry.upcasters.get(key(type, v))
    if (step === undefined)
      return { ok: false, reason: `is ${version}, and no upcaster goes from version ${v} to ${v + 1}` }
    current = step.upcast(current)
  }
  return { ok: true, data: current, schemaVersion: targetVersion }
}

/** Major units (a float such as 12.34) to integer minor units of `currency`; the input is left alone if unusable. */
const toMinor = (major: unknown, currency: unknown): unknown => {
  if (typeof major !== 'number' || !Number.isFinite(major) || typeof currency !== 'string') return major
  const exponent = currencyExponents[currency]
  if (exponent === undefined) return major
  return Math.round(major * 10 ** exponent)
}

/**
 * OrderPlaced v1 → v2. Version 1 carried `amount` and each line's `unitPrice` as floats in major units
 * (12.34 EUR); version 2 carries integer minor units (1234). Values that cannot be converted are passed on
 * unchanged so that decoding the result names the field and the reason.
 */
export const orderPlacedV1toV2: Upcaster = {
  type: 'OrderPlaced',
  fromVersion: 1,
  upcast: (data) => {
    const currency = data['currency']
    const lines = Array.isArray(data['lines'])
      ? data['lines'].map((line: unknown) =>
          typeof line === 'object' && line !== null && 'unitPrice' in line
            ? { ...line, unitPrice: toMinor(line.unitPrice, currency) }
            : line,
        )
      : data['lines']
    return { ...data, amount: toMinor(data['amount'], currency), lines }
  },
}

/** The upcasters journeykit ships; pass your own list to `upcasterRegistry` to extend it. */
export const builtInUpcasters: readonly Upcaster[] = [orderPlacedV1toV2]
export const defaultUpcasters: UpcasterRegistry = upcasterRegistry(builtInUpcasters)
