import type { JourneyEvent } from '@journeykit/core'
import { definitionOf } from '@journeykit/core'

/** A path into a JSON payload: object keys and array indexes. */
export type Segments = readonly (string | number)[]

/** One place in an event's JSON that a mutation can break, with what decoding expects there. */
export interface PayloadNode {
  readonly segments: Segments
  /** The path as `decode` names it: `data.lines[0].unitPrice`, `occurredAt`. */
  readonly path: string
  readonly value: unknown
  /** The codec's name (`MinorUnits`, `CalendarDate`, ...) when known. */
  readonly codec: string | undefined
  /** The allowed values, for enumerations. */
  readonly values: readonly string[] | undefined
  /** Whether removing it makes the payload invalid. */
  readonly required: boolean
}

export const pathOf = (segments: Segments): string =>
  segments.reduce<string>(
    (path, s) => (typeof s === 'number' ? `${path}[${s}]` : path === '' ? s : `${path}.${s}`),
    '',
  ) || '(root)'

const envelopeCodecs: Readonly<Record<string, string>> = {
  id: 'Uuid',
  type: 'EventType',
  streamId: 'Id',
  customerId: 'Id',
  occurredAt: 'BusinessTime',
  recordedAt: 'Instant',
  schemaVersion: 'PositiveInt',
  data: 'Data',
  metadata: 'EventMetadata',
}
const orderLineCodecs: Readonly<Record<string, string>> = {
  sku: 'Id',
  quantity: 'PositiveInt',
  unitPrice: 'MinorUnits',
}

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

const valuesOf = (codec: unknown): readonly string[] | undefined => {
  const values: unknown =
    typeof codec === 'object' && codec !== null ? Reflect.get(codec, 'values') : undefined
  return Array.isArray(values) ? values.map(String) : undefined
}

/** Every field of an event's JSON (envelope, data, order lines, metadata) with what decoding expects of it. */
export const payloadNodes = (event: JourneyEvent): PayloadNode[] => {
  const json: unknown = JSON.parse(JSON.stringify(event))
  if (!isRecord(json)) return []
  const nodes: PayloadNode[] = []
  const push = (
    segments: Segments,
    value: unknown,
    codec: string | undefined,
    required: boolean,
    values?: readonly string[],
  ) => nodes.push({ segments, path: pathOf(segments), value, codec, values, required })
  for (const [key, value] of Object.entries(json)) push([key], value, envelopeCodecs[key], key !== 'metadata')
  const metadata = json['metadata']
  if (isRecord(metadata))
    for (const [key, value] of Object.entries(metadata))
      push(['metadata', key], value, key.endsWith('Id') ? 'Id' : 'NonEmptyString', false)
  const data = json['data']
  if (!isRecord(data)) return nodes
  const definition = definitionOf(event.type)
  for (const [key, value] of Object.entries(data)) {
    const spec = definition.required[key] ?? definition.optional[key]
    push(['data', key], value, spec?.[0].name, key in definition.required, valuesOf(spec?.[0]))
    if (key !== 'lines' || !Array.isArray(value)) continue
    value.forEach((line: unknown, i) => {
      push(['data', key, i], line, 'OrderLine', false)
      if (isRecord(line))
        for (const [field, v] of Object.entries(line))
          push(['data', key, i, field], v, orderLineCodecs[field], true)
    })
  }
  return nodes
}

/** A deep copy of `json` with the value at `segments` replaced, or removed when `value` is `remove`. */
export const withValueAt = (json: unknown, segments: Segments, value: unknown, remove = false): unknown => {
  const [head, ...rest] = segments
  if (head === undefined) return value
  if (Array.isArray(json) && typeof head === 'number')
    return json.map((item: unknown, i) => (i === head ? withValueAt(item, rest, value, remove) : item))
  if (!isRecord(json) || typeof head !== 'string') return json
  const copy: Record<string, unknown> = { ...json }
  if (remove && rest.length === 0) delete copy[head]
  else copy[head] = withValueAt(json[head], rest, value, remove)
  return copy
}

/** The JSON type of a value: `null`, `array`, `object`, `string`, `number` or `boolean`. */
export const jsonType = (u: unknown): string => (u === null ? 'null' : Array.isArray(u) ? 'array' : typeof u)
