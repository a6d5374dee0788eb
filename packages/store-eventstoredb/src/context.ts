import type { RecordedEvent, UpcasterRegistry } from '@journeykit/core'
import type { EsdbConnection, IncomingEvent } from './boundary/connection.js'
import { UndecodableEventError } from './errors.js'
import type { FilterTuning } from './filter.js'
import type { UndecodableEvent } from './serialization.js'
import { decodeIncoming, isUndecodable } from './serialization.js'

/** What the parts of the adapter share: the connection and the resolved options. */
export interface AdapterContext {
  readonly connection: EsdbConnection
  readonly upcasters: UpcasterRegistry | undefined
  readonly onUndecodable: ((report: UndecodableEvent) => void) | undefined
  readonly maxAppendBytes: number
  readonly batchSize: number
  readonly readAllFiltering: 'server' | 'client'
  readonly ignoredStreamPrefixes: readonly string[]
  readonly filterTuning: FilterTuning
}

/**
 * The journey event, or `undefined` when it cannot be decoded and `onUndecodable` took the report (the event
 * is then skipped); without a handler an undecodable event fails the read with UndecodableEventError.
 */
export const decodeOrReport = (ctx: AdapterContext, incoming: IncomingEvent): RecordedEvent | undefined => {
  const decoded = decodeIncoming(incoming, ctx.upcasters)
  if (!isUndecodable(decoded)) return decoded
  if (ctx.onUndecodable === undefined) throw new UndecodableEventError(decoded)
  ctx.onUndecodable(decoded)
  return undefined
}
