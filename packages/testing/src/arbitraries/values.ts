import type { Channel, CustomerKind } from '@journeykit/core'
import { channels } from '@journeykit/core'
import fc from 'fast-check'

/**
 * Small, readable value pools for generated journeys. Journeys shrink towards the first entry of each pool,
 * so a counterexample reads like a story ("Ada Lovelace orders in EUR on the web") rather than noise.
 */
export const personNames = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Hedy Lamarr'] as const
export const organizationNames = ['Acme GmbH', 'Globex Ltda', 'Initech Inc', 'Umbrella KK'] as const
export const journeyCountries = ['DE', 'BR', 'JP', 'KW', 'US', 'FR'] as const
/** Currencies of generated journeys: exponent 2 (EUR, USD, BRL), 0 (JPY) and 3 (KWD). */
export const journeyCurrencies = ['EUR', 'USD', 'JPY', 'KWD', 'BRL'] as const
export const topics = ['billing', 'delivery', 'returns', 'warranty', 'pricing', 'account'] as const
export const segments = ['consumer', 'smb', 'enterprise'] as const
export const roles = ['purchasing', 'CTO', 'operations', 'finance'] as const

export const channelArb: fc.Arbitrary<Channel> = fc.constantFrom(...channels)
export const customerKindArb: fc.Arbitrary<CustomerKind> = fc.constantFrom('person', 'organization')

/** Customer ids such as `ada` or `c-7f2`: short, lower-case, valid `Id`s. */
export const customerIdArb: fc.Arbitrary<string> = fc.stringMatching(/^[a-z][a-z0-9-]{0,5}$/)

/** A point in time to start a journey: whole minutes between 2018 and 2026 (shrinks to 2018-01-01T00:00Z). */
export const journeyStartArb: fc.Arbitrary<number> = fc
  .integer({ min: 0, max: (Date.UTC(2026, 0, 1) - Date.UTC(2018, 0, 1)) / 60_000 })
  .map((minutes) => Date.UTC(2018, 0, 1) + minutes * 60_000)

const MINUTE = 60_000
/** Time between two steps: mostly minutes to hours, sometimes days to weeks; always at least a minute. */
export const gapMsArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 600 }).map((m) => m * MINUTE) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 60 }).map((d) => d * 1440 * MINUTE) },
)

/** Picks the `pick`-th item of a list, cycling; undefined for an empty list. */
export const choose = <T>(items: readonly T[], pick: number): T | undefined =>
  items.length === 0 ? undefined : items[pick % items.length]

/** Like `choose` for a non-empty tuple: always an item. */
export const chooseFrom = <T>(items: readonly [T, ...T[]], pick: number): T =>
  items[pick % items.length] ?? items[0]
