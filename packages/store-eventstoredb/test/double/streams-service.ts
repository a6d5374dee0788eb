import * as grpc from '@grpc/grpc-js'
import type { EventLog, Expected, Proposed, WriteOutcome } from './log.js'
import {
  appendSuccess,
  appendWrongExpectedVersion,
  batchWrongExpectedVersion,
  maxAppendSizeError,
  packedStatus,
  proposedFrom,
  serverError,
  streamDeletedError,
  wrongExpectedVersionError,
} from './messages.js'
import {
  codePb,
  newGoogleEmpty,
  sharedPb,
  streamIdentifier,
  streamName,
  streamsPb,
  uuidMessage,
  uuidText,
} from './protocol.js'
import type { ReadCall } from './reads.js'
import { readAll, readStream } from './reads.js'
import type { SubscriptionStart } from './subscription.js'
import { subscribeToAll } from './subscription.js'

/** What tests can make the double do wrong. */
export interface FaultState {
  /** The next `remaining` appends (Append or BatchAppend) fail with `code`. */
  appendFailures: { remaining: number; code: grpc.status }
  subscriptionStart: SubscriptionStart
  /** Open Read calls (reads and subscriptions), so that a fault can abort them. */
  readonly openReads: Set<ReadCall>
  /** Events written to subscriptions so far (all calls): how far the server ran ahead of its consumers. */
  subscriptionEventsSent: number
}

type Expectation = {
  hasRevision(): boolean
  getRevision(): string
  hasNoStream(): boolean
  hasStreamExists(): boolean
}

const expectedOf = (o: Expectation | undefined): Expected =>
  o === undefined
    ? { kind: 'any' }
    : o.hasRevision()
      ? { kind: 'revision', revision: BigInt(o.getRevision()) }
      : o.hasNoStream()
        ? { kind: 'no_stream' }
        : o.hasStreamExists()
          ? { kind: 'stream_exists' }
          : { kind: 'any' }

const batchExpectedOf = (o: streamsPb.BatchAppendReq.Options | undefined): Expected =>
  o === undefined
    ? { kind: 'any' }
    : o.hasStreamPosition()
      ? { kind: 'revision', revision: BigInt(o.getStreamPosition()) }
      : o.hasNoStream()
        ? { kind: 'no_stream' }
        : o.hasStreamExists()
          ? { kind: 'stream_exists' }
          : { kind: 'any' }

const takeAppendFailure = (faults: FaultState): grpc.StatusObject | undefined => {
  if (faults.appendFailures.remaining <= 0) return undefined
  faults.appendFailures.remaining--
  return serverError(faults.appendFailures.code, 'Server is unavailable (injected fault)')
}

const unaryFailure = (stream: string, outcome: WriteOutcome): grpc.StatusObject | undefined => {
  if (outcome.kind === 'streamDeleted') return streamDeletedError(stream)
  if (outcome.kind === 'maxAppendSizeExceeded') return maxAppendSizeError(outcome.maxAppendSize)
  return undefined
}

const batchResponse = (
  correlationId: string,
  stream: string,
  outcome: WriteOutcome,
): streamsPb.BatchAppendResp => {
  const response = new streamsPb.BatchAppendResp()
    .setCorrelationId(uuidMessage(correlationId, false))
    .setStreamIdentifier(streamIdentifier(stream))
  switch (outcome.kind) {
    case 'success': {
      const success = new streamsPb.BatchAppendResp.Success()
      if (outcome.currentRevision === undefined) success.setNoStream(newGoogleEmpty())
      else success.setCurrentRevision(outcome.currentRevision.toString())
      if (outcome.position === undefined) success.setNoPosition(newGoogleEmpty())
      else
        success.setPosition(
          new sharedPb.AllStreamPosition()
            .setCommitPosition(outcome.position.commit.toString())
            .setPreparePosition(outcome.position.prepare.toString()),
        )
      return response.setSuccess(success)
    }
    case 'wrongExpectedVersion':
      return response.setError(batchWrongExpectedVersion(outcome.expected, outcome.current))
    case 'streamDeleted':
      return response.setError(
        packedStatus(
          codePb.Code.FAILED_PRECONDITION,
          'StreamDeleted',
          new sharedPb.StreamDeleted().setStreamIdentifier(streamIdentifier(stream)),
          'event_store.client.StreamDeleted',
        ),
      )
    case 'maxAppendSizeExceeded':
      return response.setError(
        packedStatus(
          codePb.Code.INVALID_ARGUMENT,
          'MaximumAppendSizeExceeded',
          new sharedPb.MaximumAppendSizeExceeded().setMaxappendsize(outcome.maxAppendSize),
          'event_store.client.MaximumAppendSizeExceeded',
        ),
      )
  }
}

const deleteResponse = <R extends { setPosition(p: P): R; setNoPosition(e: sharedPb.Empty): R }, P>(
  response: R,
  makePosition: () => P & { setCommitPosition(v: string): P; setPreparePosition(v: string): P },
  outcome: WriteOutcome,
): R => {
  if (outcome.kind !== 'success' || outcome.position === undefined)
    return response.setNoPosition(new sharedPb.Empty())
  const position = makePosition()
  position.setCommitPosition(outcome.position.commit.toString())
  position.setPreparePosition(outcome.position.prepare.toString())
  return response.setPosition(position)
}

