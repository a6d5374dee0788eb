import * as commerce from './commerce.js'
import * as contacts from './contacts.js'
import type { EventDefinition } from './define.js'
import * as identity from './identity.js'
import * as marketing from './marketing.js'

const { OrderLine: _orderLine, ...commerceEvents } = commerce

/** Every event type journeykit knows, by name. The single source of truth for codecs, types and docs. */
export const catalogue = {
  ...identity,
  ...contacts,
  ...commerceEvents,
  ...marketing,
} as const

type Catalogue = typeof catalogue
export type EventType = keyof Catalogue
export type EventData<K extends EventType> = Catalogue[K] extends EventDefinition<string, infer D> ? D : never

/** Every event type, in alphabetical order. */
export const eventTypes: readonly EventType[] = Object.freeze(
  Object.keys(catalogue)
    .filter((k): k is EventType => isEventType(k))
    .sort(),
)

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(catalogue, type)
}

export const definitionOf = (type: EventType): EventDefinition => catalogue[type]

/** The schema version written today for each event type. */
export const currentSchemaVersion = (type: EventType): number => catalogue[type].schemaVersion
