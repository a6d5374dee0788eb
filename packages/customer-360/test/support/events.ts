import type { EventData, EventType, JourneyEvent } from '@journeykit/core'
import { currentSchemaVersion, customerStreamId, isEventOfType } from '@journeykit/core'
import { foldProjection } from '@journeykit/projections'
import type { Customer360OptionsInput, Customer360State } from '../../src/index.js'
import { customer360Projection } from '../../src/index.js'
import { recordEvents } from './testing.js'

let sequence = 0

/** A valid event of `type` for `customerId` (default `c1`), checked against the catalogue. */
export const event = <K extends EventType>(
  type: K,
  data: EventData<K>,
  occurredAt: string,
  customerId = 'c1',
): JourneyEvent<K> => {
  const candidate = {
    id: `00000000-0000-7000-8000-${String(++sequence).padStart(12, '0')}`,
    type,
    streamId: customerStreamId(customerId),
    customerId,
    occurredAt,
    recordedAt: '2030-01-01T00:00:00Z',
    schemaVersion: currentSchemaVersion(type),
    data,
  }
  if (!isEventOfType(type, candidate))
    throw new Error(`invalid test event ${type}: ${JSON.stringify(candidate)}`)
  return candidate
}

/** Folds events (given store positions in the order given) with the customer 360 projection. */
export const foldAll = (events: readonly JourneyEvent[], options: Customer360OptionsInput = {}) => {
  const projection = customer360Projection(options)
  return { projection, state: foldProjection(projection, recordEvents(events)) }
}

/** The state of one customer after the events. */
export const stateOf = (
  events: readonly JourneyEvent[],
  customerId = 'c1',
  options: Customer360OptionsInput = {},
): Customer360State => {
  const state = foldAll(events, options).state.partitions.get(customerId)
  if (state === undefined) throw new Error(`no state for ${customerId}`)
  return state
}

export const registered = (occurredAt = '2024-01-01T00:00:00Z', customerId = 'c1', segment?: string) =>
  event(
    'CustomerRegistered',
    { kind: 'person', name: 'Ada Lovelace', country: 'DE', ...(segment === undefined ? {} : { segment }) },
    occurredAt,
    customerId,
  )

export const order = (
  orderId: string,
  amount: number,
  occurredAt: string,
  customerId = 'c1',
  currency = 'EUR',
) =>
  event(
    'OrderPlaced',
    { orderId, currency, amount, lines: [{ sku: 'sku-1', quantity: 1, unitPrice: amount }], channel: 'web' },
    occurredAt,
    customerId,
  )
