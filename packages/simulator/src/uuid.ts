import { flatString } from '@journeykit/core'
import type { Random } from './random.js'

/** `00` ... `ff`: formatting through a table is several times faster than `Number#toString(16)`. */
const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

const hex2 = (n: number): string => BYTE_HEX[n & 0xff] ?? '00'
const hex4 = (n: number): string => hex2(n >>> 8) + hex2(n)
const hex8 = (n: number): string => hex2(n >>> 24) + hex2(n >>> 16) + hex2(n >>> 8) + hex2(n)

/**
 * A UUID version 7 (RFC 9562) built only from its inputs: the 48-bit Unix time in milliseconds `ms`, then 74
 * bits drawn from `random`, with the version (7) and variant (10) bits set. Deterministic for a seeded
 * `random`, and time-ordered like any v7 id.
 */
export const uuidV7 = (ms: number, random: Random): string => {
  const a = random.uint32()
  const b = random.uint32()
  const c = random.uint32()
  const time = Math.floor(ms)
  const high = Math.floor(time / 0x10000) >>> 0
  if (high !== lastHigh) {
    lastHigh = high
    lastHighHex = hex8(high)
  }
  const version = 0x7000 | (a & 0x0fff)
  const variant = 0x8000 | ((a >>> 12) & 0x3fff)
  return flatString(
    `${lastHighHex}-${hex4(time & 0xffff)}-${hex4(version)}-${hex4(variant)}-${hex8(b)}${hex4(c)}`,
  )
}

// The first 32 bits change every 65 seconds: the last ones formatted are kept (a pure cache).
let lastHigh = -1
let lastHighHex = ''
