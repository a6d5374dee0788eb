import type { Expected, LogRecord, Proposed } from './records.js'

/** `long.MaxValue`: the `$tb` of a soft-deleted stream and the revision of a tombstone. */
export const DELETED_STREAM = 9223372036854775807n

/** One stream of the double: its records by revision and what its metadata ($$<stream>) says. */
export interface StreamState {
  readonly records: LogRecord[]
  readonly firstRevisionOfId: Map<string, number>
  tombstoned: boolean
  truncateBefore: bigint
  maxCount: number | undefined
  metadata: Record<string, unknown>
}

export const newStreamState = (): StreamState => ({
  records: [],
  firstRevisionOfId: new Map(),
  tombstoned: false,
  truncateBefore: 0n,
  maxCount: undefined,
  metadata: {},
})

export const json = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value), 'utf8')

export const lastRevision = (s: StreamState | undefined): bigint | undefined =>
  s === undefined || s.records.length === 0 ? undefined : BigInt(s.records.length - 1)
export const softDeleted = (s: StreamState | undefined): boolean =>
  s !== undefined && s.truncateBefore === DELETED_STREAM
export const visibleFrom = (s: StreamState): number => {
  const byCount = s.maxCount === undefined ? 0 : s.records.length - s.maxCount
  const byTb = s.truncateBefore > BigInt(s.records.length) ? s.records.length : Number(s.truncateBefore)
  return Math.max(0, byCount, byTb)
}

export const expectationHolds = (s: StreamState | undefined, expected: Expected): boolean => {
  const current = lastRevision(s)
  const exists = current !== undefined && !softDeleted(s)
  switch (expected.kind) {
    case 'any':
      return true
    case 'no_stream':
      return !exists
    case 'stream_exists':
      return exists
    case 'revision':
      return current === expected.revision
  }
}

/** ESDB idempotency: the proposed ids already sit where the writer expected them. */
export const idempotentRevision = (
  s: StreamState | undefined,
  expected: Expected,
  proposed: readonly Proposed[],
): bigint | 'corrupted' | undefined => {
  const first = proposed[0]
  if (s === undefined || first === undefined || s.records.length === 0) return undefined
  let start: number | undefined
  if (expected.kind === 'revision') start = Number(expected.revision) + 1
  else if (expected.kind === 'no_stream') start = softDeleted(s) ? undefined : visibleFrom(s)
  else start = s.firstRevisionOfId.get(first.id)
  if (start === undefined || start >= s.records.length || s.records[start]?.id !== first.id) return undefined
  for (let k = 1; k < proposed.length; k++)
    if (s.records[start + k]?.id !== proposed[k]?.id) return 'corrupted'
  return BigInt(start + proposed.length - 1)
}

/** Applies the metadata a `$$<stream>` event sets ($tb, $maxCount) to the stream's state. */
export const applyMetadata = (s: StreamState, record: LogRecord | undefined): void => {
  if (record === undefined) return
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(record.data).toString('utf8'))
  } catch {
    parsed = {}
  }
  const metadata: Record<string, unknown> = typeof parsed === 'object' && parsed !== null ? { ...parsed } : {}
  s.metadata = metadata
  const tb = metadata['$tb']
  s.truncateBefore = typeof tb === 'number' ? (tb >= 9.2e18 ? DELETED_STREAM : BigInt(tb)) : 0n
  const maxCount = metadata['$maxCount']
  s.maxCount = typeof maxCount === 'number' && maxCount > 0 ? maxCount : undefined
}
