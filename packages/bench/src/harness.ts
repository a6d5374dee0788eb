/** One line of benchmark output. `ratio` is always against `baseline`, measured in the same run. */
export interface BenchResult {
  readonly name: string
  readonly events: number
  readonly eventsPerSec: number
  readonly bytesPerEvent?: number
  readonly peakRssMB?: number
  readonly ratio?: number
  readonly baseline?: string
  readonly note?: string
  readonly [extra: string]: unknown
}

export interface BenchContext {
  /** A smaller run (CI smoke test of the benchmark code itself); figures from it are not reported. */
  readonly quick: boolean
  /** Progress and remarks, to stderr. */
  readonly log: (line: string) => void
}

export interface Bench {
  readonly name: string
  readonly description: string
  /** A diagnostic run for profiling (runs only when named with `--only`, not in the default suite). */
  readonly diagnostic?: boolean
  readonly run: (context: BenchContext) => Promise<readonly BenchResult[]>
}

/** Runs `gc()` when node was started with --expose-gc (the bench script does), so heap figures are settled. */
export const settleHeap = (): void => {
  const gc: unknown = Reflect.get(globalThis, 'gc')
  if (typeof gc === 'function') {
    gc()
    gc()
  }
}

export const heapUsed = (): number => {
  settleHeap()
  return process.memoryUsage().heapUsed
}

/** Tracks the peak resident set size while `work` runs, sampling every 20 ms. */
export const withPeakRss = async <T>(work: () => Promise<T>): Promise<{ result: T; peakRssMB: number }> => {
  let peak = process.memoryUsage.rss()
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 20)
  try {
    const result = await work()
    peak = Math.max(peak, process.memoryUsage.rss())
    return { result, peakRssMB: Math.round(peak / 1024 / 1024) }
  } finally {
    clearInterval(timer)
  }
}

export const rate = (events: number, ms: number): number => Math.round(events / (ms / 1000))
