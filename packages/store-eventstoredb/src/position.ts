import type { LogPosition } from './boundary/connection.js'

/**
 * The port's single bigint `position` from EventStoreDB's (commit, prepare) pair: `commit · 2⁶⁴ + prepare`.
 *
 * $all is ordered by commit position, then prepare position, and the events of one append share a commit
 * position, so neither number alone is strictly increasing per event; the pair is, and so is this encoding
 * (both numbers are below 2⁶⁴). It keeps both numbers exactly, so any position a reader hands back (a stored
 * checkpoint) decodes to the very (commit, prepare) the server gave, and a resume is exact.
 */
const SHIFT = 64n
const MASK = (1n << SHIFT) - 1n

export const encodePosition = (p: LogPosition): bigint => (p.commit << SHIFT) | p.prepare

/** The (commit, prepare) pair of an encoded position. Negative positions (none yet) decode to 0/0. */
export const decodePosition = (position: bigint): LogPosition =>
  position < 0n ? { commit: 0n, prepare: 0n } : { commit: position >> SHIFT, prepare: position & MASK }

/** Whether `a` comes after `b` in $all (commit position first, then prepare position). */
export const isAfter = (a: LogPosition, b: LogPosition): boolean =>
  a.commit > b.commit || (a.commit === b.commit && a.prepare > b.prepare)
