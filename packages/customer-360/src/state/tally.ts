import { dict } from './dict.js'

/**
 * An additive summary: numbers, possibly grouped by key (per channel, per currency). Two tallies of disjoint
 * records add up to the tally of their union, so archived records can be kept as one tally.
 */
export type Tally = { [key: string]: number | Tally }

/** Adds `from` into `into`, key by key (missing keys start at zero). Mutates `into`. */
export const addTally = (into: Tally, from: Tally): void => {
  for (const key of Object.keys(from)) {
    const value = from[key]
    const current = into[key]
    if (typeof value === 'number') into[key] = (typeof current === 'number' ? current : 0) + value
    else if (value !== undefined) {
      let target = current
      if (target === undefined || typeof target === 'number') {
        target = dict<number | Tally>()
        into[key] = target
      }
      addTally(target, value)
    }
  }
}

/** The group at `key` of a grouped tally, created empty by `empty` when missing. */
export const groupOf = <G>(groups: Record<string, G>, key: string, empty: () => G): G => {
  const found = Object.hasOwn(groups, key) ? groups[key] : undefined
  if (found !== undefined) return found
  const created = empty()
  groups[key] = created
  return created
}
