/** What a long job reports: events done, total when known. */
export interface ProgressReport {
  readonly done: number
  readonly total: number | undefined
}

const formatRate = (perSec: number): string =>
  perSec >= 1_000_000
    ? `${(perSec / 1_000_000).toFixed(2)}M/s`
    : perSec >= 1000
      ? `${(perSec / 1000).toFixed(0)}k/s`
      : `${perSec.toFixed(0)}/s`

const formatSeconds = (s: number): string =>
  s >= 60 ? `${Math.floor(s / 60)}m${Math.round(s % 60)}s` : `${s.toFixed(1)}s`

/**
 * A progress bar on stderr: redrawn in place on a terminal, a line every few seconds otherwise (logs, CI).
 * Reading the clock here is for the human watching; projections never see it.
 */
export const progressBar = (
  label: string,
  stream: { write(text: string): unknown; readonly isTTY?: boolean } = process.stderr,
  now: () => number = () => performance.now(),
) => {
  const started = now()
  let lastDraw = -Infinity
  const tty = stream.isTTY === true
  const line = ({ done, total }: ProgressReport): string => {
    const elapsed = (now() - started) / 1000
    const rate = elapsed > 0 ? done / elapsed : 0
    if (total === undefined || total === 0)
      return `${label} ${done.toLocaleString('en-US')} events ${formatRate(rate)}`
    const fraction = Math.min(1, done / total)
    const width = 24
    const filled = Math.round(fraction * width)
    const eta = rate > 0 ? (total - done) / rate : 0
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${formatRate(rate)} ETA ${formatSeconds(eta)}`
  }
  return {
    update: (report: ProgressReport): void => {
      const t = now()
      if (t - lastDraw < (tty ? 100 : 5000)) return
      lastDraw = t
      stream.write(tty ? `\r${line(report)}\u001b[K` : `${line(report)}\n`)
    },
    done: (report: ProgressReport): void => {
      const elapsed = (now() - started) / 1000
      const final = `${line({ done: report.done, total: report.total ?? report.done })} in ${formatSeconds(elapsed)}`
      stream.write(tty ? `\r${final}\u001b[K\n` : `${final}\n`)
    },
  }
}
