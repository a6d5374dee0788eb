import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { once } from 'node:events'
import type { JourneyEvent } from '@journeykit/core'
import { recordedEvent } from '@journeykit/core'
import { toNdjsonLine } from '@journeykit/store-memory'

/**
 * Writes events as an NDJSON history without holding them: global positions as the memory store gives them
 * (128, then steps of 16), revisions counted per stream. Streams through a temporary file renamed at the end,
 * so a failure never leaves a half-written file under the name asked for.
 */
export const writeHistory = async (
  events: Iterable<JourneyEvent> | AsyncIterable<JourneyEvent>,
  file: string,
  onProgress?: (written: number) => void,
): Promise<{ readonly events: number; readonly customers: number }> => {
  const temporary = `${file}.${process.pid}.partial`
  const out = createWriteStream(temporary)
  out.on('error', () => undefined) // surfaced by the awaited `once` calls
  const revisions = new Map<string, bigint>()
  let position = 128n
  let written = 0
  let text = ''
  try {
    await once(out, 'open')
    for await (const event of events) {
      const revision = revisions.get(event.streamId) ?? 0n
      revisions.set(event.streamId, revision + 1n)
      text += toNdjsonLine(recordedEvent(event, position, revision)) + '\n'
      position += 16n
      written++
      if (text.length >= 1 << 20) {
        if (!out.write(text)) await once(out, 'drain')
        text = ''
        onProgress?.(written)
      }
    }
    out.end(text)
    await once(out, 'finish')
    await rename(temporary, file)
    return { events: written, customers: revisions.size }
  } catch (e) {
    out.destroy()
    await rm(temporary, { force: true })
    throw e
  }
}
