/**
 * A seeded pseudo-random number generator: xoshiro128** (Blackman and Vigna), seeded through splitmix32. The
 * simulator never calls `Math.random`: every draw comes from one of these, so the same seed gives the same
 * output on every run.
 */
export interface Random {
  /** A uniformly distributed unsigned 32-bit integer. */
  readonly uint32: () => number
  /** A float uniformly distributed in [0, 1). */
  readonly next: () => number
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k))

/** The 32-bit finaliser of MurmurHash3: spreads every input bit over the whole word. */
export const mix32 = (x: number): number => {
  let h = x >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

const seedWord = (seed: number): number =>
  mix32(mix32(Math.floor(seed / 0x1_0000_0000) ^ 0x5bd1e995) ^ (seed >>> 0))

/** A uniform float in [0, 1) from a hash of (seed, stream, k): random access, no generator state. */
export const hashUniform = (seed: number, stream: number, k: number): number =>
  mix32(seedWord(seed) ^ mix32(stream + 0x2545f491) ^ mix32(k + 0x68e31da4)) / 0x1_0000_0000

/**
 * A xoshiro128** generator whose state is derived from `seed` and `stream`: generators of different streams
 * (one per customer) are independent of each other and of the order they are used in.
 */
export const xoshiro128 = (seed: number, stream: number): Random => {
  // splitmix32 over (seed, stream) fills the 128-bit state; it is never all zero.
  let sm = seedWord(seed) ^ mix32(stream + 0x2545f491)
  const word = (): number => {
    sm = (sm + 0x9e3779b9) | 0
    return mix32(sm)
  }
  let s0 = word()
  let s1 = word()
  let s2 = word()
  let s3 = word() | 1
  const uint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0
    const t = s1 << 9
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotl(s3, 11)
    return result
  }
  return { uint32, next: () => uint32() / 0x1_0000_0000 }
}

/** A float in [min, max). */
export const between = (r: Random, min: number, max: number): number => min + (max - min) * r.next()

/** An integer in [min, max], both inclusive. */
export const intBetween = (r: Random, min: number, max: number): number =>
  min + Math.floor((max - min + 1) * r.next())

/** True with probability `p`. */
export const chance = (r: Random, p: number): boolean => r.next() < p

/** One of `items`, each equally likely. */
export const pick = <T>(r: Random, items: readonly [T, ...T[]]): T =>
  items[Math.floor(items.length * r.next())] ?? items[0]

/** An exponentially distributed duration with the given mean (the gap of a Poisson process). */
export const exponential = (r: Random, mean: number): number => -mean * Math.log(1 - r.next())

/** A log-normally distributed value with the given median; `sigma` is the spread of its logarithm. */
export const logNormal = (r: Random, median: number, sigma: number): number => {
  // Box-Muller: one standard normal draw from two uniforms.
  const u = 1 - r.next()
  const v = r.next()
  return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v))
}

/** A table of outcomes with relative weights, prepared once for fast weighted draws. */
export interface Weighted<T> {
  readonly values: readonly [T, ...T[]]
  readonly cumulative: readonly number[]
  readonly total: number
}

export const weighted = <T>(
  entries: readonly [readonly [T, number], ...(readonly [T, number])[]],
): Weighted<T> => {
  const [first, ...rest] = entries
  const values: [T, ...T[]] = [first[0], ...rest.map(([v]) => v)]
  const cumulative: number[] = []
  let total = 0
  for (const [, w] of entries) {
    total += w
    cumulative.push(total)
  }
  return { values, cumulative, total }
}

/** One outcome of a weighted table, each as likely as its weight says. */
export const draw = <T>(r: Random, table: Weighted<T>): T => {
  const x = r.next() * table.total
  const { cumulative, values } = table
  for (let i = 0; i < cumulative.length; i++) if (x < (cumulative[i] ?? 0)) return values[i] ?? values[0]
  return values[values.length - 1] ?? values[0]
}