export const streamsService = (log: EventLog, faults: FaultState): grpc.UntypedServiceImplementation => ({
  read: (call: ReadCall) => {
    faults.openReads.add(call)
    const options = call.request.getOptions() ?? new streamsPb.ReadReq.Options()
    const run = options.hasSubscription()
      ? options.hasAll()
        ? subscribeToAll(log, call, options, faults.subscriptionStart, () => faults.subscriptionEventsSent++)
        : Promise.resolve(call.emit('error', serverError(grpc.status.UNIMPLEMENTED, 'stream subscriptions')))
      : options.hasAll()
        ? readAll(log, call, options)
        : readStream(log, call, options)
    run.then(
      () => faults.openReads.delete(call),
      (e: unknown) => {
        faults.openReads.delete(call)
        call.emit('error', serverError(grpc.status.INTERNAL, String(e)))
      },
    )
  },

  append: (
    call: grpc.ServerReadableStream<streamsPb.AppendReq, streamsPb.AppendResp>,
    callback: grpc.sendUnaryData<streamsPb.AppendResp>,
  ) => {
    let options: streamsPb.AppendReq.Options | undefined
    const proposed: Proposed[] = []
    call.on('data', (req: streamsPb.AppendReq) => {
      if (req.hasOptions()) options = req.getOptions()
      const message = req.getProposedMessage()
      if (message !== undefined) proposed.push(proposedFrom(message))
    })
    call.on('end', () => {
      const fault = takeAppendFailure(faults)
      if (fault !== undefined) return callback(fault)
      const stream = streamName(options?.getStreamIdentifier())
      const expected = expectedOf(options)
      const outcome = log.append(stream, expected, proposed)
      const failure = unaryFailure(stream, outcome)
      if (failure !== undefined) return callback(failure)
      if (outcome.kind === 'wrongExpectedVersion')
        return callback(null, appendWrongExpectedVersion(outcome.expected, outcome.current))
      if (outcome.kind === 'success') callback(null, appendSuccess(outcome.currentRevision, outcome.position))
    })
  },

  batchAppend: (call: grpc.ServerDuplexStream<streamsPb.BatchAppendReq, streamsPb.BatchAppendResp>) => {
    const pending = new Map<
      string,
      { options: streamsPb.BatchAppendReq.Options | undefined; proposed: Proposed[] }
    >()
    call.on('data', (req: streamsPb.BatchAppendReq) => {
      const correlationId = uuidText(req.getCorrelationId())
      const entry = pending.get(correlationId) ?? { options: undefined, proposed: [] }
      pending.set(correlationId, entry)
      if (req.hasOptions()) entry.options = req.getOptions()
      for (const m of req.getProposedMessagesList()) entry.proposed.push(proposedFrom(m))
      if (!req.getIsFinal()) return
      pending.delete(correlationId)
      const fault = takeAppendFailure(faults)
      if (fault !== undefined) {
        call.emit('error', fault)
        return
      }
      const stream = streamName(entry.options?.getStreamIdentifier())
      const expected = batchExpectedOf(entry.options)
      call.write(batchResponse(correlationId, stream, log.append(stream, expected, entry.proposed)))
    })
    call.on('end', () => call.end())
  },

  delete: (
    call: grpc.ServerUnaryCall<streamsPb.DeleteReq, streamsPb.DeleteResp>,
    callback: grpc.sendUnaryData<streamsPb.DeleteResp>,
  ) => {
    const options = call.request.getOptions()
    const stream = streamName(options?.getStreamIdentifier())
    const outcome = log.softDelete(stream, expectedOf(options))
    if (outcome.kind === 'streamDeleted') return callback(streamDeletedError(stream))
    if (outcome.kind === 'wrongExpectedVersion')
      return callback(wrongExpectedVersionError(stream, outcome.expected, outcome.current))
    callback(
      null,
      deleteResponse(new streamsPb.DeleteResp(), () => new streamsPb.DeleteResp.Position(), outcome),
    )
  },

  tombstone: (
    call: grpc.ServerUnaryCall<streamsPb.TombstoneReq, streamsPb.TombstoneResp>,
    callback: grpc.sendUnaryData<streamsPb.TombstoneResp>,
  ) => {
    const options = call.request.getOptions()
    const stream = streamName(options?.getStreamIdentifier())
    const outcome = log.tombstone(stream, expectedOf(options))
    if (outcome.kind === 'streamDeleted') return callback(streamDeletedError(stream))
    if (outcome.kind === 'wrongExpectedVersion')
      return callback(wrongExpectedVersionError(stream, outcome.expected, outcome.current))
    callback(
      null,
      deleteResponse(new streamsPb.TombstoneResp(), () => new streamsPb.TombstoneResp.Position(), outcome),
    )
  },
})
