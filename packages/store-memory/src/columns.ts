/** Typed arrays cannot grow in place: columns start at 1,024 entries and double when full. */
const INITIAL = 1024

/** A column of small unsigned integers (symbol indexes, schema versions, revisions). */
export interface IntColumn {
  readonly push: (value: number) => void
  readonly at: (index: number) => number
}

export const intColumn = (make: new (length: number) => Uint16Array | Uint32Array): IntColumn => {
  let values = new make(INITIAL)
  let length = 0
  return {
    push: (value) => {
      if (length === values.length) {
        const bigger = new make(values.length * 2)
        bigger.set(values)
        values = bigger
      }
      values[length++] = value
    },
    at: (index) => values[index] ?? 0,
  }
}

/** A column of signed 64-bit integers (global positions), read back as bigints. */
export interface BigIntColumn {
  readonly push: (value: bigint) => void
  readonly at: (index: number) => bigint
}

export const bigIntColumn = (): BigIntColumn => {
  let values = new BigInt64Array(INITIAL)
  let length = 0
  return {
    push: (value) => {
      if (length === values.length) {
        const bigger = new BigInt64Array(values.length * 2)
        bigger.set(values)
        values = bigger
      }
      values[length++] = value
    },
    at: (index) => values[index] ?? -1n,
  }
}
