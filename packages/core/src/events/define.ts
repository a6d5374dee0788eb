import * as t from 'io-ts'
import { struct } from '../codecs/primitives.js'

/** A field of an event: its codec and one sentence for the event catalogue. */
export type FieldSpec = readonly [codec: t.Mixed, description: string]
type FieldSpecs = Readonly<Record<string, FieldSpec>>
type CodecsOf<F extends FieldSpecs> = { [K in keyof F]: F[K][0] }
type Simplify<T> = { [K in keyof T]: T[K] } & {}

/** The data type of an event, derived from its field codecs. */
export type DataOf<R extends FieldSpecs, O extends FieldSpecs> = Simplify<
  t.TypeOfProps<CodecsOf<R>> & t.TypeOfPartialProps<CodecsOf<O>>
>

export type EventGroup = 'identity' | 'contact' | 'commerce' | 'marketing'

/** What decoding needs of a codec; every io-ts `Type<D>` is one. */
export interface DataDecoder<D> {
  readonly name: string
  readonly is: (u: unknown) => u is D
  readonly validate: (u: unknown, context: t.Context) => t.Validation<D>
}

export interface EventDefinition<T extends string = string, D = unknown> {
  readonly type: T
  readonly group: EventGroup
  readonly summary: string
  /** The current schema version; older versions are upcast on read (see upcasting). */
  readonly schemaVersion: number
  readonly required: FieldSpecs
  readonly optional: FieldSpecs
  readonly codec: DataDecoder<D>
}

/** One event type's definition with its full io-ts codec. */
export interface EventCodecDefinition<T extends string, D> extends EventDefinition<T, D> {
  readonly codec: t.Type<D, D, unknown>
}

const codecsOf = (specs: FieldSpecs): t.Props =>
  Object.fromEntries(Object.entries(specs).map(([name, [codec]]) => [name, codec]))

/**
 * Defines one event type: its data codec (the single source of truth for its TypeScript type) together with
 * the words that document it. `check` adds a rule across fields; it returns the reason when data is invalid.
 */
export const defineEvent = <
  const T extends string,
  const R extends FieldSpecs,
  const O extends FieldSpecs = Record<never, never>,
>(spec: {
  type: T
  group: EventGroup
  summary: string
  schemaVersion?: number
  required: R
  optional?: O
  check?: (data: DataOf<R, O>) => string | undefined
}): EventCodecDefinition<T, DataOf<R, O>> => {
  type D = DataOf<R, O>
  // `base` is built from the same field codecs that define D, so its guard is exactly D's.
  const base = struct(codecsOf(spec.required), codecsOf(spec.optional ?? {}))
  const check = spec.check ?? (() => undefined)
  const isShape = (u: unknown): u is D => base.is(u)
  const is = (u: unknown): u is D => isShape(u) && check(u) === undefined
  const codec = new t.Type<D, D, unknown>(
    spec.type,
    is,
    (u, c) => {
      const result = base.validate(u, c)
      if (result._tag === 'Left') return result
      if (is(u)) return t.success(u)
      return t.failure(u, c, (isShape(u) && check(u)) || 'is invalid')
    },
    t.identity,
  )
  return {
    type: spec.type,
    group: spec.group,
    summary: spec.summary,
    schemaVersion: spec.schemaVersion ?? 1,
    required: spec.required,
    optional: spec.optional ?? {},
    codec,
  }
}
