import * as grpc from '@grpc/grpc-js'
import type { AllPosition, Expected, LogRecord, Proposed } from './log.js'
import {
  codePb,
  newAny,
  newGoogleEmpty,
  sharedPb,
  statusPb,
  streamIdentifier,
  streamsPb,
  uuidMessage,
  uuidText,
} from './protocol.js'

/** Responses the double sends, built exactly as the server builds them. */

const eventCache = new WeakMap<LogRecord, streamsPb.ReadResp>()

const recordedEvent = (r: LogRecord, structuredIds: boolean): streamsPb.ReadResp.ReadEvent.RecordedEvent => {
  const event = new streamsPb.ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(r.id, structuredIds))
    .setStreamIdentifier(streamIdentifier(r.streamId))
    .setStreamRevision(r.revision.toString())
    .setPreparePosition(r.prepare.toString())
    .setCommitPosition(r.commit.toString())
    .setData(r.data)
    .setCustomMetadata(r.customMetadata)
  const metadata = event.getMetadataMap()
  metadata.set('type', r.type)
  metadata.set('content-type', r.contentType)
  metadata.set('created', r.created.toString())
  return event
}

/** The `ReadResp` carrying one recorded event (cached: the log is immutable). */
export const eventResponse = (r: LogRecord, structuredIds = false): streamsPb.ReadResp => {
  const cached = structuredIds ? undefined : eventCache.get(r)
  if (cached !== undefined) return cached
  const response = new streamsPb.ReadResp().setEvent(
    new streamsPb.ReadResp.ReadEvent()
      .setEvent(recordedEvent(r, structuredIds))
      .setCommitPosition(r.commit.toString()),
  )
  if (!structuredIds) eventCache.set(r, response)
  return response
}

export const confirmationResponse = (subscriptionId: string): streamsPb.ReadResp =>
  new streamsPb.ReadResp().setConfirmation(
    new streamsPb.ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId),
  )

export const checkpointResponse = (p: AllPosition): streamsPb.ReadResp =>
  new streamsPb.ReadResp().setCheckpoint(
    new streamsPb.ReadResp.Checkpoint()
      .setCommitPosition(p.commit.toString())
      .setPreparePosition(p.prepare.toString()),
  )

export const caughtUpResponse = (): streamsPb.ReadResp =>
  new streamsPb.ReadResp().setCaughtUp(new streamsPb.ReadResp.CaughtUp())

export const streamNotFoundResponse = (stream: string): streamsPb.ReadResp =>
  new streamsPb.ReadResp().setStreamNotFound(
    new streamsPb.ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(stream)),
  )

export const proposedFrom = (
  m: streamsPb.AppendReq.ProposedMessage | streamsPb.BatchAppendReq.ProposedMessage,
): Proposed => {
  const metadata = m.getMetadataMap()
  return {
    id: uuidText(m.getId()),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: m.getData_asU8(),
    customMetadata: m.getCustomMetadata_asU8(),
  }
}

/** A gRPC error status carrying the `exception` metadata the client turns into a typed error. */
export const serverError = (
  code: grpc.status,
  details: string,
  metadata: Readonly<Record<string, string>> = {},
): grpc.StatusObject => {
  const m = new grpc.Metadata()
  for (const [k, v] of Object.entries(metadata)) m.set(k, v)
  return { code, details, metadata: m }
}

const expectedVersionNumber = (e: Expected): string =>
  e.kind === 'revision'
    ? e.revision.toString()
    : e.kind === 'no_stream'
      ? '-1'
      : e.kind === 'any'
        ? '-2'
        : '-4'

export const wrongExpectedVersionError = (stream: string, expected: Expected, current: bigint | undefined) =>
  serverError(
    grpc.status.FAILED_PRECONDITION,
    `Append failed due to WrongExpectedVersion. Stream: ${stream}`,
    {
      exception: 'wrong-expected-version',
      'stream-name': stream,
      'expected-version': expectedVersionNumber(expected),
      ...(current === undefined ? {} : { 'actual-version': current.toString() }),
    },
  )

export const streamDeletedError = (stream: string) =>
  serverError(grpc.status.FAILED_PRECONDITION, `Event stream '${stream}' is deleted.`, {
    exception: 'stream-deleted',
    'stream-name': stream,
  })

export const maxAppendSizeError = (maxAppendSize: number) =>
  serverError(grpc.status.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, {
    exception: 'maximum-append-size-exceeded',
    'maximum-append-size': String(maxAppendSize),
  })

/** The unary Append's answer to a wrong expected version: a field of the response, not a gRPC error. */
export const appendWrongExpectedVersion = (
  expected: Expected,
  current: bigint | undefined,
): streamsPb.AppendResp => {
  const wev = new streamsPb.AppendResp.WrongExpectedVersion()
  if (current === undefined) wev.setCurrentNoStream(new sharedPb.Empty())
  else wev.setCurrentRevision(current.toString())
  if (expected.kind === 'revision') wev.setExpectedRevision(expected.revision.toString())
  else if (expected.kind === 'any') wev.setExpectedAny(new sharedPb.Empty())
  else if (expected.kind === 'stream_exists') wev.setExpectedStreamExists(new sharedPb.Empty())
  else wev.setExpectedNoStream(new sharedPb.Empty())
  return new streamsPb.AppendResp().setWrongExpectedVersion(wev)
}

export const appendSuccess = (
  current: bigint | undefined,
  position: AllPosition | undefined,
): streamsPb.AppendResp => {
  const success = new streamsPb.AppendResp.Success()
  if (current === undefined) success.setNoStream(new sharedPb.Empty())
  else success.setCurrentRevision(current.toString())
  if (position === undefined) success.setNoPosition(new sharedPb.Empty())
  else
    success.setPosition(
      new streamsPb.AppendResp.Position()
        .setCommitPosition(position.commit.toString())
        .setPreparePosition(position.prepare.toString()),
    )
  return new streamsPb.AppendResp().setSuccess(success)
}

/** BatchAppend reports failures as a `google.rpc.Status` whose details pack the server's error message. */
export const packedStatus = (
  code: codePb.Code,
  message: string,
  detail: { serializeBinary(): Uint8Array },
  typeName: string,
): statusPb.Status => {
  const any = newAny()
  any.pack(detail.serializeBinary(), typeName)
  return new statusPb.Status().setCode(code).setMessage(message).setDetails(any)
}

export const batchWrongExpectedVersion = (
  expected: Expected,
  current: bigint | undefined,
): statusPb.Status => {
  const wev = new sharedPb.WrongExpectedVersion()
  if (current === undefined) wev.setCurrentNoStream(newGoogleEmpty())
  else wev.setCurrentStreamRevision(current.toString())
  if (expected.kind === 'revision') wev.setExpectedStreamPosition(expected.revision.toString())
  else if (expected.kind === 'any') wev.setExpectedAny(newGoogleEmpty())
  else if (expected.kind === 'stream_exists') wev.setExpectedStreamExists(newGoogleEmpty())
  else wev.setExpectedNoStream(newGoogleEmpty())
  return packedStatus(
    codePb.Code.FAILED_PRECONDITION,
    'WrongExpectedVersion',
    wev,
    'event_store.client.WrongExpectedVersion',
  )
}
