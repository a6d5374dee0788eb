import * as grpc from '@grpc/grpc-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventStoreDouble } from './double/index.js'
import { startEventStoreDouble } from './double/index.js'
import { sharedPb, streamIdentifier, streamsGrpc, streamsPb, uuidMessage } from './double/protocol.js'

/** The double's wire behaviour, seen through the generated gRPC client (no @eventstore/db-client logic). */
describe('the double on the wire', () => {
  let double: EventStoreDouble
  let raw: streamsGrpc.StreamsClient

  beforeAll(async () => {
    double = await startEventStoreDouble()
    const port = new URL(double.directConnectionString.replace('esdb://', 'http://')).port
    raw = new streamsGrpc.StreamsClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure())
    double.log.append('wire-1', { kind: 'any' }, [
      {
        id: crypto.randomUUID(),
        type: 'T',
        contentType: 'application/json',
        data: new Uint8Array([123, 125]),
        customMetadata: new Uint8Array(),
      },
    ])
  })
  afterAll(async () => {
    raw.close()
    await double.stop()
  })

  const proposed = () =>
    new streamsPb.AppendReq.ProposedMessage()
      .setId(uuidMessage(crypto.randomUUID(), false))
      .setData(new Uint8Array([123, 125]))

  it('answers a wrong expected version on unary Append with a response field, not a gRPC error', async () => {
    const response = await new Promise<streamsPb.AppendResp>((resolve, reject) => {
      const call = raw.append((error, r) => (error ? reject(error) : resolve(r)))
      call.write(
        new streamsPb.AppendReq().setOptions(
          new streamsPb.AppendReq.Options().setStreamIdentifier(streamIdentifier('wire-1')).setRevision('5'),
        ),
      )
      call.write(new streamsPb.AppendReq().setProposedMessage(proposed()))
      call.end()
    })
    expect(response.hasWrongExpectedVersion()).toBe(true)
    expect(response.getWrongExpectedVersion()?.getCurrentRevision()).toBe('0')
    expect(response.getWrongExpectedVersion()?.getExpectedRevision()).toBe('5')
  })

  it('answers it on BatchAppend with a google.rpc.Status packing WrongExpectedVersion', async () => {
    const response = await new Promise<streamsPb.BatchAppendResp>((resolve, reject) => {
      const call = raw.batchAppend()
      call.on('data', (r: streamsPb.BatchAppendResp) => {
        resolve(r)
        call.end()
      })
      call.on('error', reject)
      const message = new streamsPb.BatchAppendReq.ProposedMessage()
        .setId(uuidMessage(crypto.randomUUID(), false))
        .setData(new Uint8Array([123, 125]))
      call.write(
        new streamsPb.BatchAppendReq()
          .setCorrelationId(uuidMessage(crypto.randomUUID(), false))
          .setOptions(
            new streamsPb.BatchAppendReq.Options()
              .setStreamIdentifier(streamIdentifier('wire-1'))
              .setStreamPosition('5'),
          )
          .setProposedMessagesList([message])
          .setIsFinal(true),
      )
    })
    const details = response.getError()?.getDetails()
    expect(details?.getTypeName()).toBe('event_store.client.WrongExpectedVersion')
    const wev = details?.unpack(
      sharedPb.WrongExpectedVersion.deserializeBinary,
      'event_store.client.WrongExpectedVersion',
    )
    expect(wev?.getCurrentStreamRevision()).toBe('0')
    expect(wev?.getExpectedStreamPosition()).toBe('5')
  })

  const read = (options: streamsPb.ReadReq.Options, until: (r: streamsPb.ReadResp) => boolean) =>
    new Promise<streamsPb.ReadResp[]>((resolve, reject) => {
      const out: streamsPb.ReadResp[] = []
      const call = raw.read(
        new streamsPb.ReadReq().setOptions(
          options.setUuidOption(new streamsPb.ReadReq.Options.UUIDOption().setString(new sharedPb.Empty())),
        ),
      )
      call.on('data', (r: streamsPb.ReadResp) => {
        out.push(r)
        if (until(r)) {
          call.cancel()
          resolve(out)
        }
      })
      call.on('end', () => resolve(out))
      call.on('error', (e: grpc.ServiceError) =>
        e.code === grpc.status.CANCELLED ? resolve(out) : reject(e),
      )
    })

  it('answers a read of a missing stream with a stream_not_found message', async () => {
    const responses = await read(
      new streamsPb.ReadReq.Options()
        .setStream(
          new streamsPb.ReadReq.Options.StreamOptions()
            .setStreamIdentifier(streamIdentifier('nope'))
            .setStart(new sharedPb.Empty()),
        )
        .setCount('10')
        .setNoFilter(new sharedPb.Empty()),
      () => false,
    )
    expect(responses.map((r) => r.getContentCase())).toEqual([
      streamsPb.ReadResp.ContentCase.STREAM_NOT_FOUND,
    ])
  })

  it('sends a subscription confirmation, the catch-up events, caught-up, then live events', async () => {
    const Case = streamsPb.ReadResp.ContentCase
    const pending = read(
      new streamsPb.ReadReq.Options()
        .setAll(new streamsPb.ReadReq.Options.AllOptions().setStart(new sharedPb.Empty()))
        .setSubscription(new streamsPb.ReadReq.Options.SubscriptionOptions())
        .setNoFilter(new sharedPb.Empty()),
      (r) => r.getEvent()?.getEvent()?.getMetadataMap().get('type') === 'Live',
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    double.log.append('wire-2', { kind: 'any' }, [
      {
        id: crypto.randomUUID(),
        type: 'Live',
        contentType: 'application/json',
        data: new Uint8Array([123, 125]),
        customMetadata: new Uint8Array(),
      },
    ])
    const kinds = (await pending).map((r) => r.getContentCase())
    expect(kinds[0]).toBe(Case.CONFIRMATION)
    expect(kinds.slice(1, -2).every((k) => k === Case.EVENT)).toBe(true)
    expect(kinds.slice(-2)).toEqual([Case.CAUGHT_UP, Case.EVENT])
    const metadata = (await pending)[1]?.getEvent()?.getEvent()?.getMetadataMap()
    expect(metadata?.get('type')?.startsWith('$')).toBe(true)
    expect(metadata?.get('created')).toMatch(/^\d+$/)
  })
})
