import type { JourneyEvent, RecordedEvent } from '@journeykit/core'

const deepFreeze = (value: unknown): void => {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const v of Object.values(value)) deepFreeze(v)
}

/**
 * The stored form of an appended event: the event with its position and revision, frozen (data included) so
 * that nobody can change history through a reference they kept.
 */
export const internEvent = (
  event: JourneyEvent,
  streamId: string,
  position: bigint,
  revision: bigint,
): RecordedEvent => {
  deepFreeze(event.data)
  if (event.metadata !== undefined) deepFreeze(event.metadata)
  return Object.freeze({ ...event, streamId, position, revision })
}
