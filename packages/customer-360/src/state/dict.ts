/**
 * A string-keyed record without a prototype, so any id (even `__proto__` or `constructor`) is a plain key.
 * Plain data: immer drafts it, `JSON.stringify` writes it, `freeze` freezes it.
 */
export type Dict<T> = Record<string, T>

export const dict = <T>(): Dict<T> => Object.create(null)

/**
 * The value at `key`, or undefined; never reads an inherited property. One property access for the records
 * `dict()` makes (they inherit nothing); a record with a prototype (say, parsed from JSON) is checked first.
 */
export const lookup = <T>(d: Dict<T>, key: string): T | undefined =>
  Object.getPrototypeOf(d) === null || Object.hasOwn(d, key) ? d[key] : undefined

/** The smaller of two optional epoch times. */
export const minTime = (a: number | null, b: number): number => (a === null || b < a ? b : a)

/** The latest of some optional epoch times (-Infinity when none is known). */
export const latestOf = (...times: readonly (number | null)[]): number =>
  times.reduce<number>((latest, t) => (t !== null && t > latest ? t : latest), -Infinity)

/** The larger of two optional epoch times. */
export const maxTime = (a: number | null, b: number): number => (a === null || b > a ? b : a)

/** The entries of a record created on first use (none before). */
export const entriesOf = <T>(d: Dict<T> | null): [string, T][] => (d === null ? [] : Object.entries(d))
