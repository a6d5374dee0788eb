import type { EventType, JourneyEvent } from '@journeykit/core'
import {
  DEFAULT_MAX_EVENT_BYTES,
  definitionOf,
  eventTypes,
  isCurrencyCode,
  isJourneyEvent,
} from '@journeykit/core'
import fc from 'fast-check'
import { printable } from './run.js'
import { anyEventArb, eventOfTypeArb } from './events.js'
import type { PayloadNode } from './payload-nodes.js'
import { jsonType, payloadNodes, withValueAt } from './payload-nodes.js'

/** How a payload was made invalid. */
export type InvalidPayloadKind =
  | 'wrong-json-type'
  | 'missing-field'
  | 'negative-money'
  | 'fractional-money'
  | 'unknown-currency'
  | 'impossible-date'
  | 'unknown-enum-value'
  | 'unknown-type'
  | 'bad-schema-version'
  | 'oversize'
  | 'not-an-object'
  | 'random-json'
  | 'random-envelope'

export const invalidPayloadKinds: readonly InvalidPayloadKind[] = [
  'wrong-json-type',
  'missing-field',
  'negative-money',
  'fractional-money',
  'unknown-currency',
  'impossible-date',
  'unknown-enum-value',
  'unknown-type',
  'bad-schema-version',
  'oversize',
  'not-an-object',
  'random-json',
  'random-envelope',
]

/** An invalid event payload for fuzzing decoders, and what a decoder must say about it. */
export interface InvalidPayload {
  readonly kind: InvalidPayloadKind
  readonly payload: unknown
  /** The field path the decoder must name (`data.amount`, `(root)`); undefined for random input. */
  readonly path: string | undefined
  /** What was broken, for failure messages: `data.amount set to -5`. */
  readonly description: string
}

const invalid = (kind: InvalidPayloadKind, payload: unknown, path: string | undefined, description: string) =>
  printable<InvalidPayload>({ kind, payload, path, description }, (p) => `${p.kind}: ${p.description}`)

const typesWith = (test: (codec: string | undefined, values: boolean) => boolean): EventType[] =>
  eventTypes.filter((type) =>
    Object.values(definitionOf(type).required).some(([codec]) => test(codec.name, 'values' in codec)),
  )

/** Breaks one node chosen by `pick` among those `select` accepts, with the value `replace` gives for it. */
const mutateNode = (
  kind: InvalidPayloadKind,
  events: fc.Arbitrary<JourneyEvent>,
  select: (node: PayloadNode) => boolean,
  replacement: fc.Arbitrary<(node: PayloadNode) => unknown>,
) =>
  fc.tuple(events, fc.nat(), replacement).map(([event, pick, replace]) => {
    const nodes = payloadNodes(event).filter(select)
    const node = nodes[pick % Math.max(1, nodes.length)]
    const json: unknown = JSON.parse(JSON.stringify(event))
    if (node === undefined) return invalid('not-an-object', [json], '(root)', 'the event wrapped in an array')
    const value = replace(node)
    const payload = withValueAt(json, node.segments, value)
    return invalid(kind, payload, node.path, `${node.path} set to ${JSON.stringify(value)}`)
  })

const eventsOf = (types: readonly EventType[]) => fc.oneof(...types.map((t) => eventOfTypeArb(t)))
const isMoney = (n: PayloadNode) => n.codec === 'MinorUnits'
const dateCodecs = new Set(['CalendarDate', 'Instant', 'BusinessTime'])

const impossibleDates = ['2023-02-29', '2024-02-30', '2024-04-31', '2024-13-01', '2024-00-10', '2024-06-00']
const impossibleInstants = [
  '2024-04-31T10:00:00Z',
  '2024-05-01T24:00:00Z',
  '2024-05-01T10:60:00Z',
  '2023-02-29T08:00:00+01:00',
  '2024-05-01T10:00:00+25:00',
  '2024-05-01 10:00:00',
]

const wrongValues: readonly unknown[] = [42, 'text', true, null, [], {}, -1.5]

