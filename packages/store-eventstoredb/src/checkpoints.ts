import { randomUUID } from 'node:crypto'
import type {
  CheckpointStore,
  ExpectedCheckpoint,
  StateCodec,
  StoredCheckpoint,
} from '@journeykit/projections'
import { CheckpointConflictError, checkpointFromJson, checkpointToJson } from '@journeykit/projections'
import type { EsdbConnection, IncomingEvent } from './boundary/connection.js'
import { isEsdbConnectionError } from './boundary/connection.js'
import { checkpointStreamName } from './streams.js'

/** Characters of checkpoint JSON per event: well below EventStoreDB's 1 MiB MaxAppendSize even escaped. */
const PART_CHARS = 100_000

export interface EventStoreDbCheckpointOptions<S, G> {
  /** The adapter's connection (`eventStoreDbEventStore(…).connection`) or one of your own. */
  readonly connection: EsdbConnection
  /** How the projection's states become JSON and back. */
  readonly codec: StateCodec<S, G>
}

/** The record in the checkpoint stream: the JSON itself when small, else the stream holding its parts. */
type Manifest =
  | { readonly format: 1; readonly inline: string }
  | { readonly format: 1; readonly parts: string; readonly count: number }

const readAllOf = async (
  connection: EsdbConnection,
  streamId: string,
  last?: true,
): Promise<IncomingEvent[]> => {
  const feed = connection.readStream(
    streamId,
    last ? { from: 'end', direction: 'backwards', maxCount: 1 } : { from: 'start', direction: 'forwards' },
  )
  const events: IncomingEvent[] = []
  try {
    for (let batch = await feed.next(256, true); batch !== undefined; batch = await feed.next(256, true))
      events.push(...batch)
  } finally {
    await feed.close()
  }
  return events
}

const failureKind = (e: unknown): string | undefined =>
  isEsdbConnectionError(e) ? e.failure.kind : undefined

const manifestOf = (event: IncomingEvent, key: string): Manifest => {
  const data: unknown = event.data
  if (typeof data === 'object' && data !== null) {
    const inline: unknown = Reflect.get(data, 'inline')
    const parts: unknown = Reflect.get(data, 'parts')
    const count: unknown = Reflect.get(data, 'count')
    if (typeof inline === 'string') return { format: 1, inline }
    if (typeof parts === 'string' && typeof count === 'number') return { format: 1, parts, count }
  }
  throw new Error(
    `checkpoint ${key}: the record at revision ${event.revision} is not a journeykit checkpoint`,
  )
}

/**
 * Projection checkpoints in EventStoreDB, one stream per projection version: `journeykit-checkpoint-<key>`
 * (left out of `readAll` and subscriptions by the adapter), with `$maxCount` 1. A commit appends one record with
 * the expected revision, so two runners of one version cannot both win (WrongExpectedVersion becomes
 * `CheckpointConflictError`). A checkpoint too large for one append (MaxAppendSize, 1 MiB by default) is written
 * first in parts to a stream of its own, then the record naming that stream is appended: the record is the
 * commit, so a crash before it leaves the previous checkpoint in force (and an orphan parts stream, deleted by
 * the next commit of this process or left for scavenging).
 */
export const eventStoreDbCheckpointStore = <S, G>(
  options: EventStoreDbCheckpointOptions<S, G>,
): CheckpointStore<S, G> => {
  const { connection, codec } = options
  const configured = new Set<string>()
  const partsInForce = new Map<string, string>()

  const dropParts = async (stream: string | undefined): Promise<void> => {
    if (stream === undefined) return
    await connection.deleteStream(stream, 'any').catch(() => undefined) // best effort: an orphan is harmless
  }

  const writeManifest = async (key: string, json: string): Promise<Manifest> => {
    if (json.length <= PART_CHARS) return { format: 1, inline: json }
    const parts = `${checkpointStreamName(key)}-parts-${randomUUID()}`
    let count = 0
    for (let i = 0; i < json.length; i += PART_CHARS, count++) {
      const part = {
        id: randomUUID(),
        type: 'JourneykitCheckpointPart',
        data: { text: json.slice(i, i + PART_CHARS) },
        metadata: {},
      }
      await connection.append(parts, [part], count === 0 ? 'no_stream' : BigInt(count - 1))
    }
    return { format: 1, parts, count }
  }

  const load = async (key: string): Promise<StoredCheckpoint<S, G> | undefined> => {
    let records: IncomingEvent[]
    try {
      records = await readAllOf(connection, checkpointStreamName(key), true)
    } catch (e) {
      if (failureKind(e) === 'streamNotFound' || failureKind(e) === 'streamDeleted') return undefined
      throw e
    }
    const record = records[0]
    if (record === undefined) return undefined
    const manifest = manifestOf(record, key)
    let json: string
    if ('inline' in manifest) json = manifest.inline
    else {
      const parts = await readAllOf(connection, manifest.parts)
      json = parts.map((p) => String(Reflect.get(Object(p.data), 'text'))).join('')
      partsInForce.set(key, manifest.parts)
    }
    return { checkpoint: checkpointFromJson(JSON.parse(json), codec), revision: record.revision }
  }

  return {
    load,
    commit: async ({ key, expected, checkpoint }) => {
      const stream = checkpointStreamName(key)
      if (!configured.has(key)) {
        await connection.setStreamMaxCount(stream, 1)
        configured.add(key)
      }
      const manifest = await writeManifest(key, JSON.stringify(checkpointToJson(checkpoint, codec)))
      const record = { id: randomUUID(), type: 'JourneykitCheckpoint', data: manifest, metadata: {} }
      try {
        const result = await connection.append(stream, [record], expected === 'none' ? 'no_stream' : expected)
        const previous = partsInForce.get(key)
        if ('parts' in manifest) partsInForce.set(key, manifest.parts)
        else partsInForce.delete(key)
        await dropParts(previous)
        return result.nextExpectedRevision
      } catch (e) {
        if ('parts' in manifest) await dropParts(manifest.parts)
        if (isEsdbConnectionError(e) && e.failure.kind === 'wrongExpectedVersion') {
          const actual = e.failure.actual
          throw new CheckpointConflictError(key, expected, actual === 'no_stream' ? 'none' : actual)
        }
        throw e
      }
    },
    remove: async (key, expected: ExpectedCheckpoint | 'any') => {
      try {
        await connection.deleteStream(checkpointStreamName(key), expected === 'none' ? 'no_stream' : expected)
      } catch (e) {
        if (isEsdbConnectionError(e) && e.failure.kind === 'wrongExpectedVersion') {
          const actual = e.failure.actual
          throw new CheckpointConflictError(
            key,
            expected === 'any' ? 'none' : expected,
            actual === 'no_stream' ? 'none' : actual,
          )
        }
        throw e
      }
      await dropParts(partsInForce.get(key))
      partsInForce.delete(key)
      configured.delete(key)
    },
  }
}
