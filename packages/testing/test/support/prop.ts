import fc from 'fast-check'
import { it } from 'vitest'

/**
 * `prop([arbitraries], params)(name, predicate)`: a vitest `it` that checks a property with plain fast-check.
 * The same shape as `test.prop` of @fast-check/vitest, which this package also supports (see
 * specification.test.ts) but which costs seconds to import per test file on a busy machine.
 */
export const prop =
  <Ts extends [unknown, ...unknown[]]>(
    arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
    params: fc.Parameters<Ts> = {},
  ) =>
  (name: string, predicate: (...args: Ts) => boolean | void): void => {
    it(name, () => {
      fc.assert(fc.property<Ts>(...arbitraries, predicate), params)
    })
  }