const kindArbs = (maxBytes: number): Record<InvalidPayloadKind, fc.Arbitrary<InvalidPayload>> => ({
  'wrong-json-type': mutateNode(
    'wrong-json-type',
    anyEventArb(),
    () => true,
    fc.nat().map((i) => (node: PayloadNode) => {
      const candidates = wrongValues.filter((v) => jsonType(v) !== jsonType(node.value))
      return candidates[i % candidates.length]
    }),
  ),
  'missing-field': fc.tuple(anyEventArb(), fc.nat()).map(([event, pick]) => {
    const nodes = payloadNodes(event).filter((n) => n.required)
    const node = nodes[pick % nodes.length] ?? { segments: ['id'], path: 'id' }
    return invalid(
      'missing-field',
      withValueAt(JSON.parse(JSON.stringify(event)), node.segments, undefined, true),
      node.path,
      `${node.path} removed`,
    )
  }),
  'negative-money': mutateNode(
    'negative-money',
    eventsOf(typesWith((c) => c === 'MinorUnits')),
    isMoney,
    fc.integer({ min: 1, max: 1_000_000 }).map((n) => () => -n),
  ),
  'fractional-money': mutateNode(
    'fractional-money',
    eventsOf(typesWith((c) => c === 'MinorUnits')),
    isMoney,
    fc.tuple(fc.nat({ max: 100_000 }), fc.constantFrom(0.5, 0.25, 0.01, 0.1, 2 ** 53)).map(
      ([n, f]) =>
        () =>
          n + f,
    ),
  ),
  'unknown-currency': mutateNode(
    'unknown-currency',
    eventsOf(typesWith((c) => c === 'CurrencyCode')),
    (n) => n.codec === 'CurrencyCode',
    fc
      .constantFrom('EURO', 'eur', 'XXY', 'BTC', 'US$', '', 'E U R', 'ZZZ')
      .filter((c) => !isCurrencyCode(c))
      .map((c) => () => c),
  ),
  'impossible-date': mutateNode(
    'impossible-date',
    anyEventArb(),
    (n) => n.codec !== undefined && dateCodecs.has(n.codec),
    fc.nat().map((i) => (node: PayloadNode) => {
      const pool =
        node.codec === 'CalendarDate'
          ? impossibleDates
          : node.codec === 'Instant'
            ? impossibleInstants
            : [...impossibleDates, ...impossibleInstants]
      return pool[i % pool.length]
    }),
  ),
  'unknown-enum-value': mutateNode(
    'unknown-enum-value',
    eventsOf(typesWith((_, values) => values)),
    (n) => n.values !== undefined,
    fc
      .constantFrom('pigeon', 'WEB', 'carrier pigeon', '', 'Phone ')
      .map((v) => (node: PayloadNode) => (node.values?.includes(v) ? `${v}-x` : v)),
  ),
  'unknown-type': mutateNode(
    'unknown-type',
    anyEventArb(),
    (n) => n.path === 'type',
    fc
      .constantFrom('OrderTeleported', 'orderPlaced', 'Order Placed', '__proto__', 'toString', 'constructor')
      .map((v) => () => v),
  ),
  'bad-schema-version': mutateNode(
    'bad-schema-version',
    anyEventArb(),
    (n) => n.path === 'schemaVersion',
    fc
      .oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(-1, 0, 1.5))
      .map(
        (v) => (node: PayloadNode) =>
          Number.isInteger(v) && v > 0 ? (typeof node.value === 'number' ? node.value : 1) + v : v,
      ),
  ),
  oversize: fc
    .tuple(anyEventArb(), fc.nat({ max: 1000 }))
    .map(([event, extra]) =>
      invalid(
        'oversize',
        { ...event, data: { ...event.data, padding: 'x'.repeat(maxBytes + extra) } },
        '(root)',
        `padded over ${maxBytes} bytes`,
      ),
    ),
  'not-an-object': fc
    .oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.jsonValue({ maxDepth: 1 })),
    )
    .map((payload) => invalid('not-an-object', payload, '(root)', `a ${jsonType(payload)}`)),
  'random-json': fc
    .jsonValue({ maxDepth: 3 })
    .filter((payload) => !isJourneyEvent(payload))
    .map((payload) => invalid('random-json', payload, undefined, `random JSON (${jsonType(payload)})`)),
  'random-envelope': fc
    .record(
      {
        id: fc.oneof(fc.uuid(), fc.jsonValue({ maxDepth: 1 })),
        type: fc.oneof(fc.constantFrom(...eventTypes), fc.string()),
        streamId: fc.oneof(fc.constant('customer-c1'), fc.jsonValue({ maxDepth: 1 })),
        customerId: fc.oneof(fc.constant('c1'), fc.jsonValue({ maxDepth: 1 })),
        occurredAt: fc.oneof(fc.constant('2024-05-01'), fc.string()),
        recordedAt: fc.oneof(fc.constant('2024-05-01T10:00:00Z'), fc.string()),
        schemaVersion: fc.oneof(fc.constant(1), fc.jsonValue({ maxDepth: 0 })),
        data: fc.oneof(
          fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })),
          fc.jsonValue({ maxDepth: 1 }),
        ),
      },
      { requiredKeys: [] },
    )
    .filter((payload) => !isJourneyEvent(payload))
    .map((payload) => invalid('random-envelope', payload, undefined, 'an envelope of random values')),
})

export interface InvalidPayloadOptions {
  /** Only these kinds of breakage (default: all). */
  readonly kinds?: readonly InvalidPayloadKind[]
  /** The size limit the decoder enforces (for `oversize`); default decode's 64 KiB. */
  readonly maxBytes?: number
}

/**
 * Invalid event payloads for fuzzing decoders: valid events with one field broken (wrong JSON type, missing
 * required field, negative or fractional money, unknown currency, impossible date, unknown enum value, unknown
 * type, bad schema version), oversize payloads, and random JSON. Each says which field path a decoder must
 * name, when one field was broken.
 */
export const invalidPayloadArb = (options: InvalidPayloadOptions = {}): fc.Arbitrary<InvalidPayload> => {
  const arbs = kindArbs(options.maxBytes ?? DEFAULT_MAX_EVENT_BYTES)
  const kinds = options.kinds ?? invalidPayloadKinds
  if (kinds.length === 0) throw new Error('invalidPayloadArb: kinds must not be empty')
  return fc.oneof(...kinds.map((kind) => arbs[kind]))
}
