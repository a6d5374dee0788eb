/** Typed arrays cannot grow in place: columns start at 1,024 entries and double when full. */
const INITIAL = 1024

interface TypedArray<A> {
  readonly length: number
  set(array: A): void
}

/** `values` copied into a typed array twice as long, when it is full. */
const roomFor = <A extends TypedArray<A>>(values: A, length: number, make: (length: number) => A): A => {
  if (length < values.length) return values
  const bigger = make(values.length * 2)
  bigger.set(values)
  return bigger
}

/** A column of small unsigned integers (symbol indexes, schema versions, revisions). */
export interface IntColumn {
  readonly push: (value: number) => void
  readonly at: (index: number) => number
}

export const intColumn = (make: (length: number) => Uint16Array | Uint32Array): IntColumn => {
  let values = make(INITIAL)
  let length = 0
  return {
    push: (value) => {
      values = roomFor(values, length, make)
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
  const make = (length: number) => new BigInt64Array(length)
  let values = make(INITIAL)
  let length = 0
  return {
    push: (value) => {
      values = roomFor(values, length, make)
      values[length++] = value
    },
    at: (index) => values[index] ?? -1n,
  }
}
