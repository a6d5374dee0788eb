import { createReadStream } from 'node:fs'
import type { RecordedEvent } from '@journeykit/core'
import type { NdjsonSkippedLine } from './errors.js'
import { NdjsonLineError } from './errors.js'
import { parseNdjsonLine } from './line.js'

export interface ReadNdjsonOptions {
  /** Skip invalid lines (reported through `onSkipped`) instead of failing on the first one. Default false. */
  readonly skipInvalid?: boolean
  /** Events per yielded batch. Default 4096. */
  readonly batchSize?: number
  readonly onSkipped?: (skipped: NdjsonSkippedLine) => void
  /** The name errors give the input. Default: the path, or `ndjson` for a stream. */
  readonly file?: string
}

/** Batches of recorded events, from the beginning each time it is called (what `rebuildProjections` reads). */
export type NdjsonBatches = () => AsyncIterable<readonly RecordedEvent[]>

/** Lines of text from chunks, without the line ends; the last line may lack one. */
async function* linesOf(chunks: AsyncIterable<string | Buffer>): AsyncGenerator<string> {
  let tail = ''
  for await (const chunk of chunks) {
    const text = tail + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'))
    let start = 0
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      yield text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end)
      start = end + 1
    }
    tail = text.slice(start)
  }
  if (tail !== '') yield tail
}

/** Checks the order of the history: positions strictly increase, each stream's revisions count 0, 1, 2, … */
const orderChecker = (file: string) => {
  let last = -1n
  const nextRevision = new Map<string, bigint>()
  return (event: RecordedEvent, line: number): void => {
    if (event.position <= last)
      throw new NdjsonLineError(file, line, 'position', `must be greater than ${last} (the previous line's)`)
    const expected = nextRevision.get(event.streamId) ?? 0n
    if (event.revision !== expected)
      throw new NdjsonLineError(file, line, 'revision', `must be ${expected} in stream ${event.streamId}`)
    last = event.position
    nextRevision.set(event.streamId, expected + 1n)
  }
}

const chunksOf = (from: string | NodeJS.ReadableStream): AsyncIterable<string | Buffer> =>
  typeof from === 'string' ? createReadStream(from, { highWaterMark: 1 << 20 }) : from

/**
 * Reads an NDJSON history, streaming: every line is parsed, validated against its event type's codec (older
 * schema versions upcast) and checked for order (positions increase, revisions per stream have no gap).
 * Yields batches of recorded events; the first bad line rejects with `NdjsonLineError` (file, line, field,
 * reason), unless `skipInvalid`. Blank lines are ignored.
 */
export async function* readNdjson(
  from: string | NodeJS.ReadableStream,
  options: ReadNdjsonOptions = {},
): AsyncGenerator<readonly RecordedEvent[]> {
  const file = options.file ?? (typeof from === 'string' ? from : 'ndjson')
  const batchSize = Math.max(1, options.batchSize ?? 4096)
  const checkOrder = orderChecker(file)
  let batch: RecordedEvent[] = []
  let line = 0
  for await (const text of linesOf(chunksOf(from))) {
    line++
    if (text.trim() === '') continue
    try {
      const event = parseNdjsonLine(text, file, line)
      checkOrder(event, line)
      batch.push(event)
    } catch (e) {
      if (!(e instanceof NdjsonLineError) || options.skipInvalid !== true) throw e
      options.onSkipped?.({ line: e.line, path: e.path, reason: e.reason })
      continue
    }
    if (batch.length >= batchSize) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

/** An NDJSON file as a rebuild source: `rebuildProjections(ndjsonSource('events.ndjson'), processors)`. */
export const ndjsonSource =
  (file: string, options: ReadNdjsonOptions = {}): NdjsonBatches =>
  () =>
    readNdjson(file, options)
