/**
 * The double's model of an EventStoreDB node: one transaction log ($all) and the streams indexed over it,
 * following the server's known behaviour: positions are byte offsets (ordered, not contiguous), the events of
 * one append share its commit position, `$all` holds system events, soft deletes and `$maxCount` are stream
 * metadata written to `$$<stream>`, a tombstone is a `$streamDeleted` event, idempotency is by event id.
 */

import type { AllPosition, Expected, LogRecord, Proposed, StreamLookup, WriteOutcome } from './records.js'
import type { StreamState } from './stream-state.js'
import {
  DELETED_STREAM,
  applyMetadata,
  expectationHolds,
  idempotentRevision,
  json,
  lastRevision,
  newStreamState,
  softDeleted,
  visibleFrom,
} from './stream-state.js'

export type { AllPosition, Expected, LogRecord, Proposed, StreamLookup, WriteOutcome } from './records.js'

const FIRST_POSITION = 1024n

export const comparePositions = (a: AllPosition, b: AllPosition): number =>
  a.commit !== b.commit
    ? a.commit < b.commit
      ? -1
      : 1
    : a.prepare === b.prepare
      ? 0
      : a.prepare < b.prepare
        ? -1
        : 1

const recordSize = (streamId: string, p: Proposed): bigint => {
  const raw =
    128 + Buffer.byteLength(streamId) + Buffer.byteLength(p.type) + p.data.length + p.customMetadata.length
  return BigInt(Math.ceil(raw / 8) * 8)
}

export interface EventLogOptions {
  /** The server's maximum append size in bytes (data + metadata of all events of one append). Default 1 MiB. */
  readonly maxAppendSize?: number
  readonly now?: () => number
}

export type EventLog = ReturnType<typeof createEventLog>
export { DELETED_STREAM }

