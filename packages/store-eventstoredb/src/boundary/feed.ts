import type { Readable } from 'node:stream'
import type { Feed } from './connection.js'

/** Items buffered before the client stream is paused (HTTP/2 flow control then holds the server back). */
export const DEFAULT_READ_AHEAD = 2048

/**
 * A `Feed` over a client's object-mode Readable. Items arrive by 'data' events into a buffer; past `highWater`
 * items the stream is paused until the consumer has taken them, so the consumer's pace is the stream's pace.
 * Items received before a failure are delivered before the failure is thrown.
 */
export const readableFeed = <T>(
  stream: Readable,
  convert: (chunk: unknown) => T | undefined,
  convertError: (e: unknown) => Error,
  cancel: () => Promise<void>,
  highWater = DEFAULT_READ_AHEAD,
): Feed<T> => {
  let buffer: T[] = []
  let failure: { readonly error: unknown } | undefined
  let ended = false
  let closed = false
  let wake: (() => void) | undefined
  const signal = () => {
    const w = wake
    wake = undefined
    w?.()
  }
  stream.on('data', (chunk: unknown) => {
    const item = convert(chunk)
    if (item === undefined) return
    buffer.push(item)
    if (buffer.length >= highWater) stream.pause()
    signal()
  })
  stream.on('end', () => {
    ended = true
    signal()
  })
  stream.on('close', () => {
    ended = true
    signal()
  })
  stream.on('error', (error: unknown) => {
    failure ??= { error }
    signal()
  })

  const take = (max: number): T[] => {
    if (buffer.length <= max) {
      const out = buffer
      buffer = []
      return out
    }
    return buffer.splice(0, max)
  }

  const next = async (max: number, wait: boolean): Promise<readonly T[] | undefined> => {
    for (;;) {
      if (buffer.length > 0) {
        const items = take(max)
        if (stream.isPaused() && buffer.length < highWater / 2 && !closed) stream.resume()
        return items
      }
      if (failure !== undefined) throw convertError(failure.error)
      if (ended || closed) return undefined
      if (stream.isPaused()) stream.resume()
      if (!wait) return []
      await new Promise<void>((resolve) => {
        wake = resolve
      })
    }
  }

  return {
    next,
    close: async () => {
      if (closed) return
      closed = true
      buffer = []
      if (!ended && !stream.destroyed) await cancel().catch(() => undefined)
      signal()
    },
  }
}
