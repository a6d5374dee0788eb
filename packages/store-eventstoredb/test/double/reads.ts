import type * as grpc from '@grpc/grpc-js'
import type { AllPosition, EventLog, LogRecord } from './log.js'
import { eventResponse, streamDeletedError, streamNotFoundResponse } from './messages.js'
import { streamName, streamsPb } from './protocol.js'

export type ReadCall = grpc.ServerWritableStream<streamsPb.ReadReq, streamsPb.ReadResp>
type Options = streamsPb.ReadReq.Options

/** Writes with backpressure; false once the client has cancelled the call. */
export const send = async (call: ReadCall, message: streamsPb.ReadResp): Promise<boolean> => {
  if (call.cancelled || call.destroyed) return false
  if (call.write(message)) return true
  return new Promise<boolean>((resolve) => {
    const done = (ok: boolean) => () => {
      call.off('drain', onDrain)
      call.off('cancelled', onCancel)
      call.off('close', onCancel)
      resolve(ok)
    }
    const onDrain = done(true)
    const onCancel = done(false)
    call.once('drain', onDrain)
    call.once('cancelled', onCancel)
    call.once('close', onCancel)
  })
}

/** The server-side filter of a read or subscription: event type or stream name, prefixes or a regex. */
export interface RecordFilter {
  readonly matches: (r: LogRecord) => boolean
  /** Records considered per page (`maxSearchWindow`, default 32). */
  readonly window: number
  /** Checkpoint after this many considered records (window × multiplier). */
  readonly checkpointInterval: number
}

export const filterOf = (options: Options): RecordFilter | undefined => {
  const f = options.getFilter()
  if (!options.hasFilter() || f === undefined) return undefined
  const expression = f.hasEventType() ? f.getEventType() : f.getStreamIdentifier()
  const prefixes = expression?.getPrefixList() ?? []
  const regex = expression?.getRegex() ?? ''
  const pattern = regex === '' ? undefined : new RegExp(regex)
  const field = (r: LogRecord) => (f.hasEventType() ? r.type : r.streamId)
  const matches = (r: LogRecord): boolean => {
    const value = field(r)
    if (pattern !== undefined && pattern.test(value)) return true
    return prefixes.some((p) => value.startsWith(p))
  }
  const window = f.hasMax() ? f.getMax() : 32
  return { matches, window, checkpointInterval: window * Math.max(1, f.getCheckpointintervalmultiplier()) }
}

export const structuredIds = (options: Options): boolean => options.getUuidOption()?.hasStructured() ?? false

export const readStream = async (log: EventLog, call: ReadCall, options: Options): Promise<void> => {
  const stream = options.getStream()
  const name = streamName(stream?.getStreamIdentifier())
  const lookup = log.lookupStream(name)
  if (lookup.kind === 'deleted') {
    call.emit('error', streamDeletedError(name))
    return
  }
  if (lookup.kind === 'notFound') {
    await send(call, streamNotFoundResponse(name))
    call.end()
    return
  }
  const records = lookup.records
  const first = records[0]?.revision ?? 0n
  const last = records[records.length - 1]?.revision ?? 0n
  const backwards = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS
  const count = BigInt(options.getCount())
  const from = stream?.hasRevision()
    ? BigInt(stream.getRevision())
    : stream?.hasEnd() === true
      ? backwards
        ? last
        : last + 1n
      : backwards
        ? -1n
        : first
  const structured = structuredIds(options)
  let index = Number((backwards && from > last ? last : from) - first)
  if (!backwards && index < 0) index = 0
  for (let n = 0n; n < count && index >= 0 && index < records.length; n++, index += backwards ? -1 : 1) {
    const r = records[index]
    if (r === undefined || !(await send(call, eventResponse(r, structured)))) return
  }
  call.end()
}

const positionOf = (p: streamsPb.ReadReq.Options.Position | undefined): AllPosition => ({
  commit: BigInt(p?.getCommitPosition() ?? '0'),
  prepare: BigInt(p?.getPreparePosition() ?? '0'),
})

export const readAll = async (log: EventLog, call: ReadCall, options: Options): Promise<void> => {
  const allOptions = options.getAll()
  const records = log.all()
  const backwards = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS
  const filter = filterOf(options)
  const count = BigInt(options.getCount())
  let index: number
  if (allOptions?.hasStart() === true) index = backwards ? -1 : 0
  else if (allOptions?.hasEnd() === true) index = backwards ? records.length - 1 : records.length
  else {
    const at = log.indexAtOrAfter(positionOf(allOptions?.getPosition()))
    index = backwards ? at - 1 : at
  }
  const end = records.length
  const structured = structuredIds(options)
  for (let n = 0n; n < count && index >= 0 && index < end; index += backwards ? -1 : 1) {
    const r = records[index]
    if (r === undefined || (filter !== undefined && !filter.matches(r))) continue
    if (!(await send(call, eventResponse(r, structured)))) return
    n++
  }
  call.end()
}
