import type { EventFilter } from '@journeykit/core'
import { matchesFilter } from '@journeykit/core'
import type { ServerFilter } from './boundary/connection.js'

/** Matches every event type that does not start with `$` (EventStoreDB's `excludeSystemEvents`). */
const NOT_SYSTEM = '^[^$]'
/** Matches nothing (an empty list of types or prefixes). */
const NOTHING = '^(?!)'

type Named = { readonly type: string; readonly streamId: string }

/**
 * How a port filter runs against EventStoreDB. The server filters on one criterion (event type or stream
 * name, by prefixes or a regex); the port's filter may combine both, so the server applies the more selective
 * one and the adapter applies the whole filter to what arrives.
 */
export interface FilterPlan {
  readonly server: ServerFilter
  /** The server's criterion, evaluated locally (to choose anchors the server will treat the same way). */
  readonly serverMatches: (e: Named) => boolean
  /** The whole port filter, plus the streams the adapter keeps to itself (checkpoints). */
  readonly accepts: (e: Named) => boolean
}

export interface FilterTuning {
  readonly maxSearchWindow?: number
  readonly checkpointInterval?: number
}

const byPrefixes = (on: ServerFilter['on'], prefixes: readonly string[], tuning: FilterTuning) => {
  const server: ServerFilter =
    prefixes.length === 0 ? { on, regex: NOTHING, ...tuning } : { on, prefixes: [...prefixes], ...tuning }
  const field = (e: Named) => (on === 'eventType' ? e.type : e.streamId)
  return { server, serverMatches: (e: Named) => prefixes.some((p) => field(e).startsWith(p)) }
}

export const planFilter = (
  filter: EventFilter | undefined,
  ignoredStreamPrefixes: readonly string[],
  tuning: FilterTuning = {},
): FilterPlan => {
  const accepts = (e: Named): boolean => {
    if (!matchesFilter(e, filter)) return false
    for (const p of ignoredStreamPrefixes) if (e.streamId.startsWith(p)) return false
    return true
  }
  if (filter?.eventTypes !== undefined || filter?.eventTypePrefixes !== undefined) {
    // exact types are sent as prefixes too (a superset); `accepts` keeps exactly the listed types
    const prefixes = [...(filter.eventTypes ?? []), ...(filter.eventTypePrefixes ?? [])]
    return { ...byPrefixes('eventType', prefixes, tuning), accepts }
  }
  if (filter?.streamNamePrefixes !== undefined)
    return { ...byPrefixes('streamName', filter.streamNamePrefixes, tuning), accepts }
  return {
    server: { on: 'eventType', regex: NOT_SYSTEM, ...tuning },
    serverMatches: (e) => !e.type.startsWith('$'),
    accepts,
  }
}
