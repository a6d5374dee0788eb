import fc from 'fast-check'
import { formatJourney, isEventLike } from './format.js'

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

const isEventList = (u: unknown): u is readonly unknown[] =>
  Array.isArray(u) && u.length > 0 && u.every(isEventLike)

/** The events inside a value: an array of events, or an object with an `events` array (a journey). */
const eventsIn = (value: unknown): readonly unknown[] | undefined => {
  if (isEventList(value)) return value
  if (isRecord(value) && isEventList(value['events'])) return value['events']
  return undefined
}

/**
 * The counterexample's journeys, one event per line: every argument that is a list of events or holds one
 * (`{ events }`). Arguments that already print themselves (the arbitraries of this package) are left to
 * fast-check's own message. Takes the tuple of arguments, or the record of `test.prop({ ... })`.
 */
export const describeCounterexample = (counterexample: unknown): string | undefined => {
  const entries: [string, unknown][] = Array.isArray(counterexample)
    ? counterexample.map((value: unknown, i) => [`argument ${i + 1}`, value])
    : isRecord(counterexample)
      ? Object.entries(counterexample)
      : []
  const parts: string[] = []
  for (const [label, value] of entries) {
    if (fc.hasToStringMethod(value)) continue
    const events = eventsIn(value)
    if (events !== undefined) parts.push(`${label}, ${events.length} events:\n${formatJourney(events)}`)
  }
  return parts.length === 0 ? undefined : parts.join('\n')
}

/** fast-check's failure report with the shrunk counterexample written as a readable journey. */
export const journeyReportMessage = <Ts>(details: fc.RunDetails<Ts>): string | undefined => {
  const base = fc.defaultReportMessage(details)
  if (base === undefined) return undefined
  const journeys = describeCounterexample(details.counterexample)
  return journeys === undefined
    ? base
    : `${base}\n\nCounterexample as a journey (one event per line):\n${journeys}`
}

/**
 * A fast-check `reporter` that fails with the counterexample written as a journey, one event per line.
 * Use it in `fc.assert(property, { reporter: journeyReporter })` or `test.prop(arbs, { reporter: journeyReporter })`.
 */
export const journeyReporter = <Ts>(details: fc.RunDetails<Ts>): void => {
  const message = journeyReportMessage(details)
  if (message === undefined) return
  throw new Error(message, { cause: details.errorInstance })
}

/**
 * Your fast-check parameters with `journeyReporter` added: `fc.assert(property, journeyParameters({ numRuns: 50 }))`
 * or `test.prop(arbitraries, journeyParameters())`.
 */
export function journeyParameters(): { readonly reporter: typeof journeyReporter }
export function journeyParameters<P extends object>(
  params: P,
): P & { readonly reporter: typeof journeyReporter }
export function journeyParameters(params: object = {}): { readonly reporter: typeof journeyReporter } {
  return { ...params, reporter: journeyReporter }
}

/** `fc.assert` that reports a failure's counterexample as a readable journey. */
export function assertJourneyProperty<Ts>(
  property: fc.IAsyncProperty<Ts>,
  params?: fc.Parameters<Ts>,
): Promise<void>
export function assertJourneyProperty<Ts>(property: fc.IProperty<Ts>, params?: fc.Parameters<Ts>): void
export function assertJourneyProperty<Ts>(
  property: fc.IRawProperty<Ts>,
  params: fc.Parameters<Ts> = {},
): Promise<void> | void {
  return fc.assert(property, journeyParameters(params))
}
