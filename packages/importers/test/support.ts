import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CommandName, CustomerCommand, CustomerState, JourneyEvent } from '@journeykit/core'
import {
  commandEventTypes,
  commandNames,
  customerDecider,
  definitionOf,
  isJourneyEvent,
  toEpochMs,
} from '@journeykit/core'

/** A temporary folder with the given files; `remove()` deletes it. */
export const fixtureDir = (files: Readonly<Record<string, string>>): { dir: string; remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), 'journeykit-importers-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

interface CommandCandidate {
  readonly type: CommandName
  readonly customerId: string
  readonly occurredAt: string
  readonly data: unknown
}

/** A command whose data is valid for the event type its name records (checked by that type's codec). */
const isCustomerCommand = (c: CommandCandidate): c is CustomerCommand =>
  definitionOf(commandEventTypes[c.type]).codec.is(c.data)

const commandRecording = new Map<string, CommandName>(
  commandNames.map((name) => [commandEventTypes[name], name]),
)

/** The command that records `event`, found through core's `commandEventTypes`. */
export const commandFor = (event: JourneyEvent): CustomerCommand => {
  const type = commandRecording.get(event.type)
  if (type === undefined) throw new Error(`no command records ${event.type}`)
  const command = { type, customerId: event.customerId, occurredAt: event.occurredAt, data: event.data }
  if (!isCustomerCommand(command)) throw new Error(`the data of ${event.type} ${event.id} is not valid`)
  return command
}

/**
 * Replays the events through the customer decider, per customer, each as the command that records it;
 * returns a line per event the decider refused (none for a possible history) and per invalid event.
 */
export const refusalsOf = (events: Iterable<JourneyEvent>): string[] => {
  const states = new Map<string, CustomerState>()
  const problems: string[] = []
  for (const event of events) {
    const label = `${event.type} ${event.id}`
    if (!isJourneyEvent(event)) {
      problems.push(`${label} is not a valid journey event`)
      continue
    }
    const state = states.get(event.customerId) ?? customerDecider.initialState()
    const decision = customerDecider.decide(commandFor(event), state)
    if (decision._tag === 'Left') problems.push(`${event.occurredAt} ${decision.left.message}`)
    else {
      // evolve is an immer recipe; on this unfrozen state, owned here alone, it simply mutates it
      for (const f of decision.right) customerDecider.evolve(state, f)
      states.set(event.customerId, state)
    }
  }
  return problems
}

/** Events out of business-time order (by their instants), described; none when they are in order. */
export const outOfOrder = (events: readonly JourneyEvent[]): string[] => {
  const problems: string[] = []
  for (let i = 1; i < events.length; i++) {
    const [a, b] = [events[i - 1], events[i]]
    if (a !== undefined && b !== undefined && toEpochMs(b.occurredAt) < toEpochMs(a.occurredAt))
      problems.push(`${b.type} at ${b.occurredAt} comes after ${a.type} at ${a.occurredAt}`)
  }
  return problems
}

/** Events by customer, in their order. */
export const byCustomer = (events: readonly JourneyEvent[]): Map<string, JourneyEvent[]> => {
  const map = new Map<string, JourneyEvent[]>()
  for (const e of events) {
    const list = map.get(e.customerId)
    if (list === undefined) map.set(e.customerId, [e])
    else list.push(e)
  }
  return map
}