export const createEventLog = (options: EventLogOptions = {}) => {
  const maxAppendSize = options.maxAppendSize ?? 1024 * 1024
  const now = options.now ?? Date.now
  const all: LogRecord[] = []
  const streams = new Map<string, StreamState>()
  const listeners = new Set<() => void>()
  let nextPosition = FIRST_POSITION

  const stateOf = (streamId: string): StreamState => {
    let s = streams.get(streamId)
    if (s === undefined) {
      s = newStreamState()
      streams.set(streamId, s)
    }
    return s
  }
  const write = (
    streamId: string,
    proposed: readonly Proposed[],
    revisions: readonly bigint[],
  ): LogRecord[] => {
    const created = BigInt(now()) * 10_000n
    const prepares = proposed.map((p) => {
      const at = nextPosition
      nextPosition += recordSize(streamId, p)
      return at
    })
    const commit = prepares[prepares.length - 1] ?? nextPosition
    return proposed.map((p, k) => {
      const record: LogRecord = {
        ...p,
        streamId,
        revision: revisions[k] ?? 0n,
        created,
        commit,
        prepare: prepares[k] ?? commit,
      }
      all.push(record)
      return record
    })
  }

  const notify = (): void => {
    for (const listener of [...listeners]) listener()
  }

  const appendRecords = (streamId: string, proposed: readonly Proposed[]): LogRecord[] => {
    const s = stateOf(streamId)
    const base = s.records.length
    const written = write(
      streamId,
      proposed,
      proposed.map((_, k) => BigInt(base + k)),
    )
    for (const r of written) {
      s.records.push(r)
      if (!s.firstRevisionOfId.has(r.id)) s.firstRevisionOfId.set(r.id, Number(r.revision))
    }
    if (streamId.startsWith('$$')) applyMetadata(stateOf(streamId.slice(2)), written[written.length - 1])
    return written
  }

  const writeMetadata = (streamId: string, metadata: Record<string, unknown>): LogRecord | undefined => {
    const data = json(metadata)
    const id = crypto.randomUUID()
    const [record] = appendRecords(`$$${streamId}`, [
      { id, type: '$metadata', contentType: 'application/json', data, customMetadata: new Uint8Array() },
    ])
    return record
  }

  const append = (streamId: string, expected: Expected, proposed: readonly Proposed[]): WriteOutcome => {
    const size = proposed.reduce((n, p) => n + p.data.length + p.customMetadata.length, 0)
    if (size > maxAppendSize) return { kind: 'maxAppendSizeExceeded', maxAppendSize }
    const s = streams.get(streamId)
    if (s?.tombstoned === true) return { kind: 'streamDeleted' }
    const idempotent = idempotentRevision(s, expected, proposed)
    if (idempotent === 'corrupted')
      return { kind: 'wrongExpectedVersion', current: lastRevision(s), expected }
    if (idempotent !== undefined) return { kind: 'success', currentRevision: idempotent }
    if (!expectationHolds(s, expected))
      return { kind: 'wrongExpectedVersion', current: lastRevision(s), expected }
    if (proposed.length === 0) return { kind: 'success', currentRevision: lastRevision(s) }
    const wasSoftDeleted = softDeleted(s)
    const written = appendRecords(streamId, proposed)
    const first = written[0]
    const last = written[written.length - 1]
    if (wasSoftDeleted && first !== undefined)
      writeMetadata(streamId, { ...stateOf(streamId).metadata, $tb: Number(first.revision) })
    notify()
    return { kind: 'success', currentRevision: last?.revision, position: last }
  }

  const softDelete = (streamId: string, expected: Expected): WriteOutcome => {
    const s = streams.get(streamId)
    if (s?.tombstoned === true) return { kind: 'streamDeleted' }
    if (!expectationHolds(s, expected) || (expected.kind === 'no_stream' && lastRevision(s) === undefined))
      return { kind: 'wrongExpectedVersion', current: lastRevision(s), expected }
    const record = writeMetadata(streamId, { ...(s?.metadata ?? {}), $tb: Number(DELETED_STREAM) })
    notify()
    return {
      kind: 'success',
      currentRevision: lastRevision(s),
      ...(record === undefined ? {} : { position: record }),
    }
  }

  const tombstone = (streamId: string, expected: Expected): WriteOutcome => {
    const s = stateOf(streamId)
    if (s.tombstoned) return { kind: 'streamDeleted' }
    if (!expectationHolds(s, expected))
      return { kind: 'wrongExpectedVersion', current: lastRevision(s), expected }
    const [record] = write(
      streamId,
      [
        {
          id: crypto.randomUUID(),
          type: '$streamDeleted',
          contentType: 'application/json',
          data: new Uint8Array(),
          customMetadata: new Uint8Array(),
        },
      ],
      [DELETED_STREAM],
    )
    s.tombstoned = true
    notify()
    return {
      kind: 'success',
      currentRevision: lastRevision(s),
      ...(record === undefined ? {} : { position: record }),
    }
  }

  /** A system event (as the server writes `$statsCollected`, `$UserCreated`, ...), for tests. */
  const appendSystemEvent = (streamId: string, type: string, data: unknown = {}): LogRecord | undefined => {
    const [record] = appendRecords(streamId, [
      {
        id: crypto.randomUUID(),
        type,
        contentType: 'application/json',
        data: json(data),
        customMetadata: new Uint8Array(),
      },
    ])
    notify()
    return record
  }

  const lookupStream = (streamId: string): StreamLookup => {
    const s = streams.get(streamId)
    if (s?.tombstoned === true) return { kind: 'deleted' }
    if (s === undefined || s.records.length === 0) return { kind: 'notFound' }
    const from = visibleFrom(s)
    if (from >= s.records.length) return { kind: 'notFound' }
    return { kind: 'found', records: from === 0 ? s.records : s.records.slice(from) }
  }

  /** Index in $all of the first record at or after `position`. */
  const indexAtOrAfter = (position: AllPosition): number => {
    let lo = 0
    let hi = all.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const r = all[mid]
      if (r !== undefined && comparePositions(r, position) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  for (const [stream, type] of [
    ['$$$scavenges', '$metadata'],
    ['$users', '$UserCreated'],
    ['$user-admin', '$user'],
    ['$users', '$UserCreated'],
    ['$user-ops', '$user'],
    ['$settings', '$settings'],
  ] as const)
    appendSystemEvent(stream, type)

  return {
    all: (): readonly LogRecord[] => all,
    append,
    softDelete,
    tombstone,
    appendSystemEvent,
    lookupStream,
    indexAtOrAfter,
    metadataOf: (streamId: string): Readonly<Record<string, unknown>> =>
      streams.get(streamId)?.metadata ?? {},
    onAppend: (listener: () => void): (() => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
