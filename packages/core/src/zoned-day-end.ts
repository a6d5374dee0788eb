import { DAY_MS } from './time-constants.js'
import { deadlineMs, toEpochMs, zoneOffsetMs } from './time.js'

/** Probe instants: 09:00 UTC of each day. */
const PROBE_MS = 9 * 3_600_000
/** Zone offsets at the probe instants, by zone and day number (bounded per zone). */
const probesByZone = new Map<string, Map<number, number>>()
const PROBES_PER_ZONE_LIMIT = 40_000
/**
 * Ends of the days near a transition, by zone and day number: core's exact search costs tens of microseconds,
 * and a history promises deliveries for the same few days around each transition again and again.
 */
const nearTransitionByZone = new Map<string, Map<number, number>>()

const offsetFormats = new Map<string, Intl.DateTimeFormat>()
const GMT_OFFSET = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/

/**
 * The offset of `zone` from UTC at `ms`, as `zoneOffsetMs` of core computes it, from the zone's `longOffset` name
 * ("GMT+02:00"): one `format` instead of `formatToParts` (several times faster). Anything unexpected goes to core.
 */
const offsetAt = (zone: string, ms: number): number => {
  let format = offsetFormats.get(zone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    offsetFormats.set(zone, format)
  }
  const match = GMT_OFFSET.exec(format.format(ms))
  if (match === null) return zoneOffsetMs(zone, ms)
  const [, sign, hours = '0', minutes = '0', seconds = '0'] = match
  const offset = Number(hours) * 3_600_000 + Number(minutes) * 60_000 + Number(seconds) * 1000
  return sign === '-' ? -offset : offset
}

const probe = (zone: string, probes: Map<number, number>, day: number): number => {
  let offset = probes.get(day)
  if (offset === undefined) {
    offset = offsetAt(zone, day * DAY_MS + PROBE_MS)
    if (probes.size >= PROBES_PER_ZONE_LIMIT) probes.clear()
    probes.set(day, offset)
  }
  return offset
}

/**
 * The end of calendar day `date` in `zone`: exactly `deadlineMs(date, zone)` of core, several times cheaper.
 * The day ends at the next day's local midnight, which lies within 14 hours of that day's UTC midnight. When the
 * zone's offset is the same at 09:00 UTC the day before, of and after that midnight (no transition in between;
 * zones change offset at most once in 24 hours), local midnight is that UTC midnight less the offset. Otherwise
 * (a transition near midnight) core's exact search decides, once per zone and day. Offsets are memoized per zone
 * and day, so a history spanning N days costs about N offset look-ups per zone instead of several per distinct
 * promised day.
 */
export const zonedDayEndMs = (date: string, zone: string): number => {
  const nextMidnight = toEpochMs(date) + DAY_MS
  const day = nextMidnight / DAY_MS
  if (!Number.isInteger(day)) return deadlineMs(date, zone)
  let probes = probesByZone.get(zone)
  if (probes === undefined) probesByZone.set(zone, (probes = new Map()))
  const offset = probe(zone, probes, day)
  if (probe(zone, probes, day - 1) === offset && probe(zone, probes, day + 1) === offset)
    return nextMidnight - offset
  let ends = nearTransitionByZone.get(zone)
  if (ends === undefined) nearTransitionByZone.set(zone, (ends = new Map()))
  let end = ends.get(day)
  if (end === undefined) {
    end = deadlineMs(date, zone)
    if (ends.size >= PROBES_PER_ZONE_LIMIT) ends.clear()
    ends.set(day, end)
  }
  return end
}
