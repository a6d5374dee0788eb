import { isCalendarDate, isInstant } from '@journeykit/core'
import type { Parsed } from './args.js'
import { stringFlag } from './args.js'
import { usageError } from './cli-error.js'

/** The --as-of flag: a calendar date (the end of that day, UTC) or an instant with offset. */
export const asOfFlag = (parsed: Parsed, usage: string): string | undefined => {
  const raw = stringFlag(parsed, 'as-of')
  if (raw === undefined || isCalendarDate(raw) || isInstant(raw)) return raw
  throw usageError(
    `--as-of must be a date (2024-05-01) or an instant with offset (2024-05-01T09:30:00Z), got ${JSON.stringify(raw)}`,
    usage,
  )
}

/** The single positional argument a command takes (the NDJSON file), or a usage error. */
export const fileArgument = (parsed: Parsed, command: string, usage: string, extra = 0): string[] => {
  const args = parsed.positionals
  if (args.length === 0) throw usageError(`${command} needs the NDJSON file to read`, usage)
  if (args.length > 1 + extra)
    throw usageError(`unexpected argument ${JSON.stringify(args[1 + extra])}`, usage)
  return [...args]
}
