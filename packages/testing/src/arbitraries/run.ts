import type {
  CustomerCommand,
  CustomerKind,
  CustomerState,
  DomainError,
  JourneyEvent,
} from '@journeykit/core'
import { customerDecider, customerStreamId, foldState, stamp, toEpochMs } from '@journeykit/core'
import fc from 'fast-check'
import { formatCommand, formatJourney } from '../specification/format.js'
import { instantOf } from './command.js'
import type { JourneyModel } from './model.js'
import { applyToModel, emptyModel } from './model.js'

/** A command the decider refused although the generator's model considered it valid. */
export interface Disagreement {
  readonly command: CustomerCommand
  readonly error: DomainError
}

/**
 * A generated customer journey: the commands that were accepted and the events they caused, in order. The
 * events are a valid history by construction (each came out of the customer decider). Printed by fast-check
 * (and `String(journey)`) as one event per line.
 */
export interface Journey {
  readonly customerId: string
  readonly commands: readonly CustomerCommand[]
  readonly events: readonly JourneyEvent[]
  /** Always empty unless the decider and the generator's model disagree, which is a bug in one of them. */
  readonly refused: readonly Disagreement[]
}

/** Who the customer is and when the journey starts. */
export interface JourneyHeader {
  readonly customerId: string
  readonly kind: CustomerKind
  readonly name: string
  readonly country: string
  readonly currency: string
  readonly startMs: number
}

const fnv1a = (s: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0
  return h
}

/** A deterministic UUID v7 for the n-th event of a customer (time-ordered, unique per customer and n). */
export const journeyEventId = (customerId: string, n: number, atMs: number): string => {
  const time = Math.max(0, Math.floor(atMs)).toString(16).padStart(12, '0').slice(-12)
  const hash = fnv1a(customerId).toString(16).padStart(8, '0')
  const salt = fnv1a(`${customerId}#`).toString(16).padStart(8, '0')
  const counter = (n % 0x10000).toString(16).padStart(4, '0')
  return `${time.slice(0, 8)}-${time.slice(8)}-7${salt.slice(0, 3)}-${(8 + (n % 4)).toString(16)}${salt.slice(3, 6)}-${hash}${counter}`
}

/** A journey being built: submit commands; each accepted one adds its events to the history and the model. */
export interface JourneyRun {
  readonly model: JourneyModel
  readonly commands: CustomerCommand[]
  readonly events: JourneyEvent[]
  readonly refused: Disagreement[]
  state: CustomerState
  /** Decides `command`; records its events when accepted. Returns whether it was. */
  submit(command: CustomerCommand | undefined): boolean
}

export const startJourney = (header: JourneyHeader, register = true): JourneyRun => {
  const model = emptyModel(header.customerId, header.currency, header.startMs)
  const run: JourneyRun = {
    model,
    commands: [],
    events: [],
    refused: [],
    state: customerDecider.initialState(),
    submit(command) {
      if (command === undefined) return false
      const decision = customerDecider.decide(command, run.state)
      if (decision._tag === 'Left') {
        run.refused.push({ command, error: decision.left })
        return false
      }
      const streamId = customerStreamId(command.customerId)
      for (const f of decision.right) {
        const atMs = toEpochMs(f.occurredAt)
        const event = stamp(f, streamId, command, {
          newId: () => journeyEventId(command.customerId, run.events.length, atMs),
          clock: () => new Date(atMs + 1000),
        })
        run.events.push(event)
        applyToModel(model, event)
      }
      run.state = foldState(customerDecider, decision.right, run.state)
      run.commands.push(command)
      return true
    },
  }
  if (register)
    run.submit({
      type: 'RegisterCustomer',
      customerId: header.customerId,
      occurredAt: instantOf(header.startMs),
      data: { kind: header.kind, name: header.name, country: header.country },
    })
  return run
}

/** Renders a journey for failure messages: a header line, then one event per line. */
export const describeJourney = (j: Journey): string => {
  const lines = [`journey of ${j.customerId} (${j.events.length} events):`, formatJourney(j.events)]
  for (const r of j.refused) lines.push(`  refused: ${formatCommand(r.command)} (${r.error.code})`)
  return lines.join('\n')
}

/** Attaches fast-check's toString hook (not enumerable, so equality checks ignore it). */
export const printable = <T extends object>(value: T, print: (value: T) => string): T => {
  Object.defineProperty(value, fc.toStringMethod, { value: () => print(value), enumerable: false })
  Object.defineProperty(value, 'toString', { value: () => print(value), enumerable: false })
  return value
}

/** The finished journey of a run. */
export const journeyOf = (run: JourneyRun): Journey =>
  printable(
    {
      customerId: run.model.customerId,
      commands: [...run.commands],
      events: [...run.events],
      refused: [...run.refused],
    },
    describeJourney,
  )
