import { InvalidProjectionOption } from './errors.js'

/** How far a rebuild (or a runner's catch-up) has got. */
export interface RebuildProgress {
  /** Events read so far (every projection of the run sees each of them). */
  readonly done: number
  /** All events to read, when known (`total` option). */
  readonly total: number | undefined
  /** Average since the start. */
  readonly eventsPerSecond: number
  /** Seconds left at that rate, when the total is known. */
  readonly etaSeconds: number | undefined
  readonly elapsedSeconds: number
  /** Global position of the last event read. */
  readonly position: bigint | undefined
  /** True on the last report, when everything has been read. */
  readonly finished: boolean
}

export interface ProgressOptions {
  /**
   * Called every `progressEvery` events or so (after the batch that passes the mark, so at most once per batch),
   * and once at the end (`finished`).
   */
  readonly onProgress?: (progress: RebuildProgress) => void
  /** Events between two reports. Default 100,000. */
  readonly progressEvery?: number
  /** The number of events to read, when the caller knows it (for the ETA). */
  readonly total?: number
  /**
   * Milliseconds since any fixed origin; default `performance.now`. Only progress reporting reads it (rates,
   * ETA); projection state never sees a clock. Inject one in tests.
   */
  readonly clock?: () => number
}

export interface ProgressMeter {
  /** Counts a batch; reports when `progressEvery` events have passed since the last report. */
  readonly advance: (events: number, position: bigint | undefined) => void
  /** The final report. */
  readonly finish: () => RebuildProgress
}

export const positiveInteger = (option: string, value: number | undefined, fallback: number): number => {
  const n = value ?? fallback
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidProjectionOption(option, `must be a positive integer, got ${n}`)
  return n
}

export const progressMeter = (options: ProgressOptions): ProgressMeter => {
  const clock = options.clock ?? (() => performance.now())
  const every = positiveInteger('progressEvery', options.progressEvery, 100_000)
  const { onProgress, total } = options
  if (total !== undefined && (!Number.isInteger(total) || total < 0))
    throw new InvalidProjectionOption('total', `must be a non-negative integer, got ${total}`)
  const started = clock()
  let done = 0
  let reportedAt = 0
  let position: bigint | undefined

  const report = (finished: boolean): RebuildProgress => {
    const elapsedSeconds = Math.max(0, (clock() - started) / 1000)
    const eventsPerSecond = elapsedSeconds > 0 ? done / elapsedSeconds : 0
    const left = total === undefined ? undefined : Math.max(0, total - done)
    const etaSeconds =
      left === undefined
        ? undefined
        : finished || left === 0
          ? 0
          : eventsPerSecond > 0
            ? left / eventsPerSecond
            : undefined
    return { done, total, eventsPerSecond, etaSeconds, elapsedSeconds, position, finished }
  }

  return {
    advance: (events, at) => {
      done += events
      if (at !== undefined) position = at
      if (onProgress !== undefined && done - reportedAt >= every) {
        reportedAt = done
        onProgress(report(false))
      }
    },
    finish: () => {
      const final = report(true)
      onProgress?.(final)
      return final
    },
  }
}
