import type { EventData, EventType, JourneyEvent } from '@journeykit/core'
import {
  currentSchemaVersion,
  customerStreamId,
  definitionOf,
  eventTypes,
  isEventOfType,
  isJourneyEvent,
} from '@journeykit/core'
import fc from 'fast-check'
import type * as t from 'io-ts'
import { arbitraryForCodec, idArb, instantArb } from './fields.js'

const fieldsArb = (specs: Readonly<Record<string, readonly [t.Mixed, string]>>, optional: boolean) => {
  const arbs = Object.fromEntries(
    Object.entries(specs).map(([name, [codec]]) => [name, arbitraryForCodec(codec)]),
  )
  return optional ? fc.record(arbs, { requiredKeys: [] }) : fc.record(arbs)
}

const dataArbCache = new Map<EventType, fc.Arbitrary<unknown>>()

/** Valid data of one event type (cross-field rules included). */
export const eventDataArb = <K extends EventType>(type: K): fc.Arbitrary<EventData<K>> => {
  let arb = dataArbCache.get(type)
  if (arb === undefined) {
    const definition = definitionOf(type)
    arb = fc
      .tuple(fieldsArb(definition.required, false), fieldsArb(definition.optional, true))
      .map(([required, optional]) => ({ ...required, ...optional }))
    dataArbCache.set(type, arb)
  }
  const codec = definitionOf(type).codec
  return arb.filter((d): d is EventData<K> => codec.is(d))
}

export interface EnvelopeOverrides {
  readonly customerId?: fc.Arbitrary<string>
  readonly occurredAt?: fc.Arbitrary<string>
}

/** A valid event of one type, with a valid envelope (UUID v7 id, the customer's stream, current schema version). */
export const eventOfTypeArb = <K extends EventType>(
  type: K,
  overrides: EnvelopeOverrides = {},
): fc.Arbitrary<JourneyEvent<K>> => {
  const candidate: fc.Arbitrary<unknown> = fc
    .record({
      id: fc.uuid({ version: 7 }),
      customerId: overrides.customerId ?? idArb,
      occurredAt:
        overrides.occurredAt ??
        fc.oneof(
          instantArb,
          instantArb.map((s) => s.slice(0, 10)),
        ),
      recordedAt: instantArb,
      data: eventDataArb(type),
      metadata: fc.option(
        fc.record(
          {
            correlationId: idArb,
            causationId: idArb,
            actor: fc.constantFrom('agent-7', 'crm-sync'),
            sourceSystem: fc.constantFrom('erp', 'crm'),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ),
    })
    .map(({ metadata, ...rest }) => ({
      ...rest,
      type,
      streamId: customerStreamId(rest.customerId),
      schemaVersion: currentSchemaVersion(type),
      ...(metadata === undefined ? {} : { metadata }),
    }))
  return candidate.filter((e): e is JourneyEvent<K> => isEventOfType(type, e))
}

/** Any valid event of any type in the catalogue. */
export const anyEventArb = (overrides: EnvelopeOverrides = {}): fc.Arbitrary<JourneyEvent> =>
  fc.oneof(...eventTypes.map((type) => eventOfTypeArb(type, overrides))).filter(isJourneyEvent)
