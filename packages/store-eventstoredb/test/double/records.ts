/** What the double's log holds and answers. */

export interface AllPosition {
  readonly commit: bigint
  readonly prepare: bigint
}

export interface LogRecord extends AllPosition {
  readonly streamId: string
  readonly revision: bigint
  /** Lowercase, as the server formats GUIDs. */
  readonly id: string
  readonly type: string
  readonly contentType: string
  readonly data: Uint8Array
  readonly customMetadata: Uint8Array
  /** 100 ns ticks since the Unix epoch (what the server puts in the `created` metadata key). */
  readonly created: bigint
}

export type Expected =
  | { readonly kind: 'any' }
  | { readonly kind: 'no_stream' }
  | { readonly kind: 'stream_exists' }
  | { readonly kind: 'revision'; readonly revision: bigint }

export interface Proposed {
  readonly id: string
  readonly type: string
  readonly contentType: string
  readonly data: Uint8Array
  readonly customMetadata: Uint8Array
}

export type WriteOutcome =
  | {
      readonly kind: 'success'
      readonly currentRevision: bigint | undefined
      readonly position?: AllPosition
    }
  | {
      readonly kind: 'wrongExpectedVersion'
      readonly current: bigint | undefined
      readonly expected: Expected
    }
  | { readonly kind: 'streamDeleted' }
  | { readonly kind: 'maxAppendSizeExceeded'; readonly maxAppendSize: number }

export type StreamLookup =
  | { readonly kind: 'deleted' }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'found'; readonly records: readonly LogRecord[] }
