import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { once } from 'node:events'
import type { EventStore, ReadAllOptions } from '@journeykit/core'
import { toNdjsonLine } from './line.js'

export interface ExportNdjsonOptions {
  readonly filter?: ReadAllOptions['filter']
  /** Events read per batch. Default 4096. */
  readonly batchSize?: number
  /** Called after each batch with the number of events written so far. */
  readonly onProgress?: (eventsWritten: number) => void
}

export interface ExportNdjsonReport {
  readonly events: number
  readonly bytes: number
  readonly lastPosition: bigint | undefined
}

const writeAll = async (
  store: EventStore,
  out: NodeJS.WritableStream,
  options: ExportNdjsonOptions,
): Promise<ExportNdjsonReport> => {
  let events = 0
  let bytes = 0
  let lastPosition: bigint | undefined
  const read = store.readAll({
    batchSize: options.batchSize ?? 4096,
    ...(options.filter === undefined ? {} : { filter: options.filter }),
  })
  for await (const batch of read) {
    let text = ''
    for (const event of batch) text += toNdjsonLine(event) + '\n'
    bytes += Buffer.byteLength(text)
    events += batch.length
    lastPosition = batch[batch.length - 1]?.position ?? lastPosition
    if (text !== '' && !out.write(text)) await once(out, 'drain')
    options.onProgress?.(events)
  }
  return { events, bytes, lastPosition }
}

/**
 * Writes the store's whole history (or the filtered part) as NDJSON, one event per line in global order,
 * streaming with backpressure. To a path, it writes a temporary file beside it and renames it when complete:
 * a failed export never leaves a half-written file under the name asked for.
 */
export const exportNdjson = async (
  store: EventStore,
  to: string | NodeJS.WritableStream,
  options: ExportNdjsonOptions = {},
): Promise<ExportNdjsonReport> => {
  if (typeof to !== 'string') return writeAll(store, to, options)
  const temporary = `${to}.${process.pid}.partial`
  const out = createWriteStream(temporary)
  // Errors surface through the awaited `once(...)` calls (they reject on 'error'); this keeps a late one
  // (after destroy) from becoming an unhandled event.
  out.on('error', () => undefined)
  try {
    await once(out, 'open')
    const report = await writeAll(store, out, options)
    out.end()
    await once(out, 'finish')
    await rename(temporary, to)
    return report
  } catch (e) {
    out.destroy()
    await rm(temporary, { force: true })
    throw e
  }
}
