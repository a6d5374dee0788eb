import { isEsdbConnectionError } from './boundary/connection.js'
import type { AdapterContext } from './context.js'
import { portError } from './errors.js'
import { encodePosition } from './position.js'

export type LastEvent =
  | { readonly kind: 'none' }
  | { readonly kind: 'deleted' }
  | { readonly kind: 'last'; readonly revision: bigint; readonly position: bigint | undefined }

/** The stream's last visible event (`none` when it does not exist or was soft-deleted). */
export const lastEventOf = async (ctx: AdapterContext, streamId: string): Promise<LastEvent> => {
  const feed = ctx.connection.readStream(streamId, { from: 'end', direction: 'backwards', maxCount: 1 })
  try {
    const batch = await feed.next(1, true)
    const last = batch?.[0]
    if (last === undefined) return { kind: 'none' }
    const position = last.position === undefined ? undefined : encodePosition(last.position)
    return { kind: 'last', revision: last.revision, position }
  } catch (e) {
    if (isEsdbConnectionError(e) && e.failure.kind === 'streamNotFound') return { kind: 'none' }
    if (isEsdbConnectionError(e) && e.failure.kind === 'streamDeleted') return { kind: 'deleted' }
    throw portError(e, { streamId })
  } finally {
    await feed.close()
  }
}

/** The position of the event at `revision` (EventStoreDB reports none for an idempotent append). */
export const positionAtRevision = async (
  ctx: AdapterContext,
  streamId: string,
  revision: bigint,
): Promise<bigint> => {
  const feed = ctx.connection.readStream(streamId, { from: revision, direction: 'forwards', maxCount: 1 })
  try {
    const event = (await feed.next(1, true))?.[0]
    return event?.position === undefined ? -1n : encodePosition(event.position)
  } catch {
    return -1n
  } finally {
    await feed.close()
  }
}
