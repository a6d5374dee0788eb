import { hash } from 'node:crypto'

const MAX_MS = 2 ** 48 - 1

/**
 * A deterministic UUID v7: the 48-bit millisecond timestamp is `atMs` (so ids sort by business time, as v7
 * ids do), and the 74 bits a v7 id leaves random are taken from the SHA-1 of `key` instead (as name-based
 * UUID v5 does). The same key and time always give the same id, so importing the same file twice yields
 * identical events (and a store that ignores duplicate ids appends them once).
 */
export const deterministicUuidV7 = (key: string, atMs: number): string => {
  const ms = Math.min(MAX_MS, Math.max(0, Math.floor(atMs)))
  const time = ms.toString(16).padStart(12, '0')
  const h = hash('sha1', key, 'hex')
  const variant = (8 | (parseInt(h.charAt(3), 16) & 3)).toString(16)
  return `${time.slice(0, 8)}-${time.slice(8)}-7${h.slice(0, 3)}-${variant}${h.slice(4, 7)}-${h.slice(7, 19)}`
}
