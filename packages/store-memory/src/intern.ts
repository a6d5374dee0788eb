import type { JourneyEvent, RecordedEvent } from '@journeykit/core'

const deepFreeze = (value: unknown): void => {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const v of Object.values(value)) deepFreeze(v)
}

/**
 * One copy of each repeated string (customer ids, stream ids): a store of a million events holds
 * a few thousand distinct ones, and a producer usually builds a fresh copy per event.
 */
export const stringPool = (): ((s: string) => string) => {
  const pool = new Map<string, string>()
  return (s) => {
    const known = pool.get(s)
    if (known !== undefined) return known
    pool.set(s, s)
    return s
  }
}

/**
 * The stored form of an appended event: the event with its position and revision, frozen (data included) so
 * that nobody can change history through a reference they kept. `streamId` is the store's own copy of the name.
 */
export const internEvent = (
  event: JourneyEvent,
  streamId: string,
  position: bigint,
  revision: bigint,
  intern: (s: string) => string,
): RecordedEvent => {
  deepFreeze(event.data)
  if (event.metadata !== undefined) deepFreeze(event.metadata)
  return Object.freeze({ ...event, streamId, customerId: intern(event.customerId), position, revision })
}

const SMALL_REVISIONS: bigint[] = []

/** Revision `r` as a bigint, one shared object for the first 65,536 (a bigint is a heap object of its own). */
export const revisionBigint = (r: number): bigint => {
  if (r >= 65_536) return BigInt(r)
  for (let i = SMALL_REVISIONS.length; i <= r; i++) SMALL_REVISIONS.push(BigInt(i))
  return SMALL_REVISIONS[r] ?? BigInt(r)
}
